#pragma once

#include "httpclient.h"
#include "parseresult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <functional>

// What every provider's response handling shares: JSON that may be truncated or empty, errors
// filled with what every error carries, and the split between page and error parsers.
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
// The records of a page's array (`name`: its key, "" for a top-level array), each read by `read`
// and keeping its compact JSON as rawRecord (the detail pane shows it). The first problem, an
// element that is not an object or what `read` found, goes to *problem and ends the reading.
using RecordReader = User (*)(const QJsonObject &, const QString &where, QString *problem);
// One record, for every reader of records (a page's array, a streamed array's elements): `value`
// must be an object; it is read by `read` and appended to *users with `raw` as its rawRecord (the
// bytes as received), or its compact JSON when `raw` is empty. False, with *problem, otherwise.
// While one is alive on a thread, readRecord() there keeps no rawRecord (or keeps it, `keep`).
// Not keeping them is what a reader of the columns alone asks for (an export, a review, a
// snapshot): the vendors' readers then also skip what no column shows (columnsOnly()).
class RawRecordScope
{
public:
    explicit RawRecordScope(bool keep);
    ~RawRecordScope();
    RawRecordScope(const RawRecordScope &) = delete;
    RawRecordScope &operator=(const RawRecordScope &) = delete;

private:
    bool m_was;
};
// Whether readRecord() keeps raw records on this thread now.
bool keepsRawRecords();
// Whether the records read on this thread now are for their columns alone: a role's permissions
// and groups, SCIM's employment details and Char's raw attributes are then neither decoded nor
// checked; every column is read and checked as before.
inline bool columnsOnly()
{
    return !keepsRawRecords();
}
bool readRecord(const QJsonValue &value, const QString &where, RecordReader read,
    QList<User> *users, QString *problem, const QByteArray &raw = {});
QList<User> readRecords(
    const QJsonArray &items, const QString &name, RecordReader read, QString *problem);
// How a vendor's error parser starts: an Http error named after the status; true, with the body
// in *object, when the body is a JSON object (the vendor's error format, perhaps).
bool errorObject(int status, const QByteArray &body, ProviderError *error, QJsonObject *object);
} // namespace ResponseParsing
