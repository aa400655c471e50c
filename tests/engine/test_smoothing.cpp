// The debiased exponential moving average of the Runs page's curves: against values worked out by hand,
// the debiasing (a constant stays constant), non-finite values, and an independent formula.

#include "engine/core/Smoothing.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace fl;

namespace {

bool near(double a, double b, double tolerance = 1e-12)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

} // namespace

class TestSmoothing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputed()
    {
        // w = 0.6 on 1, 2, 3:
        // n = 1: last = 0.4·1 = 0.4,            0.4 / (1 − 0.6)    = 1
        // n = 2: last = 0.6·0.4 + 0.4·2 = 1.04,  1.04 / (1 − 0.36)  = 13/8
        // n = 3: last = 0.6·1.04 + 0.4·3 = 1.824, 1.824 / (1 − 0.216) = 114/49
        const std::vector<double> out = smoothDebiasedEma({1, 2, 3}, 0.6);
        QCOMPARE(out.size(), size_t(3));
        QVERIFY(near(out[0], 1.0));
        QVERIFY(near(out[1], 13.0 / 8.0));
        QVERIFY(near(out[2], 114.0 / 49.0));
    }

    void zeroWeightReturnsInput()
    {
        const std::vector<double> in{3, -1, 7.5, std::numeric_limits<double>::quiet_NaN(), 2};
        const std::vector<double> out = smoothDebiasedEma(in, 0);
        QCOMPARE(out.size(), in.size());
        for (size_t i = 0; i < in.size(); ++i)
            QVERIFY(out[i] == in[i] || (std::isnan(out[i]) && std::isnan(in[i])));
    }

    void constantStaysConstant()
    {
        // Without the debiasing the first points would be 0.1·5, 0.19·5 …, pulled towards zero.
        for (double w : {0.1, 0.6, 0.9, 0.99}) {
            const std::vector<double> out = smoothDebiasedEma(std::vector<double>(200, 5.0), w);
            for (double v : out)
                QVERIFY2(near(v, 5.0, 1e-9), qPrintable(QStringLiteral("w = %1: %2").arg(w).arg(v)));
        }
    }

    void nonFinitePassThrough()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        // 1, NaN, ∞, 3 with w = 0.6: NaN and ∞ unchanged; 3 is the average's second value:
        // last = 0.6·0.4 + 0.4·3 = 1.44, 1.44 / (1 − 0.36) = 2.25.
        const std::vector<double> out = smoothDebiasedEma({1, nan, inf, 3}, 0.6);
        QVERIFY(near(out[0], 1.0));
        QVERIFY(std::isnan(out[1]));
        QVERIFY(std::isinf(out[2]) && out[2] > 0);
        QVERIFY(near(out[3], 2.25));
    }

    void matchesWeightedAverage()
    {
        // The debiased EMA is the average of the values so far with weights w^(n−i): an independent
        // formula for every point of a noisy curve.
        const double w = 0.8;
        std::vector<double> in;
        for (int i = 0; i < 50; ++i)
            in.push_back(std::sin(0.7 * i) + 0.01 * i * i);
        const std::vector<double> out = smoothDebiasedEma(in, w);
        for (size_t n = 0; n < in.size(); ++n) {
            double sum = 0, weights = 0;
            for (size_t i = 0; i <= n; ++i) {
                const double weight = std::pow(w, double(n - i));
                sum += weight * in[i];
                weights += weight;
            }
            QVERIFY2(near(out[n], sum / weights, 1e-10), qPrintable(QString::number(n)));
        }
    }

    void emptyAndOutOfRange()
    {
        QVERIFY(smoothDebiasedEma({}, 0.6).empty());
        const std::vector<double> out = smoothDebiasedEma({2, 4}, 1.0);  // counts as 0.999
        QVERIFY(std::isfinite(out[1]));
        // 0.999·0.002 + 0.001·4 over 1 − 0.999²: the weighted average (0.999·2 + 4) / 1.999
        QVERIFY(near(out[1], (0.999 * 2 + 4) / 1.999, 1e-9));
    }
};

QTEST_GUILESS_MAIN(TestSmoothing)
#include "test_smoothing.moc"
