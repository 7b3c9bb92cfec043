#include "accessibility.h"

#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QDialog>
#include <QLineEdit>
#include <QRegularExpression>
#include <QToolButton>

#include <mutex>

namespace {

// A dialog whose state says "modal" while it blocks the windows behind it.
class DialogAccessible : public QAccessibleWidget
{
public:
    explicit DialogAccessible(QDialog *dialog)
        : QAccessibleWidget(dialog, QAccessible::Dialog)
    { }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        s.modal = widget()->isModal() || widget()->windowModality() != Qt::NonModal;
        return s;
    }
};

QAccessibleInterface *factory(const QString &className, QObject *object)
{
    // Asked first with the most derived class name: every dialog, ours and Qt's, before Qt's own
    // factory answers for "QDialog".
    auto *dialog = qobject_cast<QDialog *>(object);
    if (!dialog || className != QLatin1String(object->metaObject()->className()))
        return nullptr;
    return new DialogAccessible(dialog);
}
} // namespace

void Accessibility::install()
{
    static std::once_flag once;
    std::call_once(once, [] { QAccessible::installFactory(&factory); });
}

void Accessibility::enableClearButton(QLineEdit *edit)
{
    edit->setClearButtonEnabled(true);
    for (QToolButton *button : edit->findChildren<QToolButton *>())
        button->setAccessibleName(QCoreApplication::translate("Accessibility", "Clear"));
}

void Accessibility::nameAfterLabel(QWidget *widget, const QString &label)
{
    QString name = label;
    name.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    name = name.trimmed();
    while (name.endsWith(QLatin1Char(':')))
        name.chop(1);
    widget->setAccessibleName(name.trimmed());
}
