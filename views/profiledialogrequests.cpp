#include "profiledialog.h"

#include "credentialstore.h"
#include "httpclient.h"
#include "pagereply.h"
#include "profilestore.h"
#include "provider.h"
#include "providerfactory.h"
#include "providerkind.h"
#include "transport.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

// The dialog's requests: Test connection and Choose organization, with the secrets they need.

void ProfileDialog::withSecret(const Profile &profile, SecretsDone done)
{
    auto proxyNext = [this, profile, done](const QString &token) {
        if (profile.proxyCredential.type == CredentialSource::Type::None) {
            done({token, {}}, {});
            return;
        }
        const QString entry = CredentialStore::proxyProfile(profile).name;
        if (profile.proxyCredential.type == CredentialSource::Type::Keychain
            && m_pendingSecrets.contains(entry)) {
            done({token, m_pendingSecrets.value(entry)}, {});
            return;
        }
        m_credentials->read(CredentialStore::proxyProfile(profile), this,
            [done, token](const QString &proxy, const ProviderError &error) {
                done({token, proxy}, error.isError() ? error.message : QString());
            });
    };
    if (profile.credential.type == CredentialSource::Type::Keychain
        && m_pendingSecrets.contains(profile.name)) {
        proxyNext(m_pendingSecrets.value(profile.name));
        return;
    }
    m_credentials->read(
        profile, this, [done, proxyNext](const QString &secret, const ProviderError &error) {
            if (error.isError())
                done({}, error.message);
            else
                proxyNext(secret);
        });
}

// "TLS: CN=…, issued by …" per certificate the server presented, for an https:// profile.
static QString chainText(const QList<QSslCertificate> &chain)
{
    QStringList lines;
    for (int i = 0; i < chain.size(); ++i)
        lines << ProfileDialog::tr("Certificate %1: %2").arg(i + 1).arg(Tls::describe(chain.at(i)));
    return lines.join(QLatin1Char('\n'));
}

void ProfileDialog::testConnection()
{
    storeForm();
    const Profile p = formProfile();
    const QList<ProfileStore::Issue> issues = ProfileStore::validate(p);
    if (!issues.isEmpty()) {
        m_testResult->setText(tr("Fix the profile first: %1").arg(issues.first().text()));
        return;
    }
    m_test->setEnabled(false);
    m_testResult->setText(tr("Connecting…"));
    withSecret(p, [this, p](const CredentialStore::Secrets &secrets, const QString &error) {
        if (!error.isEmpty()) {
            m_test->setEnabled(true);
            m_testResult->setText(tr("✘ %1").arg(error));
            return;
        }
        delete m_testProvider;
        m_testProvider = ProviderFactory::create(p, secrets.token, m_nam, this, secrets.proxy);
        PageReply *reply = m_testProvider->probe(); // one small request, whatever the size

        connect(reply, &PageReply::finished, this, [this, reply] {
            reply->deleteLater();
            m_test->setEnabled(true);
            if (reply->hasError()) {
                QString text = tr("✘ %1").arg(reply->error().summary());
                // A certificate that is not accepted: which one, and what would fix it.
                for (const auto &m : reply->error().meta)
                    text += QStringLiteral("\n%1: %2").arg(m.first, m.second);
                m_testResult->setText(text);
                return;
            }
            const Page &page = reply->page();
            QString text
                = tr("✔ Connected: the first page has %n user(s)", nullptr, int(page.users.size()));
            if (page.total < 0 && page.hasMore())
                text = tr(
                    "✔ Connected: the first %n user(s) arrived", nullptr, int(page.users.size()));
            else if (page.total >= 0)
                text += tr(" of %1").arg(QLocale().toString(page.total));
            text += QLatin1Char('.');
            const QList<QSslCertificate> chain = m_testProvider
                ? m_testProvider->http()->lastPeerChain()
                : QList<QSslCertificate>();
            if (!chain.isEmpty())
                text += QLatin1Char('\n') + chainText(chain);
            m_testResult->setText(text);
        });
    });
}

void ProfileDialog::chooseOrganization()
{
    storeForm();
    Profile p = formProfile();
    const ProviderKind *kind = ProviderKinds::find(p.kind);
    if (!kind || !kind->discover)
        return;
    p.organization = QStringLiteral("-"); // not needed to list organizations
    const QList<ProfileStore::Issue> issues = ProfileStore::validate(p);
    if (!issues.isEmpty()) {
        m_testResult->setText(
            tr("Fill in the base URL and credential first: %1").arg(issues.first().text()));
        return;
    }
    m_chooseDir->setEnabled(false);
    m_testResult->setText(tr("Listing organizations…"));
    withSecret(p, [this, p, kind](const CredentialStore::Secrets &secrets, const QString &error) {
        if (!error.isEmpty()) {
            m_chooseDir->setEnabled(true);
            m_testResult->setText(tr("✘ %1").arg(error));
            return;
        }
        OrganizationLookup *lookup = kind->discover(p, secrets.token, m_nam, this);
        connect(lookup, &OrganizationLookup::finished, this, [this, lookup] {
            lookup->deleteLater();
            m_chooseDir->setEnabled(true);
            if (lookup->error.isError()) {
                m_testResult->setText(tr("✘ %1").arg(lookup->error.summary()));
                return;
            }
            m_testResult->clear();
            QStringList items;
            for (const OrganizationChoice &c : std::as_const(lookup->choices))
                items << c.title;
            bool ok = false;
            const QString chosen
                = QInputDialog::getItem(this, lookup->title, lookup->prompt, items, 0, false, &ok);
            if (ok)
                m_org->setText(lookup->choices.at(int(items.indexOf(chosen))).id);
        });
    });
}
