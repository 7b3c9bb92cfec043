#include "scimfilter.h"

#include <QCoreApplication>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

namespace {

const QStringList &compareOps()
{
    static const QStringList ops {QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("co"),
        QStringLiteral("sw"), QStringLiteral("ew"), QStringLiteral("gt"), QStringLiteral("ge"),
        QStringLiteral("lt"), QStringLiteral("le")};
    return ops;
}

struct Token
{
    enum class Kind { Word, String, Open, Close, End };
    Kind kind = Kind::End;
    QString text;
    qsizetype at = 0;
};

// Splits a filter into words, quoted strings and parentheses.
class Lexer
{
public:
    explicit Lexer(const QString &text)
        : m_text(text)
    { }

    bool next(Token *token, QString *error)
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
        token->at = m_pos;
        token->text.clear();
        if (m_pos >= m_text.size()) {
            token->kind = Token::Kind::End;
            return true;
        }
        const QChar c = m_text.at(m_pos);
        if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
            token->kind = c == QLatin1Char('(') ? Token::Kind::Open : Token::Kind::Close;
            token->text = c;
            ++m_pos;
            return true;
        }
        if (c == QLatin1Char('"'))
            return readString(token, error);
        if (c == QLatin1Char('[') || c == QLatin1Char(']')) {
            *error
                = QStringLiteral("value filters (\"[...]\") are not supported (at %1)").arg(m_pos);
            return false;
        }
        token->kind = Token::Kind::Word;
        while (m_pos < m_text.size()) {
            const QChar w = m_text.at(m_pos);
            if (w.isSpace() || w == QLatin1Char('(') || w == QLatin1Char(')')
                || w == QLatin1Char('"') || w == QLatin1Char('[') || w == QLatin1Char(']'))
                break;
            token->text += w;
            ++m_pos;
        }
        return true;
    }

private:
    // A JSON string literal: the escapes JSON allows.
    bool readString(Token *token, QString *error)
    {
        const qsizetype start = m_pos++;
        bool escaped = false;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos++);
            if (escaped) {
                escaped = false;
            } else if (c == QLatin1Char('\\')) {
                escaped = true;
            } else if (c == QLatin1Char('"')) {
                const QString literal = m_text.mid(start, m_pos - start);
                const QJsonDocument doc
                    = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(literal).toUtf8());
                if (!doc.isArray() || !doc.array().at(0).isString()) {
                    *error = QStringLiteral("invalid escape in the string at %1").arg(start);
                    return false;
                }
                token->kind = Token::Kind::String;
                token->text = doc.array().at(0).toString();
                return true;
            }
        }
        *error = QStringLiteral("unterminated string at %1").arg(start);
        return false;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
};

bool isAttributePath(const QString &word)
{
    static const QRegularExpression re(QStringLiteral(
        "^(?:urn:[A-Za-z0-9:._-]+:)?[A-Za-z][A-Za-z0-9_$-]*(?:\\.[A-Za-z][A-Za-z0-9_$-]*)?$"));
    return re.match(word).hasMatch();
}

// Recursive descent with SCIM's precedence: not, then and, then or.
class Parser
{
public:
    Parser(const QString &text, QString *error)
        : m_lexer(text)
        , m_error(error)
    { }

    std::unique_ptr<ScimFilter::Node> run()
    {
        if (!advance())
            return nullptr;
        auto node = parseOr(0);
        if (node && m_token.kind != Token::Kind::End)
            return fail(
                QStringLiteral("unexpected \"%1\" at %2").arg(m_token.text).arg(m_token.at));
        return node;
    }

private:
    using NodePtr = std::unique_ptr<ScimFilter::Node>;
    static constexpr int maxDepth = 64; // parentheses nest no deeper than this

    bool advance() { return m_lexer.next(&m_token, m_error); }
    bool isWord(const char *word) const
    {
        return m_token.kind == Token::Kind::Word
            && m_token.text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    }
    NodePtr fail(const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = message;
        return nullptr;
    }

    NodePtr join(ScimFilter::Node::Type type, NodePtr left, NodePtr right)
    {
        auto node = std::make_unique<ScimFilter::Node>();
        node->type = type;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    NodePtr parseOr(int depth)
    {
        NodePtr left = parseAnd(depth);
        while (left && isWord("or")) {
            if (!advance())
                return nullptr;
            NodePtr right = parseAnd(depth);
            if (!right)
                return nullptr;
            left = join(ScimFilter::Node::Type::Or, std::move(left), std::move(right));
        }
        return left;
    }

    NodePtr parseAnd(int depth)
    {
        NodePtr left = parseUnary(depth);
        while (left && isWord("and")) {
            if (!advance())
                return nullptr;
            NodePtr right = parseUnary(depth);
            if (!right)
                return nullptr;
            left = join(ScimFilter::Node::Type::And, std::move(left), std::move(right));
        }
        return left;
    }

    NodePtr parseGroup(int depth)
    {
        if (depth >= maxDepth)
            return fail(QStringLiteral("parentheses nested too deeply"));
        if (m_token.kind != Token::Kind::Open)
            return fail(QStringLiteral("expected \"(\" at %1").arg(m_token.at));
        if (!advance())
            return nullptr;
        NodePtr inner = parseOr(depth + 1);
        if (!inner)
            return nullptr;
        if (m_token.kind != Token::Kind::Close)
            return fail(QStringLiteral("expected \")\" at %1").arg(m_token.at));
        if (!advance())
            return nullptr;
        return inner;
    }

    NodePtr parseUnary(int depth)
    {
        if (isWord("not")) {
            if (!advance())
                return nullptr;
            NodePtr inner = parseGroup(depth);
            return inner ? join(ScimFilter::Node::Type::Not, std::move(inner), nullptr) : nullptr;
        }
        if (m_token.kind == Token::Kind::Open)
            return parseGroup(depth);
        return parseComparison();
    }

    NodePtr parseComparison()
    {
        if (m_token.kind != Token::Kind::Word || !isAttributePath(m_token.text))
            return fail(QStringLiteral("expected an attribute at %1").arg(m_token.at));
        auto node = std::make_unique<ScimFilter::Node>();
        node->attribute = m_token.text;
        if (!advance())
            return nullptr;
        const QString op = m_token.text.toLower();
        if (m_token.kind == Token::Kind::Word && op == QLatin1String("pr")) {
            node->type = ScimFilter::Node::Type::Present;
            return advance() ? std::move(node) : nullptr;
        }
        if (m_token.kind != Token::Kind::Word || !compareOps().contains(op))
            return fail(QStringLiteral("expected an operator after \"%1\" at %2")
                            .arg(node->attribute)
                            .arg(m_token.at));
        node->op = op;
        if (!advance() || !readValue(&node->value))
            return nullptr;
        return advance() ? std::move(node) : nullptr;
    }

    bool readValue(QJsonValue *value)
    {
        if (m_token.kind == Token::Kind::String) {
            *value = m_token.text;
            return true;
        }
        if (m_token.kind == Token::Kind::Word) {
            const QString word = m_token.text.toLower();
            if (word == QLatin1String("true") || word == QLatin1String("false")) {
                *value = word == QLatin1String("true");
                return true;
            }
            if (word == QLatin1String("null")) {
                *value = QJsonValue::Null;
                return true;
            }
            bool ok = false;
            const double number = m_token.text.toDouble(&ok);
            if (ok) {
                *value = number;
                return true;
            }
        }
        fail(QStringLiteral("expected a value (a quoted string, a number, true, false or null) "
                            "at %1")
                 .arg(m_token.at));
        return false;
    }

    Lexer m_lexer;
    Token m_token;
    QString *m_error;
};

// -1, 0, 1 as a compares to b; 2 when they cannot be compared.
int compare(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isString() && b.isString())
        return a.toString().compare(b.toString(), Qt::CaseInsensitive) < 0
            ? -1
            : (a.toString().compare(b.toString(), Qt::CaseInsensitive) > 0 ? 1 : 0);
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    if (a.isBool() && b.isBool())
        return a.toBool() == b.toBool() ? 0 : 2;
    return 2;
}

bool compareOne(const QString &op, const QJsonValue &actual, const QJsonValue &wanted)
{
    if (op == QLatin1String("co") || op == QLatin1String("sw") || op == QLatin1String("ew")) {
        if (!actual.isString() || !wanted.isString())
            return false;
        const QString a = actual.toString();
        const QString w = wanted.toString();
        if (op == QLatin1String("co"))
            return a.contains(w, Qt::CaseInsensitive);
        return op == QLatin1String("sw") ? a.startsWith(w, Qt::CaseInsensitive)
                                         : a.endsWith(w, Qt::CaseInsensitive);
    }
    const int c = compare(actual, wanted);
    if (op == QLatin1String("eq"))
        return c == 0;
    if (c == 2)
        return false;
    if (op == QLatin1String("gt"))
        return c > 0;
    if (op == QLatin1String("ge"))
        return c >= 0;
    if (op == QLatin1String("lt"))
        return c < 0;
    return op == QLatin1String("le") && c <= 0;
}

void collect(const ScimFilter::Node &node, QList<const ScimFilter::Node *> *out)
{
    if (node.type == ScimFilter::Node::Type::Compare
        || node.type == ScimFilter::Node::Type::Present)
        out->append(&node);
    if (node.left)
        collect(*node.left, out);
    if (node.right)
        collect(*node.right, out);
}

} // namespace

std::unique_ptr<ScimFilter::Node> ScimFilter::parse(const QString &text, QString *error)
{
    QString ignored;
    QString *e = error ? error : &ignored;
    e->clear();
    if (text.trimmed().isEmpty()) {
        *e = QStringLiteral("the filter is empty");
        return nullptr;
    }
    return Parser(text, e).run();
}

bool ScimFilter::matches(const Node &node, const Values &values)
{
    switch (node.type) {
    case Node::Type::And:
        return matches(*node.left, values) && matches(*node.right, values);
    case Node::Type::Or:
        return matches(*node.left, values) || matches(*node.right, values);
    case Node::Type::Not:
        return !matches(*node.left, values);
    case Node::Type::Present: {
        const QList<QJsonValue> found = values(node.attribute);
        return std::any_of(found.begin(), found.end(), [](const QJsonValue &v) {
            return !v.isNull() && !v.isUndefined() && !(v.isString() && v.toString().isEmpty());
        });
    }
    case Node::Type::Compare: {
        const QList<QJsonValue> found = values(node.attribute);
        if (node.op == QLatin1String("ne"))
            return std::none_of(found.begin(), found.end(), [&node](const QJsonValue &v) {
                return compareOne(QStringLiteral("eq"), v, node.value);
            });
        return std::any_of(found.begin(), found.end(),
            [&node](const QJsonValue &v) { return compareOne(node.op, v, node.value); });
    }
    }
    return false;
}

QList<const ScimFilter::Node *> ScimFilter::comparisons(const Node &node)
{
    QList<const Node *> out;
    collect(node, &out);
    return out;
}

QString ScimFilter::quote(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : value) {
        if (c.unicode() < 0x20) { // a JSON string holds no raw control characters
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

bool ScimFilter::isExpression(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(
            "^\\s*(?:\\(|not\\s*\\(|(?:urn:[A-Za-z0-9:._-]+:)?[A-Za-z][A-Za-z0-9_$-]*"
            "(?:\\.[A-Za-z][A-Za-z0-9_$-]*)?\\s+(?:eq|ne|co|sw|ew|gt|ge|lt|le|pr)(?:\\s|$))"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

QString ScimFilter::searchTextProblem(const QString &text)
{
    // The User attributes a SCIM server filters on (RFC 7643 section 4.1), sub-attributes too.
    static const QStringList attributes {QStringLiteral("id"), QStringLiteral("externalId"),
        QStringLiteral("userName"), QStringLiteral("name"), QStringLiteral("displayName"),
        QStringLiteral("nickName"), QStringLiteral("title"), QStringLiteral("userType"),
        QStringLiteral("active"), QStringLiteral("emails"), QStringLiteral("phoneNumbers"),
        QStringLiteral("groups"), QStringLiteral("roles"), QStringLiteral("meta")};
    static const QStringList operators {QStringLiteral("eq"), QStringLiteral("ne"),
        QStringLiteral("co"), QStringLiteral("sw"), QStringLiteral("ew"), QStringLiteral("gt"),
        QStringLiteral("ge"), QStringLiteral("lt"), QStringLiteral("le"), QStringLiteral("pr")};
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() < 2 || isExpression(text))
        return {};
    const QString &attribute = words.first();
    const bool urn = attribute.startsWith(QLatin1String("urn:"), Qt::CaseInsensitive);
    if (!urn
        && !attributes.contains(attribute.section(QLatin1Char('.'), 0, 0), Qt::CaseInsensitive))
        return {};
    if (operators.contains(words.at(1), Qt::CaseInsensitive))
        return {};
    return QCoreApplication::translate("ScimFilter",
        "\"%1\" is not a filter operator: after the attribute %2 comes one of %3 (for example "
        "%2 eq \"value\"); to look for words, leave the attribute out.")
        .arg(words.at(1), words.first(), operators.join(QStringLiteral(", ")));
}

QString ScimFilter::fromSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (isExpression(trimmed))
        return trimmed;
    const QString value = quote(trimmed);
    return QStringLiteral("userName sw %1 or emails.value sw %1 or name.familyName sw %1 or "
                          "displayName sw %1")
        .arg(value);
}
