#pragma once

// Pixel features for the image modality: the seed article's np.mean of an image, made spatial (mean
// R, G, B per cell of a grid), and a joint colour histogram. Pure functions of a QImage; every image is
// first flattened to opaque RGB (Format_RGB32) by compositing any alpha onto white, so a transparent
// PNG looks the way a viewer shows it on a white page.

#include <Eigen/Core>
#include <QImage>
#include <QString>

#include <optional>

namespace fl {

enum class ImageFeatureKind { GridMean, ColorHistogram, Both };

struct ImageEmbedderSettings
{
    ImageFeatureKind kind = ImageFeatureKind::GridMean;
    int grid = 4;            // cells per side for GridMean (grid × grid cells)
    int histogramBins = 4;   // bins per channel for ColorHistogram (bins³ entries)
};

// The image in Format_RGB32 with alpha composited on white: c' = round((a·c + (255 − a)·255) / 255).
QImage flattenOnWhite(const QImage &image);

// Mean R, G, B in [0, 1] per cell of a grid × grid partition, cells in row-major order, then R, G, B:
// 3·grid² values. Cell boundaries are ⌊k·size/grid⌋, so the cells cover the image exactly when the
// size is not divisible by grid; if the image is smaller than the grid, an empty cell takes the pixel
// row/column at its boundary. A null image gives zeros. grid < 1 is treated as 1.
Eigen::VectorXd gridMeanFeatures(const QImage &image, int grid = 4);

// Joint RGB histogram with bins³ entries (index (r·bins + g)·bins + b, channel value c in bin
// ⌊c·bins/256⌋), normalised to sum 1. A null image gives zeros. bins is clamped to 1..16.
Eigen::VectorXd colorHistogramFeatures(const QImage &image, int binsPerChannel = 4);

// The features the settings ask for (grid means, then the histogram when both).
Eigen::VectorXd imageFeatures(const QImage &image, const ImageEmbedderSettings &settings);
int imageFeatureWidth(const ImageEmbedderSettings &settings);

// Stable ids for settings files and the CLI: "grid-mean", "histogram", "both".
QString imageFeatureKindName(ImageFeatureKind kind);
std::optional<ImageFeatureKind> imageFeatureKindFromName(const QString &name);

} // namespace fl
