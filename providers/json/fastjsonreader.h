#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QString>

#include <vector>

struct User;

#include <simdjson.h>

// JsonReader's reading functions over one object of a simdjson DOM (simdjson 3.0), for the
// records that read cleanly: strings come straight from simdjson's buffer. It writes no error
// message: wherever JsonReader would report a problem, or it cannot be sure it answers as
// JsonReader would (a key that appears twice, a number asked for as text), it only says so
// through *unsure, and the caller reads that record with JsonReader, whose messages are the
// ones shown.
class FastJsonReader
{
public:
    FastJsonReader(simdjson::dom::object object, bool *unsure)
        : m_object(object)
        , m_unsure(unsure)
    { }

    QString str(QLatin1String key, bool required = false, bool numbersToo = false) const;
    QString strAny(std::initializer_list<QLatin1String> keys) const;
    bool boolean(QLatin1String key, bool fallback) const;
    bool has(QLatin1String key) const;
    FastJsonReader child(QLatin1String key, bool required = false) const;
    template<typename F> void forEach(QLatin1String key, F f) const
    {
        simdjson::dom::element value;
        if (!member(key, &value))
            return;
        simdjson::dom::array items;
        if (value.get_array().get(items) != simdjson::SUCCESS) {
            *m_unsure = true;
            return;
        }
        qsizetype k = 0;
        for (simdjson::dom::element item : items) {
            FastJsonReader r(m_unsure);
            r.m_hasObject = item.get_object().get(r.m_object) == simdjson::SUCCESS;
            f(r, k);
            ++k;
        }
    }

    // A record reader over this reader (a vendor's readMemberFast / readUserFast).
    using RecordReader = User (*)(const FastJsonReader &reader);
    // Readies a parser for records (a nesting limit under QJsonDocument's); false without memory.
    static bool prepare(simdjson::dom::parser *parser);
    // Reads one record from its bytes: true with *user (its rawRecord the bytes as received,
    // where ResponseParsing::keepsRawRecords(), a copy: `element` may be a view), or false when
    // JsonReader must read it (not JSON simdjson accepts, not an object, unsure or a problem).
    // `padded` is scratch space kept between calls.
    static bool readRecord(simdjson::dom::parser *parser, std::vector<char> *padded,
        const QByteArray &element, RecordReader read, User *user);

private:
    explicit FastJsonReader(bool *unsure)
        : m_unsure(unsure)
    { }
    // The member `key`, present and not null (JsonReader's "set"). Two members of that name make
    // the reader unsure.
    bool member(QLatin1String key, simdjson::dom::element *value) const;

    simdjson::dom::object m_object;
    bool m_hasObject = true;
    bool *m_unsure;
};
