#include "providerkind.h"

// Each registered kind's descriptor, defined in its own folder.
#define ROSTER_KIND(Name)                                                                          \
    namespace Name {                                                                               \
    const ProviderKind &kind();                                                                    \
    }
#include "kinds.def"
#undef ROSTER_KIND

const QList<const ProviderKind *> &ProviderKinds::all()
{
#define ROSTER_KIND(Name) &Name::kind(),
    static const QList<const ProviderKind *> kinds {
#include "kinds.def"
    };
#undef ROSTER_KIND
    return kinds;
}

QStringList ProviderKind::commonDormantStatuses()
{
    return {QStringLiteral("inactive"), QStringLiteral("pending"), QStringLiteral("suspended"),
        QStringLiteral("deactivated"), QStringLiteral("disabled"), QStringLiteral("invited")};
}

const ProviderKind *ProviderKinds::find(const QString &id)
{
    for (const ProviderKind *k : all()) {
        if (k->id == id)
            return k;
    }
    return nullptr;
}

QStringList ProviderKinds::ids()
{
    QStringList out;
    for (const ProviderKind *k : all())
        out << k->id;
    return out;
}

QString ProviderKinds::displayName(const QString &id)
{
    const ProviderKind *k = find(id);
    return k ? k->displayName() : id;
}
