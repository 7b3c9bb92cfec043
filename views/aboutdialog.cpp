#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Roster"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(this);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setText(tr("<h2>Roster %1</h2>"
                      "<p>Browse the users of an organization held by an identity or access "
                      "provider, inspect their roles, permissions and invitations, and export "
                      "them to CSV.</p>"
                      "<p>Licensed under the Apache License, Version 2.0.</p>")
                       .arg(QLatin1String(ROSTER_VERSION)));
    layout->addWidget(label);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}
