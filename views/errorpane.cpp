#include "errorpane.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The longest column (detail, value) takes the room left and wraps; the others fit their text.
    t->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    t->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(true);
    t->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    t->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return t;
}
} // namespace

ErrorPane::ErrorPane(QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);

    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(content);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(40, 40));
    top->addWidget(icon, 0, Qt::AlignTop);
    auto *titles = new QVBoxLayout;
    m_headline = new QLabel(content);
    QFont f = m_headline->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_headline->setFont(f);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel(content);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    titles->addWidget(m_headline);
    titles->addWidget(m_message);
    top->addLayout(titles, 1);
    m_retry
        = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Retry"), content);
    m_retry->setToolTip(tr("Ask again for the page that failed; rows already loaded stay."));
    connect(m_retry, &QPushButton::clicked, this, &ErrorPane::retryRequested);
    m_signIn = new QPushButton(tr("&Sign In Again…"), content);
    m_signIn->setObjectName(QStringLiteral("signInAgainButton"));
    m_signIn->setToolTip(tr("Sign in to the provider again, then ask again for the page"));
    m_signIn->hide();
    connect(m_signIn, &QPushButton::clicked, this, &ErrorPane::signInRequested);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    top->addLayout(buttons);
    layout->addLayout(top);

    m_detailsBox = new QGroupBox(tr("Details"), content);
    m_details = new QFormLayout(m_detailsBox);
    m_details->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(m_detailsBox);

    m_fieldsLabel = new QLabel(tr("<b>Field errors</b>"), content);
    layout->addWidget(m_fieldsLabel);
    m_fields = makeTable({tr("Location"), tr("Detail"), tr("Type")}, content);
    m_fields->setObjectName(QStringLiteral("fieldErrors"));
    layout->addWidget(m_fields);

    m_metaLabel = new QLabel(tr("<b>Meta</b>"), content);
    layout->addWidget(m_metaLabel);
    m_meta = makeTable({tr("Key"), tr("Value")}, content);
    layout->addWidget(m_meta);

    auto *rawBox = new QGroupBox(tr("Response body"), content);
    auto *rawLayout = new QVBoxLayout(rawBox);
    m_raw = new QPlainTextEdit(rawBox);
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setMinimumHeight(120);
    rawLayout->addWidget(m_raw);
    auto *copy = new QPushButton(tr("Copy details"), rawBox);
    connect(copy, &QPushButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(detailsText()); });
    rawLayout->addWidget(copy, 0, Qt::AlignRight);
    layout->addWidget(rawBox, 1);

    scroll->setWidget(content);
    outer->addWidget(scroll);
}

void ErrorPane::setRetryEnabled(bool enabled)
{
    m_retry->setVisible(enabled);
}

QString ErrorPane::headline() const
{
    return m_headline->text();
}

QString ErrorPane::detailsText() const
{
    QStringList lines {m_headline->text(), m_message->text()};
    for (int r = 0; r < m_details->rowCount(); ++r) {
        auto *l = m_details->itemAt(r, QFormLayout::LabelRole);
        auto *v = m_details->itemAt(r, QFormLayout::FieldRole);
        if (l && v)
            lines << qobject_cast<QLabel *>(l->widget())->text() + QLatin1Char(' ')
                    + qobject_cast<QLabel *>(v->widget())->text();
    }
    for (int r = 0; r < m_fields->rowCount(); ++r)
        lines << QStringLiteral("%1: %2 [%3]")
                     .arg(m_fields->item(r, 0)->text(), m_fields->item(r, 1)->text(),
                         m_fields->item(r, 2)->text());
    for (int r = 0; r < m_meta->rowCount(); ++r)
        lines << QStringLiteral("%1 = %2").arg(
            m_meta->item(r, 0)->text(), m_meta->item(r, 1)->text());
    lines << m_raw->toPlainText();
    return lines.join(QLatin1Char('\n'));
}

void ErrorPane::setError(const ProviderError &e, const QString &profileName)
{
    QString headline;
    if (e.httpStatus > 0)
        headline = QStringLiteral("HTTP %1 %2").arg(e.httpStatus).arg(e.name);
    else
        headline = e.kindText();
    m_headline->setText(headline);
    m_signIn->setVisible(e.signInNeeded);
    m_message->setText(e.message.isEmpty() ? tr("The provider gave no message.") : e.message);

    while (m_details->rowCount() > 0)
        m_details->removeRow(0);
    auto add = [this](const QString &label, const QString &value) {
        if (value.isEmpty())
            return;
        auto *v = new QLabel(value);
        v->setTextFormat(Qt::PlainText);
        v->setWordWrap(true);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_details->addRow(label, v);
    };
    add(tr("Profile:"), profileName);
    add(tr("Kind:"), e.kindText());
    add(tr("Error code:"), e.code);
    add(tr("Request ID:"), e.requestId);
    add(tr("Retry after:"),
        e.retryAfterSeconds >= 0 ? tr("%n second(s)", nullptr, e.retryAfterSeconds) : QString());
    add(tr("Attempts:"), e.attempts > 0 ? QString::number(e.attempts) : QString());
    add(tr("Transport:"), e.transportError != e.message ? e.transportError : QString());
    add(tr("URL:"), e.url);
    m_detailsBox->setVisible(m_details->rowCount() > 0);

    m_fields->setRowCount(int(e.fieldErrors.size()));
    for (int i = 0; i < e.fieldErrors.size(); ++i) {
        const FieldError &f = e.fieldErrors[i];
        m_fields->setItem(i, 0, new QTableWidgetItem(f.location));
        m_fields->setItem(i, 1, new QTableWidgetItem(f.detail));
        m_fields->setItem(i, 2, new QTableWidgetItem(f.type));
    }
    m_fields->setVisible(!e.fieldErrors.isEmpty());
    m_fieldsLabel->setVisible(!e.fieldErrors.isEmpty());

    m_meta->setRowCount(int(e.meta.size()));
    for (int i = 0; i < e.meta.size(); ++i) {
        m_meta->setItem(i, 0, new QTableWidgetItem(e.meta[i].first));
        m_meta->setItem(i, 1, new QTableWidgetItem(e.meta[i].second));
    }
    m_meta->setVisible(!e.meta.isEmpty());
    m_metaLabel->setVisible(!e.meta.isEmpty());

    // Pretty-print JSON bodies; show anything else as received.
    const QJsonDocument doc = QJsonDocument::fromJson(e.rawBody);
    QString raw = doc.isNull() ? QString::fromUtf8(e.rawBody)
                               : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    if (e.rawBodyTruncated)
        raw += QLatin1Char('\n')
            + tr("[… the body was longer; the first %1 KiB are shown]")
                  .arg(ProviderError::rawBodyCap / 1024);
    m_raw->setPlainText(raw.isEmpty() ? tr("(no body)") : raw);
}
