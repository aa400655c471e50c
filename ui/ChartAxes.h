#pragma once

// The chart and axes the loss, metrics and run-comparison charts share: a plain QChart on the palette's
// base colour (white, or dark in a dark palette), an epoch axis, linear and logarithmic loss axes in one
// style, the y ranges they are given, and the chart style presenter mode changes (pen widths).

#include "ChartScales.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

#include <initializer_list>

class QAbstractAxis;
class QChart;
class QLabel;
class QLogValueAxis;
class QValueAxis;

namespace fl {

// Pen widths of every chart's curves and markers are multiplied by this (1; more in presenter mode).
double chartPenScale();
void setChartPenScale(double scale);

// Chart colours from a widget palette: the background (Base), text (Text), grid lines (a faint mix of
// the two) and a colour between them for secondary marks.
QColor chartBackground(const QPalette &palette);
QColor chartText(const QPalette &palette);
QColor chartGrid(const QPalette &palette);
QColor chartMix(const QPalette &palette, double textShare);

// Gives the chart and its axes the palette's colours (to be called again on QEvent::PaletteChange).
void applyChartPalette(QChart *chart, const QPalette &palette);

// After a palette, font or presenter-mode change: the palette's colours, every axis styled from base
// (styleAxes), and each series' pen width rescaled from *penScale (the scale it was drawn with, then
// updated) to chartPenScale().
void restyleChart(QChart *chart, const QFont &base, const QPalette &palette, double *penScale);

// No animation, localised numbers, square background in the application palette's base colour (plain, not the theme's gradient: simpler
// SVG), the charts' margins, and no built-in legend (each chart has its own LegendStrip).
QChart *newPlainChart();

// The x axis: whole epochs, ticks anchored at 0.
QValueAxis *newEpochAxis(const QString &title);

// The epoch axis from 1 to end, with as many whole-epoch labels as fit in plotWidth pixels (however
// long the numbers are in this locale), and at least two.
void setEpochAxisRange(QValueAxis *axis, double end, double plotWidth);

// The loss axes, linear ("%.4g") and base-10 logarithmic ("%.6g"), in their starting ranges.
struct LossAxes
{
    QValueAxis *linear = nullptr;
    QLogValueAxis *log = nullptr;
};
LossAxes newLossAxes();

// Tick labels at base's size 12, titles at 13 in bold, both in the palette's text colour on faint grid
// lines (the application palette when none is given).
void styleAxes(std::initializer_list<QAbstractAxis *> axes, const QFont &base);
void styleAxes(std::initializer_list<QAbstractAxis *> axes, const QFont &base, const QPalette &palette);

// A label on a chart's background (the palette's base colour) in the palette's text colour, or in its
// muted placeholder colour; both follow light and dark palettes, which a style sheet would not.
void makeChartLabel(QLabel *label, bool muted = false);
// Muted text (hints, counts) on the window's background.
void makeMutedLabel(QLabel *label);

// font, or, when it has no glyphs for some of text's characters (Chinese in a Latin font), the same size
// and weight in a family that has them all. Qt Charts measures an axis title in its font's own metrics;
// drawn with fallback glyphs a vertical title came out taller than measured and was elided to "…".
QFont fontCovering(const QFont &font, const QString &text);

// Sets an axis title, in a font that has every glyph of it (fontCovering of the axis' title font).
void setAxisTitle(QAbstractAxis *axis, const QString &title);

// How many labels fit on a y axis of the chart's plot area (2 to 8, a label every 2.5 label heights).
int maxYLabels(const QChart *chart, const QAbstractAxis *yAxis);

// Gives a log axis the whole decades around extent (0.01 to 1 when it is empty), with minor ticks up to
// four decades and one notation for its labels (written out, or powers of ten beyond 10⁻⁴ … 10⁶);
// returns the decades.
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

// A validation-metric axis for extent (metrics lie in [0, 1]; 0 to 1 when empty): from 0 unless the
// values keep well clear of it (the lowest above 60 % of the highest), to a tick above the highest
// value (never above 1 for values that are not), padded by 5 % and rounded out to a nice step for
// maxLabels labels, with as many decimals as the step needs (0 to 6). One value alone gets 0 to a
// quarter above it. step is 0 when no step fits (the axis is best left as it is).
struct MetricAxisRange : AxisRange
{
    double step = 0;
    int decimals = 0;
};
MetricAxisRange metricAxisRange(const Extent &extent, int maxLabels);

// Plain ticks for a range without a nice step (five fixed ticks, "%.4g").
void setPlainAxisRange(QValueAxis *axis, double low, double high);

} // namespace fl
