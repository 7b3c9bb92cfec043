// The German translation: complete, embedded, and chosen by the locale.
#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void germanIsInstalledForAGermanLocale()
    {
        QVERIFY(Translations::install(
            QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(
            QCoreApplication::translate("MainWindow", "&Reload"), QStringLiteral("&Neu laden"));
        QCOMPARE(QCoreApplication::translate("UserTableModel", "Email"), QStringLiteral("E-Mail"));
        QCOMPARE(QCoreApplication::translate("SessionViewModel", "%n user(s)", nullptr, 1),
            QStringLiteral("1 Benutzer"));
        QCOMPARE(QCoreApplication::translate("ErrorPane", "%n second(s)", nullptr, 3),
            QStringLiteral("3 Sekunden"));
        QCOMPARE(QCoreApplication::translate("ProfileStore", "profile \"%1\""),
            QStringLiteral("Profil „%1“"));
        QCOMPARE(QCoreApplication::translate(
                     "CredentialStore", "the environment variable %1 is not set."),
            QStringLiteral("die Umgebungsvariable %1 ist nicht gesetzt."));
    }

    void noTranslationForAnotherLocale()
    {
        QVERIFY(!Translations::install(
            QCoreApplication::instance(), QLocale(QLocale::Japanese, QLocale::Japan)));
    }

    void catalogueIsComplete()
    {
        QFile ts(QStringLiteral(ROSTER_TEST_DATA "/../../resources/translations/roster_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        int messages = 0, unfinished = 0, empty = 0;
        bool inTranslation = false;
        QString text;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("message"))
                ++messages;
            if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
                inTranslation = true;
                text.clear();
                if (xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished"))
                    ++unfinished;
            }
            if (inTranslation && xml.isCharacters())
                text += xml.text();
            if (xml.isEndElement() && xml.name() == QLatin1String("translation")) {
                inTranslation = false;
                empty += text.trimmed().isEmpty();
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 300);
        QCOMPARE(unfinished, 0);
        QCOMPARE(empty, 0);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
