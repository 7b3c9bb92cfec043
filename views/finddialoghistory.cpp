// Find in all profiles, answered first from history: each profile's latest complete snapshot,
// then confirmed by the live search (FindDialog's other half).
#include "finddialog.h"

#include "snapshotstore.h"
#include "statuscolors.h"

#include <QFileInfo>
#include <QLocale>
#include <QTableWidget>

#include <algorithm>

void FindDialog::answerFromHistory()
{
    m_asOf = QList<QDateTime>(m_searched.size());
    if (m_historyPath.isEmpty() || !QFileInfo::exists(m_historyPath))
        return; // no history yet: never create a store just to search it
    SnapshotStore store(m_historyPath);
    if (!store.open())
        return; // the live search still answers; History… says what is wrong with the file
    for (int target = 0; target < m_searched.size(); ++target) {
        const auto latest = store.latestComplete(m_searched.at(target).name);
        if (!latest)
            continue;
        m_asOf[target] = latest->first.takenAt;
        const std::unique_ptr<SnapshotStore::Accounts> stored
            = store.accounts(latest->second.rowId);
        while (stored->next()) {
            PeopleFinder::Hit hit;
            hit.target = target;
            hit.user = SnapshotStore::user(stored->values());
            hit.rule = m_finder->match().match(hit.user);
            if (hit.rule == PersonMatch::Rule::None)
                continue;
            const int row = appendRow(hit, Source::History);
            m_unconfirmed.insert(QString::number(target) + QLatin1Char('\n') + hit.user.id, row);
        }
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
