#include "jsonreader.h"
#include "responseparsing.h"

#include <QCoreApplication>
#include <QJsonDocument>

void JsonReader::fail(const QString &message) const
{
    if (m_error && m_error->isEmpty())
        *m_error = m_where.isEmpty() ? message : m_where + QStringLiteral(": ") + message;
}

bool JsonReader::has(QLatin1String key) const
{
    const QJsonValue v = m_object.value(key);
    return !v.isUndefined() && !v.isNull();
}

QString JsonReader::str(QLatin1String key, bool required, bool numbersToo) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isString())
        return v.toString();
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(ResponseParsing::Text::tr("\"%1\" is missing").arg(key));
        return {};
    }
    if (numbersToo && v.isDouble())
        return ResponseParsing::valueText(v);
    fail(ResponseParsing::Text::tr("\"%1\" should be a string").arg(key));
    return {};
}

QString JsonReader::strAny(std::initializer_list<QLatin1String> keys) const
{
    for (QLatin1String key : keys) {
        if (has(key))
            return str(key);
    }
    return {};
}

bool JsonReader::boolean(QLatin1String key, bool fallback) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isBool())
        return v.toBool();
    if (!v.isUndefined() && !v.isNull())
        fail(ResponseParsing::Text::tr("\"%1\" should be true or false").arg(key));
    return fallback;
}

QJsonArray JsonReader::array(QLatin1String key, bool required) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isArray())
        return v.toArray();
    if ((v.isUndefined() || v.isNull()) && !required)
        return {};
    fail(v.isUndefined() || v.isNull()
            ? ResponseParsing::Text::tr("\"%1\" is missing").arg(key)
            : ResponseParsing::Text::tr("\"%1\" should be an array").arg(key));
    return {};
}

QJsonObject JsonReader::object(QLatin1String key, bool required) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isObject())
        return v.toObject();
    if ((v.isUndefined() || v.isNull()) && !required)
        return {};
    fail(v.isUndefined() || v.isNull()
            ? ResponseParsing::Text::tr("\"%1\" is missing").arg(key)
            : ResponseParsing::Text::tr("\"%1\" should be an object").arg(key));
    return {};
}

JsonReader JsonReader::child(QLatin1String key, bool required) const
{
    return JsonReader(object(key, required), m_where + QLatin1Char('.') + key, m_error);
}
