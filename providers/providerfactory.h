#pragma once

#include "profile.h"
#include "user.h"

#include <memory>

class Provider;
class QNetworkAccessManager;
class QObject;

// Makes the Provider a profile's kind names; nullptr for an unknown kind.
namespace ProviderFactory {
// `proxySecret` is the secret of the profile's proxyCredential, if it has one.
Provider *create(const Profile &profile, const QString &secret, QNetworkAccessManager *nam,
    QObject *parent = nullptr, const QString &proxySecret = {});
// The same, shared (see SharedProvider); empty for an unknown kind.
std::shared_ptr<Provider> createShared(const Profile &profile, const QString &secret,
    QNetworkAccessManager *nam, const QString &proxySecret = {});
// Rebuilds a whole User (roles and all) from the raw record a kind's parser kept.
using RecordDecoder = User (*)(const QByteArray &rawRecord);
RecordDecoder recordDecoder(const QString &kind);
} // namespace ProviderFactory
