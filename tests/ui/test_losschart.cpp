// The live loss chart: min–max decimation (extremes and endpoints kept, at most four points per column,
// short curves untouched, incremental = from scratch), clipping curves to a band, run bookkeeping (stale runs ignored, three
// ghosts, markers, reset), a million epochs drawn with a plot-width's worth of points, the log axis
// with a zero loss, and the PNG, SVG and CSV exports.

#include "engine/LinearRegression.h"
#include "engine/Random.h"
#include "ui/ChartAxes.h"
#include "ui/ChartScales.h"
#include "ui/CurveClip.h"
#include "ui/CurveDecimator.h"
#include "ui/LossChartView.h"
#include "ui/SlicedBatches.h"
#include "tests/ui/ChartTestSupport.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGuiApplication>
#include <QImage>
#include <QLogValueAxis>
#include <QRawFont>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <vector>

using namespace fl;
using fl::test::keepSnapshot;
using fl::test::pixelsNear;

namespace {

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

// The column rule CurveDecimator documents.
int columnOf(double x, double xMin, double xMax, int columns)
{
    const double c = std::floor((x - xMin) / (xMax - xMin) * columns);
    return c < 0 ? 0 : c >= columns ? columns - 1 : int(c);
}

QList<EpochRecord> smoothRun(int first, int count, double scale)
{
    QList<EpochRecord> records;
    records.reserve(count);
    for (int e = first; e < first + count; ++e) {
        const double train = scale * (0.3 + 1.0 / (1.0 + 0.05 * e));
        records.append(EpochRecord{e, train, train * 1.08 + 0.02, 0.05});
    }
    return records;
}

// With FUSIONLAB_LOSSCHART_PNG=/some/chart.png set, pictures are kept for a person to look at:
// /some/chart.png, /some/chart-NAME.png.
constexpr char kSnapshotVariable[] = "FUSIONLAB_LOSSCHART_PNG";

// The chart as exported (laid out and up to date, at twice the screen resolution).
QImage rendered(const LossChartView &view)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rendered.png"));
    QString error;
    if (!view.exportPng(path, &error))
        qWarning("%s", qPrintable(error));
    return QImage(path);
}

const QColor kTrainBlue(0, 114, 178);
const QColor kValidationVermillion(213, 94, 0);

} // namespace

class LossChartTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void largeBatchesAreStoredInSlices();
    void batchesAreTakenASliceAPass();
    void decimationKeepsExtremesAndEndpoints();
    void decimationPassesShortInputThrough();
    void decimationOfDegenerateRanges();
    void incrementalDecimationMatchesFromScratch();
    void longCurvesAreDecimatedFromTheSummary();
    void clippingRunsAlongTheBandsEdge();
    void curvesAreClippedAgainWhenTheAxisMovesFar();
    void staleRunsAreIgnored();
    void beginRunKeepsThreeGhosts();
    void ghostKeepsItsOwnEpochsAfterARetry();
    void markersAreCounted();
    void markerLabelsTakeAnotherRowWhereTheyWouldOverlap();
    void clearRemovesEverything();
    void nonFinitePointsAreSkipped();
    void hoverTextNamesTheNearestEpoch();
    void millionEpochsDrawWithPlotWidthPoints();
    void logScaleWithZeroLossStillDrawsTheCurve();
    void exportPngWritesAnImage();
    void exportSvgWritesSvg();
    void exportCsvHasEveryEpochOfEveryRun();
    void snapshotShowsCurvesMarkersAndOptimum();
    void epochAxisShowsAtLeastTwoLabels();
    void flatCurvesGetTicksThatEnd();
    void axisRangesStayWhileTheyStillFit();
    void logAxisUsesOneNotation();
    void chineseTitlesGetAFontWithTheirGlyphs();
};

void LossChartTest::decimationKeepsExtremesAndEndpoints()
{
    const int n = 10000;
    const int columns = 97;
    const double xMin = 1;
    const double xMax = n;
    Random random(7);
    QList<QPointF> points;
    for (int i = 1; i <= n; ++i)
        points.append(QPointF(i, std::exp(-i / 3000.0) + 0.01 * random.normal()));
    points[4999].setY(100.0);   // a one-epoch spike
    points[7001].setY(-100.0);  // and a dip

    const QList<QPointF> out = decimateMinMax(points, xMin, xMax, columns);
    QVERIFY(out.size() <= 4 * columns);
    QVERIFY(out.size() >= 2 * columns);
    QCOMPARE(out.front(), points.front());
    QCOMPARE(out.back(), points.back());
    QVERIFY(out.contains(QPointF(5000, 100.0)));
    QVERIFY(out.contains(QPointF(7002, -100.0)));

    // Column by column: at most four points, all of them input points in x order, and the column's
    // first, last, lowest and highest point among them.
    std::map<int, QList<QPointF>> inputByColumn;
    std::map<int, QList<QPointF>> outputByColumn;
    for (const QPointF &p : points)
        inputByColumn[columnOf(p.x(), xMin, xMax, columns)].append(p);
    for (int i = 0; i < out.size(); ++i) {
        if (i > 0)
            QVERIFY(out[i - 1].x() < out[i].x());
        QVERIFY(points.contains(out[i]));
        outputByColumn[columnOf(out[i].x(), xMin, xMax, columns)].append(out[i]);
    }
    QCOMPARE(outputByColumn.size(), inputByColumn.size());
    for (const auto &[column, input] : inputByColumn) {
        const QList<QPointF> &kept = outputByColumn[column];
        QVERIFY(kept.size() <= 4);
        QCOMPARE(kept.front(), input.front());
        QCOMPARE(kept.back(), input.back());
        double low = input.front().y();
        double high = low;
        for (const QPointF &p : input) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
        double keptLow = kept.front().y();
        double keptHigh = keptLow;
        for (const QPointF &p : kept) {
            keptLow = std::min(keptLow, p.y());
            keptHigh = std::max(keptHigh, p.y());
        }
        QCOMPARE(keptLow, low);
        QCOMPARE(keptHigh, high);
    }
}

void LossChartTest::decimationPassesShortInputThrough()
{
    QList<QPointF> points;
    for (int i = 1; i <= 200; ++i)
        points.append(QPointF(i, std::sin(i * 0.37) / 3.0));
    QCOMPARE(decimateMinMax(points, 1, 200, 100), points);
    QCOMPARE(decimateMinMax({}, 1, 200, 100), QList<QPointF>());
    const QList<QPointF> one{QPointF(3, 0.5)};
    QCOMPARE(decimateMinMax(one, 1, 200, 100), one);

    points.append(QPointF(201, 0.25));  // one point over 2·columns: decimated, so fewer points
    QVERIFY(decimateMinMax(points, 1, 201, 10).size() <= 40);
}

void LossChartTest::decimationOfDegenerateRanges()
{
    QList<QPointF> points;
    for (int i = 1; i <= 1000; ++i)
        points.append(QPointF(i, (i % 7) - 3.0 + (i == 600 ? 50 : 0)));
    for (const auto &[xMin, xMax, columns] : {std::tuple{1.0, 1000.0, 0}, std::tuple{5.0, 5.0, 100}}) {
        const QList<QPointF> out = decimateMinMax(points, xMin, xMax, columns);
        QVERIFY(out.size() <= 4);
        QCOMPARE(out.front(), points.front());
        QCOMPARE(out.back(), points.back());
        QVERIFY(out.contains(QPointF(600, 50 + (600 % 7) - 3.0)));
        QVERIFY(out.contains(QPointF(7, -3.0)));  // the first of the lowest
    }
}

void LossChartTest::incrementalDecimationMatchesFromScratch()
{
    Random random(11);
    CurveDecimator decimator;
    QList<QPointF> points;
    double xEnd = 2000;
    int steps = 0;
    while (points.size() < 60000) {
        const int chunk = 1 + int(random.below(3000));
        for (int i = 0; i < chunk; ++i)
            points.append(QPointF(points.size() + 1, random.normal()));
        if (points.size() > xEnd)
            xEnd *= 2;  // the view's x range steps up now and then
        const int columns = steps % 5 == 4 ? 333 : 300;  // and the plot is resized now and then
        QCOMPARE(decimator.update(points, 1, xEnd, columns), decimateMinMax(points, 1, xEnd, columns));
        QCOMPARE(decimator.update(points, 1, xEnd, columns), decimateMinMax(points, 1, xEnd, columns));
        ++steps;
    }
    decimator.reset();
    QCOMPARE(decimator.update(points.mid(0, 10), 1, xEnd, 300), points.mid(0, 10));
}

void LossChartTest::longCurvesAreDecimatedFromTheSummary()
{
    // Past the summary threshold: a random walk with one spike up and one down, grown in chunks while the
    // x range steps up. Every drawn point is an input point, at most four per column, and the extremes
    // and the endpoints are always there.
    Random random(5);
    CurveDecimator decimator;
    QList<QPointF> points;
    double y = 0;
    const qsizetype total = 3 * CurveDecimator::summaryThreshold;
    const qsizetype spikeUp = total / 3 + 17, spikeDown = 2 * total / 3 + 5;
    double xEnd = 1000;
    while (points.size() < total) {
        const qsizetype chunk = 20000 + qsizetype(random.below(40000));
        for (qsizetype i = 0; i < chunk && points.size() < total; ++i) {
            y += 0.01 * random.normal();
            const qsizetype index = points.size();
            points.append(QPointF(double(index + 1), index == spikeUp ? 1e3 : index == spikeDown ? -1e3 : y));
        }
        while (points.size() > xEnd)
            xEnd *= 1.5;
        const QList<QPointF> &shown = decimator.update(points, 1, xEnd, 640);
        QVERIFY(shown.size() <= 4 * 640);
        QCOMPARE(shown.front(), points.front());
        QCOMPARE(shown.back(), points.back());
        for (const QPointF &p : shown)
            QCOMPARE(points[qsizetype(p.x()) - 1], p);
        const auto [low, high] = std::minmax_element(points.begin(), points.end(),
                                                     [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        QVERIFY(shown.contains(*low));
        QVERIFY(shown.contains(*high));
    }
}

// Worked by hand: a segment from y = 0 to y = 10 leaves the band [−1, 5] at t = 0.5.
void LossChartTest::clippingRunsAlongTheBandsEdge()
{
    bool clipped = true;
    const QList<QPointF> inside{QPointF(0, 0), QPointF(1, 4), QPointF(2, -1)};
    QCOMPARE(clipToBand(inside, -1, 5, &clipped), inside);
    QVERIFY(!clipped);

    // Up through the top edge and back down.
    QCOMPARE(clipToBand({QPointF(0, 0), QPointF(1, 10), QPointF(2, 0)}, -1, 5, &clipped),
             (QList<QPointF>{QPointF(0, 0), QPointF(0.5, 5), QPointF(1.5, 5), QPointF(2, 0)}));
    QVERIFY(clipped);
    // A first segment wholly above runs along the edge; the second comes back in at t = 0.75.
    QCOMPARE(clipToBand({QPointF(0, 10), QPointF(1, 20), QPointF(2, 0)}, -1, 5, &clipped),
             (QList<QPointF>{QPointF(0, 5), QPointF(1, 5), QPointF(1.75, 5), QPointF(2, 0)}));
    // Down through the bottom edge: from 0 to −11 it leaves [−1, 5] at t = 1/11, and ends out there.
    QCOMPARE(clipToBand({QPointF(0, 0), QPointF(11, -11)}, -1, 5, &clipped),
             (QList<QPointF>{QPointF(0, 0), QPointF(1, -1)}));
    // A flat segment beyond the band, and a lone point, are clamped to the edge.
    QCOMPARE(clipToBand({QPointF(0, 9), QPointF(1, 9)}, -1, 5, &clipped), (QList<QPointF>{QPointF(0, 5), QPointF(1, 5)}));
    QCOMPARE(clipToBand({QPointF(3, -7)}, -1, 5, &clipped), QList<QPointF>{QPointF(3, -1)});
    QVERIFY(clipped);
}

// The band around [0, 1] is [−8, 9]. Clipped, it still serves [0, 1.2] (−8 ≤ −2.4, 9 ≥ 3.6, 17 ≤ 48 tall);
// not [0, 0.3] (17 > 12: too tall) nor [0, 4] (9 < 12). Not clipped, a curve from 0 to 1 is clipped again
// when the axis shows [0, 0.1] (1 > 0.9), not [0, 0.2] (1 ≤ 1.8).
void LossChartTest::curvesAreClippedAgainWhenTheAxisMovesFar()
{
    CurveBand band;
    QCOMPARE(band.clip({QPointF(0, 0), QPointF(1, 18), QPointF(2, 0)}, 0, 1),
             (QList<QPointF>{QPointF(0, 0), QPointF(0.5, 9), QPointF(1.5, 9), QPointF(2, 0)}));
    Extent extent;
    extent.add(0);
    extent.add(9);
    QVERIFY(!band.needsClipping(extent, 0, 1.2));
    QVERIFY(band.needsClipping(extent, 0, 0.3));
    QVERIFY(band.needsClipping(extent, 0, 4));

    const QList<QPointF> within{QPointF(0, 0), QPointF(1, 1)};
    QCOMPARE(band.clip(within, 0, 1), within);
    extent = Extent();
    extent.add(0);
    extent.add(1);
    QVERIFY(band.needsClipping(extent, 0, 0.1));
    QVERIFY(!band.needsClipping(extent, 0, 0.2));
}

void LossChartTest::staleRunsAreIgnored()
{
    LossChartView view;
    QCOMPARE(view.currentRunId(), -1);
    view.appendEpochs(0, smoothRun(1, 5, 1));  // no run begun yet
    QCOMPARE(view.currentEpochCount(), 0);

    view.beginRun(1, QStringLiteral("α = 1"));
    view.beginRun(2, QStringLiteral("α = 2"));
    QCOMPARE(view.currentRunId(), 2);
    view.appendEpochs(1, smoothRun(1, 5, 1));
    view.setOptimum(1, 0.1);
    view.markLearningRateChange(1, 3, 0.5);
    QCOMPARE(view.currentEpochCount(), 0);
    QCOMPARE(view.markerCount(), 0);

    view.appendEpochs(2, smoothRun(1, 5, 1));
    view.appendEpochs(1, smoothRun(6, 5, 1));
    QCOMPARE(view.currentEpochCount(), 5);
    QCOMPARE(view.currentEpochs().back().epoch, 5);

    // A record that does not come after the last epoch is ignored.
    view.appendEpochs(2, smoothRun(4, 3, 2));
    QCOMPARE(view.currentEpochCount(), 6);
    QCOMPARE(view.currentEpochs().back().epoch, 6);
    QCOMPARE(view.currentEpochs()[4].trainLoss, smoothRun(5, 1, 1).front().trainLoss);

    view.beginRun(2, QStringLiteral("again"));  // the current run: nothing happens
    QCOMPARE(view.currentEpochCount(), 6);
    QCOMPARE(view.ghostCount(), 0);
}

void LossChartTest::beginRunKeepsThreeGhosts()
{
    LossChartView view;
    view.beginRun(1, QStringLiteral("run 1"));
    QCOMPARE(view.ghostCount(), 0);
    const QList<int> expected{1, 2, 3, 3, 3};
    for (int i = 0; i < expected.size(); ++i) {
        view.appendEpochs(i + 1, smoothRun(1, 20, 1 + i));
        view.beginRun(i + 2, QStringLiteral("run %1").arg(i + 2));
        QCOMPARE(view.ghostCount(), expected[i]);
        QCOMPARE(view.currentEpochCount(), 0);
    }
    // Run 6 is current and empty; a run that never got an epoch is dropped, not kept as a ghost.
    view.beginRun(7, QStringLiteral("run 7"));
    QCOMPARE(view.ghostCount(), 3);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("runs.csv"));
    QString error;
    QVERIFY2(view.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    std::set<int> runs;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines[i].isEmpty())
            runs.insert(lines[i].split(',').front().toInt());
    }
    QCOMPARE(runs, (std::set<int>{3, 4, 5}));
}

// "Lower η ×10 and retry": a run that diverged (validation loss rising to 3.6 by epoch 10, then to
// 5·10⁴ and 2·10⁷) becomes the ghost of a 200-epoch run. On the longer axis the ghost must stay over its
// own epochs, a sliver at the left of the plot leaving through the top: its far-off points once made Qt
// draw its dashed curve stretched across the plot.
void LossChartTest::ghostKeepsItsOwnEpochsAfterARetry()
{
    LossChartView view;
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QStringLiteral("η = 10"));
    view.setLive(true);
    QList<EpochRecord> diverged;
    for (int e = 1; e <= 10; ++e)
        diverged.append(EpochRecord{e, 0.2 * std::pow(1.2, e), 0.5 * std::pow(1.2457, e - 1), 10.0});
    QVERIFY(std::abs(diverged.back().validationLoss - 3.6) < 0.05);
    diverged.append(EpochRecord{11, 4.0e4, 5.0e4, 10.0});
    diverged.append(EpochRecord{12, 1.9e7, 2.0e7, 10.0});
    for (const EpochRecord &r : diverged) {
        view.appendEpochs(1, {r});
        QTest::qWait(5);
    }
    view.setLive(false);
    QTest::qWait(50);

    // The retry streams 200 epochs without validation losses, so that the only vermillion on the plot is
    // the ghost's.
    view.beginRun(2, QStringLiteral("η = 1"));
    view.setLive(true);
    for (int first = 1; first <= 200; first += 20) {
        QList<EpochRecord> batch = smoothRun(first, 20, 1);
        for (EpochRecord &r : batch)
            r.validationLoss = std::numeric_limits<double>::quiet_NaN();
        view.appendEpochs(2, batch);
        QTest::qWait(40);
    }
    view.setLive(false);
    QTRY_COMPARE(view.currentEpochCount(), 200);
    QTRY_COMPARE(view.displayedPointCount(), 2 * 12 + 200);
    QTest::qWait(100);

    // Vermillion-ish pixels (faded or not): red well above blue, and above green.
    const QImage image = view.plotWidget()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    int left = image.width();
    int right = -1;
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() - c.blue() > 30 && c.red() > c.green() + 10) {
                left = std::min(left, x);
                right = std::max(right, x);
                ++count;
            }
        }
    }
    keepSnapshot(kSnapshotVariable, image, QStringLiteral("ghost-after-retry"));
    // The ghost's validation curve is visible from epoch 1 until it leaves the plot at the top
    // (about epoch 4 of 200, where it passes the current run's range).
    QVERIFY2(count > 10, qPrintable(QStringLiteral("ghost pixels: %1").arg(count)));
    QVERIFY2(right - left < image.width() / 25,
             qPrintable(QStringLiteral("the ghost spans x %1 to %2 of %3").arg(left).arg(right).arg(image.width())));
}

void LossChartTest::markersAreCounted()
{
    LossChartView view;
    view.beginRun(1, QString());
    view.appendEpochs(1, smoothRun(1, 30, 1));
    view.markLearningRateChange(1, 10, 0.05);
    view.markLearningRateChange(1, 20, 0.01);
    QCOMPARE(view.markerCount(), 2);
    view.markLearningRateChange(1, 20, 0.02);  // same epoch: replaces
    QCOMPARE(view.markerCount(), 2);
    view.markLearningRateChange(7, 25, 0.5);   // not the current run
    QCOMPARE(view.markerCount(), 2);
    view.beginRun(2, QString());               // markers belong to their run
    QCOMPARE(view.markerCount(), 0);
    view.markLearningRateChange(2, 5, 0.1);
    QCOMPARE(view.markerCount(), 1);
}

// Labels sit at the top of the plot, right of their line; η = 0.005 at epoch 126 would overlap
// η = 0.01 at 120 (six epochs are a few pixels), so it goes a row lower, and a label near the right
// edge goes left of its line.
void LossChartTest::markerLabelsTakeAnotherRowWhereTheyWouldOverlap()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));   // "η = 0.02"
    LossChartView view;
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QString());
    view.appendEpochs(1, smoothRun(1, 200, 1));
    view.markLearningRateChange(1, 60, 0.02);
    view.markLearningRateChange(1, 120, 0.01);
    view.markLearningRateChange(1, 126, 0.005);
    view.markLearningRateChange(1, 199, 0.001);
    QTRY_COMPARE(view.currentDisplayedPointCount(), 400);
    QTest::qWait(50);

    QChart *chart = view.findChild<QChartView *>()->chart();
    std::map<QString, QGraphicsRectItem *> boxes;   // by their text
    for (QGraphicsItem *item : chart->childItems()) {
        auto *box = qgraphicsitem_cast<QGraphicsRectItem *>(item);
        if (box && box->zValue() == 1000 && box->childItems().size() == 1) {
            if (auto *text = qgraphicsitem_cast<QGraphicsSimpleTextItem *>(box->childItems().front()))
                boxes[text->text()] = box;
        }
    }
    QCOMPARE(int(boxes.size()), 4);
    for (const auto &[text, box] : boxes)
        QVERIFY2(box->isVisible(), qPrintable(text));
    const QRectF plot = chart->plotArea();
    auto xOf = [chart](int epoch) { return chart->mapToPosition(QPointF(epoch, 0)).x(); };
    QGraphicsRectItem *at60 = boxes.at(QStringLiteral("η = 0.02"));
    QGraphicsRectItem *at120 = boxes.at(QStringLiteral("η = 0.01"));
    QGraphicsRectItem *at126 = boxes.at(QStringLiteral("η = 0.005"));
    QGraphicsRectItem *at199 = boxes.at(QStringLiteral("η = 0.001"));
    const double row = at60->rect().height() + 2;
    QCOMPARE(at60->pos(), QPointF(xOf(60) + 4, plot.top() + 4));
    QCOMPARE(at120->pos(), QPointF(xOf(120) + 4, plot.top() + 4));
    QCOMPARE(at126->pos(), QPointF(xOf(126) + 4, plot.top() + 4 + row));
    // Near the right edge: left of its line, where the first row has room.
    QCOMPARE(at199->pos(), QPointF(xOf(199) - 4 - at199->rect().width(), plot.top() + 4));
    QLocale::setDefault(QLocale::system());
}

void LossChartTest::clearRemovesEverything()
{
    LossChartView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QString());
    view.appendEpochs(1, smoothRun(1, 50, 1));
    view.beginRun(2, QString());
    view.appendEpochs(2, smoothRun(1, 40, 1));
    view.setOptimum(2, 0.3);
    view.markLearningRateChange(2, 20, 0.01);
    QTRY_COMPARE(view.displayedPointCount(), 2 * 50 + 2 * 40);

    view.clear();
    QCOMPARE(view.ghostCount(), 0);
    QCOMPARE(view.markerCount(), 0);
    QCOMPARE(view.currentEpochCount(), 0);
    QCOMPARE(view.currentRunId(), -1);
    QCOMPARE(view.displayedPointCount(), 0);
    view.appendEpochs(2, smoothRun(41, 5, 1));  // the cleared run's late results
    QCOMPARE(view.currentEpochCount(), 0);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.csv"));
    QVERIFY(view.exportCsv(path, nullptr));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("run,label,epoch,train_loss,val_loss,learning_rate\n"));
}

void LossChartTest::nonFinitePointsAreSkipped()
{
    LossChartView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QString());
    QList<EpochRecord> records = smoothRun(1, 10, 1);
    records[3].trainLoss = std::numeric_limits<double>::quiet_NaN();
    records[8].trainLoss = std::numeric_limits<double>::infinity();
    records[9].validationLoss = std::numeric_limits<double>::infinity();
    view.appendEpochs(1, records);
    QCOMPARE(view.currentEpochCount(), 10);
    QTRY_COMPARE(view.displayedPointCount(), 8 + 9);
    view.setLogScale(true);
    QCOMPARE(view.displayedPointCount(), 8 + 9);
}

void LossChartTest::hoverTextNamesTheNearestEpoch()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    LossChartView view;
    view.beginRun(1, QString());
    QCOMPARE(view.describeEpoch(1), QString());
    view.appendEpochs(1, {EpochRecord{10, 0.5, 0.6, 0.1}, EpochRecord{57, 0.43121, 0.442, 0.1},
                          EpochRecord{60, std::numeric_limits<double>::quiet_NaN(), 1234.5678, 0.1}});
    QCOMPARE(view.describeEpoch(57), QStringLiteral("epoch 57 · train 0.4312 · validation 0.4420"));
    QCOMPARE(view.describeEpoch(40), QStringLiteral("epoch 57 · train 0.4312 · validation 0.4420"));
    QCOMPARE(view.describeEpoch(33), QStringLiteral("epoch 10 · train 0.5000 · validation 0.6000"));
    QCOMPARE(view.describeEpoch(-5), QStringLiteral("epoch 10 · train 0.5000 · validation 0.6000"));
    QCOMPARE(view.describeEpoch(9999), QStringLiteral("epoch 60 · train — · validation 1,235"));
    QLocale::setDefault(QLocale::system());
}

void LossChartTest::millionEpochsDrawWithPlotWidthPoints()
{
    LossChartView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QString());
    const int total = 1000000;
    const int batch = 5000;
    for (int first = 1; first <= total; first += batch) {
        QList<EpochRecord> records;
        records.reserve(batch);
        for (int e = first; e < first + batch; ++e) {
            const double train = 1.0 / (1.0 + 1e-4 * e) + 0.01 * std::sin(e * 0.01);
            records.append(EpochRecord{e, train, train + 0.05, 0.01});
        }
        view.appendEpochs(1, records);
    }
    QCOMPARE(view.currentEpochCount(), total);
    // Two curves (train, validation), each at most four points per pixel column of the plot.
    QTRY_VERIFY(view.displayedPointCount() > 0 && view.displayedPointCount() <= 2 * 4 * view.plotColumns());
    QVERIFY(view.plotColumns() > 300);
    QVERIFY(view.plotColumns() < view.width());
    keepSnapshot(kSnapshotVariable, rendered(view), QStringLiteral("million"));
}

void LossChartTest::logScaleWithZeroLossStillDrawsTheCurve()
{
    LossChartView view;
    view.resize(900, 560);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &LossChartView::logScaleChanged);
    view.beginRun(1, QString());
    QList<EpochRecord> records = smoothRun(1, 200, 1);
    for (EpochRecord &r : records) {
        if (r.epoch >= 100)
            r.trainLoss = 0;  // a perfect fit
    }
    view.appendEpochs(1, records);
    QTRY_COMPARE(view.displayedPointCount(), 400);

    view.logScaleAction()->trigger();
    QVERIFY(view.logScale());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.front().front().toBool(), true);
    view.setLogScale(true);  // no change, no signal
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view.displayedPointCount(), 400);
    // The train curve is really drawn: QLogValueAxis would hide it whole over one zero.
    const QImage logImage = rendered(view);
    QVERIFY(pixelsNear(logImage, kTrainBlue) > 1200);
    keepSnapshot(kSnapshotVariable, logImage, QStringLiteral("log"));
    QTest::qWait(100);
    keepSnapshot(kSnapshotVariable, view.grab().toImage(), QStringLiteral("loggrab"));

    view.setLogScale(false);
    QVERIFY(!view.logScaleAction()->isChecked());
    QCOMPARE(spy.count(), 2);
    QVERIFY(pixelsNear(rendered(view), kTrainBlue) > 1200);
}

void LossChartTest::exportPngWritesAnImage()
{
    QTemporaryDir dir;
    LossChartView view;
    view.resize(700, 450);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QString());
    view.appendEpochs(1, smoothRun(1, 120, 1));
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(view.exportPng(path, &error), qPrintable(error));  // no wait: the export redraws first
    QVERIFY(QFileInfo(path).size() > 0);
    const QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= view.width());
    QVERIFY(pixelsNear(image, kTrainBlue) > 600);

    LossChartView hidden;  // never shown: still a full-size picture
    hidden.beginRun(1, QString());
    hidden.appendEpochs(1, smoothRun(1, 120, 1));
    const QString hiddenPath = dir.filePath(QStringLiteral("hidden.png"));
    QVERIFY2(hidden.exportPng(hiddenPath, &error), qPrintable(error));
    const QImage hiddenImage(hiddenPath);
    QVERIFY(hiddenImage.width() >= 800);
    QVERIFY(pixelsNear(hiddenImage, kTrainBlue) > 600);

    const QString bad = dir.filePath(QStringLiteral("missing/chart.png"));
    error.clear();
    QVERIFY(!view.exportPng(bad, &error));
    QVERIFY(error.contains(QStringLiteral("chart.png")));
    QVERIFY(!QFileInfo::exists(bad));
}

void LossChartTest::exportSvgWritesSvg()
{
    QTemporaryDir dir;
    LossChartView view;
    view.resize(700, 450);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QString());
    view.appendEpochs(1, smoothRun(1, 80, 1));
    view.setOptimum(1, 0.3);
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    QString error;
    QVERIFY2(view.exportSvg(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("<path") || svg.contains("<polyline"));

    error.clear();
    QVERIFY(!view.exportSvg(dir.filePath(QStringLiteral("missing/chart.svg")), &error));
    QVERIFY(error.contains(QStringLiteral("chart.svg")));
}

void LossChartTest::exportCsvHasEveryEpochOfEveryRun()
{
    LossChartView view;
    const QString ghostLabel = QStringLiteral("α = 0.5, β = \"0.5\"");  // needs quoting
    const QString currentLabel = QStringLiteral("融合 α = 0.7");
    Random random(3);
    QList<EpochRecord> ghostRecords;
    for (int e = 1; e <= 3000; ++e)  // long enough to be decimated on screen, never in the file
        ghostRecords.append(EpochRecord{e, random.uniform() / 3.0, std::exp(random.normal()), 0.1 / 3.0});
    QList<EpochRecord> currentRecords;
    for (int e = 1; e <= 700; ++e)
        currentRecords.append(EpochRecord{e, random.uniform() * 1e-9, random.uniform() * 1e6, 1.0 / 7.0});
    currentRecords[10].trainLoss = std::numeric_limits<double>::quiet_NaN();
    currentRecords[11].validationLoss = std::numeric_limits<double>::infinity();

    view.beginRun(4, ghostLabel);
    view.appendEpochs(4, ghostRecords);
    view.beginRun(5, currentLabel);
    view.appendEpochs(5, currentRecords);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("losses.csv"));
    QString error;
    QVERIFY2(view.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.back(), QByteArray());
    lines.removeLast();
    QCOMPARE(lines.front(), QByteArray("run,label,epoch,train_loss,val_loss,learning_rate"));
    QCOMPARE(lines.size(), 1 + ghostRecords.size() + currentRecords.size());

    const QByteArray ghostPrefix = "4,\"α = 0.5, β = \"\"0.5\"\"\",";
    const QByteArray currentPrefix = QByteArray("5,") + currentLabel.toUtf8() + ',';
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const bool ghost = i <= ghostRecords.size();
        const QByteArray &prefix = ghost ? ghostPrefix : currentPrefix;
        const EpochRecord &expected = ghost ? ghostRecords[i - 1] : currentRecords[i - 1 - ghostRecords.size()];
        QVERIFY2(lines[i].startsWith(prefix), lines[i].constData());
        const QList<QByteArray> fields = lines[i].mid(prefix.size()).split(',');
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields[0].toInt(), expected.epoch);
        const double values[3] = {expected.trainLoss, expected.validationLoss, expected.learningRate};
        for (int k = 0; k < 3; ++k) {
            bool ok = false;
            const double parsed = QString::fromLatin1(fields[k + 1]).toDouble(&ok);
            if (std::isnan(values[k])) {
                QCOMPARE(fields[k + 1], QByteArray("nan"));
            } else if (std::isinf(values[k])) {
                QCOMPARE(fields[k + 1], QByteArray("inf"));
            } else {
                QVERIFY(ok);
                QVERIFY2(closeRelative(parsed, values[k], 1e-12), lines[i].constData());
            }
        }
    }
}

void LossChartTest::snapshotShowsCurvesMarkersAndOptimum()
{
    LossChartView view;
    view.resize(1000, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QStringLiteral("α = 0.5 · β = 0.5"));
    view.appendEpochs(1, smoothRun(1, 240, 1.15));
    view.beginRun(2, QStringLiteral("α = 0.7 · β = 0.3"));
    view.setOptimum(2, 0.3);
    QList<EpochRecord> records = smoothRun(1, 180, 1);
    for (EpochRecord &r : records) {
        if (r.epoch >= 60)
            r.learningRate = 0.02;
        if (r.epoch >= 120)
            r.learningRate = 0.01;
    }
    view.appendEpochs(2, records);
    view.markLearningRateChange(2, 60, 0.02);
    view.markLearningRateChange(2, 120, 0.01);
    view.markLearningRateChange(2, 126, 0.005);
    QTRY_COMPARE(view.displayedPointCount(), 2 * 240 + 2 * 180);

    const QImage image = rendered(view);
    QVERIFY(pixelsNear(image, kTrainBlue) > 1200);
    QVERIFY(pixelsNear(image, kValidationVermillion) > 600);
    QVERIFY(pixelsNear(image, QColor(204, 121, 167)) > 300);  // the markers
    QTest::qWait(50);  // let the widget lay itself out before grabbing it as it is on screen
    keepSnapshot(kSnapshotVariable, view.grab().toImage(), QString());
}

// A stream of big batches is stored a slice per event-loop pass; any read (here the epoch count)
// first stores what is pending, also after a slice has half-consumed a batch, and nothing is lost or
// stored twice.
void LossChartTest::largeBatchesAreStoredInSlices()
{
    LossChartView view;
    view.beginRun(1, QString());
    view.appendEpochs(1, smoothRun(1, 1, 1.0));          // a run's first epoch is stored at once
    QCOMPARE(view.currentEpochCount(), 1);
    view.appendEpochs(1, smoothRun(2, 20000, 1.0));
    view.appendEpochs(1, smoothRun(20002, 15000, 1.0));
    QCoreApplication::processEvents();                      // one slice or more of the first batch
    QCOMPARE(view.currentEpochCount(), 35001);             // the rest on demand
    view.appendEpochs(1, smoothRun(35002, 30000, 1.0));
    QTRY_COMPARE(view.currentEpochs().size(), 65001);
    const QList<EpochRecord> stored = view.currentEpochs();
    for (int k = 0; k < stored.size(); ++k)
        QCOMPARE(stored[k].epoch, k + 1);
    // Batches of a superseded run do not leak into the next one.
    view.appendEpochs(1, smoothRun(65002, 20000, 1.0));
    view.beginRun(2, QString());
    QCOMPARE(view.currentEpochCount(), 0);
    QCOMPARE(view.ghostCount(), 1);
    view.appendEpochs(2, smoothRun(1, 10, 1.0));
    QTRY_COMPARE(view.currentEpochCount(), 10);
}

// Slices of three from batches of five and two: (0, 3) of the first batch, then (3, 5) of it and (0, 1)
// of the second in the next pass, then (1, 2).
void LossChartTest::batchesAreTakenASliceAPass()
{
    struct Take
    {
        int batchFirst;
        qsizetype begin;
        qsizetype end;
        bool operator==(const Take &) const = default;
    };
    std::vector<Take> takes;
    QList<int> stored;
    int passes = 0;
    SlicedBatches<int> batches(
        3, QStringLiteral("testSlices"),
        [&](const QList<int> &batch, qsizetype begin, qsizetype end) {
            takes.push_back(Take{batch.front(), begin, end});
            stored += batch.mid(begin, end - begin);
        },
        [&] { ++passes; });
    batches.append({1, 2, 3, 4, 5});
    batches.append({6, 7});
    QVERIFY(stored.isEmpty());   // never inside the caller
    QVERIFY(!batches.isEmpty());
    QTRY_COMPARE(stored.size(), 7);
    QCOMPARE(stored, (QList<int>{1, 2, 3, 4, 5, 6, 7}));
    QVERIFY(takes == (std::vector<Take>{{1, 0, 3}, {1, 3, 5}, {6, 0, 1}, {6, 1, 2}}));
    QCOMPARE(passes, 3);
    QVERIFY(batches.isEmpty());

    // takeAll() stores everything at once; clear() drops what is queued.
    batches.append({8, 9, 10, 11});
    batches.takeAll();
    QCOMPARE(stored.size(), 11);
    QCOMPARE(takes.back(), (Take{8, 0, 4}));
    batches.append({12, 13});
    batches.clear();
    QVERIFY(batches.isEmpty());
    QTest::qWait(20);
    QCOMPARE(stored.size(), 11);
}

// Ticks sit on multiples of the interval from 0 and the axis starts at epoch 1: the interval must
// leave two labels or more, also on a narrow chart.
void LossChartTest::epochAxisShowsAtLeastTwoLabels()
{
    QCOMPARE(epochTickInterval(30, 2), 10.0);     // niceStep(15) = 20 would show "20" alone
    QCOMPARE(epochTickInterval(10, 2), 5.0);      // 5 and 10
    QCOMPARE(epochTickInterval(3, 2), 1.0);       // never below one epoch
    QCOMPARE(epochTickInterval(200, 5), 50.0);    // room for five: 50 … 200
    QCOMPARE(epochTickInterval(150, 2), 50.0);    // niceStep(75) = 100 leaves "100" alone
    for (double end : {10.0, 15.0, 20.0, 30.0, 50.0, 70.0, 150.0, 300.0, 700.0, 1500.0, 7e5}) {
        for (int labels = 1; labels <= 8; ++labels) {
            const double step = epochTickInterval(end, labels);
            QVERIFY2(std::floor(end / step) >= 2, qPrintable(QStringLiteral("end %1, %2 labels: step %3").arg(end).arg(labels).arg(step)));
        }
    }
    // The axis itself, 120 pixels wide: two labels or more from 1 to 30.
    QValueAxis axis;
    setEpochAxisRange(&axis, 30, 120);
    QCOMPARE(axis.min(), 1.0);
    QCOMPARE(axis.max(), 30.0);
    QVERIFY(std::floor(30 / axis.tickInterval()) >= 2);
}

// A loss that changes only in its 17th digit (test_stress found one: a tiny η on a converged run). Qt
// Charts adds the tick interval to the first tick until the range ends; an interval below the values'
// rounding step never ends, and the window hung with 24 GB. The range is now padded as for a flat curve,
// and setAxisRange widens any interval that would ask for too many ticks.
void LossChartTest::flatCurvesGetTicksThatEnd()
{
    const auto ticksEnd = [](double low, double high, double step) {
        return step > 0 && low + step > low && high + step > high && (high - low) / step <= 1000;
    };
    for (double v : {0.5, 1e-6, 3e7, -2.0, 1e300}) {
        Extent extent;
        extent.add(v);
        extent.add(std::nextafter(v, 2 * std::abs(v) + 1));
        const LinearAxisRange range = linearAxisRange(extent, 6);
        QVERIFY2(ticksEnd(range.low, range.high, range.step) || range.step == 0,
                 qPrintable(QStringLiteral("v %1: [%2, %3] step %4").arg(v).arg(range.low).arg(range.high).arg(range.step)));
        QVERIFY(range.low <= extent.low && range.high >= extent.high);
    }
    QValueAxis axis;
    axis.setTickType(QValueAxis::TicksDynamic);
    setAxisRange(&axis, 0.5, 0.5 + 1e-16, 1e-18);         // below the rounding step of 0.5
    QVERIFY(ticksEnd(axis.min(), axis.max(), axis.tickInterval()));
    setAxisRange(&axis, 0, 1e6, 1e-3);                     // a billion ticks
    QVERIFY(ticksEnd(axis.min(), axis.max(), axis.tickInterval()));
    setAxisRange(&axis, 0, 1, 0.2);                        // an ordinary axis is left as asked
    QCOMPARE(axis.tickInterval(), 0.2);

    // The chart itself, with such a run: it draws, and its axis has ticks that end.
    LossChartView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.beginRun(1, QString());
    QList<EpochRecord> records = smoothRun(1, 40, 1);
    for (int i = 0; i < records.size(); ++i) {
        records[i].trainLoss = i % 2 ? std::nextafter(0.5, 1.0) : 0.5;   // one rounding step apart
        records[i].validationLoss = 0.5;
    }
    view.appendEpochs(1, records);
    QTRY_VERIFY(view.displayedPointCount() > 0);
    QTest::qWait(300);
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    keepSnapshot(kSnapshotVariable, image, QStringLiteral("flat"));

    // Losses at the edge of double are drawn on plain ticks; the next run's dynamic ticks must not be
    // laid out over that range with the interval kept from before it.
    view.clear();
    view.beginRun(2, QString());
    QList<EpochRecord> huge = smoothRun(2, 5, 1);
    for (EpochRecord &r : huge)
        r.trainLoss = r.validationLoss = 1.7e308;
    view.appendEpochs(2, huge);
    QTRY_VERIFY(view.displayedPointCount() > 0);
    QTest::qWait(100);
    view.clear();
    view.beginRun(3, QString());
    view.appendEpochs(3, smoothRun(3, 10, 1));
    QTRY_VERIFY(view.displayedPointCount() > 0);
    QTest::qWait(100);
    QVERIFY(!view.grab().toImage().isNull());
}

// An axis showing [0, 1] stays for [0.2, 0.9] (it holds them, and 1 < 2 · 0.7) and for [0, 1] itself; not
// for [0.45, 0.95] (exactly twice as tall), [0.2, 0.6] (1 ≥ 0.8), [−0.1, 0.5] or [0.5, 1.1] (not held).
void LossChartTest::axisRangesStayWhileTheyStillFit()
{
    QVERIFY(axisRangeStillFits(0, 1, 0.2, 0.9));
    QVERIFY(!axisRangeStillFits(0, 1, 0.45, 0.95));
    QVERIFY(!axisRangeStillFits(0, 1, 0.2, 0.6));
    QVERIFY(!axisRangeStillFits(0, 1, -0.1, 0.5));
    QVERIFY(!axisRangeStillFits(0, 1, 0.5, 1.1));
    QVERIFY(axisRangeStillFits(0, 1, 0, 1));
}

// A diverging run spans 10⁻¹ to 10⁸: every label in powers of ten, not "1e+08" above "100,000".
void LossChartTest::logAxisUsesOneNotation()
{
    QLogValueAxis axis;
    Extent extent;
    extent.add(0.3);
    extent.add(1.4e7);
    AxisRange range = setLogAxisRange(&axis, extent);
    QCOMPARE(range.low, 0.1);
    QCOMPARE(range.high, 1e8);
    QCOMPARE(axis.labelFormat(), QStringLiteral("%.0e"));
    Extent small;
    small.add(0.3);
    small.add(7);
    range = setLogAxisRange(&axis, small);
    QCOMPARE(range.high, 10.0);
    QCOMPARE(axis.labelFormat(), QStringLiteral("%.6g"));
}

// "损失" on the loss axis was drawn as "⋮": the title font (DejaVu Sans) has no Chinese glyphs, Qt Charts
// measured it with that font's metrics and drew it with a fallback's. The title now gets a font whose
// own face has every glyph (QFontMetrics counts the fallbacks' glyphs too and cannot tell).
void LossChartTest::chineseTitlesGetAFontWithTheirGlyphs()
{
    if (QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty())
        QSKIP("no Chinese font on this machine (the install step adds fonts-noto-cjk)");
    const QFont base = QGuiApplication::font();
    const QString title = QStringLiteral("损失");
    const QFont chosen = fontCovering(base, title);
    const QRawFont raw = QRawFont::fromFont(chosen);
    for (const char32_t c : title.toUcs4())
        QVERIFY(raw.supportsCharacter(c));
    QCOMPARE(chosen.pointSizeF(), base.pointSizeF());
    // A Latin title keeps the application's font.
    QCOMPARE(fontCovering(base, QStringLiteral("loss")), base);
    QValueAxis axis;
    setAxisTitle(&axis, title);
    QVERIFY(QRawFont::fromFont(axis.titleFont()).supportsCharacter(U'损'));
    setAxisTitle(&axis, QStringLiteral("loss"));   // back to English: back to the application's family
    QCOMPARE(axis.titleFont().family(), base.family());
}

QTEST_MAIN(LossChartTest)
#include "test_losschart.moc"
