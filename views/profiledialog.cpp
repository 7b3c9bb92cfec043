#include "profiledialog.h"

#include "accessibility.h"
#include "credentialstore.h"
#include "formrows.h"
#include "httpclient.h"
#include "pagereply.h"
#include "profilestore.h"
#include "provider.h"
#include "providerfactory.h"
#include "providerkind.h"
#include "signinrows.h"
#include "statuscolors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

ProfileDialog::ProfileDialog(ProfileStore *store, CredentialStore *credentials,
    QNetworkAccessManager *nam, bool demo, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_credentials(credentials)
    , m_nam(nam)
    , m_demo(demo)
    , m_profiles(store->profiles())
{
    setWindowTitle(tr("Profiles"));
    auto *layout = new QVBoxLayout(this);
    if (demo) {
        auto *note = new QLabel(tr("These are the demo sandbox's profiles. Changes last until "
                                   "Roster is closed and are never saved."),
            this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    auto *splitter = new QSplitter(this);
    splitter->addWidget(buildList(splitter));
    m_form = new QWidget(splitter);
    m_rows = std::make_unique<FormRows>(m_form);
    buildIdentityRows();
    buildCredentialRows();
    buildConnectionRows();
    buildOptionRows();
    splitter->addWidget(m_form);
    splitter->setStretchFactor(1, 1);
    m_splitter = splitter;
    layout->addWidget(splitter, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    layout->addWidget(m_buttons);
    connectFields();

    resize(860, 560);
    fitListToNames();
    if (!m_profiles.isEmpty())
        m_list->setCurrentRow(0);
    else
        loadForm(-1);
}

QWidget *ProfileDialog::buildList(QWidget *parent)
{
    auto *left = new QWidget(parent);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(left);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    leftLayout->addWidget(m_list);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add"), left);
    auto *remove = new QPushButton(tr("&Remove"), left);
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    leftLayout->addLayout(listButtons);
    connect(add, &QPushButton::clicked, this, &ProfileDialog::addProfile);
    connect(remove, &QPushButton::clicked, this, &ProfileDialog::removeProfile);
    // Long names are elided in the middle (their ends tell profiles apart) with the whole name as
    // a tooltip; the list is first sized to show the names in full, within reason.
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (const Profile &p : std::as_const(m_profiles))
        m_list->addItem(p.name);
    return left;
}

void ProfileDialog::addFieldWithMessage(const QString &label, QWidget *field, const QString &key)
{
    auto *box = new QWidget(m_form);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    auto *msg = new QLabel(box);
    StatusColors::paintAsError(msg);
    msg->setWordWrap(true);
    msg->hide();
    v->addWidget(msg);
    m_messages.insert(key, msg);
    // The label is the buddy of the field itself (the box only hands focus on), and names it.
    box->setFocusProxy(field);
    if (QLabel *l = m_rows->addRow(label, box))
        l->setBuddy(field->focusProxy() ? field->focusProxy() : field);
    QWidget *named = field->focusProxy() ? field->focusProxy() : field;
    Accessibility::nameAfterLabel(named, label);
}

// A line edit with a button beside it, focused as one field.
static QWidget *withButton(
    QWidget *parent, QLineEdit **edit, QPushButton **button, const QString &text)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    *edit = new QLineEdit(row);
    *button = new QPushButton(text, row);
    layout->addWidget(*edit, 1);
    layout->addWidget(*button);
    row->setFocusProxy(*edit);
    return row;
}

void ProfileDialog::buildIdentityRows()
{
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("nameField"));
    addFieldWithMessage(tr("&Name:"), m_name, QStringLiteral("name"));
    m_kind = new QComboBox(m_form);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    for (const ProviderKind *k : ProviderKinds::all())
        m_kind->addItem(k->displayName(), k->id);
    addFieldWithMessage(tr("&Kind:"), m_kind, QStringLiteral("kind"));
    m_url = new QLineEdit(m_form);
    m_url->setObjectName(QStringLiteral("baseUrlField"));
    addFieldWithMessage(tr("Base &URL:"), m_url, QStringLiteral("baseUrl"));
    QWidget *orgRow = withButton(m_form, &m_org, &m_chooseDir, tr("C&hoose…"));
    m_org->setObjectName(QStringLiteral("organizationField"));
    m_chooseDir->setToolTip(tr("List the organizations this credential can see"));
    addFieldWithMessage(tr("&Organization:"), orgRow, QStringLiteral("organization"));
    connect(m_chooseDir, &QPushButton::clicked, this, &ProfileDialog::chooseOrganization);
}

void ProfileDialog::buildCredentialRows()
{
    m_source = new QComboBox(m_form);
    m_source->setObjectName(QStringLiteral("credentialSource"));
    m_source->addItem(tr("OS keychain"), int(CredentialSource::Type::Keychain));
    m_source->addItem(tr("Environment variable"), int(CredentialSource::Type::Env));
    m_source->addItem(tr("File (first line)"), int(CredentialSource::Type::File));
    m_source->addItem(tr("Sign in (OAuth)"), int(CredentialSource::Type::OAuth));
    if (m_demo)
        m_source->addItem(tr("Demo token (not saved)"), int(CredentialSource::Type::Inline));
    addFieldWithMessage(tr("&Credential from:"), m_source, QStringLiteral("credential"));
    m_valueRow = withButton(m_form, &m_sourceValue, &m_browseFile, tr("Bro&wse…"));
    m_sourceValue->setObjectName(QStringLiteral("credentialValue"));
    m_rows->addRow(tr("&Variable or file:"), m_valueRow);
    connect(m_browseFile, &QPushButton::clicked, this, [this] {
        const QString f
            = QFileDialog::getOpenFileName(this, tr("Credential file"), m_sourceValue->text());
        if (!f.isEmpty())
            m_sourceValue->setText(f);
    });
    m_secret = new QLineEdit(m_form);
    m_secret->setObjectName(QStringLiteral("secretField"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Leave empty to keep the stored secret"));
    m_secretNote = new QLabel(tr("Stored in the OS keychain, never in the profiles file."), m_form);
    m_secretNote->setEnabled(false);
    m_rows->addRow(tr("&Secret:"), m_secret);
    m_rows->addRow(QString(), m_secretNote);
    m_signIn = new SignInRows(m_form, [this] { return formProfile(); });
    addFieldWithMessage(
        tr("&Issuer:"), m_signIn->issuer(), QStringLiteral("credential.oauth.issuer"));
    addFieldWithMessage(
        tr("Cli&ent ID:"), m_signIn->clientId(), QStringLiteral("credential.oauth.clientId"));
    addFieldWithMessage(
        tr("Scopes:"), m_signIn->scopes(), QStringLiteral("credential.oauth.scopes"));
    m_rows->addRow(QString(), m_signIn->actions());
    connect(m_signIn, &SignInRows::edited, this, [this] {
        storeForm();
        validate();
    });
}

void ProfileDialog::buildConnectionRows()
{
    QPushButton *browse = nullptr;
    QWidget *caRow = withButton(m_form, &m_caFile, &browse, tr("Brow&se…"));
    m_caFile->setObjectName(QStringLiteral("caFileField"));
    m_caFile->setPlaceholderText(tr("Only the system store (and SSL_CERT_FILE)"));
    m_caFile->setToolTip(
        tr("A PEM file of the CAs this profile trusts besides the system store, "
           "for servers whose certificates come from your organization's own CA."));
    browse->setAccessibleName(tr("Choose the CA file"));
    addFieldWithMessage(tr("Trusted &CA file:"), caRow, QStringLiteral("caFile"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("CA certificates (PEM)"),
            m_caFile->text(), tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!f.isEmpty())
            m_caFile->setText(f);
    });
    m_proxy = new QLineEdit(m_form);
    m_proxy->setObjectName(QStringLiteral("proxyField"));
    m_proxy->setPlaceholderText(tr("system (environment and desktop), none, or http://host:port"));
    m_proxy->setToolTip(tr("\"system\" follows https_proxy, all_proxy and no_proxy as curl does; "
                           "\"none\" connects directly; a URL (http:// or socks5://) is this "
                           "profile's own proxy. Its password never goes here: type the login "
                           "below (kept in the OS keychain) or give proxyCredential in the "
                           "profiles file."));
    addFieldWithMessage(tr("Pro&xy:"), m_proxy, QStringLiteral("proxy"));
    m_proxySecret = new QLineEdit(m_form);
    m_proxySecret->setObjectName(QStringLiteral("proxySecretField"));
    m_proxySecret->setEchoMode(QLineEdit::Password);
    m_proxySecret->setPlaceholderText(tr("user:password, kept in the OS keychain; empty keeps it"));
    m_rows->addRow(tr("Proxy &login:"), m_proxySecret);
    Accessibility::nameAfterLabel(m_proxySecret, tr("Proxy &login:"));
    connect(m_proxy, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_rows->setRowVisible(m_proxySecret, text.contains(QLatin1String("://")));
    });
}

// The keychain entry that holds a profile's proxy login.
static QString proxyEntry(const QString &profileName)
{
    Profile p;
    p.name = profileName;
    return CredentialStore::proxyProfile(p).name;
}

void ProfileDialog::buildOptionRows()
{
    m_pageSize = new QSpinBox(m_form);
    m_pageSize->setSpecialValueText(tr("Default"));
    m_pageSize->setRange(0, 100);
    m_rows->addRow(tr("&Page size:"), m_pageSize);
    m_messages.insert(QStringLiteral("options.pageSize"), new QLabel(m_form));
    // Each kind's own options, shown while a profile of that kind is edited.
    for (const ProviderKind *k : ProviderKinds::all()) {
        for (const ProviderOption &o : k->options) {
            auto *combo = new QComboBox(m_form);
            const QStringList titles = o.titles();
            for (qsizetype i = 0; i < o.values.size(); ++i)
                combo->addItem(titles.value(i, o.values.at(i)), o.values.at(i));
            m_rows->addRow(o.label(), combo);
            m_optionFields.append({k, &o, combo});
        }
    }

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(
        style()->standardIcon(QStyle::SP_BrowserReload), tr("&Test connection"), m_form);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_testResult = new QLabel(m_form);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setFocusPolicy(Qt::NoFocus); // empty until a test ran: never a focus stop
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    m_rows->addRow(testRow);
    connect(m_test, &QPushButton::clicked, this, &ProfileDialog::testConnection);
}

void ProfileDialog::connectFields()
{
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm();
        loadForm(row);
    });
    for (QLineEdit *e :
        {m_name, m_url, m_org, m_sourceValue, m_secret, m_caFile, m_proxy, m_proxySecret})
        connect(e, &QLineEdit::textChanged, this, [this] {
            storeForm();
            validate();
        });
    QList<QComboBox *> combos {m_kind, m_source};
    for (const OptionField &f : std::as_const(m_optionFields))
        combos << f.combo;
    for (QComboBox *c : std::as_const(combos))
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            updateKindFields();
            storeForm();
            validate();
        });
    connect(m_pageSize, &QSpinBox::valueChanged, this, [this] {
        storeForm();
        validate();
    });
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::fitListToNames()
{
    int widest = 0;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        item->setToolTip(item->text());
        widest = std::max(widest, m_list->sizeHintForIndex(m_list->model()->index(i, 0)).width());
    }
    // Room for the warning icon an invalid profile gets (with its spacing), the frame, a vertical
    // scroll bar and the item margins.
    const int chrome = m_list->iconSize().width() + 2 * m_list->frameWidth()
        + m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 32;
    const int cap = std::max(220, width() * 2 / 5);
    const int left = std::clamp(widest + chrome, 220, cap);
    // A minimum, not only a size: the splitter would otherwise give the width back to the form
    // as soon as the form's own minimum grows (longer labels in German, field messages).
    m_list->setMinimumWidth(left);
    m_splitter->setSizes({left, std::max(360, width() - left)});
}

void ProfileDialog::selectProfile(const QString &name)
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles[i].name == name)
            m_list->setCurrentRow(i);
    }
}

QString ProfileDialog::fieldMessage(const QString &field) const
{
    QLabel *l = m_messages.value(field);
    return l && !l->isHidden() ? l->text() : QString();
}

void ProfileDialog::updateKindFields()
{
    const ProviderKind *kind = ProviderKinds::find(m_kind->currentData().toString());
    m_url->setPlaceholderText(kind ? kind->urlPlaceholder : QString());
    m_org->setPlaceholderText(kind && kind->organizationPlaceholder
            ? kind->organizationPlaceholder()
            : tr("Organization id"));
    m_chooseDir->setVisible(kind && kind->discover);
    // Kinds whose base URL names the tenant (SCIM) have no organization.
    m_rows->setRowVisible(m_messages.value(QStringLiteral("organization"))->parentWidget(),
        !kind || kind->hasOrganization);
    // Only the options that apply to this kind and credential source are shown.
    for (const OptionField &f : std::as_const(m_optionFields))
        m_rows->setRowVisible(f.combo, f.kind == kind);
    m_pageSize->setMaximum(kind ? kind->maxPageSize : 100);
    const auto type = static_cast<CredentialSource::Type>(m_source->currentData().toInt());
    m_rows->setRowVisible(
        m_valueRow, type == CredentialSource::Type::Env || type == CredentialSource::Type::File);
    m_rows->setRowVisible(m_secret, type == CredentialSource::Type::Keychain);
    m_rows->setRowVisible(m_secretNote, type == CredentialSource::Type::Keychain);
    m_sourceValue->setPlaceholderText(
        type == CredentialSource::Type::File ? tr("/path/to/token") : tr("VARIABLE_NAME"));
    m_browseFile->setVisible(type == CredentialSource::Type::File);
    const bool oauth = type == CredentialSource::Type::OAuth;
    for (const char *field :
        {"credential.oauth.issuer", "credential.oauth.clientId", "credential.oauth.scopes"})
        m_rows->setRowVisible(m_messages.value(QLatin1String(field))->parentWidget(), oauth);
    m_rows->setRowVisible(m_signIn->actions(), oauth);
}

void ProfileDialog::loadForm(int row)
{
    m_row = row;
    m_loading = true;
    m_form->setEnabled(row >= 0);
    m_secret->setEnabled(true);
    const Profile p = row >= 0 ? m_profiles[row] : Profile();
    m_name->setText(p.name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(p.kind)));
    m_url->setText(p.baseUrl.toString());
    m_org->setText(p.organization);
    int src = m_source->findData(int(p.credential.type));
    m_source->setCurrentIndex(src >= 0 ? src : 0);
    m_sourceValue->setText(
        p.credential.type == CredentialSource::Type::Inline ? QString() : p.credential.value);
    m_secret->setText(m_pendingSecrets.value(p.name));
    m_signIn->load(p);
    m_caFile->setText(p.caFile);
    m_proxy->setText(p.proxy == QLatin1String("system") ? QString() : p.proxy);
    m_proxySecret->setText(m_pendingSecrets.value(proxyEntry(p.name)));
    m_rows->setRowVisible(m_proxySecret, p.proxy.contains(QLatin1String("://")));
    updateKindFields();
    m_pageSize->setValue(p.pageSize());
    for (const OptionField &f : std::as_const(m_optionFields))
        f.combo->setCurrentIndex(
            std::max(0, f.combo->findData(p.option(f.option->key, f.option->defaultValue()))));
    m_testResult->clear();
    m_loading = false;
    validate();
}

Profile ProfileDialog::formProfile() const
{
    Profile p = m_row >= 0 ? m_profiles[m_row] : Profile();
    p.name = m_name->text().trimmed();
    p.kind = m_kind->currentData().toString();
    p.baseUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    const ProviderKind *kind = ProviderKinds::find(p.kind);
    p.organization = !kind || kind->hasOrganization ? m_org->text().trimmed() : QString();
    const auto type = static_cast<CredentialSource::Type>(m_source->currentData().toInt());
    if (type == CredentialSource::Type::OAuth) {
        p.credential = {type};
        m_signIn->fill(&p);
    } else if (type != CredentialSource::Type::Inline) {
        p.credential = {type,
            type == CredentialSource::Type::Keychain ? QString() : m_sourceValue->text().trimmed()};
    }
    QJsonObject options;
    if (m_pageSize->value() > 0)
        options.insert(QStringLiteral("pageSize"), m_pageSize->value());
    // The kind's options, saved only where they differ from the default.
    for (const OptionField &f : std::as_const(m_optionFields)) {
        const QString value = f.combo->currentData().toString();
        if (f.kind->id == p.kind && value != f.option->defaultValue())
            options.insert(f.option->key, value);
    }
    p.options = options;
    p.caFile = m_caFile->text().trimmed();
    p.proxy = m_proxy->text().trimmed();
    // A login typed here goes to the keychain; without a proxy URL there is nothing to log in to.
    if (!p.proxy.contains(QLatin1String("://")))
        p.proxyCredential = {};
    else if (!m_proxySecret->text().isEmpty())
        p.proxyCredential = {CredentialSource::Type::Keychain, {}};
    return p;
}

void ProfileDialog::storeForm()
{
    if (m_loading || m_row < 0 || m_row >= m_profiles.size())
        return;
    const QString oldName = m_profiles[m_row].name;
    m_profiles[m_row] = formProfile();
    const QString name = m_profiles[m_row].name;
    if (oldName != name && m_pendingSecrets.contains(oldName))
        m_pendingSecrets.insert(name, m_pendingSecrets.take(oldName));
    const bool keychain = m_profiles[m_row].credential.type == CredentialSource::Type::Keychain;
    if (keychain && !m_secret->text().isEmpty())
        m_pendingSecrets.insert(name, m_secret->text());
    else
        m_pendingSecrets.remove(name);
    m_pendingSecrets.remove(proxyEntry(oldName));
    if (!m_proxySecret->text().isEmpty()
        && m_profiles[m_row].proxyCredential.type == CredentialSource::Type::Keychain)
        m_pendingSecrets.insert(proxyEntry(name), m_proxySecret->text());
    if (QListWidgetItem *item = m_list->item(m_row)) {
        item->setText(name.isEmpty() ? tr("(unnamed)") : name);
        item->setToolTip(item->text());
    }
}

void ProfileDialog::validate()
{
    for (QLabel *l : std::as_const(m_messages))
        l->hide();
    bool ok = true;
    QSet<QString> names;
    for (int i = 0; i < m_profiles.size(); ++i) {
        QList<ProfileStore::Issue> issues = ProfileStore::validate(m_profiles[i], i);
        if (names.contains(m_profiles[i].name))
            issues << ProfileStore::Issue {
                i, m_profiles[i].name, QStringLiteral("name"), tr("another profile has this name")};
        names.insert(m_profiles[i].name);
        ok = ok && issues.isEmpty();
        if (QListWidgetItem *item = m_list->item(i))
            item->setIcon(
                issues.isEmpty() ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
        if (i != m_row)
            continue;
        for (const ProfileStore::Issue &issue : std::as_const(issues)) {
            QString field = issue.field.startsWith(QLatin1String("options."))
                ? QStringLiteral("options.pageSize")
                : issue.field;
            if (!m_messages.contains(field) && field.startsWith(QLatin1String("credential.")))
                field = QStringLiteral("credential"); // the source itself does not fit
            if (QLabel *l = m_messages.value(field)) {
                if (l->isHidden()) {
                    l->setText(issue.message);
                    l->show();
                }
            }
        }
    }
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    save->setEnabled(ok);
    save->setToolTip(ok ? QString() : tr("Fix the profiles marked with a warning first."));
}

void ProfileDialog::addProfile()
{
    storeForm();
    Profile p;
    QString name = tr("New profile");
    for (int n = 2; std::any_of(m_profiles.cbegin(), m_profiles.cend(),
             [&](const Profile &x) { return x.name == name; });
         ++n)
        name = tr("New profile %1").arg(n);
    p.name = name;
    p.kind = ProviderKinds::all().constFirst()->id;
    p.credential = {CredentialSource::Type::Keychain, {}};
    m_profiles.append(p);
    m_list->addItem(p.name);
    m_list->item(m_list->count() - 1)->setToolTip(p.name);
    m_list->setCurrentRow(int(m_profiles.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ProfileDialog::removeProfile()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    const QString name = m_profiles[row].name;
    if (QMessageBox::question(
            this, tr("Remove profile"), tr("Remove the profile \"%1\"?").arg(name))
        != QMessageBox::Yes)
        return;
    m_loading = true;
    m_profiles.removeAt(row);
    m_pendingSecrets.remove(name);
    delete m_list->takeItem(row);
    m_loading = false;
    m_row = -1;
    loadForm(m_list->currentRow());
}

void ProfileDialog::accept()
{
    storeForm();
    validate();
    if (!m_buttons->button(QDialogButtonBox::Save)->isEnabled())
        return;
    // Secrets typed for keychain profiles go to the keychain before the dialog closes, so a
    // keychain that refuses is reported here rather than discovered later.
    QStringList pending;
    for (const Profile &p : std::as_const(m_profiles)) {
        if (p.credential.type == CredentialSource::Type::Keychain
            && m_pendingSecrets.contains(p.name))
            pending << p.name;
        if (p.proxyCredential.type == CredentialSource::Type::Keychain
            && m_pendingSecrets.contains(proxyEntry(p.name)))
            pending << proxyEntry(p.name);
    }
    if (pending.isEmpty()) {
        QDialog::accept();
        return;
    }
    setEnabled(false);
    auto remaining = std::make_shared<int>(int(pending.size()));
    auto failures = std::make_shared<QStringList>();
    for (const QString &name : std::as_const(pending)) {
        m_credentials->writeKeychain(name, m_pendingSecrets.value(name), this,
            [this, name, remaining, failures](const ProviderError &error) {
                if (error.isError())
                    *failures << error.message;
                else
                    m_secretsStored.insert(name);
                if (--*remaining > 0)
                    return;
                setEnabled(true);
                if (!failures->isEmpty()) {
                    QMessageBox::warning(
                        this, tr("Secret not stored"), failures->join(QLatin1Char('\n')));
                    return;
                }
                m_pendingSecrets.clear();
                QDialog::accept();
            });
    }
}
