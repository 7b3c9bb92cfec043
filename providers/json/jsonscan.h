#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Finds things in JSON text without building a document: where a value ends, and the text of
// one member of the top-level object. Linear in the bytes it looks at; never allocates.
class JsonScan
{
public:
    // The offset just past the JSON value that starts at `from` (whitespace before it skipped),
    // or -1 when the value is malformed or does not end inside `text`.
    static qsizetype valueEnd(QByteArrayView text, qsizetype from);
    // The raw text of the top-level object's member `key` (the first with that name), or a null
    // view when the text is no object or has no such member.
    static QByteArrayView member(QByteArrayView text, QByteArrayView key);
    static qsizetype skipSpace(QByteArrayView text, qsizetype from);
    static bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
};
