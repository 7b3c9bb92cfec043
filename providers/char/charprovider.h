#pragma once

#include "../provider.h"
#include "charparser.h"

struct ProviderKind;
namespace Char {
const ProviderKind &kind(); // charkind.cpp: everything Roster knows about this kind
}

// Lists a Char directory's users, in one response; can also list the caller's directories.
class CharProvider : public Provider
{
    Q_OBJECT
public:
    CharProvider(const Profile &profile, const QString &secret, QNetworkAccessManager *nam,
        QObject *parent = nullptr);

    QString kind() const override;
    ProviderCapabilities capabilities() const override;
    PageReply *fetchPage(const QString &token) override;
    // GET /api/directories; the caller owns the call and parses it with
    // CharParser::parseDirectories.
    HttpCall *requestDirectories(QObject *parent);
};
