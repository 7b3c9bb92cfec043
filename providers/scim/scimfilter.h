#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

// SCIM filter expressions (RFC 7644 section 3.4.2.2): what the search field sends, and the
// parser and evaluator the sandbox filters its directory with.
namespace ScimFilter {

// One node of a parsed filter.
struct Node
{
    enum class Type { Compare, Present, And, Or, Not };
    Type type = Type::Compare;
    QString attribute; // Compare, Present: the attribute path as written ("emails.value")
    QString op; // Compare: eq ne co sw ew gt ge lt le (lower case)
    QJsonValue value; // Compare: a string, number, boolean or null
    std::unique_ptr<Node> left; // And, Or; Not: the operand
    std::unique_ptr<Node> right; // And, Or
};

// Parses a filter; on a syntax error returns null and says what and where in *error.
std::unique_ptr<Node> parse(const QString &text, QString *error);

// The values an attribute path has on one resource (several for multi-valued attributes such as
// emails.value; none when it is absent).
using Values = std::function<QList<QJsonValue>(const QString &attribute)>;
// Whether a resource matches. Strings compare case-insensitively (as SCIM's caseExact=false
// attributes do); gt/ge/lt/le compare strings in order (ISO timestamps sort as text).
bool matches(const Node &node, const Values &values);
// Every attribute path the filter names (for a server to refuse those it cannot filter on).
QList<const Node *> comparisons(const Node &node);

// A string value as a filter writes it (a JSON string): in double quotes, with `"` and `\`
// escaped, and control characters as \u00XX.
QString quote(const QString &value);
// Whether `text` is a filter expression rather than words to look for: it starts with
// "attribute operator" (`active eq false`, `emails.value ew "@x.example"`), "not (" or "(".
bool isExpression(const QString &text);
// Why `text` cannot be sent: it starts with a filterable attribute (userName, emails.value, …)
// followed by something that is not an operator (`userName zz 1`), which searched as words would
// find nobody. Empty when it is an expression or plain words.
QString searchTextProblem(const QString &text);
// What the search field sends for `text`: an expression as it is, or, for a plain word, the
// users whose userName, email, family name or display name starts with it. Empty for blank text.
QString fromSearchText(const QString &text);

} // namespace ScimFilter
