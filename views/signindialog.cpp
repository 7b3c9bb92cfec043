#include "signindialog.h"

#include "accessibility.h"
#include "browsersignin.h"
#include "devicesignin.h"
#include "statuscolors.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

SignInDialog::SignInDialog(const Profile &profile, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(mode == Mode::Browser ? tr("Sign In — %1").arg(profile.name)
                                         : tr("Sign In on Another Device — %1").arg(profile.name));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_address = new QLabel(this);
    m_address->setObjectName(QStringLiteral("signInAddress"));
    m_address->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_address->setOpenExternalLinks(true);
    m_address->setWordWrap(true);
    m_address->hide(); // until there is an address to show
    m_code = new QLabel(this);
    m_code->setObjectName(QStringLiteral("signInCode"));
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont big = m_code->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    m_code->setFont(big);
    m_code->setAlignment(Qt::AlignCenter);
    m_code->hide();
    m_status = new QLabel(tr("Reading the sign-in settings…"), this);
    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_intro);
    layout->addWidget(m_address);
    layout->addWidget(m_code);
    layout->addWidget(m_status);
    layout->addStretch(1);
    auto *buttons = new QDialogButtonBox(this);
    m_copy = buttons->addButton(mode == Mode::Browser ? tr("&Copy Address") : tr("&Copy Code"),
        QDialogButtonBox::ActionRole);
    m_copy->setEnabled(false);
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(
            m_mode == Mode::Browser ? m_address->property("url").toString() : m_code->text());
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    Accessibility::nameAfterLabel(m_code, tr("Code"));
    Accessibility::nameAfterLabel(m_address, tr("Sign-in address"));
    resize(520, 240);
}

SignInDialog::~SignInDialog() = default;

SignInDialog *SignInDialog::openFor(const Profile &profile, Mode mode, QWidget *parent)
{
    auto *dialog = new SignInDialog(profile, mode, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->start(); // it answers later, from the network: connecting after this is in time
    return dialog;
}

void SignInDialog::showAddress(const QString &intro, const QUrl &url)
{
    m_intro->setText(intro);
    const QString text = QString::fromUtf8(url.toEncoded());
    m_address->setProperty("url", text);
    // A long address is shown shortened; the link and Copy have it whole.
    const QString shown = text.size() > 90 ? text.left(87) + QStringLiteral("…") : text;
    m_address->setText(
        QStringLiteral("<a href=\"%1\">%2</a>").arg(text.toHtmlEscaped(), shown.toHtmlEscaped()));
    m_address->setToolTip(text);
    m_address->show();
}

void SignInDialog::start()
{
    const std::shared_ptr<OAuthSession> session = OAuthSession::forProfile(m_profile);
    if (m_mode == Mode::Browser) {
        auto *browser = new BrowserSignIn(session, this);
        browser->setOpensBrowser(m_opensBrowser);
        connect(
            browser, &BrowserSignIn::authorizationUrl, this, [this](const QUrl &url, bool opened) {
                showAddress(opened
                        ? tr("The sign-in page opened in your browser. If it did not, open "
                             "this address:")
                        : tr("Open this address in a browser to sign in:"),
                    url);
                m_copy->setEnabled(true);
                emit authorizationUrl(url);
            });
        m_flow = browser;
    } else {
        auto *device = new DeviceSignIn(session, this);
        connect(device, &DeviceSignIn::userCode, this,
            [this](const QUrl &uri, const QString &code, const QUrl &complete) {
                showAddress(tr("On any device, open this address and enter the code below:"), uri);
                m_code->setText(code);
                m_code->show();
                m_copy->setEnabled(true);
                emit userCode(uri, code, complete);
            });
        m_flow = device;
    }
    connect(m_flow, &SignInFlow::status, m_status, &QLabel::setText);
    connect(m_flow, &SignInFlow::finished, this, &SignInDialog::onFinished);
    connect(this, &QDialog::rejected, m_flow, &SignInFlow::cancel);
    m_flow->start();
}

void SignInDialog::onFinished(const ProviderError &error, const QString &account)
{
    m_done = true;
    m_error = error;
    m_account = account;
    if (!error.isError()) {
        emit signedIn(account);
        accept();
        return;
    }
    if (error.kind == ProviderError::Kind::Cancelled)
        return;
    StatusColors::paintAsError(m_status);
    m_status->setText(error.message);
    m_close->setText(tr("Close"));
    m_copy->setEnabled(false);
}
