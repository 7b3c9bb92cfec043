#include "jsonarrayreader.h"

#include <QCoreApplication>

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

constexpr char kBom[] = "\xEF\xBB\xBF";

// Whether `c` can change what the value tracker knows: inside a string only a quote or a
// backslash can, outside one only a quote or a bracket.
bool isSpecial(char c, bool inString)
{
    if (inString)
        return c == '"' || c == '\\';
    return c == '"' || c == '{' || c == '}' || c == '[' || c == ']';
}

// The first byte from `p` that can change what the tracker knows, or `end`: sixteen bytes at a
// time where SSE2 is there (every x86-64), which is where a value's bytes go by.
const char *skipPlain(const char *p, const char *end, bool inString)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    if (inString) {
        const __m128i backslash = _mm_set1_epi8('\\');
        for (; end - p >= 16; p += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const int mask = _mm_movemask_epi8(
                _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
            if (mask)
                return p + __builtin_ctz(unsigned(mask));
        }
    } else {
        // '[' and ']' are '{' and '}' without bit 5.
        const __m128i bit5 = _mm_set1_epi8(0x20);
        const __m128i open = _mm_set1_epi8('{');
        const __m128i close = _mm_set1_epi8('}');
        for (; end - p >= 16; p += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i folded = _mm_or_si128(v, bit5);
            const int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
                _mm_or_si128(_mm_cmpeq_epi8(folded, open), _mm_cmpeq_epi8(folded, close))));
            if (mask)
                return p + __builtin_ctz(unsigned(mask));
        }
    }
#endif
    while (p < end && !isSpecial(*p, inString))
        ++p;
    return p;
}
} // namespace

JsonArrayReader::JsonArrayReader(QByteArray key, qsizetype maxElementBytes)
    : m_key(std::move(key))
    , m_maxElement(maxElementBytes)
{ }

bool JsonArrayReader::fail(const QString &message, qint64 at)
{
    if (m_state != State::Failed) {
        m_state = State::Failed;
        m_error = message.arg(at);
        m_pending = QByteArray();
        m_viewStart = nullptr;
    }
    return false;
}

void JsonArrayReader::startValue(char c)
{
    m_inString = c == '"';
    m_escape = false;
    m_depth = (c == '{' || c == '[') ? 1 : 0;
    m_scalar = !m_inString && m_depth == 0;
}

const char *JsonArrayReader::skipBlocks(const char *p, const char *end, bool *ended)
{
#if defined(__SSE2__)
    // Sixty-four bytes at a time, as simdjson's first stage finds structure: a bit per byte for
    // quotes and brackets, the bytes inside strings as the running XOR of the quotes, and only the
    // brackets outside strings looked at one by one. A block with a backslash is left to the byte
    // tracker (escapes are rare, and it knows them).
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i bit5 = _mm_set1_epi8(0x20); // '[' and ']' are '{' and '}' without it
    const __m128i open = _mm_set1_epi8('{');
    const __m128i close = _mm_set1_epi8('}');
    for (; end - p >= kBlock; p += kBlock) {
        quint64 quotes = 0, escapes = 0, opens = 0, closes = 0;
        for (int k = 0; k < 4; ++k) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * k));
            const __m128i folded = _mm_or_si128(v, bit5);
            const auto bits
                = [k](__m128i m) { return quint64(unsigned(_mm_movemask_epi8(m))) << (16 * k); };
            quotes |= bits(_mm_cmpeq_epi8(v, quote));
            escapes |= bits(_mm_cmpeq_epi8(v, backslash));
            opens |= bits(_mm_cmpeq_epi8(folded, open));
            closes |= bits(_mm_cmpeq_epi8(folded, close));
        }
        if (escapes)
            return p;
        quint64 inside = quotes; // 1 from an opening quote up to (not with) its closing one
        for (int shift = 1; shift < 64; shift *= 2)
            inside ^= inside << shift;
        if (m_inString)
            inside = ~inside;
        for (quint64 brackets = (opens | closes) & ~inside; brackets; brackets &= brackets - 1) {
            const int b = __builtin_ctzll(brackets);
            if (opens >> b & 1) {
                ++m_depth;
            } else if (--m_depth == 0) {
                m_inString = false;
                *ended = true;
                return p + b;
            }
        }
        m_inString = inside >> 63;
    }
#else
    Q_UNUSED(end);
    Q_UNUSED(ended);
#endif
    return p;
}

bool JsonArrayReader::trackValueByte(char c)
{
    if (m_inString) {
        if (m_escape)
            m_escape = false;
        else if (c == '\\')
            m_escape = true;
        else if (c == '"') {
            m_inString = false;
            return m_depth == 0; // a string element ends with its closing quote
        }
        return false;
    }
    if (c == '"')
        m_inString = true;
    else if (c == '{' || c == '[')
        ++m_depth;
    else if (c == '}' || c == ']')
        return --m_depth == 0;
    return false;
}

bool JsonArrayReader::feed(QByteArrayView chunk, QList<QByteArray> *elements)
{
    for (qsizetype i = 0; i < chunk.size(); ++i, ++m_offset) {
        Step step;
        switch (m_state) {
        case State::Start:
        case State::ObjectKeyOrEnd:
        case State::ObjectKey:
        case State::ObjectColon:
        case State::ObjectValue:
        case State::SkipValue:
        case State::ObjectNext:
            step = readPrefix(chunk[i]);
            break;
        case State::InElement:
            step = readElement(chunk, &i, elements);
            break;
        case State::FirstElement:
        case State::Element:
        case State::AfterElement:
        case State::RestOfObject:
        case State::Trailing:
            m_at = chunk.data() + i;
            step = readArray(chunk[i]);
            break;
        case State::Done:
        case State::Failed:
        default:
            return false;
        }
        if (step == Step::Stop)
            return false;
        if (step == Step::Again)
            --i, --m_offset; // the delimiter belongs to what follows
    }
    if (m_viewStart) { // an element goes on in the next chunk: its bytes so far are kept
        m_pending.append(m_viewStart, chunk.data() + chunk.size() - m_viewStart);
        m_viewStart = nullptr;
    }
    return m_state != State::Failed;
}

// Object mode: the top-level object up to the member that holds the array.
JsonArrayReader::Step JsonArrayReader::readPrefix(char c)
{
    const auto stop = [](bool) { return Step::Stop; };
    switch (m_state) {
    case State::Start:
        if (m_offset == m_bomSeen && m_bomSeen < 3 && c == kBom[m_bomSeen]) {
            ++m_bomSeen;
            return Step::Next;
        }
        if (m_bomSeen > 0 && m_bomSeen < 3)
            return stop(
                fail(tr("The body starts with a broken byte-order mark (byte %1)."), m_offset));
        if (isSpace(c))
            return Step::Next;
        if (m_key.isEmpty() && c == '[')
            m_state = State::FirstElement;
        else if (!m_key.isEmpty() && c == '{')
            m_state = State::ObjectKeyOrEnd;
        else
            return stop(fail(m_key.isEmpty() ? tr("Expected a JSON array at byte %1.")
                                             : tr("Expected a JSON object at byte %1."),
                m_offset));
        return Step::Next;
    case State::ObjectKeyOrEnd:
        if (isSpace(c))
            return Step::Next;
        if (c != '"')
            return stop(fail(tr("Expected the member holding the array at byte %1."), m_offset));
        m_name.clear();
        m_nameEscape = false;
        m_state = State::ObjectKey;
        return Step::Next;
    case State::ObjectKey:
        if (!m_nameEscape && c == '"') {
            m_state = State::ObjectColon;
            return Step::Next;
        }
        m_nameEscape = !m_nameEscape && c == '\\';
        m_name += c;
        return Step::Next;
    case State::ObjectColon:
        if (isSpace(c))
            return Step::Next;
        if (c != ':')
            return stop(fail(tr("Expected \":\" at byte %1."), m_offset));
        m_state = State::ObjectValue;
        return Step::Next;
    default:
        return readMember(c);
    }
}

// Object mode: a member's value (the array, or one to skip) and what follows it.
JsonArrayReader::Step JsonArrayReader::readMember(char c)
{
    const auto stop = [](bool) { return Step::Stop; };
    switch (m_state) {
    case State::ObjectValue:
        if (isSpace(c))
            return Step::Next;
        if (m_name == m_key) {
            if (c != '[')
                return stop(
                    fail(tr("The member holding the array is not an array (byte %1)."), m_offset));
            m_state = State::FirstElement;
            return Step::Next;
        }
        if (c == ',' || c == '}' || c == ']' || c == ':')
            return stop(fail(tr("Expected a value at byte %1."), m_offset));
        startValue(c);
        m_state = State::SkipValue;
        return Step::Next;
    case State::SkipValue:
        if (m_scalar) {
            if (c == ',' || c == '}' || isSpace(c)) {
                m_state = State::ObjectNext;
                return Step::Again;
            }
        } else if (trackValueByte(c)) {
            m_state = State::ObjectNext;
        }
        return Step::Next;
    default: // ObjectNext
        if (isSpace(c))
            return Step::Next;
        if (c == ',')
            m_state = State::ObjectKeyOrEnd;
        else if (c == '}')
            return stop(fail(tr("The object has no member \"%2\" holding an array (byte %1).")
                                 .replace(QLatin1String("%2"), QString::fromUtf8(m_key)),
                m_offset));
        else
            return stop(fail(tr("Expected \",\" or \"}\" at byte %1."), m_offset));
        return Step::Next;
    }
}

// Between the array's elements, and after the array.
JsonArrayReader::Step JsonArrayReader::readArray(char c)
{
    const auto stop = [](bool) { return Step::Stop; };
    switch (m_state) {
    case State::FirstElement:
    case State::Element:
        if (isSpace(c))
            return Step::Next;
        if (c == ']' && m_state == State::FirstElement) {
            closeArray();
            return Step::Next;
        }
        if (c == ',' || c == ']' || c == '}' || c == ':')
            return stop(fail(tr("Expected an array element at byte %1."), m_offset));
        startValue(c);
        m_elementStart = m_offset;
        m_pending.clear();
        if (m_views && !m_scalar)
            m_viewStart = m_at; // handed out as a view when it ends in this chunk
        else
            m_pending += c;
        m_state = State::InElement;
        return Step::Next;
    case State::AfterElement:
        if (isSpace(c))
            return Step::Next;
        if (c == ',')
            m_state = State::Element;
        else if (c == ']')
            closeArray();
        else
            return stop(
                fail(tr("Expected \",\" or \"]\" after an array element at byte %1."), m_offset));
        return Step::Next;
    case State::RestOfObject:
        // The members after the array are skipped: only the array matters.
        if (trackValueByte(c))
            m_state = State::Trailing;
        return Step::Next;
    default: // Trailing
        if (!isSpace(c))
            return stop(fail(tr("Unexpected data after the array at byte %1."), m_offset));
        return Step::Next;
    }
}

// Inside an element: its bytes up to its end or the chunk's, in one append.
JsonArrayReader::Step JsonArrayReader::readElement(
    QByteArrayView chunk, qsizetype *at, QList<QByteArray> *elements)
{
    qsizetype &i = *at;
    const char c = chunk[i];
    bool ended = false;
    Step step = Step::Next;
    if (m_scalar) {
        if (c == ',' || c == ']' || c == '}' || isSpace(c)) {
            ended = true;
            step = Step::Again; // the delimiter is read again after the element
        } else {
            m_pending += c;
        }
    } else {
        const char *const begin = chunk.data();
        const char *const end = begin + chunk.size();
        const char *p = begin + i;
        while (p < end && !ended) {
            if (!m_escape && m_depth > 0) {
                p = skipBlocks(p, end, &ended);
                if (ended || p == end)
                    break;
            }
            // What skipBlocks cannot take (a block with a backslash, the last bytes, a string
            // element), a quote or bracket at a time.
            const char *const stop = m_depth > 0 ? std::min(end, p + kBlock) : end;
            while (p < stop) {
                if (!m_escape) // an escaped byte is the tracker's whatever it is
                    p = skipPlain(p, stop, m_inString);
                if (p == stop)
                    break;
                if (trackValueByte(*p)) {
                    ended = true;
                    break;
                }
                ++p;
            }
        }
        const qsizetype j = p - begin;
        const qsizetype n = (ended ? j + 1 : j) - i;
        if (!m_viewStart)
            m_pending.append(chunk.data() + i, n);
        i += n - 1;
        m_offset += n - 1;
    }
    const qsizetype size = m_viewStart ? chunk.data() + i + 1 - m_viewStart : m_pending.size();
    if (size > m_maxElement) {
        fail(tr("The array element at byte %1 is larger than the limit of %2 bytes.")
                 .replace(QLatin1String("%2"), QString::number(m_maxElement)),
            m_elementStart);
        return Step::Stop;
    }
    if (ended) {
        if (m_viewStart)
            elements->append(QByteArray::fromRawData(std::exchange(m_viewStart, nullptr), size));
        else
            elements->append(std::exchange(m_pending, QByteArray()));
        ++m_count;
        m_state = State::AfterElement;
    }
    return step;
}

void JsonArrayReader::closeArray()
{
    if (m_key.isEmpty()) {
        m_state = State::Trailing;
        return;
    }
    startValue('{'); // inside the top-level object, one level deep
    m_state = State::RestOfObject;
}

bool JsonArrayReader::finish()
{
    if (m_state == State::Failed)
        return false;
    if (m_state == State::Trailing || m_state == State::Done) {
        m_state = State::Done;
        return true;
    }
    if (m_offset == m_bomSeen)
        return fail(tr("The body is empty (byte %1)."), m_offset);
    return fail(tr("The array is not closed: the body ended at byte %1."), m_offset);
}
