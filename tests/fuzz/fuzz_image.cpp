// Fuzz target: the image modality (engine/embedding/ImageEmbedder.h): an image file as a manifest names it, probed
// as loaders do (probeImageFile, markUnreadableImages) and embedded with pixel features. Input: one
// settings byte (bits 0-1: GridMean, ColorHistogram or Both; bits 2-7: grid 1..64), then the file's bytes.
// Qt's image readers (PNG, JPEG, GIF, BMP, … from libQt6Gui and its plugins) are not instrumented; the
// engine's code around them is.
#include "FuzzSupport.h"

#include "engine/embedding/ImageEmbedder.h"

#include <QImageReader>

#include <cmath>
#include <cstdlib>

namespace {

// Images stating more pixels than this (512 × 512) are probed but not embedded. Instrumented, the feature
// loops cost about 1.5 µs a pixel: a 68-byte BMP stating 2 × 9,371,906 pixels took 29 s in this target
// and 0.43 s in a Release build, and one stating 3 × 262,402 took 0.6 s alone and passed libFuzzer's
// 30-second limit beside a build. Past this size only the number of turns of the same loops changes;
// embedImages' refusal of sizes past kMaxImagePixels is checked by test_image.
constexpr qint64 kEmbeddedPixels = 1 << 18;

bool statesTooManyPixels(const QString &path)
{
    QImageReader reader(path);
    const QSize size = fl::statedImageSize(reader);
    return size.isValid() && qint64(size.width()) * size.height() > kEmbeddedPixels;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    fl::fuzz::ensureApplication();
    const QString folder = fl::fuzz::freshFolder();
    if (!fl::fuzz::writeFile(folder, QStringLiteral("image"), fl::fuzz::inputView(data + 1, size - 1)))
        return 0;
    const QString path = folder + QStringLiteral("/image");

    fl::ModalitySource source;
    source.name = QStringLiteral("image");
    source.kind = fl::ModalityKind::Image;
    source.imagePaths = {path, folder + QStringLiteral("/absent.png"), QString()};
    source.missing = {false, false, true};
    const fl::ImageProbeCounts counts = fl::markUnreadableImages(source);
    if (counts.notFound != 1)
        std::abort();
    const bool readable = fl::probeImageFile(path) == fl::ImageFileState::Readable;
    if (readable == source.missing[0])
        std::abort();

    if (statesTooManyPixels(path))
        return 0;

    fl::ImageEmbedderSettings settings;
    settings.kind = fl::ImageFeatureKind(std::min(data[0] & 3, 2));
    settings.grid = 1 + (data[0] >> 2);
    settings.histogramBins = 1 + (data[0] >> 4);
    const fl::Result<fl::ModalityMatrix> matrix =
        fl::embedImages(source.name, {path, path}, {false, true}, settings);
    if (fl::fuzz::accepted(matrix)) {
        if (matrix->rows() != 2 || matrix->missing.size() != 2)
            std::abort();
        for (Eigen::Index i = 0; i < matrix->values.size(); ++i) {
            if (!std::isfinite(matrix->values.data()[i]))
                std::abort();
        }
    }
    return 0;
}
