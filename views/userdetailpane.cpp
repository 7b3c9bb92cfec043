#include "userdetailpane.h"

#include "providerkind.h"
#include "statuscolors.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
QLabel *selectableLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

void addJson(
    QTreeWidgetItem *parent, QTreeWidget *tree, const QString &key, const QJsonValue &value)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, key);
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(item, tree, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (int i = 0; i < a.size(); ++i)
            addJson(item, tree, QStringLiteral("[%1]").arg(i), a.at(i));
    } else if (value.isNull()) {
        item->setText(1, QStringLiteral("null"));
        item->setForeground(1, QApplication::palette().color(QPalette::PlaceholderText));
    } else {
        item->setText(1,
            value.isString() ? value.toString()
                             : QString::fromUtf8(
                                 QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
                                   .mid(1)
                                   .chopped(1));
    }
}
} // namespace

UserDetailPane::UserDetailPane(QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_placeholder = new QLabel(
        tr("Select a user to see their identity, roles, permissions and invitation."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_placeholder->setMargin(24);
    outer->addWidget(m_placeholder);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setAccessibleName(tr("User details"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(m_scroll);
    auto *layout = new QVBoxLayout(m_content);
    m_title = new QLabel(m_content);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = selectableLabel(QString(), m_content);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);

    auto *identityBox = new QGroupBox(tr("Identity"), m_content);
    m_identity = new QFormLayout(identityBox);
    m_identity->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_identity->setRowWrapPolicy(QFormLayout::DontWrapRows);
    layout->addWidget(identityBox);

    m_invitationBox = new QGroupBox(tr("Invitation"), m_content);
    auto *invLayout = new QVBoxLayout(m_invitationBox);
    m_invitation = selectableLabel(QString(), m_invitationBox);
    invLayout->addWidget(m_invitation);
    layout->addWidget(m_invitationBox);

    buildTrees(layout);
    auto *rawBox = new QGroupBox(tr("Raw record"), m_content);
    auto *rawLayout = new QVBoxLayout(rawBox);
    m_raw = new QPlainTextEdit(rawBox);
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setMinimumHeight(160);
    rawLayout->addWidget(m_raw);
    auto *copy = new QPushButton(tr("Copy JSON"), rawBox);
    copy->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    connect(copy, &QPushButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_raw->toPlainText()); });
    rawLayout->addWidget(copy, 0, Qt::AlignRight);
    layout->addWidget(rawBox);
    layout->addStretch(1);

    m_scroll->setWidget(m_content);
    outer->addWidget(m_scroll);
    clear();
}

// The roles and attributes trees, each in its box.
void UserDetailPane::buildTrees(QVBoxLayout *layout)
{
    m_rolesBox = new QGroupBox(tr("Roles and permissions"), m_content);
    auto *rolesLayout = new QVBoxLayout(m_rolesBox);
    m_roles = new QTreeWidget(m_rolesBox);
    m_roles->setObjectName(QStringLiteral("rolesTree"));
    m_roles->setColumnCount(2);
    m_roles->setHeaderLabels({tr("Role / permission"), tr("Details")});
    m_roles->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_roles->setRootIsDecorated(true);
    m_roles->setUniformRowHeights(true);
    m_roles->setMinimumHeight(260);
    rolesLayout->addWidget(m_roles);
    layout->addWidget(m_rolesBox);
    buildMembership(layout);

    m_attributesBox = new QGroupBox(tr("Raw IdP attributes"), m_content);
    auto *attrLayout = new QVBoxLayout(m_attributesBox);
    m_attributes = new QTreeWidget(m_attributesBox);
    m_attributes->setHeaderLabels({tr("Attribute"), tr("Value")});
    m_attributes->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_attributes->setMinimumHeight(120);
    attrLayout->addWidget(m_attributes);
    layout->addWidget(m_attributesBox);
}

// The groups a user belongs to, and the facts of their employment.
void UserDetailPane::buildMembership(QVBoxLayout *layout)
{
    m_groupsBox = new QGroupBox(tr("Groups"), m_content);
    auto *groupsLayout = new QVBoxLayout(m_groupsBox);
    m_groups = selectableLabel(QString(), m_groupsBox);
    groupsLayout->addWidget(m_groups);
    layout->addWidget(m_groupsBox);

    m_employmentBox = new QGroupBox(tr("Employment"), m_content);
    m_employment = new QFormLayout(m_employmentBox);
    m_employment->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(m_employmentBox);
}

void UserDetailPane::showMembership(const User &u, int sections)
{
    m_groupsBox->setVisible(sections & ProviderKind::Groups);
    m_groupsBox->setTitle(
        u.groups.isEmpty() ? tr("Groups") : tr("Groups (%L1)").arg(u.groups.size()));
    m_groups->setText(
        u.groups.isEmpty() ? tr("Not a member of any group.") : u.groups.join(QLatin1Char('\n')));
    m_groups->setEnabled(!u.groups.isEmpty());
    m_employmentBox->setVisible(sections & ProviderKind::Employment);
    while (m_employment->rowCount() > 0)
        m_employment->removeRow(0);
    for (const auto &[label, value] : u.details)
        m_employment->addRow(label + QLatin1Char(':'), selectableLabel(value, m_employmentBox));
    if (u.details.isEmpty()) {
        auto *none = selectableLabel(tr("No employment details."), m_employmentBox);
        none->setEnabled(false);
        m_employment->addRow(none);
    }
}

QString UserDetailPane::groupsText() const
{
    return m_groupsBox->isHidden() ? QString() : m_groups->text();
}

QString UserDetailPane::employmentText() const
{
    QStringList lines;
    for (int r = 0; r < m_employment->rowCount(); ++r) {
        QLayoutItem *label = m_employment->itemAt(r, QFormLayout::LabelRole);
        QLayoutItem *field = m_employment->itemAt(r, QFormLayout::FieldRole);
        auto *l = label ? qobject_cast<QLabel *>(label->widget()) : nullptr;
        auto *v = field ? qobject_cast<QLabel *>(field->widget()) : nullptr;
        if (l && v)
            lines << l->text() + QLatin1Char(' ') + v->text();
    }
    return lines.join(QLatin1Char('\n'));
}

void UserDetailPane::clear()
{
    m_placeholder->show();
    m_scroll->hide();
}

void UserDetailPane::addIdentityRow(const QString &label, const QString &value)
{
    if (value.isEmpty())
        return;
    m_identity->addRow(label, selectableLabel(value, m_content));
}

QString UserDetailPane::identityText() const
{
    QStringList lines;
    for (int r = 0; r < m_identity->rowCount(); ++r) {
        auto *l = qobject_cast<QLabel *>(m_identity->itemAt(r, QFormLayout::LabelRole)
                ? m_identity->itemAt(r, QFormLayout::LabelRole)->widget()
                : nullptr);
        auto *v = qobject_cast<QLabel *>(m_identity->itemAt(r, QFormLayout::FieldRole)
                ? m_identity->itemAt(r, QFormLayout::FieldRole)->widget()
                : nullptr);
        if (l && v)
            lines << l->text() + QLatin1Char(' ') + v->text();
    }
    return lines.join(QLatin1Char('\n'));
}

QString UserDetailPane::rawRecordText() const
{
    return m_raw->toPlainText();
}

void UserDetailPane::setUser(const User &u, const QString &kind)
{
    const ProviderKind *k = ProviderKinds::find(kind);
    m_placeholder->hide();
    m_scroll->show();
    m_title->setText(u.displayName.isEmpty() ? tr("(no name)") : u.displayName);
    m_subtitle->setText(u.email);
    m_subtitle->setVisible(!u.email.isEmpty() && u.email != u.displayName);

    showIdentity(u, k && k->organizationLabel ? k->organizationLabel() : tr("Organization:"));
    // Invitation, roles, groups, employment, attributes: the sections the kind contributes.
    const int sections = k ? k->sections : ProviderKind::NoSections;
    m_invitationBox->setVisible(sections & ProviderKind::Invitation);
    if (sections & ProviderKind::Invitation)
        showInvitation(u);
    m_rolesBox->setVisible(sections & ProviderKind::Roles);
    m_roles->clear();
    if (sections & ProviderKind::Roles)
        showRoles(u.roles);
    showMembership(u, sections);
    m_attributesBox->setVisible(sections & ProviderKind::Attributes);
    m_attributes->clear();
    if (sections & ProviderKind::Attributes)
        showAttributes(u);

    // A stored account (History) has no record as received: no empty box for it.
    m_raw->parentWidget()->setVisible(!u.rawRecord.isEmpty());
    const QJsonDocument raw = QJsonDocument::fromJson(u.rawRecord);
    m_raw->setPlainText(raw.isNull() ? QString::fromUtf8(u.rawRecord)
                                     : QString::fromUtf8(raw.toJson(QJsonDocument::Indented)));
}

void UserDetailPane::showIdentity(const User &u, const QString &organizationLabel)
{
    while (m_identity->rowCount() > 0)
        m_identity->removeRow(0);
    addIdentityRow(tr("Given name:"), u.givenName);
    addIdentityRow(tr("Family name:"), u.familyName);
    addIdentityRow(tr("Email:"), u.email);
    addIdentityRow(tr("Phone:"), u.phone);
    addIdentityRow(tr("Username:"), u.username);
    addIdentityRow(tr("Status:"), u.status);
    addIdentityRow(tr("ID:"), u.id);
    if (u.userId != u.id)
        addIdentityRow(
            tr("User ID:"), u.userId.isEmpty() ? tr("(none: not signed up yet)") : u.userId);
    addIdentityRow(tr("IdP ID:"), u.idpId);
    addIdentityRow(tr("Domain:"), u.domain);
    addIdentityRow(tr("Locale:"), u.locale);
    addIdentityRow(organizationLabel, u.organizationId);
    addIdentityRow(tr("Created:"), u.createdAt);
    addIdentityRow(tr("Updated:"), u.updatedAt);
}

void UserDetailPane::showInvitation(const User &u)
{
    QString text = u.pending ? tr("Pending: invited, has not signed up yet.")
                             : tr("Accepted: a member of the organization.");
    if (!u.invitedByEmail.isEmpty() && !u.invitedById.isEmpty())
        text += QLatin1Char('\n') + tr("Invited by %1 (%2)").arg(u.invitedByEmail, u.invitedById);
    else if (!u.invitedBy().isEmpty())
        text += QLatin1Char('\n') + tr("Invited by %1").arg(u.invitedBy());
    else
        text += QLatin1Char('\n') + tr("Inviter not recorded.");
    m_invitation->setText(text);
}

// Organization roles first, then service roles grouped under their service.
void UserDetailPane::showRoles(const QList<Role> &roles)
{
    const QColor granted = StatusColors::granted(palette());
    const QColor denied = StatusColors::denied(palette());
    QTreeWidgetItem *orgHeader = nullptr;
    QHash<QString, QTreeWidgetItem *> services;
    for (const Role &r : roles) {
        QTreeWidgetItem *parent;
        if (!r.isServiceRole()) {
            if (!orgHeader) {
                orgHeader = new QTreeWidgetItem(m_roles, {tr("Organization roles")});
                QFont f = orgHeader->font(0);
                f.setBold(true);
                orgHeader->setFont(0, f);
            }
            parent = orgHeader;
        } else {
            parent = services.value(r.serviceId);
            if (!parent) {
                parent = new QTreeWidgetItem(m_roles, {tr("Service %1").arg(r.serviceId)});
                QFont f = parent->font(0);
                f.setBold(true);
                parent->setFont(0, f);
                services.insert(r.serviceId, parent);
            }
        }
        QStringList details;
        if (!r.displayName.isEmpty() && r.displayName != r.name)
            details << r.displayName;
        if (!r.membershipType.isEmpty())
            details << tr("membership: %1").arg(r.membershipType);
        if (!r.expiresAt.isEmpty())
            details << tr("expires: %1").arg(r.expiresAt);
        if (!r.resource.isEmpty())
            details << tr("resource: %1").arg(r.resource);
        auto *roleItem = new QTreeWidgetItem(parent, {r.name, details.join(QStringLiteral(" · "))});
        roleItem->setToolTip(0, r.id);
        roleItem->setToolTip(1, roleItem->text(1));
        for (const Permission &p : r.permissions) {
            auto *pi = new QTreeWidgetItem(roleItem,
                {(p.granted ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + p.name,
                    (p.granted ? tr("granted") : tr("denied"))
                        + (p.description.isEmpty() ? QString()
                                                   : QStringLiteral(" — ") + p.description)});
            pi->setForeground(0, p.granted ? granted : denied);
            pi->setForeground(1, p.granted ? granted : denied);
            pi->setData(0, Qt::UserRole, p.granted);
            pi->setToolTip(1, pi->text(1));
        }
        for (const RoleGroup &g : r.groups) {
            QString text = g.displayName.isEmpty() ? g.id : g.displayName;
            QStringList gd;
            if (!g.groupType.isEmpty())
                gd << g.groupType;
            if (!g.domain.isEmpty())
                gd << g.domain;
            if (g.usersCount >= 0)
                gd << tr("%n user(s)", nullptr, int(g.usersCount));
            new QTreeWidgetItem(
                roleItem, {tr("via group %1").arg(text), gd.join(QStringLiteral(" · "))});
        }
    }
    if (roles.isEmpty())
        new QTreeWidgetItem(m_roles, {tr("No roles")});
    m_roles->expandAll();
}

// Raw attributes (Char): a tree when they were JSON, the string as received otherwise.
void UserDetailPane::showAttributes(const User &u)
{
    if (u.rawAttributes.isEmpty()) {
        new QTreeWidgetItem(m_attributes, {tr("(none)")});
    } else if (u.rawAttributesIsJson) {
        const QJsonDocument doc = QJsonDocument::fromJson(u.rawAttributes.toUtf8());
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(nullptr, m_attributes, it.key(), it.value());
        m_attributes->expandAll();
    } else {
        new QTreeWidgetItem(m_attributes, {tr("(not JSON)"), u.rawAttributes});
    }
}
