#pragma once

// Imports a dataset as MMRec publishes it (github.com/enoche/MMRec, data/README.md), e.g. data/baby/:
//   baby.inter          tab-separated, header userID, itemID, rating, timestamp, x_label; item ids are
//                       0..n-1 and x_label is the split (0 train, 1 validation, 2 test)
//   image_feat.npy      one row per item (row i = itemID i); every *_feat.npy becomes a vectors
//   text_feat.npy       modality named after the file ("image", "text")
//   i_id_mapping.csv    optional, tab-separated asin, itemID: the original ids, used as item titles
// Loading is all-or-nothing; every problem is one message naming the file (and line).

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"

#include <QString>

namespace fl {

// True for a folder holding exactly one *.inter file whose header starts with userID, itemID (tab-
// separated), or for such a .inter file itself. Reads only the header.
bool looksLikeMmrec(const QString &path);

// path: the dataset folder or its .inter file.
Result<Dataset> importMmrec(const QString &path, const ProgressFn &progress = {});

} // namespace fl
