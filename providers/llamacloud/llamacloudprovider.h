#pragma once

#include "../provider.h"

// Lists an organization's memberships from LlamaCloud, in one response.
class LlamaCloudProvider : public Provider
{
    Q_OBJECT
public:
    LlamaCloudProvider(const Profile &profile, const QString &secret, QNetworkAccessManager *nam,
                       QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("llamacloud"); }
    ProviderCapabilities capabilities() const override;
    PageReply *fetchPage(const QString &token) override;
};
