// libFuzzer entry point; ROSTER_FUZZ_TARGET names the parser (see fuzzparsers.h).
#include "fuzzparsers.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    FuzzParsers::run(QStringLiteral(ROSTER_FUZZ_TARGET), input);
    return 0;
}
