// The charts' axes (ChartScales, ChartAxes): an epoch axis with two labels or more, a range kept while it
// still fits, the metric axis within 0 and 1, one notation on a log axis, and axis titles in a font with
// their glyphs.

#include "ui/ChartAxes.h"
#include "ui/ChartScales.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QLogValueAxis>
#include <QRawFont>
#include <QTest>
#include <QValueAxis>

#include <cmath>
#include <initializer_list>

using namespace fl;

class ChartAxesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void epochAxisShowsAtLeastTwoLabels();
    void axisRangesStayWhileTheyStillFit();
    void metricAxisEndsOnTicksWithinZeroAndOne();
    void logAxisUsesOneNotation();
    void chineseTitlesGetAFontWithTheirGlyphs();
};

// Ticks sit on multiples of the interval from 0 and the axis starts at epoch 1: the interval must
// leave two labels or more, also on a narrow chart.
void ChartAxesTest::epochAxisShowsAtLeastTwoLabels()
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

// An axis showing [0, 1] stays for [0.2, 0.9] (it holds them, and 1 < 2 · 0.7) and for [0, 1] itself; not
// for [0.45, 0.95] (exactly twice as tall), [0.2, 0.6] (1 ≥ 0.8), [−0.1, 0.5] or [0.5, 1.1] (not held).
void ChartAxesTest::axisRangesStayWhileTheyStillFit()
{
    QVERIFY(axisRangeStillFits(0, 1, 0.2, 0.9));
    QVERIFY(!axisRangeStillFits(0, 1, 0.45, 0.95));
    QVERIFY(!axisRangeStillFits(0, 1, 0.2, 0.6));
    QVERIFY(!axisRangeStillFits(0, 1, -0.1, 0.5));
    QVERIFY(!axisRangeStillFits(0, 1, 0.5, 1.1));
    QVERIFY(axisRangeStillFits(0, 1, 0, 1));
}

// Worked by hand for six labels: [0.05, 0.12] starts at 0 (0.05 < 0.6 · 0.12), pads to 0.126 and takes
// steps of niceStep(0.021) = 0.05 up to 0.15; [0.8, 0.9] keeps clear of 0: 0.795 to 0.905 in steps of
// niceStep(0.01833) = 0.02 is 0.78 to 0.92; [0.95, 1] would end at 1.01 and stops at 1; no values: 0 to
// 1 by 0.2; one value, 0.3: 0 to 0.375, padded to 0.39375, by 0.1 up to 0.4.
void ChartAxesTest::metricAxisEndsOnTicksWithinZeroAndOne()
{
    auto extentOf = [](std::initializer_list<double> values) {
        Extent extent;
        for (double v : values)
            extent.add(v);
        return extent;
    };
    struct Expected
    {
        Extent extent;
        double low, high, step;
        int decimals;
    };
    const Expected cases[] = {
        {extentOf({0.05, 0.12}), 0, 0.15, 0.05, 2},
        {extentOf({0.8, 0.9}), 0.78, 0.92, 0.02, 2},
        {extentOf({0.95, 1.0}), 0.94, 1, 0.01, 2},
        {Extent(), 0, 1, 0.2, 1},
        {extentOf({0.3}), 0, 0.4, 0.1, 1},
    };
    for (const Expected &expected : cases) {
        const MetricAxisRange range = metricAxisRange(expected.extent, 6);
        const QString what = QStringLiteral("[%1, %2]").arg(expected.extent.low).arg(expected.extent.high);
        QVERIFY2(std::abs(range.low - expected.low) < 1e-12, qPrintable(what + QStringLiteral(" low %1").arg(range.low)));
        QVERIFY2(std::abs(range.high - expected.high) < 1e-12, qPrintable(what + QStringLiteral(" high %1").arg(range.high)));
        QVERIFY2(std::abs(range.step - expected.step) < 1e-15, qPrintable(what + QStringLiteral(" step %1").arg(range.step)));
        QCOMPARE(range.decimals, expected.decimals);
    }
}

// A diverging run spans 10⁻¹ to 10⁸: every label in powers of ten, not "1e+08" above "100,000".
void ChartAxesTest::logAxisUsesOneNotation()
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
void ChartAxesTest::chineseTitlesGetAFontWithTheirGlyphs()
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

QTEST_MAIN(ChartAxesTest)
#include "test_chartaxes.moc"
