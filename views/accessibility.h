#pragma once

#include <QString>

class QLineEdit;
class QWidget;

// What screen readers see beyond Qt's defaults (the AT-SPI bridge reads the same
// QAccessibleInterface a Qt test can query): dialogs say whether they are modal.
namespace Accessibility {
// Installs, once per process, the factory for Roster's and Qt's dialogs.
void install();
// Turns on a line edit's clear button and names it ("Clear"), for screen readers.
void enableClearButton(QLineEdit *edit);
// An item view's or field's name when no label names it directly: `label` without its mnemonic
// and colon ("&Columns:" gives "Columns").
void nameAfterLabel(QWidget *widget, const QString &label);
} // namespace Accessibility
