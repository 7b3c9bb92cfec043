#include "jsonscan.h"

namespace {
// The offset just past the string whose opening quote is at `from`; -1 when it does not end.
qsizetype stringEnd(QByteArrayView text, qsizetype from)
{
    for (qsizetype i = from + 1; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return -1;
}
} // namespace

qsizetype JsonScan::skipSpace(QByteArrayView text, qsizetype from)
{
    while (from < text.size() && isSpace(text[from]))
        ++from;
    return from;
}

qsizetype JsonScan::valueEnd(QByteArrayView text, qsizetype from)
{
    qsizetype i = skipSpace(text, from);
    if (i >= text.size())
        return -1;
    const char first = text[i];
    if (first == '"')
        return stringEnd(text, i);
    if (first != '{' && first != '[') {
        // A number, true, false or null: it runs to the next delimiter.
        const qsizetype start = i;
        while (i < text.size() && !isSpace(text[i]) && text[i] != ',' && text[i] != '}'
            && text[i] != ']')
            ++i;
        return i > start ? i : -1;
    }
    int depth = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            i = stringEnd(text, i);
            if (i < 0)
                return -1;
            --i;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}

QByteArrayView JsonScan::member(QByteArrayView text, QByteArrayView key)
{
    qsizetype i = skipSpace(text, 0);
    if (text.startsWith("\xEF\xBB\xBF"))
        i = skipSpace(text, 3);
    if (i >= text.size() || text[i] != '{')
        return {};
    i = skipSpace(text, i + 1);
    while (i < text.size() && text[i] == '"') {
        const qsizetype keyEnd = stringEnd(text, i);
        if (keyEnd < 0)
            return {};
        const QByteArrayView name = text.sliced(i + 1, keyEnd - i - 2);
        i = skipSpace(text, keyEnd);
        if (i >= text.size() || text[i] != ':')
            return {};
        const qsizetype valueStart = skipSpace(text, i + 1);
        const qsizetype end = valueEnd(text, valueStart);
        if (end < 0)
            return {};
        if (name == key)
            return text.sliced(valueStart, end - valueStart);
        i = skipSpace(text, end);
        if (i >= text.size() || text[i] != ',')
            return {};
        i = skipSpace(text, i + 1);
    }
    return {};
}
