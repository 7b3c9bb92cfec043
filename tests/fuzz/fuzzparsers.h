#pragma once
// One entry point per fuzz target, shared by the libFuzzer targets and the regression test.

#include <QByteArray>
#include <QString>

struct User;

namespace FuzzParsers {
// Feeds `input` to the named target: karmo_page, karmo_error, llamacloud_page, llamacloud_error,
// csp_page, csp_error, char_page, char_error, scim_page, scim_error, scim_filter, json_array,
// llamacloud_fast, char_fast.
// Returns false for an unknown name.
bool run(const QString &target, const QByteArray &input);
// Where the fast record reader of `kind` ("llamacloud" or "char") and JsonReader over
// QJsonDocument disagree on `input` (one record, or an array of them): empty when they agree,
// that is, whenever the fast reader takes a record, QJsonDocument parses it too and JsonReader
// reads the same user from it without a problem.
QString fastReaderDisagreement(const QString &kind, const QByteArray &input);
// Every field of a user but rawRecord, for comparing.
QString describe(const User &user);
} // namespace FuzzParsers
