#include "engine/embedding/ImageEmbedder.h"

#include "engine/core/ParallelFor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>

#include <algorithm>
#include <numeric>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::ImageEmbedder)
};

} // namespace

namespace {

enum class ImageStatus { Decoded, NoImage, NotFound, Undecodable };

// How the user recognises a file in a note: its folder and name ("images/i0042.png").
QString shortName(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = info.dir().dirName();
    return folder.isEmpty() || folder == QLatin1String(".") ? info.fileName() : folder + u'/' + info.fileName();
}

QString listFirstFiles(const QStringList &paths, const std::vector<int> &items)
{
    constexpr size_t shown = 5;
    QStringList names;
    for (size_t k = 0; k < std::min(shown, items.size()); ++k)
        names << shortName(paths[items[k]]);
    QString list = names.join(QStringLiteral(", "));
    if (items.size() > shown)
        list += QStringLiteral(", …");
    return list;
}

// fn(row) for every row, on every core. Our own threads rather than QtConcurrent's pool: when a thread
// cannot be started (no memory left for its stack) blockingMap waits forever, where these throw.
template<typename Fn>
void forEachRow(const std::vector<int> &rows, Fn &&fn)
{
    parallelFor(rows.size(), workerCount(0, rows.size()), [&](size_t index, int) { fn(rows[index]); },
                [] { return false; }, [] {});
}

} // namespace

Result<ModalityMatrix> embedImages(const QString &name, const QStringList &paths, const std::vector<bool> &missing,
                                   const ImageEmbedderSettings &settings, const ProgressFn &progress)
{
    const auto fail = [&](const QString &message) {
        return makeError(Tr::tr("Image modality '%1': %2").arg(name, message));
    };
    const auto cancelled = [] { return makeError(Tr::tr("cancelled")); };

    const int count = int(paths.size());
    if (!missing.empty() && int(missing.size()) != count)
        return fail(Tr::tr("the missing mask has %1 entries for %2 images.").arg(missing.size()).arg(count));
    if (settings.grid < 1 || settings.grid > 64)
        return fail(Tr::tr("the grid must be between 1 and 64 cells per side (got %1).").arg(settings.grid));
    if (settings.histogramBins < 1 || settings.histogramBins > 16)
        return fail(Tr::tr("the histogram needs 1 to 16 bins per channel (got %1).").arg(settings.histogramBins));
    if (count == 0)
        return fail(Tr::tr("there are no images."));

    const int width = imageFeatureWidth(settings);
    Eigen::MatrixXd values = Eigen::MatrixXd::Zero(count, width);
    std::vector<ImageStatus> status(size_t(count), ImageStatus::NoImage);

    // Decode in parallel, in chunks so that progress is reported and cancelling is quick. Each worker
    // writes only its own row and status entry.
    constexpr int chunk = 128;
    for (int begin = 0; begin < count; begin += chunk) {
        std::vector<int> rows(size_t(std::min(chunk, count - begin)));
        std::iota(rows.begin(), rows.end(), begin);
        forEachRow(rows, [&](int i) {
            if (paths[i].trimmed().isEmpty())
                return;
            if (!missing.empty() && missing[size_t(i)]) {
                // Marked missing with a path: by markUnreadableImages (say why, from the header alone)
                // or by the caller for its own reasons (no image).
                switch (probeImageFile(paths[i])) {
                case ImageFileState::NotFound: status[size_t(i)] = ImageStatus::NotFound; break;
                case ImageFileState::Unreadable: status[size_t(i)] = ImageStatus::Undecodable; break;
                case ImageFileState::NoPath:
                case ImageFileState::Readable: break;
                }
                return;
            }
            QImageReader reader(paths[i]);
            if (exceedsImagePixelLimit(statedImageSize(reader))) {
                status[size_t(i)] = ImageStatus::Undecodable;
                return;
            }
            const QImage image = reader.read();
            if (image.isNull()) {
                status[size_t(i)] = reader.error() == QImageReader::FileNotFoundError ? ImageStatus::NotFound
                                                                                       : ImageStatus::Undecodable;
                return;
            }
            values.row(i) = imageFeatures(image, settings).transpose();
            status[size_t(i)] = ImageStatus::Decoded;
        });
        if (progress && !progress(double(begin + int(rows.size())) / double(count)))
            return cancelled();
    }

    std::vector<int> noImage, notFound, undecodable;
    for (int i = 0; i < count; ++i) {
        switch (status[size_t(i)]) {
        case ImageStatus::Decoded:
            break;
        case ImageStatus::NoImage:
            noImage.push_back(i);
            break;
        case ImageStatus::NotFound:
            notFound.push_back(i);
            break;
        case ImageStatus::Undecodable:
            undecodable.push_back(i);
            break;
        }
    }
    const int unread = int(noImage.size() + notFound.size() + undecodable.size());
    if (unread == count) {
        QString why = Tr::tr("no image could be read (%1 items").arg(count);
        if (!noImage.empty())
            why += Tr::tr(", %1 without an image path").arg(noImage.size());
        if (!notFound.empty())
            why += Tr::tr(", %1 not found, e.g. %2").arg(notFound.size()).arg(listFirstFiles(paths, notFound));
        if (!undecodable.empty())
            why += Tr::tr(", %1 could not be decoded, e.g. %2").arg(undecodable.size()).arg(listFirstFiles(paths, undecodable));
        return fail(why + u')' + u'.');
    }

    ModalityMatrix out;
    out.name = name;
    out.missing.resize(size_t(count));
    for (int i = 0; i < count; ++i)
        out.missing[size_t(i)] = status[size_t(i)] != ImageStatus::Decoded;
    imputeMissingWithMean(values, out.missing);
    out.values = std::move(values);

    switch (settings.kind) {
    case ImageFeatureKind::GridMean:
        out.description = Tr::tr("Mean colour (R, G, B) on a %1×%1 grid: %2 values per image, from %L3 images")
                              .arg(settings.grid).arg(width).arg(count - unread);
        break;
    case ImageFeatureKind::ColorHistogram:
        out.description = Tr::tr("Joint RGB histogram with %1 bins per channel: %2 values per image, from %L3 images")
                              .arg(settings.histogramBins).arg(width).arg(count - unread);
        break;
    case ImageFeatureKind::Both:
        out.description = Tr::tr("Mean colour on a %1×%1 grid and a joint RGB histogram with %2 bins per channel: "
                             "%3 values per image, from %L4 images")
                              .arg(settings.grid).arg(settings.histogramBins).arg(width).arg(count - unread);
        break;
    }

    if (!noImage.empty())
        out.notes << Tr::tr("%L1 of %L2 items have no image; they get the mean image vector.").arg(noImage.size()).arg(count);
    if (!notFound.empty())
        out.notes << Tr::tr("%L1 of %L2 image files were not found (treated as missing, given the mean image vector): %3")
                         .arg(notFound.size()).arg(count).arg(listFirstFiles(paths, notFound));
    if (!undecodable.empty())
        out.notes << Tr::tr("could not decode %L1 of %L2 images (treated as missing, given the mean image vector): %3")
                         .arg(undecodable.size()).arg(count).arg(listFirstFiles(paths, undecodable));
    return out;
}

} // namespace fl
