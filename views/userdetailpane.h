#pragma once

#include "user.h"

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QTreeWidget;
class QVBoxLayout;

// Everything about one user: identity, invitation, roles with their permissions and groups, the
// groups they belong to, employment facts (SCIM's enterprise extension), Char's raw attributes as a
// tree, and the raw record as pretty JSON.
class UserDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit UserDetailPane(QWidget *parent = nullptr);

    void setUser(const User &user, const QString &kind);
    void clear();

    // For tests: the roles tree and the raw record text.
    QString rawRecordText() const;
    QString identityText() const;
    QString groupsText() const;
    QString employmentText() const;

private:
    void addIdentityRow(const QString &label, const QString &value);
    void buildTrees(QVBoxLayout *layout);
    void buildMembership(QVBoxLayout *layout);
    void showMembership(const User &user, int sections);
    void showIdentity(const User &user, const QString &organizationLabel);
    void showInvitation(const User &user);
    void showRoles(const QList<Role> &roles);
    void showAttributes(const User &user);

    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_placeholder;
    QScrollArea *m_scroll;
    QWidget *m_content;
    QFormLayout *m_identity;
    QGroupBox *m_invitationBox;
    QLabel *m_invitation;
    QGroupBox *m_rolesBox;
    QTreeWidget *m_roles;
    QGroupBox *m_groupsBox;
    QLabel *m_groups;
    QGroupBox *m_employmentBox;
    QFormLayout *m_employment;
    QGroupBox *m_attributesBox;
    QTreeWidget *m_attributes;
    QPlainTextEdit *m_raw;
};
