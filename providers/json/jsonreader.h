#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

// Reads fields of one JSON object strictly: absent and null mean "not set", any other wrong type
// is remembered as the first error, naming where it was. FastJsonReader (fastjsonreader.h) has
// the same reading functions over simdjson, so a record reader written once as a template over
// its reader reads both.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString where, QString *firstError)
        : m_object(object)
        , m_where(std::move(where))
        , m_error(firstError)
    { }

    // A string field; numbers are accepted as their text only when `numbersToo`.
    QString str(QLatin1String key, bool required = false, bool numbersToo = false) const;
    // The first present of several alias keys.
    QString strAny(std::initializer_list<QLatin1String> keys) const;
    bool boolean(QLatin1String key, bool fallback) const;
    QJsonArray array(QLatin1String key, bool required = false) const;
    QJsonObject object(QLatin1String key, bool required = false) const;
    bool has(QLatin1String key) const;
    // The object member `key`, read at `where.key` (an empty object when absent or not one).
    JsonReader child(QLatin1String key, bool required = false) const;
    // Calls f(reader, k) for each element k of the array member `key`, read at `where.key[k]`
    // (an element that is not an object reads as an empty one); absent or null: none.
    template<typename F> void forEach(QLatin1String key, F f) const
    {
        const QJsonArray items = array(key);
        for (qsizetype k = 0; k < items.size(); ++k)
            f(JsonReader(items.at(k).toObject(),
                  m_where + QLatin1Char('.') + key + QLatin1Char('[') + QString::number(k)
                      + QLatin1Char(']'),
                  m_error),
                k);
    }
    void fail(const QString &message) const;
    const QString &where() const { return m_where; }

private:
    QJsonObject m_object;
    QString m_where;
    QString *m_error;
};
