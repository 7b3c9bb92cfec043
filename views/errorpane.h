#pragma once

#include "providererror.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QFormLayout;

// What went wrong, in full: status and name, vendor code, message, meta, field errors, request id,
// retry-after, attempts, the raw body; and a Retry button.
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
};
