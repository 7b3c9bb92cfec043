#include "responseparsing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

bool ResponseParsing::parseJson(const QByteArray &body, QJsonDocument *doc, ProviderError *error)
{
    if (body.trimmed().isEmpty()) {
        *error = malformed(ResponseParsing::Text::tr("The response body is empty."), body);
        return false;
    }
    QJsonParseError parseError;
    // Some servers (and Windows tooling behind them) start a body with a UTF-8 byte-order mark,
    // which RFC 8259 lets a parser ignore; QJsonDocument does not.
    if (body.startsWith("\xEF\xBB\xBF")) {
        *doc = QJsonDocument::fromJson(body.sliced(3), &parseError);
        if (parseError.error == QJsonParseError::NoError)
            return true;
    }
    *doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return true;
    // The parser stopping at the very end means the document was cut short.
    const bool truncated = parseError.offset >= body.trimmed().size() - 1;
    *error = malformed(truncated
            ? ResponseParsing::Text::tr(
                "The response body is truncated (it ends at byte %1 inside a JSON value).")
                  .arg(body.size())
            : ResponseParsing::Text::tr("The response body is not valid JSON (%1 at byte %2).")
                  .arg(parseError.errorString())
                  .arg(parseError.offset),
        body);
    return false;
}

ProviderError ResponseParsing::malformed(const QString &message, const QByteArray &body)
{
    ProviderError error = ProviderError::make(ProviderError::Kind::Malformed, message);
    error.setRawBody(body);
    return error;
}

QString ResponseParsing::valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)) && std::abs(d) < 9.0e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QByteArray ResponseParsing::headerValue(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void ResponseParsing::fillCommon(
    ProviderError *error, int status, const QByteArray &body, const HeaderList &headers)
{
    if (status >= 300) {
        error->httpStatus = status;
        if (error->kind == ProviderError::Kind::None
            || error->kind == ProviderError::Kind::Malformed)
            error->kind = ProviderError::Kind::Http;
    }
    if (error->name.isEmpty() && status >= 300)
        error->name = ProviderError::statusName(status);
    if (error->requestId.isEmpty())
        error->requestId = QString::fromUtf8(headerValue(headers, "X-Request-ID"));
    if (error->retryAfterSeconds < 0) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        qint64 ms = HttpClient::parseRetryAfterMs(headerValue(headers, "Retry-After"), now);
        if (ms < 0 && status == 429)
            ms = HttpClient::parseRateLimitResetMs(headerValue(headers, "X-RateLimit-Reset"), now);
        if (ms >= 0)
            error->retryAfterSeconds = int((ms + 999) / 1000);
    }
    if (error->rawBody.isEmpty())
        error->setRawBody(body);
}

ParseResult ResponseParsing::parse(
    const HttpResponse &response, const PageParser &pageParser, const ErrorParser &errorParser)
{
    ParseResult result;
    if (response.status >= 200 && response.status < 300) {
        result = pageParser(response.body);
        if (!result.ok())
            fillCommon(&result.error, 0, response.body, response.headers);
    } else {
        result.error = errorParser(response.status, response.body, response.headers);
        fillCommon(&result.error, response.status, response.body, response.headers);
    }
    if (!result.ok()) {
        result.error.url = response.url.toString(QUrl::RemoveUserInfo);
        result.error.attempts = response.attempts;
        if (result.error.requestId.isEmpty())
            result.error.requestId = response.requestId;
    }
    return result;
}

bool ResponseParsing::errorObject(
    int status, const QByteArray &body, ProviderError *error, QJsonObject *object)
{
    error->kind = ProviderError::Kind::Http;
    error->name = ProviderError::statusName(status);
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *object = doc.object();
    return true;
}

namespace {
thread_local bool t_keepRaw = true;
} // namespace

ResponseParsing::RawRecordScope::RawRecordScope(bool keep)
    : m_was(std::exchange(t_keepRaw, keep))
{ }

ResponseParsing::RawRecordScope::~RawRecordScope()
{
    t_keepRaw = m_was;
}

bool ResponseParsing::keepsRawRecords()
{
    return t_keepRaw;
}

bool ResponseParsing::readRecord(const QJsonValue &value, const QString &where, RecordReader read,
    QList<User> *users, QString *problem, const QByteArray &raw)
{
    if (!value.isObject()) {
        *problem = Text::tr("%1 should be an object").arg(where);
        return false;
    }
    const QJsonObject object = value.toObject();
    users->append(read(object, where, problem));
    // The record as the detail pane shows it: as received, else as compact JSON.
    if (t_keepRaw)
        users->last().rawRecord
            = raw.isEmpty() ? QJsonDocument(object).toJson(QJsonDocument::Compact) : raw;
    return problem->isEmpty();
}

QList<User> ResponseParsing::readRecords(
    const QJsonArray &items, const QString &name, RecordReader read, QString *problem)
{
    QList<User> users;
    users.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!readRecord(
                items.at(i), QStringLiteral("%1[%2]").arg(name).arg(i), read, &users, problem))
            break;
    }
    return users;
}
