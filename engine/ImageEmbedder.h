#pragma once

// The image modality's embedder: decodes one image per item (files or ":/" Qt resource paths, in
// parallel on the global thread pool) and turns each into pixel features (ImageFeatures.h). Items
// without an image, or whose file is absent or cannot be decoded, are marked missing and given the
// column mean; a note counts them and names a few. Loaders check every file's existence and header
// beforehand (markUnreadableImages), so the dataset's missing counts agree with these notes. The output is not standardised: the pipeline does
// that.

#include "Dataset.h"
#include "ImageFeatures.h"
#include "ModalityMatrix.h"
#include "Result.h"

#include <QStringList>

#include <vector>

namespace fl {

// What a look at an image file finds without decoding its pixels: no path, no such file, a file whose
// header no image reader recognises (QImageReader::canRead, and a valid size where the format states
// one), or a readable header.
enum class ImageFileState { NoPath, NotFound, Unreadable, Readable };
// Images that state a larger size are not decoded (counted as not decodable): 40 million pixels is
// beyond any photograph a dataset ships (8K video is 33 million), and a few bytes of header can state
// billions, which Qt would try to decode.
inline constexpr qint64 kMaxImagePixels = 40'000'000;
ImageFileState probeImageFile(const QString &path);

struct ImageProbeCounts
{
    int notFound = 0;
    int unreadable = 0;
};

// Marks the items of an image modality whose file does not exist or has no readable header as missing
// (in parallel on the global thread pool), keeping their paths so that the embedder's notes can name
// them, and returns how many it marked for each reason. Loaders call it so that coverage and missing
// counts (stats, the Dataset page, the notes) count them. Pixels are not decoded here: a file whose
// header reads but whose data is corrupt still counts as present until embedImages() fails to decode it.
// A modality of another kind is left alone.
ImageProbeCounts markUnreadableImages(ModalitySource &source);

// `missing` is empty or one flag per path; an empty path also counts as missing. An item marked missing
// whose path is set is not decoded; probeImageFile says whether it counts as not found, not decodable
// (as markUnreadableImages marked it) or simply without an image. Fails only on
// inconsistent arguments (mask size, grid outside 1..64, bins outside 1..16) or when not a single
// image could be read. Progress runs 0 → 1; returning false cancels with the error "cancelled".
Result<ModalityMatrix> embedImages(const QString &name, const QStringList &paths, const std::vector<bool> &missing,
                                   const ImageEmbedderSettings &settings, const ProgressFn &progress = {});

} // namespace fl
