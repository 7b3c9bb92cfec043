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

bool FastJsonReader::member(QLatin1String key, simdjson::dom::element *value) const
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
    return found && !value->is_null();
}

bool FastJsonReader::has(QLatin1String key) const
{
    simdjson::dom::element value;
    return member(key, &value);
}

QString FastJsonReader::str(QLatin1String key, bool required, bool numbersToo) const
{
    simdjson::dom::element value;
    if (!member(key, &value)) {
        *m_unsure = *m_unsure || required; // "missing": JsonReader says so
        return {};
    }
    std::string_view text;
    if (value.get_string().get(text) == simdjson::SUCCESS)
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    // Not a string: a problem, or (numbersToo) a number whose text is JsonReader's to write.
    Q_UNUSED(numbersToo);
    *m_unsure = true;
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
    if (!member(key, &value))
        return fallback;
    bool b = false;
    if (value.get_bool().get(b) == simdjson::SUCCESS)
        return b;
    *m_unsure = true; // "should be true or false"
    return fallback;
}

FastJsonReader FastJsonReader::child(QLatin1String key, bool required) const
{
    FastJsonReader r(m_unsure);
    simdjson::dom::element value;
    const bool present = member(key, &value);
    r.m_hasObject = present && value.get_object().get(r.m_object) == simdjson::SUCCESS;
    // Missing when required, or there but not an object: JsonReader reports it.
    if (!r.m_hasObject && (required || present))
        *m_unsure = true;
    return r;
}

bool FastJsonReader::prepare(simdjson::dom::parser *parser)
{
    // Deeper than this, JsonReader decides (QJsonDocument's own limit is near simdjson's).
    return parser->allocate(64 * 1024, 256) == simdjson::SUCCESS;
}

bool FastJsonReader::readRecord(simdjson::dom::parser *parser, std::vector<char> *padded,
    const QByteArray &element, RecordReader read, User *user)
{
    const size_t size = size_t(element.size());
    if (padded->size() < size + simdjson::SIMDJSON_PADDING)
        padded->resize(size + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded->data(), element.constData(), size);
    simdjson::dom::object object;
    if (parser->parse(padded->data(), size, false).get_object().get(object) != simdjson::SUCCESS)
        return false;
    bool unsure = false;
    *user = read(FastJsonReader(object, &unsure));
    if (unsure)
        return false;
    if (ResponseParsing::keepsRawRecords())
        user->rawRecord
            = QByteArray(element.constData(), element.size()); // `element` may be a view
    return true;
}
