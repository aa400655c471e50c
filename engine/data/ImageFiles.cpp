#include "engine/data/ImageFiles.h"

#include "engine/core/ParallelFor.h"

#include <QFileInfo>
#include <QImageReader>

#include <cstdlib>
#include <limits>
#include <vector>

namespace fl {

QSize statedImageSize(QImageReader &reader)
{
    if (!reader.supportsOption(QImageIOHandler::Size))
        return {};
    const QSize size = reader.size();
    if (size.width() == 0 || size.height() == 0 || size == QSize(-1, -1))
        return {};
    // std::abs of INT_MIN overflows; no format states that many pixels on a side anyway.
    if (size.width() == std::numeric_limits<int>::min() || size.height() == std::numeric_limits<int>::min())
        return QSize(std::numeric_limits<int>::max(), std::numeric_limits<int>::max());
    return QSize(std::abs(size.width()), std::abs(size.height()));
}

bool exceedsImagePixelLimit(QSize stated)
{
    return stated.isValid() && qint64(stated.width()) * stated.height() > kMaxImagePixels;
}

ImageFileState probeImageFile(const QString &path)
{
    if (path.trimmed().isEmpty())
        return ImageFileState::NoPath;
    if (!QFileInfo(path).isFile())
        return ImageFileState::NotFound;
    QImageReader reader(path);
    if (!reader.canRead())
        return ImageFileState::Unreadable;
    if (reader.supportsOption(QImageIOHandler::Size)) {
        const QSize size = statedImageSize(reader);
        if (!size.isValid() || exceedsImagePixelLimit(size))
            return ImageFileState::Unreadable;
    }
    return ImageFileState::Readable;
}

ImageProbeCounts markUnreadableImages(ModalitySource &source)
{
    ImageProbeCounts counts;
    if (source.kind != ModalityKind::Image)
        return counts;
    const int count = int(source.imagePaths.size());
    source.missing.resize(size_t(count), false);
    std::vector<int> rows;
    for (int i = 0; i < count; ++i) {
        if (!source.missing[size_t(i)] && !source.imagePaths[i].trimmed().isEmpty())
            rows.push_back(i);
    }
    std::vector<ImageFileState> state(size_t(count), ImageFileState::Readable);
    const QStringList &paths = source.imagePaths;   // const: no detaching from several threads
    // Our own threads rather than QtConcurrent's pool: when a thread cannot be started (no memory left
    // for its stack) blockingMap waits forever, where these throw.
    parallelFor(rows.size(), workerCount(0, rows.size()),
                [&](size_t index, int) { state[size_t(rows[index])] = probeImageFile(paths[rows[index]]); },
                [] { return false; }, [] {});
    for (const int i : rows) {
        if (state[size_t(i)] == ImageFileState::Readable)
            continue;
        source.missing[size_t(i)] = true;
        ++(state[size_t(i)] == ImageFileState::NotFound ? counts.notFound : counts.unreadable);
    }
    return counts;
}

} // namespace fl
