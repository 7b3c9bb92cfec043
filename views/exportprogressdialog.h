#pragma once

#include "exportjob.h"

#include <QProgressDialog>

// Presents a running export: its rows, rate and time left, the provider's requests to wait,
// Cancel, and, when it ends, the result (rows written and a way to the folder, or why nothing was
// written). An "Export all" that failed or was cancelled with rows kept in its partial file offers
// Resume (resumeRequested) and Discard. Deletes itself and the job once the result was shown.
class ExportProgressDialog : public QProgressDialog
{
    Q_OBJECT
public:
    ExportProgressDialog(
        ExportJob *job, const QString &profileName, const QString &path, QWidget *parent = nullptr);

signals:
    // A cancelled export is said in a line, not a message box: where the window shows it.
    void statusMessage(const QString &text);
    // Resume was chosen: the same export, continued from its checkpoint.
    void resumeRequested(const ExportJob::Options &options, const QString &path);

private:
    void onProgress(qint64 done, qint64 total);
    void onFinished(bool ok);
    void offerResume(const QString &text);

    ExportJob *m_job;
    QString m_path;
};
