#pragma once
// One entry point per fuzz target, shared by the libFuzzer targets and the regression test.

#include <QByteArray>
#include <QString>

namespace FuzzParsers {
// Feeds `input` to the named target: karmo_page, karmo_error, llamacloud_page, llamacloud_error,
// csp_page, csp_error, char_page, char_error, scim_page, scim_error, scim_filter, json_array.
// Returns false for an unknown name.
bool run(const QString &target, const QByteArray &input);
} // namespace FuzzParsers
