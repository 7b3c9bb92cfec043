#include "personmatch.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <optional>

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PersonMatch)
};

QStringList words(const QString &folded)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    return folded.split(separators, Qt::SkipEmptyParts);
}

// The names as one text, folded: nameKey()'s and match()'s input.
QString names(const User &user)
{
    return user.displayName + QLatin1Char(' ') + user.givenName + QLatin1Char(' ')
        + user.familyName;
}

// What fold() makes of one character below U+0370 (Latin letters with their accents, and the
// combining marks themselves), and which of those characters are letters or digits (word
// characters for words()). Folding is per character there: a decomposition and the marks it
// drops, then a case fold, none of which looks at the neighbours.
struct FoldedChar
{
    char16_t chars[3] = {};
    quint8 size = 0;
    quint8 wordMask = 0; // bit i: chars[i] is a letter or a digit
};
constexpr char16_t kTableEnd = 0x370;

const std::array<FoldedChar, kTableEnd> &foldTable()
{
    static const std::array<FoldedChar, kTableEnd> table = [] {
        std::array<FoldedChar, kTableEnd> t {};
        for (char16_t u = 0; u < kTableEnd; ++u) {
            const QString folded = PersonMatch::fold(QString(QChar(u)));
            FoldedChar &f = t[u];
            if (folded.size() > qsizetype(std::size(f.chars))) {
                f.size = 0xff; // not expected below U+0370; nameKey() then folds the long way
                continue;
            }
            for (const QChar c : folded) {
                if (c.isLetterOrNumber())
                    f.wordMask |= quint8(1u << f.size);
                f.chars[f.size++] = c.unicode();
            }
        }
        return t;
    }();
    return table;
}

// nameKey() of text below U+0370, from foldTable(); nullopt when the text holds anything else.
std::optional<QString> latinNameKey(const QString &text)
{
    const auto &table = foldTable();
    QString key;
    key.reserve(text.size() + 4);
    bool inWord = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= kTableEnd || table[u].size == 0xff)
            return std::nullopt;
        const FoldedChar &f = table[u];
        for (int i = 0; i < f.size; ++i) {
            const bool wordChar = (f.wordMask >> i) & 1u;
            if (wordChar && !inWord)
                key += QLatin1Char(' ');
            inWord = wordChar;
            if (wordChar)
                key += QChar(f.chars[i]);
        }
    }
    return key;
}
} // namespace

QString PersonMatch::nameKey(const User &user)
{
    const QString text = names(user);
    if (std::optional<QString> latin = latinNameKey(text))
        return *latin;
    QString key;
    for (const QString &w : ::words(fold(text)))
        key += QLatin1Char(' ') + w;
    return key;
}

bool PersonMatch::matchesNameKey(const QString &key) const
{
    if (m_email || m_words.isEmpty())
        return false;
    return std::all_of(m_words.cbegin(), m_words.cend(),
        [&key](const QString &w) { return key.contains(QLatin1Char(' ') + w); });
}

PersonMatch::PersonMatch(const QString &text, bool exact)
    : m_exact(exact)
{
    const QString t = text.trimmed();
    m_email = t.contains(QLatin1Char('@'));
    if (m_email) {
        m_address = t.toLower();
        m_untagged = untagged(t);
    } else {
        m_words = ::words(fold(t));
        m_rawWords = ::words(t);
    }
}

QString PersonMatch::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining
            || cat == QChar::Mark_Enclosing)
            continue;
        out += c;
    }
    return out.toCaseFolded();
}

QString PersonMatch::untagged(const QString &email)
{
    const QString lower = email.trimmed().toLower();
    const qsizetype at = lower.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return lower;
    const qsizetype plus = lower.indexOf(QLatin1Char('+'));
    if (plus < 0 || plus > at)
        return lower;
    return lower.left(plus) + lower.mid(at);
}

PersonMatch::Rule PersonMatch::match(const User &user) const
{
    if (m_email) {
        if (user.email.isEmpty())
            return Rule::None;
        if (user.email.compare(m_address, Qt::CaseInsensitive) == 0)
            return Rule::Email;
        if (!m_exact && untagged(user.email) == m_untagged)
            return Rule::EmailTag;
        return Rule::None;
    }
    if (m_words.isEmpty())
        return Rule::None;
    const QStringList name = ::words(fold(names(user)));
    for (const QString &w : m_words) {
        const bool found = std::any_of(
            name.begin(), name.end(), [&w](const QString &n) { return n.startsWith(w); });
        if (!found)
            return Rule::None;
    }
    return Rule::Name;
}

QString PersonMatch::serverText() const
{
    if (m_email)
        return m_exact ? m_address : m_untagged.section(QLatin1Char('@'), 0, 0);
    return m_rawWords.value(0);
}

QString PersonMatch::ruleText(Rule rule)
{
    switch (rule) {
    case Rule::Email:
        return Text::tr("email");
    case Rule::EmailTag:
        return Text::tr("email without +tag");
    case Rule::Name:
        return Text::tr("name");
    case Rule::None:
        break;
    }
    return {};
}
