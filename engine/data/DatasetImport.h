#pragma once

// One entry point for every dataset format FusionLab reads: the built-in demo, FusionLab manifests,
// MMRec folders, RecBole atomic files and MovieLens releases. The format is detected from a file or
// a folder (reading at most a header), or chosen by hand; the GUI's Open dialog and the CLI's
// --format both come here. Loading stays all-or-nothing, with the importer's file:line message.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace fl {

enum class DatasetFormat { Auto, Demo, Manifest, MovieLens, Mmrec, RecBole };

QString datasetFormatName(DatasetFormat format);          // "auto", "demo", "manifest", "movielens", …
QString datasetFormatTitle(DatasetFormat format);         // for people: "MovieLens", "MMRec", …
std::optional<DatasetFormat> parseDatasetFormat(const QString &name);
QStringList datasetFormatNames();                         // every name parseDatasetFormat accepts

// The format of "demo", a file or a folder; Auto when nothing matches.
DatasetFormat detectDatasetFormat(const QString &path);

// Loads path as format (Auto: detected). A path FusionLab does not recognise gets a message listing
// what it looked for.
Result<Dataset> importDataset(const QString &path, DatasetFormat format = DatasetFormat::Auto,
                              const ProgressFn &progress = {});

} // namespace fl
