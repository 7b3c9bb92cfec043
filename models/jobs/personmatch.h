#pragma once

#include "user.h"

#include <QString>
#include <QStringList>

// Whether an account belongs to the person someone is looking for (`roster find`, Edit › Find in
// all profiles): an email compared case-insensitively and, unless exact, ignoring a "+tag" in the
// local part; a name by word prefix, accent-insensitive ("jos mu" finds "José Müller").
class PersonMatch
{
public:
    enum class Rule {
        None,
        Email, // the same address, ignoring case
        EmailTag, // the same address once "+tags" are set aside
        Name, // every word of the text starts a word of the name
    };

    explicit PersonMatch(const QString &text, bool exact = false);

    bool isEmail() const { return m_email; }
    bool isEmpty() const { return m_words.isEmpty() && m_address.isEmpty(); }
    // Which rule matched `user`, or None.
    Rule match(const User &user) const;
    // The words of the text (names) or the address without its tag (emails), as the server
    // search is asked for them.
    QString serverText() const;

    // Lower case, accents and other combining marks removed.
    static QString fold(const QString &text);
    // The words of a user's names as match() compares them, folded, each after a space
    // (" jose muller"): a word of the text starts a word of the name exactly when " word" is in
    // it. Kept beside each stored account, so history answers without folding every name again.
    static QString nameKey(const User &user);
    // Whether `key` (a nameKey()) holds a word starting with each of the text's words; false for
    // an email or empty text.
    bool matchesNameKey(const QString &key) const;
    // The text's folded words.
    const QStringList &words() const { return m_words; }
    // The address searched for (lower case) and without its +tag; empty for names.
    const QString &address() const { return m_address; }
    const QString &untaggedAddress() const { return m_untagged; }
    bool isExact() const { return m_exact; }
    // "Ada+work@Example.com" -> "ada@example.com"; addresses without '@' are only lower-cased.
    static QString untagged(const QString &email);
    static QString ruleText(Rule rule); // for the results: "email", "email without +tag", "name"

private:
    bool m_email = false;
    bool m_exact = false;
    QString m_address; // lower case
    QString m_untagged;
    QStringList m_words; // folded
    QStringList m_rawWords; // as typed, for the server (whose matching is its own)
};
