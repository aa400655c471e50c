// Preparing runs' curves for the live charts: epoch batches taken a slice per pass of the event loop
// (SlicedBatches), min–max decimation (CurveDecimator: extremes and endpoints kept, at most four points
// per column, short curves untouched, incremental = from scratch, long curves from a summary), and
// clipping a curve to a band around the y axis (CurveClip).

#include "engine/core/Random.h"
#include "ui/ChartScales.h"
#include "ui/CurveClip.h"
#include "ui/CurveDecimator.h"
#include "ui/SlicedBatches.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <vector>

using namespace fl;

namespace {

// The column rule CurveDecimator documents.
int columnOf(double x, double xMin, double xMax, int columns)
{
    const double c = std::floor((x - xMin) / (xMax - xMin) * columns);
    return c < 0 ? 0 : c >= columns ? columns - 1 : int(c);
}

} // namespace

class CurvesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchesAreTakenASliceAPass();
    void decimationKeepsExtremesAndEndpoints();
    void decimationPassesShortInputThrough();
    void decimationOfDegenerateRanges();
    void incrementalDecimationMatchesFromScratch();
    void longCurvesAreDecimatedFromTheSummary();
    void clippingRunsAlongTheBandsEdge();
    void curvesAreClippedAgainWhenTheAxisMovesFar();
};

// Slices of three from batches of five and two: (0, 3) of the first batch, then (3, 5) of it and (0, 1)
// of the second in the next pass, then (1, 2).
void CurvesTest::batchesAreTakenASliceAPass()
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

void CurvesTest::decimationKeepsExtremesAndEndpoints()
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

void CurvesTest::decimationPassesShortInputThrough()
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

void CurvesTest::decimationOfDegenerateRanges()
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

void CurvesTest::incrementalDecimationMatchesFromScratch()
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

void CurvesTest::longCurvesAreDecimatedFromTheSummary()
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
void CurvesTest::clippingRunsAlongTheBandsEdge()
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
void CurvesTest::curvesAreClippedAgainWhenTheAxisMovesFar()
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

QTEST_MAIN(CurvesTest)
#include "test_curves.moc"
