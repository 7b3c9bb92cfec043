// Every input a fuzzer ever crashed on (tests/fuzz/regressions/<target>/*) and every recorded body
// runs through its parser in each normal build, under the sanitizers in the asan preset.
#include "fuzzparsers.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void regressionInputs()
    {
        const QDir root(QStringLiteral(ROSTER_TEST_DATA "/../fuzz/regressions"));
        int count = 0;
        const QStringList targets = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &target : targets) {
            QDirIterator it(root.filePath(target), QDir::Files);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(FuzzParsers::run(target, f.readAll()), qPrintable(target));
                ++count;
            }
        }
        qInfo("%d regression inputs", count);
    }

    void recordedBodiesThroughEveryTarget()
    {
        const QStringList targets = {QStringLiteral("karmo_page"), QStringLiteral("karmo_error"),
            QStringLiteral("llamacloud_page"), QStringLiteral("llamacloud_error"),
            QStringLiteral("csp_page"), QStringLiteral("csp_error"), QStringLiteral("char_page"),
            QStringLiteral("char_error"), QStringLiteral("scim_page"), QStringLiteral("scim_error"),
            QStringLiteral("scim_filter")};
        QDirIterator it(QStringLiteral(ROSTER_TEST_DATA), QDir::Files);
        int count = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray body = f.readAll();
            for (const QString &t : targets) {
                QVERIFY(FuzzParsers::run(t, body));
                // Every prefix too: truncated bodies must never crash.
                for (qsizetype n = 0; n < body.size(); n += 7)
                    QVERIFY(FuzzParsers::run(t, body.left(n)));
            }
            ++count;
        }
        QVERIFY(count >= 8);
        QVERIFY(!FuzzParsers::run(QStringLiteral("nope"), {}));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
