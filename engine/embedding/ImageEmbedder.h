#pragma once

// The image modality's embedder: decodes one image per item (files or ":/" Qt resource paths, in
// parallel on the global thread pool) and turns each into pixel features (ImageFeatures.h). Items
// without an image, or whose file is absent or cannot be decoded, are marked missing and given the
// column mean; a note counts them and names a few. Loaders check every file's existence and header
// beforehand (markUnreadableImages, ImageFiles.h), so the dataset's missing counts agree with these notes. The output is not standardised: the pipeline does
// that.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"
#include "engine/data/ImageFiles.h"
#include "engine/embedding/ImageFeatures.h"
#include "engine/embedding/ModalityMatrix.h"

#include <QStringList>

#include <vector>

namespace fl {

// `missing` is empty or one flag per path; an empty path also counts as missing. An item marked missing
// whose path is set is not decoded; probeImageFile says whether it counts as not found, not decodable
// (as markUnreadableImages marked it) or simply without an image. Fails only on
// inconsistent arguments (mask size, grid outside 1..64, bins outside 1..16) or when not a single
// image could be read. Progress runs 0 → 1; returning false cancels with the error "cancelled".
Result<ModalityMatrix> embedImages(const QString &name, const QStringList &paths, const std::vector<bool> &missing,
                                   const ImageEmbedderSettings &settings, const ProgressFn &progress = {});

} // namespace fl
