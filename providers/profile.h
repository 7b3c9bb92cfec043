#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

// Where a profile's secret comes from; never the secret itself (except in-memory demo profiles).
struct CredentialSource
{
    enum class Type { None, Env, File, Keychain, Inline };
    Type type = Type::None;
    QString value; // variable name, file path, or (Inline, never saved) the demo token
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
