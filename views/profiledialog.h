#pragma once

#include "profile.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <memory>

#include "credentialstore.h"
class PageReply;
struct ProviderKind;
struct ProviderOption;
class ProfileStore;
class Provider;
class QComboBox;
class FormRows;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QNetworkAccessManager;
class SignInRows;

// Add, edit and remove profiles; every field is validated as it is typed; secrets go to the OS
// keychain; "Test connection" fetches one page; Char directories can be picked from a list.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    ProfileDialog(ProfileStore *store, CredentialStore *credentials, QNetworkAccessManager *nam,
        bool demo, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    QList<Profile> profiles() const { return m_profiles; }
    void selectProfile(const QString &name);
    bool secretChanged(const QString &name) const { return m_secretsStored.contains(name); }

    // For tests: the form's widgets and its per-field messages.
    QString fieldMessage(const QString &field) const;
    void addProfile();

    void accept() override;

private:
    void fitListToNames();
    void loadForm(int row);
    void storeForm();
    Profile formProfile() const;
    void validate();
    void removeProfile();
    void testConnection();
    void chooseOrganization();
    QWidget *buildList(QWidget *parent);
    void buildIdentityRows();
    void buildCredentialRows();
    void buildOptionRows();
    void connectFields();
    void addFieldWithMessage(const QString &label, QWidget *field, const QString &key);
    void updateKindFields();
    using SecretsDone = std::function<void(const CredentialStore::Secrets &, const QString &error)>;
    // The profile's secrets: a secret typed for the keychain but not yet stored counts.
    void withSecret(const Profile &profile, SecretsDone done);
    void buildConnectionRows();

    ProfileStore *m_store;
    CredentialStore *m_credentials;
    QNetworkAccessManager *m_nam;
    bool m_demo;
    QList<Profile> m_profiles;
    QHash<QString, QString> m_pendingSecrets; // profile name -> secret typed for the keychain
    QSet<QString> m_secretsStored;
    int m_row = -1;
    bool m_loading = false;

    QListWidget *m_list;
    QSplitter *m_splitter = nullptr;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_url;
    QLineEdit *m_org;
    QPushButton *m_chooseDir;
    QComboBox *m_source;
    QLineEdit *m_sourceValue;
    QPushButton *m_browseFile;
    QLineEdit *m_secret;
    QLabel *m_secretNote;
    SignInRows *m_signIn = nullptr; // a credential that signs in with OAuth
    QSpinBox *m_pageSize;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_proxy = nullptr;
    QLineEdit *m_proxySecret = nullptr;
    // The kinds' own options: one combo box each, shown for profiles of that kind.
    struct OptionField
    {
        const ProviderKind *kind;
        const ProviderOption *option;
        QComboBox *combo;
    };
    QList<OptionField> m_optionFields;
    QHash<QString, QLabel *> m_messages;
    QPushButton *m_test;
    QLabel *m_testResult;
    QDialogButtonBox *m_buttons;
    QWidget *m_form;
    std::unique_ptr<FormRows> m_rows;
    QWidget *m_valueRow = nullptr;
    QPointer<Provider> m_testProvider;
};
