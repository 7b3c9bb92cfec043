#pragma once

#include "profile.h"

class Provider;
class QNetworkAccessManager;
class QObject;

// Makes the Provider a profile's kind names; nullptr for an unknown kind.
namespace ProviderFactory {
Provider *create(const Profile &profile, const QString &secret, QNetworkAccessManager *nam,
                 QObject *parent = nullptr);
} // namespace ProviderFactory
