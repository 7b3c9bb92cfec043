// Every quoting and formula-guard case of spec/providers.md "CSV", on a QBuffer.
#include "csvwriter.h"

#include <QBuffer>
#include <QTest>

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void field_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("guarded");
        QTest::addColumn<QByteArray>("unguarded");
        auto row = [](const char *name, const QString &v, const char *g, const char *u) {
            QTest::newRow(name) << v << QByteArray(g) << QByteArray(u);
        };
        row("plain", QStringLiteral("Alex"), "Alex", "Alex");
        row("empty", QString(), "", "");
        row("comma", QStringLiteral("Taylor, Alex"), "\"Taylor, Alex\"", "\"Taylor, Alex\"");
        row("quote", QStringLiteral("The \"Boss\""), "\"The \"\"Boss\"\"\"",
            "\"The \"\"Boss\"\"\"");
        row("LF", QStringLiteral("a\nb"), "\"a\nb\"", "\"a\nb\"");
        row("CR inside", QStringLiteral("a\rb"), "\"a\rb\"", "\"a\rb\"");
        row("CRLF", QStringLiteral("a\r\nb"), "\"a\r\nb\"", "\"a\r\nb\"");
        row("leading space", QStringLiteral(" Alex"), "\" Alex\"", "\" Alex\"");
        row("trailing space", QStringLiteral("Alex "), "\"Alex \"", "\"Alex \"");
        row("equals", QStringLiteral("=1+1"), "'=1+1", "=1+1");
        row("hyperlink formula", QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        row("plus word", QStringLiteral("+Plus"), "'+Plus", "+Plus");
        row("minus formula", QStringLiteral("-2+3"), "'-2+3", "-2+3");
        row("at", QStringLiteral("@x"), "'@x", "@x");
        row("leading tab", QStringLiteral("\tTab"), "'\tTab", "\tTab");
        row("leading CR", QStringLiteral("\rX"), "\"'\rX\"", "\"\rX\"");
        row("E.164 phone", QStringLiteral("+61412345678"), "+61412345678", "+61412345678");
        row("phone with spaces", QStringLiteral("+61 412 345 678"), "+61 412 345 678",
            "+61 412 345 678");
        row("negative number", QStringLiteral("-42"), "-42", "-42");
        row("signed decimal", QStringLiteral("-3.5"), "-3.5", "-3.5");
        row("sign alone", QStringLiteral("-"), "'-", "-");
        row("sign and space", QStringLiteral("+ "), "\"'+ \"", "\"+ \"");
        row("plain number", QStringLiteral("12345"), "12345", "12345");
        row("number in the middle", QStringLiteral("a=1"), "a=1", "a=1");
        row("non-Latin", QStringLiteral("山田 太郎"), "山田 太郎", "山田 太郎");
        row("Arabic", QStringLiteral("محمد الأحمد"), "محمد الأحمد", "محمد الأحمد");
        row("emoji", QStringLiteral("Emoji 😀"), "Emoji 😀", "Emoji 😀");
        row("guard and comma", QStringLiteral("=a,b"), "\"'=a,b\"", "\"=a,b\"");
    }

    void field()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, guarded);
        QFETCH(QByteArray, unguarded);
        QCOMPARE(CsvWriter::encodeField(value, true), guarded);
        QCOMPARE(CsvWriter::encodeField(value, false), unguarded);
    }

    void wholeFile()
    {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        CsvWriter writer(&buffer, {Column::Id, Column::Email, Column::Phone, Column::DisplayName});
        QVERIFY(writer.writeHeader());
        User a;
        a.id = QStringLiteral("u1");
        a.email = QStringLiteral("a@example.com");
        a.phone = QStringLiteral("+61412345678");
        a.displayName = QStringLiteral("Taylor, Alex");
        QVERIFY(writer.writeUser(a));
        QVERIFY(writer.writeUser(User()));
        QVERIFY(writer.flush());
        QCOMPARE(writer.rowsWritten(), qint64(2));
        QCOMPARE(buffer.data(),
            QByteArray("id,email,phone,display_name\r\n"
                       "u1,a@example.com,+61412345678,\"Taylor, Alex\"\r\n"
                       ",,,\r\n"));
    }

    void byteOrderMark()
    {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        CsvWriter::Options options;
        options.byteOrderMark = true;
        CsvWriter writer(&buffer, {Column::Id}, options);
        QVERIFY(writer.writeHeader());
        QVERIFY(writer.flush());
        QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBFid\r\n"));
        QBuffer plain;
        QVERIFY(plain.open(QIODevice::WriteOnly));
        CsvWriter w2(&plain, {Column::Id});
        QVERIFY(w2.writeHeader());
        QVERIFY(w2.flush());
        QVERIFY(!plain.data().startsWith("\xEF\xBB\xBF"));
    }

    void writeErrorIsReported()
    {
        QBuffer buffer; // never opened for writing
        CsvWriter writer(&buffer, {Column::Id});
        writer.writeHeader();
        QVERIFY(!writer.flush());
        QVERIFY(!writer.errorString().isEmpty());
    }

    void columnKeys()
    {
        QStringList keys;
        for (Column c : Columns::all())
            keys << Columns::key(c);
        QCOMPARE(keys.join(QLatin1Char(',')),
            QStringLiteral("id,user_id,email,given_name,family_name,display_name,phone,status,"
                           "roles,username,idp_id,invited_by,created_at,updated_at,groups"));
        QString bad;
        QCOMPARE(Columns::parseList(QStringLiteral("email,id"), &bad),
            (QList<Column> {Column::Email, Column::Id}));
        QVERIFY(Columns::parseList(QStringLiteral("email,nope"), &bad).isEmpty());
        QCOMPARE(bad, QStringLiteral("nope"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
