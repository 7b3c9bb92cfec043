// The table's packed rows give back exactly what went in, compressed or not.
#include "compactuser.h"

#include <QTest>

class TestCompactUser : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("rawSize");
        QTest::newRow("no raw record") << 0;
        QTest::newRow("small raw record kept plain") << 200;
        QTest::newRow("large raw record compressed") << 5000;
        QTest::newRow("length needing a multi-byte varint") << 70000;
    }

    void roundTrip()
    {
        QFETCH(int, rawSize);
        User u;
        u.id = QStringLiteral("user_01J7C4Q8QABCD1234XYZ");
        u.userId = u.id;
        u.email = QStringLiteral("alex@example.com");
        u.givenName = QStringLiteral("山田 太郎 😀");
        u.familyName = QStringLiteral("Multi\nLine, \"quoted\"");
        u.displayName = User::joinNames(u.givenName, u.familyName);
        u.phone = QStringLiteral("+61412345678");
        u.status = QStringLiteral("pending");
        u.roles = {Role {QStringLiteral("r1"), QStringLiteral("admin"), {}, {}, {}, {}, {}, {}, {}},
            Role {QStringLiteral("r2"), QStringLiteral("vmc-user:full"), {},
                QStringLiteral("paas:vmc"), {}, {}, {}, {}, {}}};
        QByteArray raw;
        for (int i = 0; raw.size() < rawSize; ++i)
            raw += "{\"k\":" + QByteArray::number(i) + "}";
        u.rawRecord = raw.left(rawSize);
        const CompactUser c(u);
        for (Column col : Columns::all())
            QCOMPARE(c.value(col), u.value(col));
        QCOMPARE(c.rawRecord(), u.rawRecord);
        QVERIFY(c.searchText().contains(QStringLiteral("alex@example.com")));
        QVERIFY(c.searchText().contains(QStringLiteral("admin;paas:vmc/vmc-user:full")));
        if (rawSize >= 5000)
            QVERIFY(c.byteSize() < rawSize); // compressed
    }

    void emptyUser()
    {
        const CompactUser c {User()};
        for (Column col : Columns::all())
            QCOMPARE(c.value(col), QString());
        QCOMPARE(c.rawRecord(), QByteArray());
        const CompactUser none;
        QCOMPARE(none.value(Column::Email), QString());
        QCOMPARE(none.rawRecord(), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestCompactUser)
#include "tst_compactuser.moc"
