#include "statuscolors.h"

#include <QWidget>

#include <cmath>

namespace {
double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}
} // namespace

bool StatusColors::isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Base)) < 0.2
        && luminance(palette.color(QPalette::Window)) < 0.2;
}

QColor StatusColors::granted(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x7e, 0xe2, 0xa0) : QColor(0x16, 0x6c, 0x32);
}

QColor StatusColors::denied(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

QColor StatusColors::error(const QPalette &palette)
{
    return denied(palette);
}

double StatusColors::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void StatusColors::paintAsError(QWidget *widget)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, error(palette));
    palette.setColor(QPalette::Text, error(palette));
    widget->setPalette(palette);
}
