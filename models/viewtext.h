#pragma once

#include <QLocale>
#include <QString>

// Numbers as the window shows them, for views and view-models alike: grouped in the user's
// locale ("25,000", "25.000").
inline QString grouped(qint64 n)
{
    return QLocale().toString(n);
}
