// The incremental array reader: every split of a body gives the elements a whole-document parse
// gives (a differential test over random arrays), and every way a body can be wrong is an error
// naming the byte offset.
#include "jsonarrayreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

namespace {
struct Read
{
    bool ok = false;
    QList<QByteArray> elements;
    QString error;
};

// Feeds `body` in chunks of the given sizes (cycled). With `views`, each chunk is a copy that is
// gone once fed, and the elements are copied out right away, as StreamingPageReply reads them:
// a view that outlived its chunk would read freed memory (ASan) or the wrong bytes.
Read readInChunks(const QByteArray &body, const QList<qsizetype> &sizes, const QByteArray &key = {},
    qsizetype cap = qsizetype(64) << 20, bool views = false)
{
    JsonArrayReader reader(key, cap);
    reader.setViews(views);
    Read r;
    qsizetype at = 0;
    for (int i = 0; at < body.size(); ++i) {
        const qsizetype n = std::min(sizes.at(i % sizes.size()), body.size() - at);
        QList<QByteArray> out;
        bool fed = false;
        {
            QByteArray chunk(body.constData() + at, n);
            fed = reader.feed(chunk, &out);
            for (const QByteArray &e : std::as_const(out))
                r.elements.append(QByteArray(e.constData(), e.size()));
            chunk.fill('#'); // a view kept past its chunk now reads this
        }
        if (!fed) {
            r.error = reader.errorString();
            return r;
        }
        at += n;
    }
    r.ok = reader.finish();
    r.error = reader.errorString();
    return r;
}

QJsonValue element(const QByteArray &bytes)
{
    return QJsonDocument::fromJson("[" + bytes + "]").array().first();
}

QString randomString(QRandomGenerator &rng)
{
    static const QStringList pieces {QStringLiteral("a"), QStringLiteral("\""),
        QStringLiteral("\\"), QStringLiteral("]"), QStringLiteral("["), QStringLiteral("{"),
        QStringLiteral("}"), QStringLiteral(","), QStringLiteral("é"), QStringLiteral("😀"),
        QStringLiteral("\n"), QStringLiteral("\\\""), QStringLiteral(" "), QStringLiteral("太郎"),
        QStringLiteral("\t")};
    QString s;
    const int n = int(rng.bounded(12));
    for (int i = 0; i < n; ++i)
        s += pieces.at(int(rng.bounded(pieces.size())));
    return s;
}

QJsonValue randomValue(QRandomGenerator &rng, int depth)
{
    switch (rng.bounded(depth > 3 ? 5 : 7)) {
    case 0:
        return QJsonValue(randomString(rng));
    case 1:
        return QJsonValue(double(rng.bounded(2000000)) - 1000000.0);
    case 2:
        return QJsonValue(rng.bounded(2) == 0);
    case 3:
        return QJsonValue(QJsonValue::Null);
    case 4:
        return QJsonValue(rng.bounded(1000) / 7.0);
    case 5: {
        QJsonArray a;
        const int n = int(rng.bounded(5));
        for (int i = 0; i < n; ++i)
            a.append(randomValue(rng, depth + 1));
        return a;
    }
    default: {
        QJsonObject o;
        const int n = int(rng.bounded(6));
        for (int i = 0; i < n; ++i)
            o.insert(randomString(rng) + QString::number(i), randomValue(rng, depth + 1));
        return o;
    }
    }
}
} // namespace

class TestJsonArrayReader : public QObject
{
    Q_OBJECT

private slots:
    void everySplitOfSmallBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("array"); // what a whole-document parse sees
        QTest::newRow("empty") << QByteArray("[]") << QByteArray() << QByteArray("[]");
        QTest::newRow("spaces everywhere")
            << QByteArray(" \r\n[ \t{ \"a\" : 1 } ,\n[ ] , \"x\"\n]\n ") << QByteArray()
            << QByteArray("[{\"a\":1},[],\"x\"]");
        QTest::newRow("byte-order mark")
            << QByteArray("\xEF\xBB\xBF[1,2]") << QByteArray() << QByteArray("[1,2]");
        QTest::newRow("brackets and quotes in strings")
            << QByteArray("[\"a\\\"],[\", {\"k]\":\"}{\\\\\"}, \"\\\\\", \"\\u005d\"]")
            << QByteArray()
            << QByteArray("[\"a\\\"],[\", {\"k]\":\"}{\\\\\"}, \"\\\\\", \"\\u005d\"]");
        QTest::newRow("scalars") << QByteArray("[1,-2.5e3,true,false,null,\"s\",0]") << QByteArray()
                                 << QByteArray("[1,-2.5e3,true,false,null,\"s\",0]");
        QTest::newRow("nested") << QByteArray("[[[[1]]],{\"a\":{\"b\":[{}]}}]") << QByteArray()
                                << QByteArray("[[[[1]]],{\"a\":{\"b\":[{}]}}]");
        QTest::newRow("utf-8") << QByteArray("[\"Zoë\",\"山田\",\"😀\"]") << QByteArray()
                               << QByteArray("[\"Zoë\",\"山田\",\"😀\"]");
        QTest::newRow("under a key")
            << QByteArray("{\"count\":2,\"meta\":{\"data\":[9]},\"list\":[0],\"data\":[{\"id\":1},{"
                          "\"id\":2}],\"after\":[3]}")
            << QByteArray("data") << QByteArray("[{\"id\":1},{\"id\":2}]");
        QTest::newRow("under a key, empty")
            << QByteArray("{ \"data\" : [ ] }") << QByteArray("data") << QByteArray("[]");
    }

    void everySplitOfSmallBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, array);
        const QJsonArray expected = QJsonDocument::fromJson(array).array();
        for (qsizetype size = 1; size <= 2 * body.size(); ++size) {
            // The second half: the same splits with the elements handed out as views.
            const bool views = size > body.size();
            const Read r = readInChunks(
                body, {views ? size - body.size() : size}, key, qsizetype(64) << 20, views);
            QVERIFY2(r.ok, qPrintable(QStringLiteral("chunk %1: %2").arg(size).arg(r.error)));
            QCOMPARE(r.elements.size(), expected.size());
            for (qsizetype i = 0; i < expected.size(); ++i)
                QCOMPARE(element(r.elements[i]), expected[i]);
        }
    }

    void randomArraysSplitAtRandomPoints()
    {
        // A differential test: random documents, compact and indented, split at random points
        // from 1 byte to 64 KB, against QJsonDocument's parse of the whole.
        QRandomGenerator rng(20261122);
        for (int round = 0; round < 300; ++round) {
            QJsonArray array;
            const int n = int(rng.bounded(round % 10 == 0 ? 400 : 12));
            for (int i = 0; i < n; ++i)
                array.append(randomValue(rng, 0));
            const QByteArray body = QJsonDocument(array).toJson(
                round % 2 ? QJsonDocument::Compact : QJsonDocument::Indented);
            QList<qsizetype> sizes;
            for (int i = 0; i < 16; ++i) {
                const int kind = int(rng.bounded(3));
                sizes << (kind == 0 ? 1 + rng.bounded(8)
                        : kind == 1 ? 1 + rng.bounded(512)
                                    : 1 + rng.bounded(65536));
            }
            for (bool views : {false, true}) {
                const Read r = readInChunks(body, sizes, {}, qsizetype(64) << 20, views);
                QVERIFY2(r.ok, qPrintable(r.error));
                QCOMPARE(r.elements.size(), array.size());
                for (qsizetype i = 0; i < array.size(); ++i)
                    QCOMPARE(element(r.elements[i]), array[i]);
            }
        }
    }

    void longRecordsWithoutEscapesGoByWholeBlocks()
    {
        // Records as APIs send them, long and without a backslash, are read 64 bytes at a time;
        // brackets and quotes inside their strings, strings that cross a block's edge and elements
        // that end anywhere in a block must still give QJsonDocument's elements at every split.
        QRandomGenerator rng(20261206);
        static const QStringList pieces {QStringLiteral("a"), QStringLiteral("]"),
            QStringLiteral("["), QStringLiteral("{"), QStringLiteral("}"), QStringLiteral(","),
            QStringLiteral("é"), QStringLiteral(" "), QStringLiteral("😀"), QStringLiteral("::")};
        const auto text = [&rng](int most) {
            QString t;
            for (int n = int(rng.bounded(most)); n > 0; --n)
                t += pieces.at(int(rng.bounded(pieces.size())));
            return t;
        };
        for (int round = 0; round < 60; ++round) {
            QJsonArray array;
            for (int i = int(rng.bounded(200)); i > 0; --i) {
                QJsonObject o {{QStringLiteral("id"), text(40)}, {text(8), text(150)}};
                QJsonArray roles;
                for (int r = int(rng.bounded(4)); r > 0; --r)
                    roles.append(QJsonObject {{QStringLiteral("role"),
                        QJsonObject {{QStringLiteral("name"), text(30)},
                            {QStringLiteral("n"), double(rng.bounded(100))}}}});
                o.insert(QStringLiteral("roles"), roles);
                array.append(i % 7 == 0 ? QJsonValue(QJsonArray {o, text(20)}) : QJsonValue(o));
            }
            const QByteArray body = QJsonDocument(array).toJson(
                round % 3 ? QJsonDocument::Compact : QJsonDocument::Indented);
            QVERIFY(!body.contains('\\'));
            const QList<qsizetype> sizes {1 + rng.bounded(200), 1 + rng.bounded(70000),
                64 + rng.bounded(3), 1 + rng.bounded(5000)};
            for (bool views : {false, true}) {
                const Read r = readInChunks(body, sizes, {}, qsizetype(64) << 20, views);
                QVERIFY2(r.ok, qPrintable(r.error));
                QCOMPARE(r.elements.size(), array.size());
                for (qsizetype i = 0; i < array.size(); ++i)
                    QCOMPARE(element(r.elements[i]), array[i]);
            }
        }
    }

    void badBodiesNameTheByte_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an array")
            << QByteArray("{\"a\":1}") << QByteArray() << "Expected a JSON array at byte 0";
        QTest::newRow("missing comma")
            << QByteArray("[{\"a\":1} {\"b\":2}]") << QByteArray()
            << "Expected \",\" or \"]\" after an array element at byte 9";
        QTest::newRow("missing comma between scalars")
            << QByteArray("[1 2]") << QByteArray() << "after an array element at byte 3";
        QTest::newRow("garbage after") << QByteArray("[1,2]  x") << QByteArray()
                                       << "Unexpected data after the array at byte 7";
        QTest::newRow("unterminated") << QByteArray("[{\"a\":1},{\"b\":") << QByteArray()
                                      << "The array is not closed: the body ended at byte 14";
        QTest::newRow("leading comma")
            << QByteArray("[,1]") << QByteArray() << "Expected an array element at byte 1";
        QTest::newRow("trailing comma")
            << QByteArray("[1,]") << QByteArray() << "Expected an array element at byte 3";
        QTest::newRow("empty body") << QByteArray("") << QByteArray() << "The body is empty";
        QTest::newRow("only a byte-order mark")
            << QByteArray("\xEF\xBB\xBF") << QByteArray() << "The body is empty";
        QTest::newRow("broken byte-order mark")
            << QByteArray("\xEF\xBB[]") << QByteArray() << "broken byte-order mark (byte 2)";
        QTest::newRow("no such key")
            << QByteArray("{\"items\":[1]}") << QByteArray("data") << "no member \"data\"";
        QTest::newRow("key is no array")
            << QByteArray("{\"data\":{}}") << QByteArray("data") << "is not an array (byte 8)";
    }

    void badBodiesNameTheByte()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, key);
        QFETCH(QString, message);
        for (qsizetype size : {qsizetype(1), qsizetype(3), body.size() + 1}) {
            const Read r = readInChunks(body, {std::max<qsizetype>(1, size)}, key);
            QVERIFY(!r.ok);
            QVERIFY2(r.error.contains(message), qPrintable(r.error));
        }
    }

    void elementsOverTheCapAreRefused()
    {
        const QByteArray body = "[\"short\",\"" + QByteArray(5000, 'x') + "\"]";
        // In small chunks, and in one (where a view would hold it whole).
        for (qsizetype chunk : {qsizetype(100), body.size()}) {
            for (bool views : {false, true}) {
                const Read r = readInChunks(body, {chunk}, {}, 1000, views);
                QVERIFY(!r.ok);
                QCOMPARE(r.elements.size(), 1); // the element before it was handed out
                QVERIFY2(r.error.contains(QStringLiteral(
                             "element at byte 9 is larger than the limit of 1000 bytes")),
                    qPrintable(r.error));
            }
        }
    }

    void elementsAreHandedOutAsSoonAsTheyEnd()
    {
        JsonArrayReader reader;
        QList<QByteArray> out;
        QVERIFY(reader.feed("[{\"a\":1},{\"b\"", &out));
        QCOMPARE(out.size(), 1);
        QVERIFY(reader.feed(":2}", &out));
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[1], QByteArray("{\"b\":2}"));
        QVERIFY(!reader.isClosed());
        QVERIFY(reader.feed("]", &out));
        QVERIFY(reader.isClosed());
        QVERIFY(reader.finish());
        QCOMPARE(reader.elementCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestJsonArrayReader)
#include "tst_jsonarrayreader.moc"
