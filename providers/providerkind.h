#pragma once

#include "profile.h"
#include "providererror.h"
#include "user.h"

#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class Provider;
class QNetworkAccessManager;

// One choice-valued option of a kind's profiles ("options.auth" and the like): the profiles file,
// its validation and the profile dialog's fields are all built from it.
struct ProviderOption
{
    QString key;
    QString (*label)(); // the dialog's label, translated when asked, with a mnemonic
    QStringList values; // what the profiles file may hold; the first is the default
    QStringList (*titles)(); // how the dialog shows each value, translated when asked

    QString defaultValue() const { return values.value(0); }
};

// An organization a credential can see, offered by a kind's discovery ("Choose…").
struct OrganizationChoice
{
    QString id;
    QString title;
};

// Lists the organizations (Char: directories) a credential can see; emits finished() once.
class OrganizationLookup : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    QList<OrganizationChoice> choices;
    ProviderError error;
    QString title; // for the chooser: "Choose a directory"
    QString prompt; // "Directories this token can see:"

signals:
    void finished();
};

// Everything Roster knows about one kind of provider, defined in the vendor's folder and
// registered in providers/kinds.def. Profile validation, the profile dialog, the window, the
// detail pane and the factory ask it; none of them names a kind.
struct ProviderKind
{
    // "inactive", "pending", "suspended", "deactivated", "disabled", "invited".
    static QStringList commonDormantStatuses();

    enum Section {
        NoSections = 0,
        Roles = 1, // a roles tree (organization and service roles, permissions, groups)
        Invitation = 2, // pending or accepted, and who invited
        Attributes = 4, // free-form attributes as received
        Groups = 8, // the groups the user belongs to
        Employment = 16, // labelled facts such as employee number, department and manager
    };

    QString id; // "kind" in the profiles file
    QString (*displayName)(); // translated when asked
    QString urlPlaceholder; // the vendor's usual base URL
    QString (*organizationPlaceholder)();
    QString (*organizationLabel)(); // the detail pane's label: "Organization:", "Directory:"
    // False when the base URL itself names the tenant (SCIM): profiles then need no organization.
    bool hasOrganization = true;
    QList<ProviderOption> options; // besides pageSize, which every kind has
    int maxPageSize = 100; // one-array kinds: how many rows the table reveals at once
    QList<Column> columns; // the columns it fills, in the documented order
    QList<Column> hiddenColumns; // filled but shown only on request (a copy of another)
    int sections = NoSections;
    // Whether its servers can search (Provider::search() may become Server): the window's search
    // field and `roster export --filter` offer it only for such kinds.
    bool serverSearch = false;
    // The statuses (compared without case) that mean an account is not active, or not yet: the
    // access review counts such accounts that still hold roles. Kinds whose API has its own
    // vocabulary list it; the others get the words common to identity providers.
    QStringList dormantStatuses = commonDormantStatuses();
    // Kinds that search on the server: why a search text would not be understood (a filter that
    // starts like one and then is not), empty when it can be sent. The window shows it under the
    // field and `roster export --filter` refuses with it, rather than searching for nonsense.
    QString (*searchProblem)(const QString &text) = nullptr;
    // Whether a profile of this kind sends its secret as "Authorization: Bearer", so that it can
    // sign in with OAuth (a `credential` of `oauth`); null when it never does.
    bool (*sendsBearer)(const Profile &) = nullptr;
    Provider *(*create)(
        const Profile &, const QString &secret, QNetworkAccessManager *, QObject *parent)
        = nullptr;
    // Rebuilds a whole User (roles and all) from the raw record its parser kept.
    User (*decode)(const QByteArray &rawRecord) = nullptr;
    // Lists the organizations a credential can see; null when the API cannot.
    OrganizationLookup *(*discover)(
        const Profile &, const QString &secret, QNetworkAccessManager *, QObject *parent)
        = nullptr;

    // A profile's value for one of the options, or the option's default.
    QString optionValue(const Profile &profile, const QString &key) const
    {
        const ProviderOption *o = option(key);
        return profile.option(key, o ? o->defaultValue() : QString());
    }
    // The page size a profile asks for, within what the API allows.
    int pageSize(const Profile &profile, int fallback) const
    {
        return profile.pageSize() > 0 ? std::min(profile.pageSize(), maxPageSize) : fallback;
    }

    const ProviderOption *option(const QString &key) const
    {
        for (const ProviderOption &o : options) {
            if (o.key == key)
                return &o;
        }
        return nullptr;
    }
};

// Helpers for a kind's descriptor.
namespace ProviderKindHelpers {
template<class P>
Provider *create(
    const Profile &profile, const QString &secret, QNetworkAccessManager *nam, QObject *parent)
{
    return new P(profile, secret, nam, parent);
}

// A record decoder from a parser's per-record reader.
template<User (*Read)(const QJsonObject &, const QString &, QString *)>
User decode(const QByteArray &raw)
{
    QString ignored;
    User u = Read(QJsonDocument::fromJson(raw).object(), QString(), &ignored);
    u.rawRecord = raw;
    return u;
}
} // namespace ProviderKindHelpers

// The registered kinds, in the order the profile dialog offers them.
namespace ProviderKinds {
const QList<const ProviderKind *> &all();
const ProviderKind *find(const QString &id); // nullptr for an unknown kind
QStringList ids();
// The kind's translated name ("SCIM 2.0"), or the id itself for an unknown kind.
QString displayName(const QString &id);
} // namespace ProviderKinds
