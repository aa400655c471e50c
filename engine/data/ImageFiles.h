#pragma once

// Image files as a loader finds them: whether each item's file exists and has a header an image reader
// recognises. Loaders mark the items whose files fail as missing before anything is embedded, so that
// coverage and missing counts agree with what the image embedder (ImageEmbedder.h) will decode.

#include "engine/data/Dataset.h"

#include <QSize>
#include <QString>

class QImageReader;

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

// The size the reader's image header states, with its sign dropped: Qt states a top-down BMP's height
// as negative (4 × -3) and decodes it the right way up (4 × 3). Invalid when the format states no size
// or the header holds none.
QSize statedImageSize(QImageReader &reader);
// Whether a stated size is past kMaxImagePixels.
bool exceedsImagePixelLimit(QSize stated);

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

} // namespace fl
