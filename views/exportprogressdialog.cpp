#include "exportprogressdialog.h"

#include "exportjob.h"
#include "sessionviewmodel.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

ExportProgressDialog::ExportProgressDialog(
    ExportJob *job, const QString &profileName, const QString &path, QWidget *parent)
    : QProgressDialog(tr("Exporting %1…").arg(profileName), tr("Cancel"), 0, 0, parent)
    , m_job(job)
    , m_path(path)
{
    setWindowTitle(tr("Export"));
    setMinimumDuration(300);
    setWindowModality(Qt::WindowModal);
    setAutoClose(false);
    setAutoReset(false);
    connect(this, &QProgressDialog::canceled, job, &ExportJob::cancel);
    connect(job, &ExportJob::progress, this, &ExportProgressDialog::onProgress);
    connect(job, &ExportJob::retrying, this,
        [this](int attempt, int delayMs) { setLabelText(Job::waitText(attempt, delayMs)); });
    connect(job, &ExportJob::finished, this, &ExportProgressDialog::onFinished);
}

void ExportProgressDialog::onProgress(qint64 done, qint64 total)
{
    setLabelText(SessionViewModel::exportProgressText(done, total, m_job->rowsPerSecond()));
    if (total > 0) {
        setMaximum(1000);
        setValue(int(1000 * std::min(done, total) / total));
    }
}

void ExportProgressDialog::onFinished(bool ok)
{
    hide();
    deleteLater();
    m_job->deleteLater();
    const QString text = SessionViewModel::exportResultText(*m_job, m_path);
    if (!ok && m_job->rowsKept() > 0) {
        offerResume(text);
        return;
    }
    if (!ok && m_job->error().kind == ProviderError::Kind::Cancelled) {
        emit statusMessage(text);
        return;
    }
    QMessageBox box(ok ? QMessageBox::Information : QMessageBox::Warning,
        ok ? tr("Export finished") : tr("Export failed"), text, QMessageBox::Ok, parentWidget());
    QPushButton *open = nullptr;
    if (ok) {
        if (!m_job->notice().isEmpty()) {
            box.setIcon(QMessageBox::Warning);
            box.setInformativeText(m_job->notice());
        }
        open = box.addButton(tr("Open &folder"), QMessageBox::ActionRole);
    } else {
        box.setDetailedText(m_job->error().detailLines().join(QLatin1Char('\n')));
    }
    box.exec();
    if (open && box.clickedButton() == open)
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_path).absolutePath()));
}

void ExportProgressDialog::offerResume(const QString &text)
{
    const bool cancelled = m_job->error().kind == ProviderError::Kind::Cancelled;
    // What happened first, then where the rows are and what Resume does.
    const qsizetype split = text.indexOf(QLatin1String("\n\n"));
    QMessageBox box(cancelled ? QMessageBox::Information : QMessageBox::Warning,
        cancelled ? tr("Export cancelled") : tr("Export stopped"), text.left(split),
        QMessageBox::NoButton, parentWidget());
    box.setInformativeText(text.mid(split + 2));
    if (!cancelled)
        box.setDetailedText(m_job->error().detailLines().join(QLatin1Char('\n')));
    QPushButton *resume = box.addButton(tr("&Resume"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("&Discard rows"), QMessageBox::DestructiveRole);
    box.addButton(tr("&Keep for later"), QMessageBox::RejectRole);
    box.setDefaultButton(resume);
    box.exec();
    if (box.clickedButton() == resume) {
        ExportJob::Options options = m_job->options();
        options.resume = true;
        emit resumeRequested(options, m_path);
    } else if (box.clickedButton() == discard) {
        ExportCheckpoint::discard(m_path);
        emit statusMessage(tr("The rows read so far were discarded."));
    }
}
