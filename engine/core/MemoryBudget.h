#pragma once

// How much memory this process can still allocate, so that a load that cannot fit is refused before it
// allocates (with what it needs and what is there), and the text for an allocation that failed anyway.
// Linux: the address-space limit (RLIMIT_AS, as `ulimit -v` sets it) less what the process maps now,
// and the machine's MemAvailable.

#include "engine/core/Result.h"

#include <QString>

#include <exception>

namespace fl {

// Bytes that can still be allocated; a negative value when nothing limits it that we can see.
qint64 allocatableBytes();

// An error such as "ratings.csv: about 2,500,000 ratings need about 180 MB; only 95 MB can be
// allocated" when `bytes` will not fit; `what` is the subject ("ratings.csv: about 2,500,000 ratings").
Result<void> requireMemory(qint64 bytes, const QString &what);

// A failed allocation (std::bad_alloc) or another exception, for a message.
QString exceptionText(const std::exception &error);

} // namespace fl
