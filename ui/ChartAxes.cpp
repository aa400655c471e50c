#include "ChartAxes.h"

#include "Fonts.h"

#include <QChart>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QLogValueAxis>
#include <QRawFont>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

double &penScaleValue()
{
    static double scale = 1.0;
    return scale;
}

} // namespace

double chartPenScale()
{
    return penScaleValue();
}

void setChartPenScale(double scale)
{
    penScaleValue() = scale > 0 ? scale : 1.0;
}

QColor chartBackground(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Base);
}

QColor chartText(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Text);
}

QColor chartMix(const QPalette &palette, double textShare)
{
    const QColor a = chartText(palette);
    const QColor b = chartBackground(palette);
    const double t = std::clamp(textShare, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() * t + b.redF() * (1 - t)), float(a.greenF() * t + b.greenF() * (1 - t)),
                            float(a.blueF() * t + b.blueF() * (1 - t)));
}

QColor chartGrid(const QPalette &palette)
{
    return chartMix(palette, 0.16);
}

void applyChartPalette(QChart *chart, const QPalette &palette)
{
    chart->setBackgroundBrush(chartBackground(palette));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(chartText(palette));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(chartText(palette));
        axis->setTitleBrush(chartText(palette));
        axis->setGridLineColor(chartGrid(palette));
        axis->setMinorGridLineColor(chartMix(palette, 0.08));
        axis->setLinePenColor(chartMix(palette, 0.5));
    }
}

void restyleChart(QChart *chart, const QFont &base, const QPalette &palette, double *penScale)
{
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes)
        styleAxes({axis}, base, palette);
    applyChartPalette(chart, palette);
    if (penScale && *penScale != chartPenScale() && *penScale > 0) {
        const double factor = chartPenScale() / *penScale;
        for (QAbstractSeries *series : chart->series()) {
            if (auto *xy = qobject_cast<QXYSeries *>(series)) {
                QPen pen = xy->pen();
                pen.setWidthF(pen.widthF() * factor);
                xy->setPen(pen);
            }
        }
        *penScale = chartPenScale();
    }
}

QChart *newPlainChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLocalizeNumbers(true);
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(chartBackground(QGuiApplication::palette()));
    chart->setMargins(QMargins(6, 6, 12, 6));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->hide();
    return chart;
}

QValueAxis *newEpochAxis(const QString &title)
{
    auto *axis = new QValueAxis;
    setAxisTitle(axis, title);
    // With localised numbers Qt Charts only understands formats with a precision ("%.Nx"); "%d" and
    // "%g" draw no labels at all.
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    return axis;
}

void setEpochAxisRange(QValueAxis *axis, double end, double plotWidth)
{
    const QFontMetricsF metrics(axis->labelsFont());
    const double labelWidth = metrics.horizontalAdvance(QLocale().toString(qint64(end))) + 3 * metrics.averageCharWidth();
    const int maxLabels = std::max(2, int(plotWidth / labelWidth));
    setAxisRange(axis, 1, end, epochTickInterval(end, maxLabels));
}

LossAxes newLossAxes()
{
    LossAxes axes;
    axes.linear = new QValueAxis;
    axes.linear->setTickType(QValueAxis::TicksDynamic);
    axes.linear->setTickAnchor(0);
    axes.linear->setLabelFormat(QStringLiteral("%.4g"));
    axes.log = new QLogValueAxis;
    axes.log->setBase(10);
    axes.log->setLabelFormat(QStringLiteral("%.6g"));
    return axes;
}

void styleAxes(std::initializer_list<QAbstractAxis *> axes, const QFont &base)
{
    styleAxes(axes, base, QGuiApplication::palette());
}

void styleAxes(std::initializer_list<QAbstractAxis *> axes, const QFont &base, const QPalette &palette)
{
    const QFont labelFont = sizedFont(base, 12);
    const QFont titleFont = sizedFont(base, 13, true);
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsFont(labelFont);
        axis->setTitleFont(fontCovering(titleFont, axis->titleText()));
        axis->setLabelsColor(chartText(palette));
        axis->setTitleBrush(chartText(palette));
        axis->setGridLineColor(chartGrid(palette));
        axis->setLinePenColor(chartMix(palette, 0.5));
    }
}

void makeChartLabel(QLabel *label, bool muted)
{
    label->setBackgroundRole(QPalette::Base);
    label->setForegroundRole(muted ? QPalette::PlaceholderText : QPalette::Text);
    label->setAutoFillBackground(true);
}

void makeMutedLabel(QLabel *label)
{
    label->setForegroundRole(QPalette::PlaceholderText);
}

QFont fontCovering(const QFont &font, const QString &text)
{
    // The font's own glyphs (QRawFont: its primary face), not QFontMetrics', which counts the fallback
    // fonts' glyphs too and so found Chinese "in" DejaVu Sans.
    auto covers = [&text](const QFont &f) {
        const QRawFont raw = QRawFont::fromFont(f);
        if (!raw.isValid())
            return true;
        for (const char32_t c : text.toUcs4()) {
            if (!QChar::isSpace(c) && !raw.supportsCharacter(c))
                return false;
        }
        return true;
    };
    if (covers(font))
        return font;
    QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    families += QFontDatabase::families(QFontDatabase::TraditionalChinese);
    for (const QString &family : std::as_const(families)) {
        QFont candidate = font;
        candidate.setFamilies({family});
        if (covers(candidate))
            return candidate;
    }
    return font;
}

void setAxisTitle(QAbstractAxis *axis, const QString &title)
{
    axis->setTitleText(title);
    // From the application's family again: a title that needed another family may be followed by one
    // that does not (a language switch).
    QFont font = axis->titleFont();
    font.setFamilies(QGuiApplication::font().families());
    font.setFamily(QGuiApplication::font().family());
    axis->setTitleFont(fontCovering(font, title));
}

int maxYLabels(const QChart *chart, const QAbstractAxis *yAxis)
{
    const double plotHeight = chart->plotArea().height() >= 16 ? chart->plotArea().height() : 300.0;
    const double labelHeight = QFontMetricsF(yAxis->labelsFont()).height();
    return std::clamp(int(plotHeight / (2.5 * labelHeight)), 2, 8);
}

AxisRange setLogAxisRange(QLogValueAxis *axis, const Extent &extent)
{
    AxisRange range;
    range.low = extent.valid() ? std::pow(10.0, std::floor(std::log10(extent.low))) : 0.01;
    range.high = extent.valid() ? std::pow(10.0, std::ceil(std::log10(extent.high))) : 1.0;
    if (!(range.high > range.low))
        range.high = range.low * 10;
    axis->setMinorTickCount(std::log10(range.high / range.low) <= 4 ? -1 : 0);
    // One notation on the whole axis: written out from 0.0001 to 1,000,000, powers of ten beyond
    // (not "1e+08" above "100,000").
    const QString format = range.low < 1e-4 || range.high > 1e6 ? QStringLiteral("%.0e") : QStringLiteral("%.6g");
    if (axis->labelFormat() != format)
        axis->setLabelFormat(format);
    // A hair wider: pow(10, k) can land just inside the range and lose its label.
    axis->setRange(range.low * (1 - 1e-9), range.high * (1 + 1e-9));
    return range;
}

LinearAxisRange linearAxisRange(const Extent &extent, int maxLabels)
{
    LinearAxisRange range;
    const double low = extent.valid() ? extent.low : 0.0;
    const double high = extent.valid() ? extent.high : 1.0;
    const double span = high - low;
    // A curve flat to within rounding (a loss that changes in its 17th digit) is drawn as flat: a step
    // below the values' rounding step would make Qt Charts add it to the first tick forever.
    const bool flat = !(span > 1e-9 * std::max(std::abs(low), std::abs(high)));
    const double pad = !flat ? 0.05 * span : std::max(0.1 * std::abs(high), 1e-9);
    double paddedLow = low - pad;
    if (low >= 0 && paddedLow < 0)
        paddedLow = 0;
    const double paddedHigh = high + pad;
    const double step = niceStep((paddedHigh - paddedLow) / maxLabels);
    if (std::isfinite(paddedLow) && std::isfinite(paddedHigh) && std::isfinite(step) && step > 0) {
        range.low = std::floor(paddedLow / step) * step;
        range.high = std::ceil(paddedHigh / step) * step;
        range.step = step;
        const double magnitude = std::max(std::abs(range.low), std::abs(range.high));
        int digits = int(std::ceil(std::log10(magnitude / step))) + 1;
        if (magnitude >= 1 && magnitude < 1e9)
            digits = std::max(digits, int(std::floor(std::log10(magnitude))) + 1);
        range.digits = std::clamp(digits, 2, 12);
        return range;
    }
    range.low = low;
    range.high = high > low ? high : low + 1;
    return range;
}

MetricAxisRange metricAxisRange(const Extent &extent, int maxLabels)
{
    MetricAxisRange range;
    double low = extent.valid() ? extent.low : 0.0;
    double high = extent.valid() ? extent.high : 1.0;
    if (low >= 0 && low < 0.6 * high)
        low = 0;
    double span = high - low;
    if (!(span > 0)) {
        // One value (a model without epochs, or a flat start): from 0 to a little above it.
        low = std::min(low, 0.0);
        high = high > 0 ? 1.25 * high : 0.1;
        span = high - low;
    }
    const double paddedHigh = high + 0.05 * span;
    const double paddedLow = low > 0 ? std::max(0.0, low - 0.05 * span) : low;
    const double step = niceStep((paddedHigh - paddedLow) / maxLabels);
    if (!std::isfinite(step) || !(step > 0))
        return range;
    range.step = step;
    range.low = std::floor(paddedLow / step + 1e-9) * step;
    range.high = std::ceil(paddedHigh / step - 1e-9) * step;
    if ((!extent.valid() || extent.high <= 1) && range.high > 1)
        range.high = 1;
    if (range.low < 0 && extent.valid() && extent.low >= 0)
        range.low = 0;
    range.decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 6);
    return range;
}

void setPlainAxisRange(QValueAxis *axis, double low, double high)
{
    axis->setTickType(QValueAxis::TicksFixed);
    axis->setTickCount(5);
    axis->setLabelFormat(QStringLiteral("%.4g"));
    axis->setRange(low, high);
}

} // namespace fl
