#pragma once

class QCoreApplication;
class QLocale;

// Installs Roster's own translation and Qt's for `locale`, when there are any.
namespace Translations {
// Returns true when Roster's translation for the locale was found and installed.
bool install(QCoreApplication *app, const QLocale &locale);
} // namespace Translations
