#include "engine/data/ImageFiles.h"

#include "engine/core/ParallelFor.h"

#include <QFileInfo>
#include <QImageReader>

#include <vector>

namespace fl {

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
        const QSize size = reader.size();
        if (!size.isValid() || qint64(size.width()) * size.height() > kMaxImagePixels)
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
