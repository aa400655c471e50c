#include "engine/embedding/ImageFeatures.h"

#include <algorithm>
#include <utility>

namespace fl {

static constexpr int kMaxHistogramBins = 16;

static int clampedGrid(int grid) { return std::max(1, grid); }
static int clampedBins(int bins) { return std::clamp(bins, 1, kMaxHistogramBins); }

QImage flattenOnWhite(const QImage &image)
{
    if (image.isNull())
        return {};
    if (!image.hasAlphaChannel())
        return image.convertToFormat(QImage::Format_RGB32);

    QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    QImage out(argb.size(), QImage::Format_RGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const QRgb *in = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        QRgb *dst = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            const int a = qAlpha(in[x]);
            const auto over = [a](int c) { return (a * c + (255 - a) * 255 + 127) / 255; };
            dst[x] = qRgb(over(qRed(in[x])), over(qGreen(in[x])), over(qBlue(in[x])));
        }
    }
    return out;
}

// Half-open [begin, end) of cell k of n along a side of `size` pixels; never empty when size > 0.
static std::pair<int, int> cellRange(int k, int n, int size)
{
    int begin = int(qint64(k) * size / n);
    int end = int(qint64(k + 1) * size / n);
    if (end <= begin) {
        begin = std::min(begin, size - 1);
        end = begin + 1;
    }
    return {begin, end};
}

Eigen::VectorXd gridMeanFeatures(const QImage &image, int grid)
{
    grid = clampedGrid(grid);
    Eigen::VectorXd features = Eigen::VectorXd::Zero(3 * grid * grid);
    const QImage rgb = flattenOnWhite(image);
    if (rgb.isNull() || rgb.width() == 0 || rgb.height() == 0)
        return features;

    for (int row = 0; row < grid; ++row) {
        const auto [y0, y1] = cellRange(row, grid, rgb.height());
        for (int col = 0; col < grid; ++col) {
            const auto [x0, x1] = cellRange(col, grid, rgb.width());
            qint64 r = 0, g = 0, b = 0;
            for (int y = y0; y < y1; ++y) {
                const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
                for (int x = x0; x < x1; ++x) {
                    r += qRed(line[x]);
                    g += qGreen(line[x]);
                    b += qBlue(line[x]);
                }
            }
            const double scale = 1.0 / (255.0 * double(qint64(y1 - y0) * (x1 - x0)));
            const int cell = 3 * (row * grid + col);
            features(cell) = double(r) * scale;
            features(cell + 1) = double(g) * scale;
            features(cell + 2) = double(b) * scale;
        }
    }
    return features;
}

Eigen::VectorXd colorHistogramFeatures(const QImage &image, int binsPerChannel)
{
    const int bins = clampedBins(binsPerChannel);
    Eigen::VectorXd histogram = Eigen::VectorXd::Zero(bins * bins * bins);
    const QImage rgb = flattenOnWhite(image);
    if (rgb.isNull() || rgb.width() == 0 || rgb.height() == 0)
        return histogram;

    for (int y = 0; y < rgb.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const int rb = qRed(line[x]) * bins / 256;
            const int gb = qGreen(line[x]) * bins / 256;
            const int bb = qBlue(line[x]) * bins / 256;
            histogram((rb * bins + gb) * bins + bb) += 1.0;
        }
    }
    histogram /= double(qint64(rgb.width()) * rgb.height());
    return histogram;
}

Eigen::VectorXd imageFeatures(const QImage &image, const ImageEmbedderSettings &settings)
{
    switch (settings.kind) {
    case ImageFeatureKind::GridMean:
        return gridMeanFeatures(image, settings.grid);
    case ImageFeatureKind::ColorHistogram:
        return colorHistogramFeatures(image, settings.histogramBins);
    case ImageFeatureKind::Both:
        break;
    }
    const Eigen::VectorXd grid = gridMeanFeatures(image, settings.grid);
    const Eigen::VectorXd histogram = colorHistogramFeatures(image, settings.histogramBins);
    Eigen::VectorXd both(grid.size() + histogram.size());
    both << grid, histogram;
    return both;
}

int imageFeatureWidth(const ImageEmbedderSettings &settings)
{
    const int grid = clampedGrid(settings.grid);
    const int bins = clampedBins(settings.histogramBins);
    const int gridWidth = 3 * grid * grid;
    const int histogramWidth = bins * bins * bins;
    switch (settings.kind) {
    case ImageFeatureKind::GridMean:
        return gridWidth;
    case ImageFeatureKind::ColorHistogram:
        return histogramWidth;
    case ImageFeatureKind::Both:
        break;
    }
    return gridWidth + histogramWidth;
}

QString imageFeatureKindName(ImageFeatureKind kind)
{
    switch (kind) {
    case ImageFeatureKind::GridMean:
        return QStringLiteral("grid-mean");
    case ImageFeatureKind::ColorHistogram:
        return QStringLiteral("histogram");
    case ImageFeatureKind::Both:
        break;
    }
    return QStringLiteral("both");
}

std::optional<ImageFeatureKind> imageFeatureKindFromName(const QString &name)
{
    const QString id = name.trimmed().toLower();
    if (id == QLatin1String("grid-mean"))
        return ImageFeatureKind::GridMean;
    if (id == QLatin1String("histogram"))
        return ImageFeatureKind::ColorHistogram;
    if (id == QLatin1String("both"))
        return ImageFeatureKind::Both;
    return std::nullopt;
}

} // namespace fl
