// Find in all profiles, answered first from history: each profile's latest complete snapshot,
// then confirmed by the live search (FindDialog's other half).
#include "finddialog.h"

#include "statuscolors.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QTableWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

void FindDialog::answerFromHistory()
{
    m_asOf = QList<QDateTime>(m_searched.size());
    m_readingHistory = false;
    if (m_historyPath.isEmpty() || !QFileInfo::exists(m_historyPath))
        return; // no history yet: never create a store just to search it
    QStringList names;
    for (const Profile &p : std::as_const(m_searched))
        names << p.name;
    m_readingHistory = true;
    // Parented to this search: a new one drops the answer of the last.
    auto *watcher = new QFutureWatcher<HistoryAnswer>(m_run);
    connect(watcher, &QFutureWatcher<HistoryAnswer>::finished, this, [this, watcher] {
        m_readingHistory = false;
        applyHistory(watcher->result());
        emit answeredFromHistory();
        for (const std::function<void()> &apply : std::exchange(m_pendingLive, {}))
            apply();
        updateSummary();
    });
    watcher->setFuture(QtConcurrent::run(findInHistory, m_historyPath, names, m_finder->match()));
}

void FindDialog::live(std::function<void()> apply)
{
    if (m_readingHistory)
        m_pendingLive << std::move(apply);
    else
        apply();
}

// The history answer: a store that cannot be read answers nothing (the live search still does;
// History… says what is wrong with the file).
void FindDialog::applyHistory(const HistoryAnswer &answer)
{
    if (!answer.error.isEmpty())
        return;
    m_asOf = answer.asOf;
    for (const PeopleFinder::Hit &hit : answer.hits) {
        const int row = appendRow(hit, Source::History);
        m_unconfirmed.insert(QString::number(hit.target) + QLatin1Char('\n') + hit.user.id, row);
    }
    if (m_results->rowCount() > 0)
        m_results->resizeColumnsToContents();
}

// The live search of `target` is complete: what its snapshot had and it did not find is gone.
void FindDialog::markGone(int target)
{
    const QString prefix = QString::number(target) + QLatin1Char('\n');
    for (auto it = m_unconfirmed.begin(); it != m_unconfirmed.end();) {
        if (it.key().startsWith(prefix)) {
            setSource(*it, Source::Gone);
            it = m_unconfirmed.erase(it);
        } else {
            ++it;
        }
    }
}

QString FindDialog::age(const QDateTime &utc)
{
    const qint64 seconds = std::max<qint64>(0, utc.secsTo(QDateTime::currentDateTimeUtc()));
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    return tr("%n day(s) ago", nullptr, int(seconds / 86400));
}

void FindDialog::setSource(int row, Source source)
{
    m_sources[row] = source;
    const QDateTime asOf = m_asOf.value(m_hits.at(row).target);
    QString text;
    switch (source) {
    case Source::Live:
    case Source::Confirmed:
        text = tr("Live");
        break;
    case Source::History:
        text = tr("As of %1, confirming…").arg(age(asOf));
        break;
    case Source::New:
        text = tr("Live, new since %1").arg(age(asOf));
        break;
    case Source::Gone:
        text = tr("No longer found (as of %1)").arg(age(asOf));
        break;
    }
    QTableWidgetItem *cell = m_results->item(row, kFindSourceColumn);
    cell->setText(text);
    cell->setToolTip(asOf.isValid()
            ? tr("Snapshot taken %1")
                  .arg(QLocale().toString(asOf.toLocalTime(), QLocale::LongFormat))
            : QString());
    const QColor colour
        = source == Source::Gone ? StatusColors::error(palette()) : palette().color(QPalette::Text);
    for (int c = 0; c < m_results->columnCount(); ++c)
        m_results->item(row, c)->setForeground(colour);
}

QString FindDialog::sourceText(int row) const
{
    const QTableWidgetItem *cell = m_results->item(row, kFindSourceColumn);
    return cell ? cell->text() : QString();
}
