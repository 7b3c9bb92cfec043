#pragma once

#include "../provider.h"

struct ProviderKind;
namespace LlamaCloud {
const ProviderKind &kind(); // llamacloudkind.cpp: everything Roster knows about this kind
}

// Lists an organization's memberships from LlamaCloud, in one response.
class LlamaCloudProvider : public Provider
{
    Q_OBJECT
public:
    LlamaCloudProvider(const Profile &profile, const QString &secret, QNetworkAccessManager *nam,
        QObject *parent = nullptr);

    QString kind() const override;
    ProviderCapabilities capabilities() const override;
    PageReply *fetchPage(const QString &token) override;
};
