#pragma once

#include "profile.h"

#include <QObject>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

// The profile dialog's fields for a credential that signs in with OAuth: the issuer, the client
// id and the scopes, and the actions "Sign in…", "Sign in on another device…" and "Sign out"
// with whom the keychain's sign-in names. The dialog lays the widgets out in its own form.
class SignInRows : public QObject
{
    Q_OBJECT
public:
    // `current` gives the profile as the form holds it now, to sign in with.
    SignInRows(QWidget *form, std::function<Profile()> current);

    QLineEdit *issuer() const { return m_issuer; }
    QLineEdit *clientId() const { return m_clientId; }
    QLineEdit *scopes() const { return m_scopes; }
    QWidget *actions() const { return m_actions; }

    void load(const Profile &profile);
    // Writes the fields into the profile's oauth settings.
    void fill(Profile *profile) const;
    // Asks the keychain whether the profile is signed in, and shows it.
    void showState(const Profile &profile);

signals:
    void edited();

private:
    void signIn(bool device);
    void signOut();
    void updateButtons();

    std::function<Profile()> m_current;
    QWidget *m_form;
    QLineEdit *m_issuer;
    QLineEdit *m_clientId;
    QLineEdit *m_scopes;
    QWidget *m_actions;
    QPushButton *m_signIn;
    QPushButton *m_signInDevice;
    QPushButton *m_signOut;
    QLabel *m_state;
    OAuthSettings m_loaded; // what the fields do not show (audience, redirectPort)
};
