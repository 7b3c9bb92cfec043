#pragma once

#include "httpclient.h"
#include "parseresult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

// Reads fields of one JSON object strictly: absent and null mean "not set", any other wrong type
// is remembered as the first error, naming where it was.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString where, QString *firstError)
        : m_object(object)
        , m_where(std::move(where))
        , m_error(firstError)
    { }

    // A string field; numbers are accepted as their text only when `numbersToo`.
    QString str(QLatin1String key, bool required = false, bool numbersToo = false) const;
    // The first present of several alias keys.
    QString strAny(std::initializer_list<QLatin1String> keys) const;
    bool boolean(QLatin1String key, bool fallback) const;
    QJsonArray array(QLatin1String key, bool required = false) const;
    QJsonObject object(QLatin1String key, bool required = false) const;
    bool has(QLatin1String key) const;
    void fail(const QString &message) const;
    const QString &where() const { return m_where; }

private:
    const QJsonObject &m_object;
    QString m_where;
    QString *m_error;
};

namespace ResponseParsing {
// Its translations, in the "ResponseParsing" context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ResponseParsing)
};
// Parses a JSON document, or explains why it is not one (truncated, empty, not JSON).
bool parseJson(const QByteArray &body, QJsonDocument *doc, ProviderError *error);
ProviderError malformed(const QString &message, const QByteArray &body = {});
// A JSON value shown as text: strings as they are, everything else as compact JSON.
QString valueText(const QJsonValue &value);
// Runs the page parser on 2xx and the error parser otherwise, then fills what every error
// carries: status, request id, Retry-After, URL, attempts, raw body.
using PageParser = std::function<ParseResult(const QByteArray &body)>;
using ErrorParser
    = std::function<ProviderError(int status, const QByteArray &body, const HeaderList &headers)>;
ParseResult parse(
    const HttpResponse &response, const PageParser &pageParser, const ErrorParser &errorParser);
void fillCommon(
    ProviderError *error, int status, const QByteArray &body, const HeaderList &headers);
QByteArray headerValue(const HeaderList &headers, const QByteArray &name);
} // namespace ResponseParsing
