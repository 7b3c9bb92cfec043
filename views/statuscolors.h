#pragma once

#include <QColor>
#include <QPalette>

// Colours that carry meaning (granted, denied, an error), chosen for the palette they are shown
// on: dark shades on a light theme, light ones on a dark theme, each keeping a WCAG AA contrast
// of at least 4.5:1 against the palette's Base and Window colours.
namespace StatusColors {
QColor granted(const QPalette &palette);
QColor denied(const QPalette &palette);
QColor error(const QPalette &palette);
bool isDark(const QPalette &palette);
// Shows `widget`'s text (a message label) in the error colour of its palette.
void paintAsError(class QWidget *widget);
// WCAG 2.x contrast ratio, 1 to 21.
double contrast(const QColor &a, const QColor &b);
} // namespace StatusColors
