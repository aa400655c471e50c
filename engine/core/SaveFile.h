#pragma once

// Writing a file the user named, whole or not at all: QSaveFile writes a copy beside it and renames the
// finished copy over it, so a failed write leaves any previous file as it was. A rename over a device,
// a FIFO or a socket would replace the node itself (run as root, `--export-topk /dev/full` turned
// /dev/full into a regular file and reported success), so a path that exists and is not a regular file
// is refused before anything is written.

#include "engine/core/Result.h"

#include <QByteArray>
#include <QString>

namespace fl {

// An error naming the path when it exists and is not a regular file (or a link to one).
Result<void> checkSaveTarget(const QString &path);

// bytes into path through QSaveFile, after checkSaveTarget: "Cannot write PATH: REASON." on failure.
Result<void> saveBytes(const QString &path, const QByteArray &bytes);

} // namespace fl
