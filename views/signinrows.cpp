#include "signinrows.h"

#include "oauthsession.h"
#include "signindialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

SignInRows::SignInRows(QWidget *form, std::function<Profile()> current)
    : QObject(form)
    , m_current(std::move(current))
    , m_form(form)
    , m_issuer(new QLineEdit(form))
    , m_clientId(new QLineEdit(form))
    , m_scopes(new QLineEdit(form))
    , m_actions(new QWidget(form))
{
    m_issuer->setObjectName(QStringLiteral("oauthIssuer"));
    m_issuer->setPlaceholderText(tr("https://auth.example.com"));
    m_clientId->setObjectName(QStringLiteral("oauthClientId"));
    m_scopes->setObjectName(QStringLiteral("oauthScopes"));
    m_scopes->setPlaceholderText(tr("openid email offline_access"));
    for (QLineEdit *e : {m_issuer, m_clientId, m_scopes}) {
        connect(e, &QLineEdit::textEdited, this, &SignInRows::edited);
        connect(e, &QLineEdit::textChanged, this, &SignInRows::updateButtons);
    }
    auto *v = new QVBoxLayout(m_actions);
    v->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    m_signIn = new QPushButton(tr("Si&gn In…"), m_actions);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signInDevice = new QPushButton(tr("Sign In on Another &Device…"), m_actions);
    m_signInDevice->setObjectName(QStringLiteral("signInDeviceButton"));
    m_signOut = new QPushButton(tr("Sign Out"), m_actions);
    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_signInDevice);
    buttons->addWidget(m_signOut);
    buttons->addStretch(1);
    v->addLayout(buttons);
    m_state = new QLabel(m_actions);
    m_state->setObjectName(QStringLiteral("signInState"));
    m_state->setWordWrap(true);
    v->addWidget(m_state);
    m_actions->setFocusProxy(m_signIn);
    connect(m_signIn, &QPushButton::clicked, this, [this] { signIn(false); });
    connect(m_signInDevice, &QPushButton::clicked, this, [this] { signIn(true); });
    connect(m_signOut, &QPushButton::clicked, this, &SignInRows::signOut);
    updateButtons();
}

void SignInRows::updateButtons()
{
    // Signing in needs somewhere to sign in, and whom as; the dialog names what else is wrong.
    const bool ready
        = !m_issuer->text().trimmed().isEmpty() && !m_clientId->text().trimmed().isEmpty();
    m_signIn->setEnabled(ready);
    m_signInDevice->setEnabled(ready);
}

void SignInRows::load(const Profile &profile)
{
    const OAuthSettings &o = profile.credential.oauth;
    m_loaded = o;
    m_issuer->setText(o.issuer.toString());
    m_clientId->setText(o.clientId);
    m_scopes->setText(o.scopes.join(QLatin1Char(' ')));
    if (profile.credential.type == CredentialSource::Type::OAuth)
        showState(profile);
}

void SignInRows::fill(Profile *profile) const
{
    OAuthSettings o = m_loaded;
    o.issuer = QUrl(m_issuer->text().trimmed(), QUrl::StrictMode);
    o.clientId = m_clientId->text().trimmed();
    o.scopes = m_scopes->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    profile->credential.oauth = o;
}

void SignInRows::showState(const Profile &profile)
{
    m_state->setText(tr("Checking the sign-in…"));
    m_signOut->setEnabled(false);
    const std::shared_ptr<OAuthSession> session = OAuthSession::forProfile(profile);
    QPointer<QLabel> state(m_state);
    session->account(m_state,
        [this, session, state](bool signedIn, const QString &account, const ProviderError &error) {
            if (!state)
                return;
            m_signOut->setEnabled(signedIn);
            if (error.isError())
                m_state->setText(error.message);
            else if (!signedIn)
                m_state->setText(tr("Not signed in."));
            else
                m_state->setText(
                    account.isEmpty() ? tr("Signed in.") : tr("Signed in as %1.").arg(account));
        });
}

void SignInRows::signIn(bool device)
{
    const Profile profile = m_current();
    SignInDialog *dialog = SignInDialog::openFor(profile,
        device ? SignInDialog::Mode::Device : SignInDialog::Mode::Browser, m_form->window());
    connect(dialog, &QDialog::finished, this, [this, profile] { showState(profile); });
}

void SignInRows::signOut()
{
    const Profile profile = m_current();
    const std::shared_ptr<OAuthSession> session = OAuthSession::forProfile(profile);
    session->signOut(m_state, [this, session, profile](const ProviderError &error) {
        if (error.isError())
            m_state->setText(error.message);
        else
            showState(profile);
    });
}
