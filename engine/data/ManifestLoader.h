#pragma once

// Loads a dataset described by a FusionLab manifest (manifest.json): an items table, an interactions
// table and the item modalities drawn from the items table's columns. Loading is all-or-nothing:
// either a complete Dataset or one error naming the file, the line (and column) and what was
// expected. Image files are checked here for existence and a readable header (markUnreadableImages in
// ImageFiles.h), so that an absent or unreadable file counts as missing in every coverage figure; the
// image embedder decodes them later.
// The format is documented in README.md ("Dataset manifest").

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"

#include <QString>

namespace fl {

inline constexpr int kManifestVersion = 1;
// A manifest may list at most this many modalities (each is embedded, fused and shown): more is refused
// before anything is read, rather than spending minutes on a broken or hostile file. A table's columns
// and records are bounded in CsvReader.h (kMaxColumns, kMaxRecordBytes).
inline constexpr int kMaxModalities = 64;
inline const QString kDemoManifestPath = QStringLiteral(":/demo/manifest.json");

// Reads the manifest at manifestPath (a file or a ":/" resource) and the files it names, which are
// resolved relative to the manifest's folder and must stay inside it (DatasetFiles.h): no absolute
// paths, no ".." out of it, no symbolic links out of it, nothing but regular files.
Result<Dataset> loadManifest(const QString &manifestPath, const ProgressFn &progress = {});

// "demo" loads the built-in demo dataset; a folder loads FOLDER/manifest.json; a file is a manifest.
Result<Dataset> loadDataset(const QString &pathOrDemo, const ProgressFn &progress = {});

} // namespace fl
