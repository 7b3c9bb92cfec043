#pragma once

#include "providererror.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QFormLayout;

// What went wrong, in full: status and name, vendor code, message, meta, field errors, request id,
// retry-after, attempts, the raw body; a Retry button, and "Sign In Again…" when the profile's
// sign-in has to be renewed.
class ErrorPane : public QWidget
{
    Q_OBJECT
public:
    explicit ErrorPane(QWidget *parent = nullptr);

    void setError(const ProviderError &error, const QString &profileName);
    void setRetryEnabled(bool enabled);

    // For tests.
    QString headline() const;
    QString detailsText() const;

signals:
    void retryRequested();
    // The error said the profile's sign-in expired or was revoked: sign in, then retry.
    void signInRequested();

private:
    QLabel *m_headline;
    QLabel *m_message;
    QFormLayout *m_details;
    QWidget *m_detailsBox;
    QLabel *m_metaLabel;
    QTableWidget *m_meta;
    QLabel *m_fieldsLabel;
    QTableWidget *m_fields;
    QPlainTextEdit *m_raw;
    QPushButton *m_retry;
    QPushButton *m_signIn;
};
