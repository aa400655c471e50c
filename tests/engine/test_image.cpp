// The image modality: grid means and colour histograms against hand-computed values (solid colours,
// split halves, sizes not divisible by the grid, alpha on white), and embedImages end to end with a
// corrupt file, a missing path, a missing flag, cancellation and the parallel path against a serial one.

#include "engine/embedding/ImageEmbedder.h"
#include "engine/embedding/ImageFeatures.h"

#include "tests/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QImageReader>
#include <QTest>

#include <cmath>

using namespace fl;

namespace {

bool closeRel(double actual, double expected, double tolerance = 1e-12)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

QImage solid(int width, int height, QRgb colour)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

// Left half (x < width/2) one colour, right half another.
QImage leftRight(int width, int height, QRgb left, QRgb right)
{
    QImage image = solid(width, height, right);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width / 2; ++x)
            image.setPixel(x, y, left);
    return image;
}

bool writePng(const QString &path, const QImage &image)
{
    return image.save(path, "PNG");
}

} // namespace

class TestImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void solidColourGridMean()
    {
        const Eigen::VectorXd f = gridMeanFeatures(solid(8, 8, qRgb(255, 0, 51)), 4);
        QCOMPARE(f.size(), Eigen::Index(48));
        for (int cell = 0; cell < 16; ++cell) {
            QVERIFY(closeRel(f(3 * cell), 1.0));
            QVERIFY(closeRel(f(3 * cell + 1), 0.0));
            QVERIFY(closeRel(f(3 * cell + 2), 0.2));
        }
    }

    void solidColourHistogram()
    {
        // 255 → bin 3, 0 → bin 0, 51 → bin 0 (51·4/256 = 0.8): index (3·4 + 0)·4 + 0 = 48.
        const Eigen::VectorXd h = colorHistogramFeatures(solid(7, 5, qRgb(255, 0, 51)), 4);
        QCOMPARE(h.size(), Eigen::Index(64));
        QVERIFY(closeRel(h(48), 1.0));
        QVERIFY(closeRel(h.sum(), 1.0));
        QCOMPARE(h.cwiseAbs().maxCoeff(), 1.0);
    }

    void splitHalves()
    {
        const QImage image = leftRight(8, 8, qRgb(255, 0, 0), qRgb(0, 0, 255));

        const Eigen::VectorXd whole = gridMeanFeatures(image, 1);
        QCOMPARE(whole.size(), Eigen::Index(3));
        QVERIFY(closeRel(whole(0), 0.5));
        QVERIFY(closeRel(whole(1), 0.0));
        QVERIFY(closeRel(whole(2), 0.5));

        // Row-major cells, then R, G, B: (0,0) red, (0,1) blue, (1,0) red, (1,1) blue.
        const Eigen::VectorXd quarters = gridMeanFeatures(image, 2);
        Eigen::VectorXd expected(12);
        expected << 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1;
        QVERIFY(quarters.isApprox(expected, 1e-12));

        // Grid 4 on 8 × 8: columns 0-1 red, 2-3 blue in every row.
        const Eigen::VectorXd sixteenths = gridMeanFeatures(image, 4);
        for (int row = 0; row < 4; ++row) {
            for (int col = 0; col < 4; ++col) {
                const int cell = 3 * (row * 4 + col);
                QCOMPARE(sixteenths(cell), col < 2 ? 1.0 : 0.0);
                QCOMPARE(sixteenths(cell + 2), col < 2 ? 0.0 : 1.0);
            }
        }

        // Bins 2: red → (1,0,0) = index 4, blue → (0,0,1) = index 1, half each.
        const Eigen::VectorXd h = colorHistogramFeatures(image, 2);
        QCOMPARE(h.size(), Eigen::Index(8));
        QVERIFY(closeRel(h(4), 0.5));
        QVERIFY(closeRel(h(1), 0.5));
        QVERIFY(closeRel(h.sum(), 1.0));
    }

    void topBottomHalvesAcrossOddGrid()
    {
        // 6 rows, grid 4: row boundaries 0, 1, 3, 4, 6. Top 3 rows white, bottom 3 black, so the
        // cell rows hold 1, 1, 0, 0.
        QImage image = solid(4, 6, qRgb(0, 0, 0));
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 4; ++x)
                image.setPixel(x, y, qRgb(255, 255, 255));
        const Eigen::VectorXd f = gridMeanFeatures(image, 4);
        for (int row = 0; row < 4; ++row)
            for (int col = 0; col < 4; ++col)
                for (int channel = 0; channel < 3; ++channel)
                    QCOMPARE(f(3 * (row * 4 + col) + channel), row < 2 ? 1.0 : 0.0);
    }

    void nonDivisibleSizeCoversImageExactly()
    {
        // 5 × 3, red = 10·x, green = 50·y. Grid 2: columns [0,2) [2,5), rows [0,1) [1,3).
        QImage image(5, 3, QImage::Format_RGB32);
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 5; ++x)
                image.setPixel(x, y, qRgb(10 * x, 50 * y, 0));
        const Eigen::VectorXd f = gridMeanFeatures(image, 2);
        QCOMPARE(f.size(), Eigen::Index(12));
        const double expected[4][2] = {{5, 0}, {30, 0}, {5, 75}, {30, 75}}; // mean red, green per cell
        for (int cell = 0; cell < 4; ++cell) {
            QVERIFY2(closeRel(f(3 * cell), expected[cell][0] / 255.0), qPrintable(QString::number(cell)));
            QVERIFY2(closeRel(f(3 * cell + 1), expected[cell][1] / 255.0), qPrintable(QString::number(cell)));
            QCOMPARE(f(3 * cell + 2), 0.0);
        }
        // Cells weighted by their pixel counts (2, 3, 4, 6) give back the whole-image mean.
        const double weights[4] = {2, 3, 4, 6};
        double red = 0;
        for (int cell = 0; cell < 4; ++cell)
            red += weights[cell] * f(3 * cell);
        QVERIFY(closeRel(red / 15.0, gridMeanFeatures(image, 1)(0)));
        QVERIFY(closeRel(gridMeanFeatures(image, 1)(0), 20.0 / 255.0));
    }

    void imageSmallerThanGrid()
    {
        // 2 × 2 with grid 4: every cell takes the pixel at its boundary, nothing is left empty.
        QImage image(2, 2, QImage::Format_RGB32);
        image.setPixel(0, 0, qRgb(255, 0, 0));
        image.setPixel(1, 0, qRgb(0, 255, 0));
        image.setPixel(0, 1, qRgb(0, 0, 255));
        image.setPixel(1, 1, qRgb(255, 255, 255));
        const Eigen::VectorXd f = gridMeanFeatures(image, 4);
        QCOMPARE(f.size(), Eigen::Index(48));
        QVERIFY(f.allFinite());
        QCOMPARE(f(0), 1.0);                  // cell (0,0) = pixel (0,0), red
        QCOMPARE(f(3 * 3 + 1), 1.0);          // cell (0,3) = pixel (1,0), green
        QCOMPARE(f(3 * 12 + 2), 1.0);         // cell (3,0) = pixel (0,1), blue
        QVERIFY(f.tail(3) == Eigen::Vector3d(1.0, 1.0, 1.0)); // cell (3,3) = pixel (1,1), white
    }

    void alphaIsCompositedOnWhite()
    {
        QImage image(4, 2, QImage::Format_ARGB32);
        image.fill(qRgba(0, 0, 0, 128));  // half-transparent black: (128·0 + 127·255) / 255 = 127
        for (int x = 0; x < 2; ++x)
            for (int y = 0; y < 2; ++y)
                image.setPixel(x, y, qRgba(255, 0, 0, 0)); // fully transparent: white, whatever the colour
        const Eigen::VectorXd f = gridMeanFeatures(image, 2);
        for (int row = 0; row < 2; ++row) {
            for (int channel = 0; channel < 3; ++channel) {
                QVERIFY(closeRel(f(3 * (row * 2) + channel), 1.0));
                QVERIFY(closeRel(f(3 * (row * 2 + 1) + channel), 127.0 / 255.0));
            }
        }
        const QImage flat = flattenOnWhite(image);
        QCOMPARE(flat.format(), QImage::Format_RGB32);
        QCOMPARE(flat.pixel(0, 0), qRgb(255, 255, 255));
        QCOMPARE(flat.pixel(3, 1), qRgb(127, 127, 127));

        // Bins 4: white → index 63, grey 127 → bin 1 in each channel → index 21.
        const Eigen::VectorXd h = colorHistogramFeatures(image, 4);
        QVERIFY(closeRel(h(63), 0.5));
        QVERIFY(closeRel(h(21), 0.5));

        // An opaque pixel keeps its colour.
        QImage opaque(1, 1, QImage::Format_ARGB32);
        opaque.setPixel(0, 0, qRgba(10, 20, 30, 255));
        QCOMPARE(flattenOnWhite(opaque).pixel(0, 0), qRgb(10, 20, 30));
    }

    void histogramBinBoundaries()
    {
        // Greys 63 | 64 | 191 | 192 fall in bins 0, 1, 2, 3 (c·4/256): indices 0, 21, 42, 63.
        QImage image(4, 1, QImage::Format_RGB32);
        const int greys[4] = {63, 64, 191, 192};
        for (int x = 0; x < 4; ++x)
            image.setPixel(x, 0, qRgb(greys[x], greys[x], greys[x]));
        const Eigen::VectorXd h = colorHistogramFeatures(image, 4);
        for (int index : {0, 21, 42, 63})
            QVERIFY(closeRel(h(index), 0.25));
        QVERIFY(closeRel(h.sum(), 1.0));
        QCOMPARE((h.array() > 0).count(), Eigen::Index(4));
    }

    void nullImageGivesZeros()
    {
        QVERIFY(gridMeanFeatures(QImage(), 3) == Eigen::VectorXd::Zero(27));
        QVERIFY(colorHistogramFeatures(QImage(), 2) == Eigen::VectorXd::Zero(8));
    }

    void settingsWidthsAndNames()
    {
        ImageEmbedderSettings s;
        QCOMPARE(imageFeatureWidth(s), 48);
        s.kind = ImageFeatureKind::ColorHistogram;
        QCOMPARE(imageFeatureWidth(s), 64);
        s.kind = ImageFeatureKind::Both;
        s.grid = 2;
        s.histogramBins = 3;
        QCOMPARE(imageFeatureWidth(s), 12 + 27);

        const QImage image = leftRight(6, 4, qRgb(10, 200, 30), qRgb(250, 250, 0));
        const Eigen::VectorXd both = imageFeatures(image, s);
        QCOMPARE(both.size(), Eigen::Index(39));
        QVERIFY(both.head(12) == gridMeanFeatures(image, 2));
        QVERIFY(both.tail(27) == colorHistogramFeatures(image, 3));

        for (ImageFeatureKind kind : {ImageFeatureKind::GridMean, ImageFeatureKind::ColorHistogram, ImageFeatureKind::Both})
            QVERIFY(imageFeatureKindFromName(imageFeatureKindName(kind)) == std::optional(kind));
        QCOMPARE(imageFeatureKindName(ImageFeatureKind::GridMean), QStringLiteral("grid-mean"));
        QCOMPARE(imageFeatureKindName(ImageFeatureKind::ColorHistogram), QStringLiteral("histogram"));
        QCOMPARE(imageFeatureKindName(ImageFeatureKind::Both), QStringLiteral("both"));
        QVERIFY(!imageFeatureKindFromName(QStringLiteral("pixels")).has_value());
    }

    void embedWithCorruptAndMissingFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkpath(QStringLiteral("images"));
        const auto path = [&](const char *name) { return dir.filePath(QStringLiteral("images/") + QLatin1String(name)); };

        QVERIFY(writePng(path("a.png"), solid(8, 8, qRgb(255, 0, 0))));
        QVERIFY(writePng(path("b.png"), leftRight(8, 8, qRgb(0, 0, 255), qRgb(255, 255, 255))));
        QVERIFY(writePng(path("c.png"), solid(5, 3, qRgb(0, 255, 0))));
        QVERIFY(writePng(path("flagged.png"), solid(8, 8, qRgb(0, 0, 0))));
        QFile corrupt(path("i0042.png"));
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write("\x89PNG\r\n\x1a\nthis is not a PNG");
        corrupt.close();

        const QStringList paths{path("a.png"), path("i0042.png"), path("b.png"), path("gone.png"),
                                QString(), path("flagged.png"), path("c.png")};
        std::vector<bool> missing(7, false);
        missing[5] = true; // the item says it has no image, though a file exists

        ImageEmbedderSettings settings;
        settings.grid = 2;
        double lastProgress = -1;
        int calls = 0;
        const Result<ModalityMatrix> m = embedImages(QStringLiteral("image"), paths, missing, settings,
                                                     [&](double fraction) { lastProgress = fraction; ++calls; return true; });
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error()));
        QCOMPARE(m->name, QStringLiteral("image"));
        QCOMPARE(m->rows(), 7);
        QCOMPARE(m->width(), 12);
        QVERIFY(m->missing == (std::vector<bool>{false, true, false, true, true, true, false}));
        QCOMPARE(m->missingCount(), 4);
        QVERIFY(calls >= 1);
        QCOMPARE(lastProgress, 1.0);

        const Eigen::VectorXd a = gridMeanFeatures(solid(8, 8, qRgb(255, 0, 0)), 2);
        const Eigen::VectorXd b = gridMeanFeatures(leftRight(8, 8, qRgb(0, 0, 255), qRgb(255, 255, 255)), 2);
        const Eigen::VectorXd c = gridMeanFeatures(solid(5, 3, qRgb(0, 255, 0)), 2);
        QVERIFY(m->values.row(0).transpose().isApprox(a));
        QVERIFY(m->values.row(2).transpose().isApprox(b));
        QVERIFY(m->values.row(6).transpose().isApprox(c));
        // Missing rows get the mean of the three decoded ones (not of the flagged black image).
        const Eigen::VectorXd mean = (a + b + c) / 3.0;
        for (int row : {1, 3, 4, 5})
            QVERIFY2(m->values.row(row).transpose().isApprox(mean, 1e-12), qPrintable(QString::number(row)));
        // Hand-computed: cell (0,0) red = (1 + 0 + 0)/3, blue = (0 + 1 + 0)/3.
        QVERIFY(closeRel(m->values(4, 0), 1.0 / 3.0));
        QVERIFY(closeRel(m->values(4, 2), 1.0 / 3.0));

        const QString notes = m->notes.join(u'\n');
        QVERIFY2(notes.contains(QStringLiteral("could not decode 1 of 7 images")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("images/i0042.png")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("images/gone.png")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("2 of 7 items have no image")), qPrintable(notes));
        QVERIFY(m->description.contains(QStringLiteral("2×2")));
    }

    // A few bytes of BMP header can state a 100-million-pixel image: it is not decoded (Qt would try),
    // and counts as not decodable, like a corrupt file.
    void hugeStatedSizeIsNotDecoded()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString huge = dir.filePath(QStringLiteral("huge.bmp"));
        QVERIFY(test::writeFile(huge, test::bmpFile(10000, 10000, false)));
        QCOMPARE(QImageReader(huge).size(), QSize(10000, 10000));
        QCOMPARE(probeImageFile(huge), ImageFileState::Unreadable);
        // The same stated top-down (a negative height), which Qt states as 10000 × -10000.
        const QString hugeTopDown = dir.filePath(QStringLiteral("huge-top-down.bmp"));
        QVERIFY(test::writeFile(hugeTopDown, test::bmpFile(10000, -10000, false)));
        QCOMPARE(QImageReader(hugeTopDown).size(), QSize(10000, -10000));
        QCOMPARE(probeImageFile(hugeTopDown), ImageFileState::Unreadable);

        const QString fine = dir.filePath(QStringLiteral("fine.png"));
        QVERIFY(writePng(fine, solid(4, 4, qRgb(10, 20, 30))));
        QCOMPARE(probeImageFile(fine), ImageFileState::Readable);
        const Result<ModalityMatrix> m =
            embedImages(QStringLiteral("image"), {fine, huge, hugeTopDown}, {}, ImageEmbedderSettings{});
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error()));
        QVERIFY(m->missing == (std::vector<bool>{false, true, true}));
        QVERIFY2(m->notes.join(u'\n').contains(QStringLiteral("could not decode 2 of 3 images")), qPrintable(m->notes.join(u'\n')));
    }

    // A top-down BMP (negative height in its header) is a valid image: Qt states its size as 4 × -3
    // and decodes it the right way up. It is probed as readable and embedded like any other.
    void topDownBmpIsAnImage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("top-down.bmp"));
        QVERIFY(test::writeFile(path, test::bmpFile(4, -3, true, 255, 0, 51)));
        QImageReader reader(path);
        QCOMPARE(reader.size(), QSize(4, -3));
        QCOMPARE(statedImageSize(reader), QSize(4, 3));
        QCOMPARE(probeImageFile(path), ImageFileState::Readable);

        ModalitySource source;
        source.name = QStringLiteral("image");
        source.kind = ModalityKind::Image;
        source.imagePaths = {path};
        source.missing = {false};
        const ImageProbeCounts counts = markUnreadableImages(source);
        QCOMPARE(counts.unreadable, 0);
        QCOMPARE(source.missing, std::vector<bool>{false});

        const Result<ModalityMatrix> m = embedImages(QStringLiteral("image"), {path}, {}, ImageEmbedderSettings{});
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error()));
        QCOMPARE(m->missing, std::vector<bool>{false});
        // Every cell of the 4×4 grid: R = 1, G = 0, B = 51/255.
        for (int cell = 0; cell < 16; ++cell) {
            QVERIFY(closeRel(m->values(0, 3 * cell), 1.0));
            QVERIFY(qAbs(m->values(0, 3 * cell + 1)) < 1e-12);
            QVERIFY(closeRel(m->values(0, 3 * cell + 2), 51.0 / 255.0));
        }
    }

    void allUnreadableIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile bad(dir.filePath(QStringLiteral("x.png")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("garbage");
        bad.close();
        const QStringList paths{dir.filePath(QStringLiteral("x.png")), dir.filePath(QStringLiteral("y.png")), QString()};
        const Result<ModalityMatrix> m = embedImages(QStringLiteral("photos"), paths, {}, {});
        QVERIFY(!m.ok());
        QVERIFY2(m.error().contains(QStringLiteral("photos")), qPrintable(m.error()));
        QVERIFY2(m.error().contains(QStringLiteral("no image could be read")), qPrintable(m.error()));
        QVERIFY2(m.error().contains(QStringLiteral("x.png")), qPrintable(m.error()));

        QVERIFY(!embedImages(QStringLiteral("photos"), {}, {}, {}).ok());
    }

    void badArgumentsAreErrors()
    {
        const QStringList paths{QStringLiteral(":/demo/images/i0001.png")};
        QVERIFY(!embedImages(QStringLiteral("image"), paths, {true, false}, {}).ok());
        ImageEmbedderSettings settings;
        settings.grid = 0;
        QVERIFY(!embedImages(QStringLiteral("image"), paths, {}, settings).ok());
        settings.grid = 4;
        settings.histogramBins = 17;
        settings.kind = ImageFeatureKind::ColorHistogram;
        QVERIFY(!embedImages(QStringLiteral("image"), paths, {}, settings).ok());
    }

    void cancelStops()
    {
        QStringList paths;
        for (int i = 1; i <= 300; ++i)
            paths << QStringLiteral(":/demo/images/i%1.png").arg(i, 4, 10, QLatin1Char('0'));
        const Result<ModalityMatrix> m = embedImages(QStringLiteral("image"), paths, {}, {}, [](double) { return false; });
        QVERIFY(!m.ok());
        QCOMPARE(m.error(), QStringLiteral("cancelled"));
    }

    void parallelMatchesSerialOnResourceImages()
    {
        QStringList paths;
        for (int i = 1; i <= 600; ++i)
            paths << QStringLiteral(":/demo/images/i%1.png").arg(i, 4, 10, QLatin1Char('0'));
        ImageEmbedderSettings settings;
        settings.kind = ImageFeatureKind::Both;
        const Result<ModalityMatrix> m = embedImages(QStringLiteral("image"), paths, {}, settings);
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error()));
        QCOMPARE(m->rows(), 600);
        QCOMPARE(m->width(), 48 + 64);
        QCOMPARE(m->missingCount(), 0);
        QVERIFY(m->notes.isEmpty());
        for (int i = 0; i < 600; ++i) {
            const QImage image(paths[i]);
            QCOMPARE(image.size(), QSize(64, 64));
            QVERIFY2(m->values.row(i).transpose() == imageFeatures(image, settings), qPrintable(paths[i]));
        }
    }
};

QTEST_GUILESS_MAIN(TestImage)
#include "test_image.moc"
