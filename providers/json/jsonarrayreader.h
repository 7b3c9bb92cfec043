#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

// Reads one JSON array as its bytes arrive, chunk by chunk, and hands out each complete element's
// bytes as soon as its last byte is in, so a one-array response (LlamaCloud, Char) can be parsed
// and shown while the rest is still on the wire. The array is the whole document, or the value
// of a named member of the top-level object ({"data": [...]}). It tracks strings, escapes and
// depth only: each element is validated by whoever parses it. A byte-order mark and whitespace
// anywhere are accepted; what is not an array, a missing comma, data after the closing bracket,
// an unterminated array or an element over the size cap is an error naming the byte offset.
class JsonArrayReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonArrayReader)

public:
    explicit JsonArrayReader(QByteArray key = {}, qsizetype maxElementBytes = qsizetype(64) << 20);

    // Reads `chunk` (the next bytes of the body); complete elements are appended to `elements`.
    // Returns false once the body is known to be malformed; errorString() says why.
    bool feed(QByteArrayView chunk, QList<QByteArray> *elements);
    // Hands out an element that lies wholly in one chunk as a view into it (QByteArray::
    // fromRawData: no copy, no allocation), valid only while that chunk's bytes are; an element
    // that spans chunks is still a copy. Off by default.
    void setViews(bool on) { m_views = on; }
    // The body has ended: true when the array was closed (and nothing but whitespace followed).
    bool finish();

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // Bytes read so far.
    qint64 offset() const { return m_offset; }
    // Elements handed out so far.
    qint64 elementCount() const { return m_count; }
    bool isClosed() const { return m_state == State::Trailing || m_state == State::Done; }

private:
    enum class State {
        Start, // before the document (a byte-order mark may come first)
        ObjectKeyOrEnd, // inside the top-level object, before a member name
        ObjectKey, // reading a member name
        ObjectColon, // after a member name
        ObjectValue, // before a member's value
        SkipValue, // skipping a member that is not the array
        ObjectNext, // after a member's value: "," or "}"
        FirstElement, // just after "[": an element or "]"
        Element, // after ",": an element
        InElement, // inside an element
        AfterElement, // after an element: "," or "]"
        RestOfObject, // object mode, after the array: the remaining members
        Trailing, // after the closing bracket (or brace): whitespace only
        Done,
        Failed,
    };

    enum class Step {
        Next, // go on with the next byte
        Again, // read this byte again in the new state
        Stop, // failed
    };
    Step readPrefix(char c);
    Step readMember(char c);
    Step readArray(char c);
    Step readElement(QByteArrayView chunk, qsizetype *at, QList<QByteArray> *elements);
    bool fail(const QString &message, qint64 at);
    // Feeds one byte of a value being tracked (an element, or a member being skipped); returns
    // true when that byte ended the value.
    bool trackValueByte(char c);
    // Inside an object or array element: skips whole blocks of kBlock bytes from `p`, keeping
    // the depth and string state; returns the element's last byte (*ended set), or the first
    // byte it did not take (a block with a backslash, or fewer than kBlock bytes left).
    const char *skipBlocks(const char *p, const char *end, bool *ended);
    static constexpr qsizetype kBlock = 64;
    void startValue(char c);
    void closeArray();

    QByteArray m_key;
    qsizetype m_maxElement;
    State m_state = State::Start;
    qint64 m_offset = 0;
    qint64 m_count = 0;
    int m_bomSeen = 0;
    // The value being tracked.
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    bool m_scalar = false;
    qint64 m_elementStart = 0;
    QByteArray m_pending; // the current element's bytes so far (unless m_viewStart)
    bool m_views = false;
    const char *m_at = nullptr; // the byte being read (readArray)
    const char *m_viewStart = nullptr; // the current element's first byte, in this chunk
    QByteArray m_name; // the member name being read (object mode)
    bool m_nameEscape = false;
    QString m_error;
};
