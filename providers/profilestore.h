#pragma once

#include "profile.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

// Reads, validates and atomically writes the profiles file (spec/cli-and-profiles.md).
class ProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)

public:
    // One problem in the file, naming the profile and the field.
    struct Issue
    {
        int index = -1; // 0-based position in "profiles", -1 for the file as a whole
        QString profile;
        QString field;
        QString message;
        QString text() const;
    };

    static QString defaultPath();
    // --config, else $ROSTER_CONFIG, else the default location.
    static QString resolvePath(const QString &commandLineConfig);
    static QStringList kinds();
    // The largest pageSize a kind accepts.
    static int maxPageSize(const QString &kind);

    // Replaces the profiles with the file's; on any issue keeps none and returns false.
    bool load(const QString &path);
    bool loadFromJson(const QByteArray &json);
    bool save(const QString &path, QString *errorText) const;
    QByteArray toJson() const;

    const QList<Profile> &profiles() const { return m_profiles; }
    void setProfiles(const QList<Profile> &profiles) { m_profiles = profiles; }
    const Profile *find(const QString &name) const;
    const QList<Issue> &issues() const { return m_issues; }
    QString errorText() const;

    // Checks one profile on its own (the profiles dialog uses this per field).
    static QList<Issue> validate(const Profile &profile, int index = -1);
    static QJsonObject toJson(const Profile &profile);

private:
    Profile readProfile(const QJsonObject &object, int index);
    CredentialSource readSource(
        const QJsonValue &value, int index, const QString &profile, const QString &field);
    static QList<Issue> validateConnection(const Profile &profile, int index);
    static QList<Issue> validateOptions(const Profile &profile, int index);
    static QList<Issue> validateOAuth(const Profile &profile, int index);
    OAuthSettings readOAuth(
        const QJsonValue &value, int index, const QString &profile, const QString &field);
    QList<Profile> m_profiles;
    QList<Issue> m_issues;
};
