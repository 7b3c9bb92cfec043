#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

// Reads fields of one JSON object strictly: absent and null mean "not set", any other wrong type
// is remembered as the first error, naming where it was.
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
    void fail(const QString &message) const;
    const QString &where() const { return m_where; }

private:
    const QJsonObject &m_object;
    QString m_where;
    QString *m_error;
};
