#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QString>

#include <vector>

struct User;

#include <simdjson.h>

// JsonReader's reading functions over one object of a simdjson DOM (simdjson 3.0): the same
// answers, the same first error, but strings come straight from simdjson's buffer and the place
// an error names ("[12].roles[0].role") is only written out when there is an error.
//
// Where it cannot be sure it answers as JsonReader would (a key that appears twice, a number
// asked for as text) it says so through *unsure, and the caller reads that record with
// JsonReader instead; so does any record this reader finds a problem in, so that every message
// is JsonReader's own.
class FastJsonReader
{
public:
    // The top-level record `index` of an array ("[index]").
    FastJsonReader(simdjson::dom::object object, qint64 index, QString *firstError, bool *unsure)
        : m_object(object)
        , m_index(index)
        , m_error(firstError)
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
        if (!find(key, &value) || value.is_null())
            return;
        simdjson::dom::array items;
        if (value.get_array().get(items) != simdjson::SUCCESS) {
            fail(key, Problem::NotArray);
            return;
        }
        qsizetype k = 0;
        for (simdjson::dom::element item : items) {
            FastJsonReader r(this, key, k);
            r.m_hasObject = item.get_object().get(r.m_object) == simdjson::SUCCESS;
            f(r, k);
            ++k;
        }
    }
    QString where() const;

    // A record reader over this reader (a vendor's readMemberFast / readUserFast).
    using RecordReader = User (*)(const FastJsonReader &reader);
    // Readies a parser for records (a nesting limit under QJsonDocument's); false without memory.
    static bool prepare(simdjson::dom::parser *parser);
    // Reads one record, an array's element `index`, from its bytes: true with *user (its
    // rawRecord the bytes as received, where ResponseParsing::keepsRawRecords()), or false when
    // JsonReader must read it (not JSON simdjson accepts, not an object, unsure or a problem).
    // `padded` is scratch space kept between calls.
    static bool readRecord(simdjson::dom::parser *parser, std::vector<char> *padded,
        const QByteArray &element, qint64 index, RecordReader read, User *user);

private:
    enum class Problem { Missing, NotString, NotBool, NotArray, NotObject };
    FastJsonReader(const FastJsonReader *parent, QLatin1String key, qsizetype element)
        : m_parent(parent)
        , m_key(key)
        , m_index(element)
        , m_error(parent->m_error)
        , m_unsure(parent->m_unsure)
    { }
    // The member `key`: false when absent. Two members of that name make the reader unsure.
    bool find(QLatin1String key, simdjson::dom::element *value) const;
    void fail(QLatin1String key, Problem problem) const;

    simdjson::dom::object m_object;
    bool m_hasObject = true;
    const FastJsonReader *m_parent = nullptr;
    QLatin1String m_key; // the member this object is (or whose element it is)
    qint64 m_index = -1; // the element index, or -1 for an object member
    QString *m_error;
    bool *m_unsure;
};
