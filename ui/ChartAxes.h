#pragma once

// The chart and axes the loss, metrics and run-comparison charts share: a plain white QChart, an epoch
// axis, linear and logarithmic loss axes in one style, and the y ranges they are given.

#include "ChartScales.h"

#include <QFont>
#include <QString>

#include <initializer_list>

class QAbstractAxis;
class QChart;
class QLogValueAxis;
class QValueAxis;

namespace fl {

// No animation, localised numbers, square white background (plain, not the theme's gradient: simpler
// SVG), the charts' margins, and no built-in legend (each chart has its own LegendStrip).
QChart *newPlainChart();

// The x axis: whole epochs, ticks anchored at 0.
QValueAxis *newEpochAxis(const QString &title);

// The loss axes, linear ("%.4g") and base-10 logarithmic ("%.6g"), in their starting ranges.
struct LossAxes
{
    QValueAxis *linear = nullptr;
    QLogValueAxis *log = nullptr;
};
LossAxes newLossAxes();

// Tick labels at base's size 12, titles at 13 in bold, both dark grey on light grey grid lines.
void styleAxes(std::initializer_list<QAbstractAxis *> axes, const QFont &base);

// How many labels fit on a y axis of the chart's plot area (2 to 8, a label every 2.5 label heights).
int maxYLabels(const QChart *chart, const QAbstractAxis *yAxis);

// Gives a log axis the whole decades around extent (0.01 to 1 when it is empty), with minor ticks up to
// four decades; returns the decades.
struct AxisRange
{
    double low = 0;
    double high = 1;
};
AxisRange setLogAxisRange(QLogValueAxis *axis, const Extent &extent);

// A linear loss axis for extent (0 to 1 when empty): padded by 5 % (not below 0 for values ≥ 0) and
// rounded out to a nice step, with enough significant digits (2 to 12) that neighbouring tick labels
// differ and whole numbers below a billion written out. step is 0 for values near the limits of double:
// then low and high are the values themselves (high above low) for plain ticks.
struct LinearAxisRange
{
    double low = 0;
    double high = 1;
    double step = 0;
    int digits = 0;
};
LinearAxisRange linearAxisRange(const Extent &extent, int maxLabels);

// Plain ticks for a range without a nice step (five fixed ticks, "%.4g").
void setPlainAxisRange(QValueAxis *axis, double low, double high);

} // namespace fl
