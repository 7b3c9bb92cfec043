#pragma once

#include "../provider.h"

struct ProviderKind;
namespace Karmo {
const ProviderKind &kind(); // karmokind.cpp: everything Roster knows about this kind
}

// Lists an organization's users from Karmo (WorkOS mode), cursor-paged.
class KarmoProvider : public Provider
{
    Q_OBJECT
public:
    KarmoProvider(const Profile &profile, const QString &secret, QNetworkAccessManager *nam,
        QObject *parent = nullptr);

    QString kind() const override;
    ProviderCapabilities capabilities() const override;
    PageReply *fetchPage(const QString &token) override;

private:
    int m_pageSize;
};
