#include "fastjsonreader.h"

#include "responseparsing.h"
#include "user.h"

#include <cstring>

namespace {
std::string_view view(QLatin1String key)
{
    return {key.data(), size_t(key.size())};
}
} // namespace

QString FastJsonReader::where() const
{
    if (!m_parent)
        return m_key.isEmpty() ? QStringLiteral("[%1]").arg(m_index) : QString(m_key);
    QString w = m_parent->where() + QLatin1Char('.') + m_key;
    if (m_index >= 0)
        w += QLatin1Char('[') + QString::number(m_index) + QLatin1Char(']');
    return w;
}

bool FastJsonReader::find(QLatin1String key, simdjson::dom::element *value) const
{
    if (!m_hasObject)
        return false;
    const std::string_view wanted = view(key);
    bool found = false;
    for (const simdjson::dom::key_value_pair field : m_object) {
        if (field.key != wanted)
            continue;
        if (found) { // QJsonObject keeps one of the two: let JsonReader read this record
            *m_unsure = true;
            return false;
        }
        found = true;
        *value = field.value;
    }
    return found;
}

void FastJsonReader::fail(QLatin1String key, Problem problem) const
{
    *m_unsure = true;
    if (!m_error || !m_error->isEmpty())
        return;
    using ResponseParsing::Text;
    QString message;
    switch (problem) {
    case Problem::Missing:
        message = Text::tr("\"%1\" is missing").arg(key);
        break;
    case Problem::NotString:
        message = Text::tr("\"%1\" should be a string").arg(key);
        break;
    case Problem::NotBool:
        message = Text::tr("\"%1\" should be true or false").arg(key);
        break;
    case Problem::NotArray:
        message = Text::tr("\"%1\" should be an array").arg(key);
        break;
    case Problem::NotObject:
        message = Text::tr("\"%1\" should be an object").arg(key);
        break;
    }
    const QString w = where();
    *m_error = w.isEmpty() ? message : w + QStringLiteral(": ") + message;
}

bool FastJsonReader::has(QLatin1String key) const
{
    simdjson::dom::element value;
    return find(key, &value) && !value.is_null();
}

QString FastJsonReader::str(QLatin1String key, bool required, bool numbersToo) const
{
    simdjson::dom::element value;
    if (!find(key, &value) || value.is_null()) {
        if (required)
            fail(key, Problem::Missing);
        return {};
    }
    std::string_view text;
    if (value.get_string().get(text) == simdjson::SUCCESS)
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    if (numbersToo && value.is_number()) {
        *m_unsure = true; // a number's text is JsonReader's to write
        return {};
    }
    fail(key, Problem::NotString);
    return {};
}

QString FastJsonReader::strAny(std::initializer_list<QLatin1String> keys) const
{
    for (QLatin1String key : keys) {
        if (has(key))
            return str(key);
    }
    return {};
}

bool FastJsonReader::boolean(QLatin1String key, bool fallback) const
{
    simdjson::dom::element value;
    if (!find(key, &value) || value.is_null())
        return fallback;
    bool b = false;
    if (value.get_bool().get(b) == simdjson::SUCCESS)
        return b;
    fail(key, Problem::NotBool);
    return fallback;
}

FastJsonReader FastJsonReader::child(QLatin1String key, bool required) const
{
    FastJsonReader r(this, key, -1);
    simdjson::dom::element value;
    r.m_hasObject = false;
    if (!find(key, &value) || value.is_null()) {
        if (required)
            fail(key, Problem::Missing);
        return r;
    }
    r.m_hasObject = value.get_object().get(r.m_object) == simdjson::SUCCESS;
    if (!r.m_hasObject)
        fail(key, Problem::NotObject);
    return r;
}

bool FastJsonReader::prepare(simdjson::dom::parser *parser)
{
    // Deeper than this, JsonReader decides (QJsonDocument's own limit is near simdjson's).
    return parser->allocate(64 * 1024, 256) == simdjson::SUCCESS;
}

bool FastJsonReader::readRecord(simdjson::dom::parser *parser, std::vector<char> *padded,
    const QByteArray &element, qint64 index, RecordReader read, User *user)
{
    const size_t size = size_t(element.size());
    if (padded->size() < size + simdjson::SIMDJSON_PADDING)
        padded->resize(size + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded->data(), element.constData(), size);
    simdjson::dom::object object;
    if (parser->parse(padded->data(), size, false).get_object().get(object) != simdjson::SUCCESS)
        return false;
    QString problem;
    bool unsure = false;
    *user = read(FastJsonReader(object, index, &problem, &unsure));
    if (unsure || !problem.isEmpty())
        return false;
    if (ResponseParsing::keepsRawRecords())
        user->rawRecord = element;
    return true;
}
