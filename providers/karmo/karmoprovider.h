#pragma once

#include "../provider.h"

// Lists an organization's users from Karmo (WorkOS mode), cursor-paged.
class KarmoProvider : public Provider
{
    Q_OBJECT
public:
    KarmoProvider(const Profile &profile, const QString &secret, QNetworkAccessManager *nam,
                  QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("karmo"); }
    ProviderCapabilities capabilities() const override;
    PageReply *fetchPage(const QString &token) override;

private:
    int m_pageSize;
};
