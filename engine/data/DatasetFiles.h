#pragma once

// Where the files a dataset names may be. Datasets are downloaded from strangers, so a manifest or an
// importer never follows a name out of the dataset's folder (an absolute path, "..", a symbolic link
// whose target lies elsewhere), and never opens anything but a regular file: opening a FIFO blocks,
// /dev/zero never ends, a folder cannot be read. Every check looks at the entry before it is opened.
// Messages quote cells of the dataset's own files only through excerpt(), short and with control
// characters escaped.

#include "engine/core/Result.h"

#include <QString>
#include <QStringView>

namespace fl {

enum class FileKind { Regular, Missing, Folder, Fifo, CharacterDevice, BlockDevice, Socket, Other };

// What is at path, symbolic links followed. Qt resources (":/…") are Regular or Folder.
FileKind fileKind(const QString &path);
// "a folder", "a FIFO (named pipe)", "a character device", … for messages.
QString fileKindName(FileKind kind);

// Refuses anything but an existing regular file, without opening it:
// "LABEL: is a FIFO (named pipe), not a regular file; expected EXPECTED".
Result<void> requireRegularFile(const QString &path, const QString &label, const QString &expected);

// True if path resolves (symbolic links followed) to folder or to something below it. A path that does
// not exist counts as inside when its name stays inside; Qt resources are always inside their folder.
bool resolvesInside(const QString &folder, const QString &path);

// The absolute path that `written` (as a dataset's file wrote it, relative to folder) names, if it
// stays inside folder: not absolute, no ".." out of it, no symbolic link out of it. Otherwise an error
// without a location prefix, naming `subject` (e.g. "\"items.file\""):
//   "items.file" is "/etc/passwd", outside the dataset folder; paths must be relative and stay inside /x/y
Result<QString> resolveInsideFolder(const QString &folder, const QString &written, const QString &subject);

// A cell or a line of a file for a message: at most maxChars characters (then "…"), control
// characters shown as \xNN (a NUL as \x00), so that a message never carries raw bytes of a file.
QString excerpt(QStringView text, int maxChars = 80);

} // namespace fl
