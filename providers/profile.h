#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

// Signing in with the provider's authorization server (OAuth 2.0): where and as which client.
struct OAuthSettings
{
    QUrl issuer; // its discovery document lives below this
    QString clientId;
    QStringList scopes;
    QString audience; // optional: the API the tokens are for
    int redirectPort = 0; // the loopback redirect's port; 0 for any free one
};

// Where a profile's secret comes from; never the secret itself (except in-memory demo profiles).
struct CredentialSource
{
    enum class Type { None, Env, File, Keychain, Inline, OAuth };
    CredentialSource() = default;
    CredentialSource(Type t, QString v = {})
        : type(t)
        , value(std::move(v))
    { }

    Type type = Type::None;
    QString value; // variable name, file path, or (Inline, never saved) the demo token
    OAuthSettings oauth; // Type::OAuth: the tokens come from signing in
};

// One configured provider connection, as the profiles file holds it.
struct Profile
{
    QString name;
    QString kind;
    QUrl baseUrl;
    QString organization;
    CredentialSource credential;
    QJsonObject options;
    QString caFile; // a PEM bundle this profile trusts besides the system store; empty for none
    QString proxy; // "system" (also when empty), "none" or a proxy URL
    CredentialSource proxyCredential; // "user:password" for the proxy; Type::None for none

    int pageSize() const { return options.value(QStringLiteral("pageSize")).toInt(0); }
    QString option(const QString &key, const QString &fallback) const
    {
        return options.value(key).toString(fallback);
    }
};
