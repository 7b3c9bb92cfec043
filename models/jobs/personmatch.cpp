#include "personmatch.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
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

// nameKey() of ASCII text: folding is lower-casing, and words are runs of letters and digits.
// nullopt when the text holds anything else.
std::optional<QString> asciiNameKey(const QString &text)
{
    QString key;
    key.reserve(text.size() + 1);
    bool inWord = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80)
            return std::nullopt;
        const bool letterOrDigit
            = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z');
        if (letterOrDigit && !inWord)
            key += QLatin1Char(' ');
        inWord = letterOrDigit;
        if (letterOrDigit)
            key += QChar(u >= u'A' && u <= u'Z' ? u + (u'a' - u'A') : u);
    }
    return key;
}
} // namespace

QString PersonMatch::nameKey(const User &user)
{
    const QString text = names(user);
    if (std::optional<QString> ascii = asciiNameKey(text))
        return *ascii;
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
