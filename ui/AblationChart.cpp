#include "AblationChart.h"

#include "ChartAxes.h"
#include "ChartExport.h"
#include "ChartScales.h"
#include "ContributionBar.h"
#include "Fonts.h"
#include "LandscapeView.h"

#include <QContextMenuEvent>
#include <QFontMetricsF>
#include <QLocale>
#include <QMenu>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

constexpr double kExportScale = 2.0;
constexpr double kMargin = 10;
constexpr double kTick = 5;
constexpr double kMaxRowHeight = 52;

const QColor kText(40, 40, 40);
const QColor kAxis(90, 90, 90);
const QColor kGrid(228, 228, 228);
const QColor kAllBar(0, 114, 178);      // Okabe–Ito blue: the reference
const QColor kSubsetBar(150, 190, 222); // the same hue, lighter
const QColor kWhisker(30, 30, 30);
const QColor kBetter(0, 135, 95);       // Okabe–Ito bluish green, darkened for text
const QColor kWorse(200, 80, 0);        // Okabe–Ito vermillion, darkened for text

QFont tickFont(const QFont &base)
{
    return sizedFont(base, 10);
}

QFont labelFont(const QFont &base, bool bold = false)
{
    return sizedFont(base, 11, bold);
}

bool isAll(const AblationRow &row)
{
    return row.subset.kind == QLatin1String("all");
}

} // namespace

AblationChart::AblationChart(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFont(sizedFont(font(), 10));
}

void AblationChart::setAblation(const Ablation &ablation)
{
    m_ablation = ablation;
    m_rows = m_ablation.rows();
    update();
}

QString AblationChart::rowText(const AblationRow &row) const
{
    if (row.values.empty())
        return tr("waiting …");
    QString text = formatLandscapeValue(row.mean);
    if (isAll(row))
        return text + tr("  (reference)");
    if (std::isfinite(row.deltaToAll))
        text += QStringLiteral("  (Δ %1)").arg(signedNumber(row.deltaToAll, 4));
    return text;
}

AblationChart::Layout AblationChart::layoutFor(QSize size) const
{
    const QFontMetricsF ticks(tickFont(font()));
    const QFontMetricsF labels(labelFont(font(), true));
    Layout layout;
    // Two title lines: what is shown, then how it is summarised.
    layout.title = QRectF(kMargin, kMargin * 0.6, size.width() - 2 * kMargin, labels.height() + ticks.height() + 8);

    double labelWidth = 0;
    double textWidth = 0;
    Extent extent;
    extent.add(0.0);
    for (const AblationRow &row : m_rows) {
        labelWidth = std::max(labelWidth, labels.horizontalAdvance(row.subset.label));
        textWidth = std::max(textWidth, labels.horizontalAdvance(rowText(row)));
        if (!row.values.empty()) {
            extent.add(row.min);
            extent.add(row.max);
        }
    }
    const double left = kMargin + std::min(labelWidth, size.width() * 0.3) + 10;
    const double right = size.width() - kMargin - textWidth - 10;
    const double top = layout.title.bottom() + 8;
    const double bottom = size.height() - kMargin - 2 * ticks.height() - kTick - 8;
    layout.labels = QRectF(kMargin, top, left - 10 - kMargin, std::max(10.0, bottom - top));
    const double rows = std::max<double>(1, double(m_rows.size()));
    layout.rowHeight = std::min(kMaxRowHeight, std::max(10.0, bottom - top) / rows);
    layout.plot = QRectF(left, top, std::max(40.0, right - left), layout.rowHeight * rows);

    // Bars start at zero, unless the values sit in a narrow band far from it: then the axis starts just
    // below the band (with a break mark at its start), or every bar would look the same.
    Extent values;
    for (const AblationRow &row : m_rows) {
        if (!row.values.empty()) {
            values.add(row.min);
            values.add(row.max);
        }
    }
    const double spread = values.valid() ? values.high - values.low : 0.0;
    if (values.valid() && values.low > 0 && spread < 0.5 * values.high) {
        const double step = niceStep(std::max(spread, values.high * 1e-6) / 4);
        layout.low = std::max(0.0, std::floor((values.low - 0.5 * std::max(spread, step)) / step) * step);
        layout.high = std::ceil(values.high / step - 1e-9) * step;
        if (!(layout.high > values.high))
            layout.high += step;
    } else {
        const double span = extent.high - extent.low;
        const double step = niceStep(span > 0 ? span / 5 : 1.0);
        layout.low = extent.low < 0 ? std::floor(extent.low / step) * step : 0.0;
        layout.high = extent.high > 0 ? std::ceil(extent.high / step - 1e-9) * step : (span > 0 ? 0.0 : 1.0);
    }
    if (!(layout.high > layout.low))
        layout.high = layout.low + 1;
    return layout;
}

QRectF AblationChart::barRect(int row) const
{
    if (row < 0 || size_t(row) >= m_rows.size() || m_rows[size_t(row)].values.empty())
        return {};
    const Layout layout = layoutFor(size());
    const AblationRow &r = m_rows[size_t(row)];
    auto xOf = [&layout](double v) {
        return layout.plot.left() + (v - layout.low) / (layout.high - layout.low) * layout.plot.width();
    };
    const double x0 = xOf(std::clamp(0.0, layout.low, layout.high));
    const double x1 = xOf(r.mean);
    const double thickness = layout.rowHeight * 0.56;
    const double y = layout.plot.top() + layout.rowHeight * row + (layout.rowHeight - thickness) / 2;
    return QRectF(std::min(x0, x1), y, std::abs(x1 - x0), thickness);
}

double AblationChart::valueAt(double x) const
{
    const Layout layout = layoutFor(size());
    return layout.low + (x - layout.plot.left()) / layout.plot.width() * (layout.high - layout.low);
}

double AblationChart::axisStart() const
{
    return layoutFor(size()).low;
}

void AblationChart::render(QPainter *painter, QSize size) const
{
    painter->save();
    painter->fillRect(QRectF(QPointF(0, 0), size), chartBackground(palette()));
    // Text, axes and grid in the palette's colours (light or dark); the bars keep theirs.
    const QColor kText = chartMix(palette(), 0.85);
    const QColor kAxis = chartMix(palette(), 0.65);
    const QColor kGrid = chartGrid(palette());
    if (m_rows.empty()) {
        painter->setPen(kAxis);
        painter->setFont(labelFont(font(), true));
        painter->drawText(QRectF(QPointF(0, 0), size), Qt::AlignCenter | Qt::TextWordWrap,
                          tr("No ablation yet: choose the seeds and press Run."));
        painter->restore();
        return;
    }
    const Layout layout = layoutFor(size);
    const QFontMetricsF ticks(tickFont(font()));
    const QRectF plot = layout.plot;
    auto xOf = [&layout, &plot](double v) { return plot.left() + (v - layout.low) / (layout.high - layout.low) * plot.width(); };

    int seeds = 0;
    for (const AblationRow &row : m_rows)
        seeds = std::max(seeds, int(row.values.size()));
    const QString direction = m_ablation.higherIsBetter ? tr("higher is better") : tr("lower is better");
    const QFontMetricsF titleMetrics(labelFont(font(), true));
    painter->setFont(labelFont(font(), true));
    painter->setPen(kText);
    const QRectF firstLine(layout.title.left(), layout.title.top(), layout.title.width(), titleMetrics.height() + 2);
    painter->drawText(firstLine, Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(tr("%1 by modality subset · %2").arg(m_ablation.metric, direction), Qt::ElideRight,
                                              firstLine.width()));
    painter->setFont(tickFont(font()));
    painter->setPen(kAxis);
    const QRectF secondLine(layout.title.left(), firstLine.bottom() + 2, layout.title.width(), ticks.height() + 2);
    painter->drawText(secondLine, Qt::AlignLeft | Qt::AlignVCenter,
                      ticks.elidedText(tr("bars: mean of %n seed(s) · whiskers: lowest to highest seed · Δ: difference to all",
                                          nullptr, seeds),
                                       Qt::ElideRight, secondLine.width()));
    const QString axisTitle = layout.low > 0 ? tr("%1 (the axis starts at %2)").arg(m_ablation.metric, QLocale().toString(layout.low))
                                             : m_ablation.metric;

    // Value axis: grid lines and ticks at round values, the metric's name below.
    const std::vector<double> values = roundTicks(layout.low, layout.high, std::clamp(int(plot.width() / 90), 2, 8));
    const int decimals = std::clamp(tickDecimals(values), 0, 6);
    painter->setFont(tickFont(font()));
    for (double v : values) {
        const double x = xOf(v);
        painter->setPen(QPen(kGrid, 1));
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter->setPen(kAxis);
        painter->drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + kTick));
        painter->setPen(kText);
        painter->drawText(QRectF(x - 50, plot.bottom() + kTick + 1, 100, ticks.height()), Qt::AlignHCenter | Qt::AlignTop,
                          QLocale().toString(v, 'f', decimals));
    }
    painter->setFont(labelFont(font()));
    painter->drawText(QRectF(plot.left(), plot.bottom() + kTick + ticks.height() + 3, plot.width(), ticks.height() + 6),
                      Qt::AlignHCenter | Qt::AlignTop, axisTitle);
    painter->setPen(QPen(kAxis, 1));
    const double zero = xOf(std::clamp(0.0, layout.low, layout.high));
    painter->drawLine(QPointF(zero, plot.top()), QPointF(zero, plot.bottom()));
    painter->drawLine(plot.bottomLeft(), plot.bottomRight());
    if (layout.low > 0) {
        // The axis does not start at zero: a break mark on its start.
        const QPointF at = plot.bottomLeft();
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(chartBackground(palette()), 5));
        painter->drawLine(at + QPointF(-4, 7), at + QPointF(4, -7));
        painter->setPen(QPen(kAxis, 1.2));
        painter->drawLine(at + QPointF(-6, 7), at + QPointF(2, -7));
        painter->drawLine(at + QPointF(-2, 7), at + QPointF(6, -7));
        painter->restore();
    }

    painter->setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF labels(labelFont(font()));
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const AblationRow &row = m_rows[i];
        const bool all = isAll(row);
        const QRectF rowRect(0, plot.top() + layout.rowHeight * double(i), size.width(), layout.rowHeight);
        painter->setFont(labelFont(font(), all));
        painter->setPen(kText);
        const QString label = labels.elidedText(row.subset.label, Qt::ElideMiddle, int(layout.labels.width()));
        painter->drawText(QRectF(layout.labels.left(), rowRect.top(), layout.labels.width(), rowRect.height()),
                          Qt::AlignRight | Qt::AlignVCenter, label);

        double textX = zero + 6;
        if (!row.values.empty()) {
            const double thickness = layout.rowHeight * 0.56;
            const double x1 = xOf(row.mean);
            const QRectF r(std::min(zero, x1), rowRect.top() + (rowRect.height() - thickness) / 2, std::abs(x1 - zero), thickness);
            painter->setPen(Qt::NoPen);
            painter->setBrush(all ? kAllBar : kSubsetBar);
            painter->drawRect(r);
            // The whisker over the seeds' spread, with caps.
            const double cy = rowRect.center().y();
            const double lo = xOf(row.min);
            const double hi = xOf(row.max);
            const double cap = thickness * 0.35;
            painter->setPen(QPen(kWhisker, 1.5));
            painter->drawLine(QPointF(lo, cy), QPointF(hi, cy));
            painter->drawLine(QPointF(lo, cy - cap), QPointF(lo, cy + cap));
            painter->drawLine(QPointF(hi, cy - cap), QPointF(hi, cy + cap));
            textX = std::max({x1, hi, zero}) + 8;
        }
        // Mean and difference to "all", the difference coloured by whether it is better.
        painter->setFont(labelFont(font(), all));
        const QString mean = row.values.empty() ? tr("waiting …") : formatLandscapeValue(row.mean);
        painter->setPen(row.values.empty() ? kAxis : kText);
        painter->drawText(QRectF(textX, rowRect.top(), size.width() - textX, rowRect.height()), Qt::AlignLeft | Qt::AlignVCenter, mean);
        const double meanWidth = labels.horizontalAdvance(mean);
        if (!row.values.empty()) {
            QString extra;
            QColor color = kAxis;
            if (all) {
                extra = tr("  (reference)");
            } else if (std::isfinite(row.deltaToAll)) {
                extra = QStringLiteral("  (Δ %1)").arg(signedNumber(row.deltaToAll, 4));
                const bool better = m_ablation.higherIsBetter ? row.deltaToAll > 0 : row.deltaToAll < 0;
                color = row.deltaToAll == 0 ? kAxis : better ? kBetter : kWorse;
            }
            painter->setFont(labelFont(font()));
            painter->setPen(color);
            painter->drawText(QRectF(textX + meanWidth, rowRect.top(), size.width() - textX - meanWidth, rowRect.height()),
                              Qt::AlignLeft | Qt::AlignVCenter, extra);
        }
    }
    painter->restore();
}

void AblationChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    render(&painter, size());
}

void AblationChart::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *exportAction = menu.addAction(tr("Export…"));
    exportAction->setEnabled(!m_rows.empty());
    if (menu.exec(event->globalPos()) == exportAction)
        exportWithDialog();
}

void AblationChart::exportWithDialog()
{
    exportChartWithDialog(this, tr("Export the ablation"), QStringLiteral("ablation.png"),
                          [this](const QString &path, QString *error) { return exportTo(path, error); });
}

QSize AblationChart::exportSize() const
{
    if (isVisible() && width() >= 360 && height() >= 200)
        return size();
    return {800, 80 + 46 * int(std::max<size_t>(3, m_rows.size()))};
}

bool AblationChart::exportTo(const QString &path, QString *error) const
{
    const QSize size = exportSize();
    return exportChart(path, size, kExportScale, logicalDpiX(), tr("Modality ablation"), [this, size](QPainter *p) { render(p, size); },
                       [this] { return m_ablation.toCsv(); }, error);
}

QByteArray AblationChart::toSvg(QSize size) const
{
    return chartSvg(size, logicalDpiX(), tr("Modality ablation"), [this, size](QPainter *p) { render(p, size); });
}

} // namespace fl
