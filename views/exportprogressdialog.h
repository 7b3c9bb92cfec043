#pragma once

#include <QProgressDialog>

class ExportJob;

// Presents a running export: its rows, rate and time left, the provider's requests to wait,
// Cancel, and, when it ends, the result (rows written and a way to the folder, or why nothing was
// written). Deletes itself and the job once the result was shown.
class ExportProgressDialog : public QProgressDialog
{
    Q_OBJECT
public:
    ExportProgressDialog(
        ExportJob *job, const QString &profileName, const QString &path, QWidget *parent = nullptr);

signals:
    // A cancelled export is said in a line, not a message box: where the window shows it.
    void statusMessage(const QString &text);

private:
    void onProgress(qint64 done, qint64 total);
    void onFinished(bool ok);

    ExportJob *m_job;
    QString m_path;
};
