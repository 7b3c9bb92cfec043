#pragma once

#include "profile.h"
#include "providererror.h"

#include <QDialog>
#include <QUrl>

class QLabel;
class QPushButton;
class SignInFlow;

// Signs one profile in, in the browser or on another device, and shows what the user has to do:
// the address the browser was sent to (to open by hand when it did not open), or the
// verification address and the code to enter there. Cancel stops the sign-in; a failure stays
// on screen with its reason until closed.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Browser, Device };
    SignInDialog(const Profile &profile, Mode mode, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // Whether the browser is started (default); tests play the browser themselves.
    void setOpensBrowser(bool opens) { m_opensBrowser = opens; }
    void start();
    // A dialog for `profile` that deletes itself when closed, opened (window-modal) and started.
    static SignInDialog *openFor(const Profile &profile, Mode mode, QWidget *parent);
    QString account() const { return m_account; }
    ProviderError error() const { return m_error; }
    bool isDone() const { return m_done; }

signals:
    void signedIn(const QString &account);
    // What the user is shown: the sign-in page, or the device code and where to enter it.
    void authorizationUrl(const QUrl &url);
    void userCode(const QUrl &verificationUri, const QString &code, const QUrl &complete);

private:
    void onFinished(const ProviderError &error, const QString &account);
    void showAddress(const QString &intro, const QUrl &url);

    Profile m_profile;
    Mode m_mode;
    bool m_opensBrowser = true;
    SignInFlow *m_flow = nullptr;
    QLabel *m_intro;
    QLabel *m_address;
    QLabel *m_code;
    QLabel *m_status;
    QPushButton *m_copy;
    QPushButton *m_close;
    QString m_account;
    ProviderError m_error;
    bool m_done = false;
};
