#include "compactuser.h"

namespace {
constexpr int kRawField = Columns::count;
// Raw records longer than this are kept zlib-compressed: LlamaCloud members with roles and
// permissions shrink to about a third, and they are only decoded when one user is opened.
constexpr qsizetype kCompressAbove = 1536;
constexpr char kPlain = 0;
constexpr char kZlib = 1;

void appendVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out += char((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += char(v);
}

bool readVarint(const char *&p, const char *end, quint64 *v)
{
    quint64 result = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(*p++);
        result |= quint64(byte & 0x7F) << shift;
        if (!(byte & 0x80)) {
            *v = result;
            return true;
        }
    }
    return false;
}
} // namespace

CompactUser::CompactUser(const User &user)
{
    QByteArray fields[Columns::count];
    qsizetype total = user.rawRecord.size() + 2 * (Columns::count + 1) + 8;
    for (int c = 0; c < Columns::count; ++c) {
        fields[c] = user.value(static_cast<Column>(c)).toUtf8();
        total += fields[c].size();
    }
    m_data.reserve(total);
    for (const QByteArray &f : fields) {
        appendVarint(m_data, quint64(f.size()));
        m_data += f;
    }
    if (user.rawRecord.size() > kCompressAbove) {
        const QByteArray packed = qCompress(user.rawRecord, 1);
        appendVarint(m_data, quint64(packed.size() + 1));
        m_data += kZlib;
        m_data += packed;
    } else {
        appendVarint(m_data, quint64(user.rawRecord.size() + 1));
        m_data += kPlain;
        m_data += user.rawRecord;
    }
    m_data.squeeze();
}

bool CompactUser::field(int index, const char **begin, qsizetype *size) const
{
    const char *p = m_data.constData();
    const char *end = p + m_data.size();
    for (int i = 0; i <= index; ++i) {
        quint64 length = 0;
        if (!readVarint(p, end, &length) || length > quint64(end - p))
            return false;
        if (i == index) {
            *begin = p;
            *size = qsizetype(length);
            return true;
        }
        p += length;
    }
    return false;
}

QString CompactUser::value(Column column) const
{
    const char *begin = nullptr;
    qsizetype size = 0;
    return field(int(column), &begin, &size) ? QString::fromUtf8(begin, size) : QString();
}

QByteArray CompactUser::rawRecord() const
{
    const char *begin = nullptr;
    qsizetype size = 0;
    if (!field(kRawField, &begin, &size) || size < 1)
        return {};
    if (*begin == kZlib)
        return qUncompress(reinterpret_cast<const uchar *>(begin + 1), size - 1);
    return QByteArray(begin + 1, size - 1);
}

QString CompactUser::searchText() const
{
    const char *rawBegin = nullptr;
    qsizetype rawSize = 0;
    if (!field(kRawField, &rawBegin, &rawSize))
        return {};
    // The column fields precede the raw record; their length prefixes are harmless separators.
    QString text = QString::fromUtf8(m_data.constData(), rawBegin - m_data.constData());
    for (QChar &c : text) {
        if (c.unicode() < 0x20)
            c = QLatin1Char('\n');
    }
    return text;
}
