#pragma once

// Axis arithmetic shared by the charts.

#include <algorithm>
#include <cmath>
#include <limits>

namespace fl {

// The smallest of 1, 2, 5 · 10ᵏ that is ≥ raw: a tick interval.
inline double niceStep(double raw)
{
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * power >= raw * (1 - 1e-12))
            return m * power;
    }
    return 10 * power;
}

// The tick interval of an epoch axis running from 1 to end with room for maxLabels labels: a nice
// step (niceStep), whole epochs, and smaller when it would leave fewer than two labels on the axis
// (ticks sit on multiples of the step: end = 30 with a step of 20 would show "20" alone).
inline double epochTickInterval(double end, int maxLabels)
{
    double step = std::max(1.0, niceStep(end / std::max(1, maxLabels)));
    while (step > 1 && std::floor(end / step + 1e-9) < 2) {
        const double power = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
        const double mantissa = step / power;
        step = std::max(1.0, mantissa > 4 ? 2 * power : mantissa > 1.5 ? power : power / 2);
    }
    return step;
}

// The smallest m·10ᵏ ≥ v with m from a ladder (1, 1.5, 2, 3, 5, 7), at least 10: the epoch axes of the
// loss and metrics charts grow in these steps, so their labels do not change 30 times a second (each
// change re-lays out every label and re-maps every curve: six a decade rather than ten, and the curve
// still fills two thirds of the width or more), the decimation of all but the newest column can be
// reused, and the two charts side by side show the same epochs at the same places.
inline double niceAxisEnd(double v)
{
    if (v <= 10)
        return 10;
    const double power = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0}) {
        const double end = std::round(m * power);
        if (end >= v)
            return end;
    }
    return std::round(10 * power);
}

// The range of the values added; invalid (low > high) while empty.
struct Extent
{
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();

    void add(double v)
    {
        low = std::min(low, v);
        high = std::max(high, v);
    }
    void add(const Extent &other)
    {
        low = std::min(low, other.low);
        high = std::max(high, other.high);
    }
    bool valid() const { return low <= high; }
};

// Whether a y axis showing [shownLow, shownHigh] may stay for values that need [low, high]: it holds
// them and is less than twice as tall. With this hysteresis a curve creeping up or down re-labels the
// axis a few times rather than on every frame.
inline bool axisRangeStillFits(double shownLow, double shownHigh, double low, double high)
{
    return shownLow <= low && shownHigh >= high && shownHigh - shownLow < 2 * (high - low);
}

// Sets a value axis' (QValueAxis') range and tick interval in the order that never asks for more ticks
// than either state does. Nothing is set when nothing changes: every setter makes Qt Charts rebuild the
// axis labels (rich-text items), which cost more than a whole frame of curves.
//
// Qt Charts lays dynamic ticks out by adding the interval to the first tick until it passes the range:
// an interval below the values' rounding step never gets there, and a tiny one over a wide range asks
// for millions of ticks (either one hung the window with 24 GB in test_stress). Such an interval is
// widened to a tenth of the range, or to a billionth of the values' magnitude.
template <typename ValueAxis>
void setAxisRange(ValueAxis *axis, double low, double high, double tickInterval)
{
    const double magnitude = std::max(std::abs(low), std::abs(high));
    if (!(tickInterval > 1e-9 * magnitude) || !((high - low) / tickInterval <= 1000))
        tickInterval = std::max((high - low) / 10, std::max(1e-9 * magnitude, 1e-300));
    if (axis->min() == low && axis->max() == high && axis->tickInterval() == tickInterval)
        return;
    if (tickInterval > axis->tickInterval()) {
        axis->setTickInterval(tickInterval);
        axis->setRange(low, high);
    } else {
        axis->setRange(low, high);
        axis->setTickInterval(tickInterval);
    }
}

} // namespace fl
