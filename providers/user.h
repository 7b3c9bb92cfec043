#pragma once

#include "column.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// One permission of a role, granted or explicitly denied.
struct Permission
{
    QString id;
    QString name;
    QString description;
    bool granted = true;
};

// A group through which a role is inherited (CSP).
struct RoleGroup
{
    QString id;
    QString displayName;
    QString domain;
    QString groupType;
    qint64 usersCount = -1;
};

// A role held by a user: organization-wide when serviceId is empty, else scoped to a service.
struct Role
{
    QString id;
    QString name;
    QString displayName;
    QString serviceId;
    QString membershipType;
    QString expiresAt;
    QString resource;
    QList<RoleGroup> groups;
    QList<Permission> permissions;

    bool isServiceRole() const { return !serviceId.isEmpty(); }
    // The form used in the `roles` column: the name, or `serviceId/name` for a service role.
    QString qualifiedName() const;
};

// One user of an organization as any provider reports it.
struct User
{
    QString id;
    QString userId;
    QString email;
    QString givenName;
    QString familyName;
    QString displayName;
    QString phone;
    QString status;
    QString username;
    QString idpId;
    QString createdAt;
    QString updatedAt;

    QString organizationId;
    QString domain;
    QString locale;

    bool pending = false;
    QString invitedById;
    QString invitedByEmail;

    QList<Role> roles;
    // The groups the user belongs to, by display name (SCIM).
    QStringList groups;
    // Further labelled facts the kind reports, in order (SCIM's enterprise extension: employee
    // number, department, manager); shown in the detail pane's "Employment" section.
    QList<QPair<QString, QString>> details;

    // Char's raw IdP attributes: the decoded JSON text, or the string as received when it was not
    // JSON.
    QString rawAttributes;
    bool rawAttributesIsJson = false;

    // The record exactly as the provider sent it (compact JSON).
    QByteArray rawRecord;

    QString value(Column column) const;
    QString invitedBy() const { return invitedByEmail.isEmpty() ? invitedById : invitedByEmail; }
    QString rolesText() const;

    // Joins the non-empty of the two names with one space (spec: no trimming).
    static QString joinNames(const QString &first, const QString &last);
};
