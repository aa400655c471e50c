// Why one file (about 700 lines):
// One heatmap: cells, colour bar, best-cell ring, hover, click and three exports (PNG, SVG, CSV) over the
// same geometry, which each of them needs.

#include "LandscapeView.h"

#include "ChartAxes.h"
#include "ChartExport.h"
#include "Fonts.h"
#include "RunHistoryModel.h"

#include "engine/fusion/Fusion.h"

#include <QContextMenuEvent>
#include <QFontMetricsF>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPaintEngine>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

namespace fl {

namespace {

constexpr int kRepaintMs = 33;               // at most ~30 repaints a second while cells arrive
constexpr double kExportScale = 2.0;
constexpr double kMargin = 10;
constexpr double kTick = 5;
constexpr double kBarWidth = 16;

const QColor kText(40, 40, 40);
const QColor kAxis(90, 90, 90);
const QColor kUnfilled(212, 212, 212);
const QColor kUnfilledStripe(228, 228, 228);
const QColor kFailed(250, 236, 236);
const QColor kFailedHatch(150, 70, 70);

// matplotlib's viridis at t = 0, 0.1, …, 1 (interpolated linearly in between).
constexpr std::array<QRgb, 11> kViridis{0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
                                        0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};

bool isFilled(const LandscapeCell &cell)
{
    return !cell.status.isEmpty();
}

QFont tickFont(const QFont &base)
{
    return sizedFont(base, 10);
}

QFont titleFont(const QFont &base)
{
    return sizedFont(base, 11, true);
}

// Diagonal lines across rect, spacing apart, inside whatever clip is set.
void drawHatch(QPainter *painter, const QRectF &rect, double spacing, bool rising)
{
    for (double offset = -rect.height(); offset < rect.width(); offset += spacing) {
        if (rising)
            painter->drawLine(QPointF(rect.left() + offset, rect.bottom()), QPointF(rect.left() + offset + rect.height(), rect.top()));
        else
            painter->drawLine(QPointF(rect.left() + offset, rect.top()), QPointF(rect.left() + offset + rect.height(), rect.bottom()));
    }
}

} // namespace

QString formatLandscapeValue(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    const double magnitude = std::abs(value);
    if (magnitude != 0 && (magnitude >= 1e4 || magnitude < 1e-3))
        return QLocale().toString(value, 'g', 4);
    return QLocale().toString(value, 'f', 4);
}

std::vector<double> roundTicks(double low, double high, int count)
{
    std::vector<double> ticks;
    if (!(high > low) || count < 1) {
        ticks.push_back(low);
        return ticks;
    }
    const double raw = (high - low) / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double f : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = f * magnitude;
        if (step >= raw)
            break;
    }
    const double first = std::ceil(low / step - 1e-9) * step;
    for (double v = first; v <= high + step * 1e-9; v += step)
        ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    return ticks;
}

int tickDecimals(const std::vector<double> &values)
{
    for (int d = 0; d < 6; ++d) {
        const double scale = std::pow(10.0, d);
        bool exact = true;
        for (double v : values)
            exact = exact && std::abs(std::round(v * scale) / scale - v) < 1e-9 * std::max(1.0, std::abs(v));
        if (exact)
            return d;
    }
    return 6;
}

LandscapeView::LandscapeView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFont(sizedFont(font(), 10));
    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setInterval(kRepaintMs);
    connect(&m_repaintTimer, &QTimer::timeout, this, qOverload<>(&QWidget::update));
}

void LandscapeView::setLandscape(const Landscape &landscape)
{
    m_landscape = landscape;
    m_hover = {-1, -1};
    updateRange();
    update();
}

void LandscapeView::clear()
{
    setLandscape(Landscape{});
}

void LandscapeView::updateCell(const LandscapeCell &cell)
{
    const LandscapeAxis &x = m_landscape.request.x;
    const LandscapeAxis &y = m_landscape.request.y;
    if (cell.ix < 0 || cell.iy < 0 || cell.ix >= x.steps || cell.iy >= y.steps
        || m_landscape.cells.size() != size_t(x.steps) * size_t(y.steps))
        return;
    LandscapeCell &slot = m_landscape.cells[size_t(cell.iy) * size_t(x.steps) + size_t(cell.ix)];
    if (!isFilled(slot) && isFilled(cell))
        ++m_landscape.filled;
    slot = cell;
    if (std::isfinite(cell.value) && isFilled(cell) && (!m_hasRange || cell.value < m_min || cell.value > m_max)) {
        m_min = m_hasRange ? std::min(m_min, cell.value) : cell.value;
        m_max = m_hasRange ? std::max(m_max, cell.value) : cell.value;
        m_hasRange = true;
    }
    m_cellsStale = true;
    if (!m_repaintTimer.isActive())
        m_repaintTimer.start();
}

void LandscapeView::updateRange()
{
    m_hasRange = false;
    for (const LandscapeCell &cell : m_landscape.cells) {
        if (!isFilled(cell) || !std::isfinite(cell.value))
            continue;
        m_min = m_hasRange ? std::min(m_min, cell.value) : cell.value;
        m_max = m_hasRange ? std::max(m_max, cell.value) : cell.value;
        m_hasRange = true;
    }
    m_cellsStale = true;
}

QColor LandscapeView::colorMap(double t)
{
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    const double position = t * double(kViridis.size() - 1);
    const int i = std::min(int(position), int(kViridis.size()) - 2);
    const double f = position - i;
    const QRgb a = kViridis[size_t(i)];
    const QRgb b = kViridis[size_t(i) + 1];
    auto mix = [f](int u, int v) { return int(std::lround(u + (v - u) * f)); };
    return QColor(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

QColor LandscapeView::colorOf(double value) const
{
    if (!std::isfinite(value) || !m_hasRange)
        return {};
    const double fraction = m_max > m_min ? (value - m_min) / (m_max - m_min) : 1.0;
    return colorMap(m_landscape.higherIsBetter || !(m_max > m_min) ? fraction : 1.0 - fraction);
}

void LandscapeView::rebuildImage() const
{
    const int nx = m_landscape.request.x.steps;
    const int ny = m_landscape.request.y.steps;
    m_cellsStale = false;
    if (m_landscape.cells.size() != size_t(nx) * size_t(ny) || nx < 1 || ny < 1) {
        m_cells = QImage();
        return;
    }
    if (m_cells.size() != QSize(nx, ny))
        m_cells = QImage(nx, ny, QImage::Format_ARGB32);
    for (int iy = 0; iy < ny; ++iy) {
        auto *line = reinterpret_cast<QRgb *>(m_cells.scanLine(ny - 1 - iy));
        for (int ix = 0; ix < nx; ++ix) {
            const LandscapeCell &cell = m_landscape.cells[size_t(iy) * size_t(nx) + size_t(ix)];
            line[ix] = isFilled(cell) && std::isfinite(cell.value) ? colorOf(cell.value).rgb() : qRgba(0, 0, 0, 0);
        }
    }
}

QString LandscapeView::axisTitle(const QString &modality) const
{
    const std::vector<ModalityConfig> &modalities = m_landscape.request.config.pipeline.modalities;
    for (size_t k = 0; k < modalities.size(); ++k) {
        if (modalities[k].name == modality)
            return QStringLiteral("%1 (%2)").arg(fusionWeightSymbol(int(k)), modality);
    }
    return modality;
}

QString LandscapeView::weightText(double weight, const LandscapeAxis &axis) const
{
    const double step = axis.steps > 1 ? (axis.high - axis.low) / (axis.steps - 1) : 1.0;
    int decimals = 2;
    if (step > 0 && std::isfinite(step))
        decimals = std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 2, 6);
    return QLocale().toString(weight, 'f', decimals);
}

QString LandscapeView::metricTitle() const
{
    const LandscapeRequest &r = m_landscape.request;
    const QString direction = m_landscape.higherIsBetter ? tr("higher is better") : tr("lower is better");
    if (m_landscape.closedForm)
        return tr("%1 at the optimum (closed form) · %2").arg(r.metric, direction);
    if (r.config.model.isLinear() && r.gdEpochs > 0)
        return tr("%1 after %n epoch(s) of gradient descent · %2", nullptr, r.gdEpochs).arg(r.metric, direction);
    return tr("%1 of trained runs · %2").arg(r.metric, direction);
}

LandscapeView::Layout LandscapeView::layoutFor(QSize size) const
{
    const QFontMetricsF ticks(tickFont(font()));
    const QFontMetricsF title(titleFont(font()));
    Layout layout;
    layout.title = QRectF(kMargin, kMargin * 0.6, size.width() - 2 * kMargin, title.height() + 6);

    double tickWidth = ticks.horizontalAdvance(QStringLiteral("0.00"));
    const LandscapeAxis &y = m_landscape.request.y;
    tickWidth = std::max(tickWidth, ticks.horizontalAdvance(weightText(y.high, y)));
    tickWidth = std::max(tickWidth, ticks.horizontalAdvance(weightText(y.low, y)));
    const double left = kMargin + ticks.height() + 6 + tickWidth + kTick + 4;
    const double bottom = kMargin + 2 * ticks.height() + kTick + 8;
    double valueWidth = ticks.horizontalAdvance(QStringLiteral("0.0000"));
    if (m_hasRange) {
        valueWidth = std::max({valueWidth, ticks.horizontalAdvance(formatLandscapeValue(m_min)),
                               ticks.horizontalAdvance(formatLandscapeValue(m_max))});
    }
    valueWidth = std::max(valueWidth, ticks.horizontalAdvance(tr("better")));
    const double right = 18 + kBarWidth + kTick + 4 + valueWidth + kMargin;
    const double top = layout.title.bottom() + 6;

    const QRectF available(left, top, std::max(40.0, size.width() - left - right), std::max(40.0, size.height() - top - bottom));
    const int nx = std::max(1, m_landscape.request.x.steps);
    const int ny = std::max(1, m_landscape.request.y.steps);
    const double aspect = m_landscape.cells.empty() ? 1.0 : std::clamp(double(nx) / ny, 0.5, 2.0);
    double w = available.width();
    double h = w / aspect;
    if (h > available.height()) {
        h = available.height();
        w = h * aspect;
    }
    // The plot and its colour bar as one group, centred in the room there is.
    const double group = w + right - kMargin;
    const double x0 = std::max(left, left + (available.width() + right - kMargin - group) / 2);
    layout.plot = QRectF(std::round(x0), std::round(top), std::round(w), std::round(h));
    // Room above and below the bar for "better" and "worse", clear of the end ticks' labels.
    const double barTop = layout.plot.top() + 1.5 * ticks.height() + 6;
    const double barBottom = layout.plot.bottom() - 1.5 * ticks.height() - 6;
    layout.colorBar = QRectF(layout.plot.right() + 18, barTop, kBarWidth, std::max(10.0, barBottom - barTop));
    return layout;
}

QRectF LandscapeView::cellRect(int ix, int iy) const
{
    const int nx = m_landscape.request.x.steps;
    const int ny = m_landscape.request.y.steps;
    if (m_landscape.cells.empty() || ix < 0 || iy < 0 || ix >= nx || iy >= ny)
        return {};
    const QRectF plot = layoutFor(size()).plot;
    const double cw = plot.width() / nx;
    const double ch = plot.height() / ny;
    return QRectF(plot.left() + ix * cw, plot.top() + (ny - 1 - iy) * ch, cw, ch);
}

QPoint LandscapeView::cellAt(const QPointF &position) const
{
    if (m_landscape.cells.empty())
        return {-1, -1};
    const QRectF plot = layoutFor(size()).plot;
    if (!plot.contains(position))
        return {-1, -1};
    const int nx = m_landscape.request.x.steps;
    const int ny = m_landscape.request.y.steps;
    const int ix = std::clamp(int((position.x() - plot.left()) / plot.width() * nx), 0, nx - 1);
    const int row = std::clamp(int((position.y() - plot.top()) / plot.height() * ny), 0, ny - 1);
    return {ix, ny - 1 - row};
}

QString LandscapeView::describeCell(int ix, int iy) const
{
    const LandscapeRequest &r = m_landscape.request;
    if (m_landscape.cells.empty() || ix < 0 || iy < 0 || ix >= r.x.steps || iy >= r.y.steps)
        return {};
    const LandscapeCell &cell = m_landscape.at(ix, iy);
    const QString weights = QStringLiteral("%1 = %2, %3 = %4")
                                .arg(r.x.modality, weightText(r.x.value(ix), r.x), r.y.modality, weightText(r.y.value(iy), r.y));
    if (!isFilled(cell))
        return tr("%1: not computed yet").arg(weights);
    if (!std::isfinite(cell.value))
        return tr("%1: %2 — (%3)").arg(weights, r.metric, RunHistoryModel::statusTitle(cell.status));
    return QStringLiteral("%1: %2 %3").arg(weights, r.metric, formatLandscapeValue(cell.value));
}

QString LandscapeView::describeAt(const QPointF &position) const
{
    const QPoint cell = cellAt(position);
    return describeCell(cell.x(), cell.y());
}

void LandscapeView::render(QPainter *painter, QSize size) const
{
    painter->save();
    painter->fillRect(QRectF(QPointF(0, 0), size), chartBackground(palette()));
    // Axes and titles in the palette's colours (dark in a dark palette); the cells keep their own.
    const QColor ink = chartMix(palette(), 0.85);
    const QColor axisInk = chartMix(palette(), 0.65);
    const QFont ticksFont = tickFont(font());
    const QFontMetricsF ticks(ticksFont);
    const Landscape &l = m_landscape;
    const int nx = l.request.x.steps;
    const int ny = l.request.y.steps;
    const Layout layout = layoutFor(size);

    if (l.cells.empty() || l.cells.size() != size_t(nx) * size_t(ny)) {
        painter->setPen(axisInk);
        painter->setFont(titleFont(font()));
        painter->drawText(QRectF(QPointF(0, 0), size), Qt::AlignCenter | Qt::TextWordWrap,
                          tr("No landscape yet: choose two modalities and compute."));
        painter->restore();
        return;
    }
    if (m_cellsStale)
        rebuildImage();

    const QRectF plot = layout.plot;
    const double cw = plot.width() / nx;
    const double ch = plot.height() / ny;

    // Unfilled and failed cells, merged into runs per row so that hatching stays continuous.
    QPainterPath unfilled;
    QPainterPath failed;
    int unfilledCount = 0;
    int failedCount = 0;
    for (int iy = 0; iy < ny; ++iy) {
        const double top = plot.top() + (ny - 1 - iy) * ch;
        int ix = 0;
        while (ix < nx) {
            const LandscapeCell &cell = l.at(ix, iy);
            const int kind = !isFilled(cell) ? 1 : !std::isfinite(cell.value) ? 2 : 0;
            int end = ix + 1;
            while (end < nx) {
                const LandscapeCell &next = l.at(end, iy);
                const int nextKind = !isFilled(next) ? 1 : !std::isfinite(next.value) ? 2 : 0;
                if (nextKind != kind)
                    break;
                ++end;
            }
            const QRectF run(plot.left() + ix * cw, top, (end - ix) * cw, ch);
            if (kind == 1) {
                unfilled.addRect(run);
                unfilledCount += end - ix;
            } else if (kind == 2) {
                failed.addRect(run);
                failedCount += end - ix;
            }
            ix = end;
        }
    }
    if (unfilledCount > 0) {
        painter->fillPath(unfilled, kUnfilled);
        painter->save();
        painter->setClipPath(unfilled);
        painter->setPen(QPen(kUnfilledStripe, 2));
        drawHatch(painter, plot, 8, true);
        painter->restore();
    }
    if (failedCount > 0) {
        painter->fillPath(failed, kFailed);
        painter->save();
        painter->setClipPath(failed);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(kFailedHatch, 1.2));
        drawHatch(painter, plot, 5, false);
        painter->restore();
    }

    // The cells: the one-pixel-per-cell image, scaled without smoothing.
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    {
        // Scaled here to the target's pixels, so that a viewer scaling an SVG's image does not smooth it.
        const bool svg = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::SVG;
        const double ratio = svg ? kExportScale : painter->device() ? std::max(1.0, painter->device()->devicePixelRatioF()) : 1.0;
        const QSize pixels = (plot.size() * ratio).toSize();
        if (pixels.width() > 0 && pixels.height() > 0)
            painter->drawImage(plot, m_cells.scaled(pixels, Qt::IgnoreAspectRatio, Qt::FastTransformation));
    }

    // Cell borders and values when the cells are large enough to read.
    const bool separated = cw >= 10 && ch >= 10;
    if (separated) {
        painter->setPen(QPen(Qt::white, 1));
        for (int ix = 1; ix < nx; ++ix)
            painter->drawLine(QPointF(plot.left() + ix * cw, plot.top()), QPointF(plot.left() + ix * cw, plot.bottom()));
        for (int iy = 1; iy < ny; ++iy)
            painter->drawLine(QPointF(plot.left(), plot.top() + iy * ch), QPointF(plot.right(), plot.top() + iy * ch));
    }
    painter->setFont(ticksFont);
    const bool valuesShown = cw >= ticks.horizontalAdvance(QStringLiteral("0.0000")) + 20 && ch >= ticks.height() + 20;
    if (valuesShown) {
        for (int iy = 0; iy < ny; ++iy) {
            for (int ix = 0; ix < nx; ++ix) {
                const LandscapeCell &cell = l.at(ix, iy);
                if (!isFilled(cell))
                    continue;
                const QRectF r(plot.left() + ix * cw, plot.top() + (ny - 1 - iy) * ch, cw, ch);
                const QColor color = colorOf(cell.value);
                const bool light = !color.isValid() || color.lightnessF() > 0.55;
                painter->setPen(light ? kText : QColor(Qt::white));
                painter->drawText(r, Qt::AlignCenter, std::isfinite(cell.value) ? formatLandscapeValue(cell.value) : RunHistoryModel::statusTitle(cell.status));
            }
        }
    }
    painter->setPen(QPen(axisInk, 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(plot);

    // Axes: the weights at round values (or at every cell of a small grid) and the modalities' names.
    auto axisTicks = [](const LandscapeAxis &axis, double pixels, double labelWidth) {
        std::vector<double> values;
        if (axis.steps <= 11 && axis.steps * labelWidth < pixels) {
            for (int i = 0; i < axis.steps; ++i)
                values.push_back(axis.value(i));
        } else {
            values = roundTicks(axis.low, axis.high, std::clamp(int(pixels / (labelWidth * 2.2)), 2, 8));
        }
        return values;
    };
    auto position = [](const LandscapeAxis &axis, double value) {
        // Cell centres: value(i) sits at the middle of cell i.
        if (axis.steps <= 1 || !(axis.high != axis.low))
            return 0.5;
        return (value - axis.low) / (axis.high - axis.low) * (axis.steps - 1) + 0.5;
    };
    const double labelWidth = ticks.horizontalAdvance(QStringLiteral("0.00")) + 6;
    {
        const LandscapeAxis &x = l.request.x;
        const std::vector<double> values = axisTicks(x, plot.width(), labelWidth);
        const int decimals = std::max(tickDecimals(values), x.steps <= 11 ? 1 : 0);
        for (double v : values) {
            const double px = plot.left() + position(x, v) * cw;
            painter->setPen(axisInk);
            painter->drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + kTick));
            painter->setPen(ink);
            painter->drawText(QRectF(px - 40, plot.bottom() + kTick + 1, 80, ticks.height()), Qt::AlignHCenter | Qt::AlignTop,
                              QLocale().toString(v, 'f', decimals));
        }
        painter->setFont(titleFont(font()));
        painter->drawText(QRectF(plot.left(), plot.bottom() + kTick + ticks.height() + 3, plot.width(), ticks.height() + 6),
                          Qt::AlignHCenter | Qt::AlignTop, axisTitle(x.modality));
        painter->setFont(ticksFont);
    }
    double widestY = 0;
    {
        const LandscapeAxis &y = l.request.y;
        const std::vector<double> values = axisTicks(y, plot.height(), ticks.height() * 1.2);
        const int decimals = std::max(tickDecimals(values), y.steps <= 11 ? 1 : 0);
        for (double v : values) {
            const double py = plot.bottom() - position(y, v) * ch;
            const QString text = QLocale().toString(v, 'f', decimals);
            widestY = std::max(widestY, ticks.horizontalAdvance(text));
            painter->setPen(axisInk);
            painter->drawLine(QPointF(plot.left() - kTick, py), QPointF(plot.left(), py));
            painter->setPen(ink);
            painter->drawText(QRectF(plot.left() - kTick - 3 - 100, py - ticks.height() / 2, 100, ticks.height()),
                              Qt::AlignRight | Qt::AlignVCenter, text);
        }
        painter->save();
        painter->setFont(titleFont(font()));
        const double titleX = plot.left() - kTick - 8 - widestY - QFontMetricsF(titleFont(font())).descent();
        painter->translate(titleX, plot.center().y());
        painter->rotate(-90);
        painter->drawText(QRectF(-plot.height() / 2, -QFontMetricsF(titleFont(font())).height(), plot.height(),
                                 QFontMetricsF(titleFont(font())).height()),
                          Qt::AlignHCenter | Qt::AlignBottom, axisTitle(y.modality));
        painter->restore();
    }

    // The colour bar: brighter is better, with value ticks; "better" at the bright end.
    const QRectF bar = layout.colorBar;
    if (m_hasRange) {
        const int strips = std::max(2, int(bar.height()));
        for (int i = 0; i < strips; ++i) {
            const double t = 1.0 - (i + 0.5) / strips;
            painter->fillRect(QRectF(bar.left(), bar.top() + bar.height() * i / strips, bar.width(), bar.height() / strips + 1), colorMap(t));
        }
        painter->setPen(QPen(axisInk, 1));
        painter->drawRect(bar);
        std::vector<double> values = roundTicks(m_min, m_max, std::clamp(int(bar.height() / (ticks.height() * 2.5)), 2, 6));
        const bool flat = !(m_max > m_min);
        if (flat)
            values = {m_min};
        // Enough decimals to tell the ticks apart, at least those of the values themselves when flat.
        const int decimals = flat ? 4 : std::clamp(tickDecimals(values), 1, 6);
        for (double v : values) {
            const double better = flat ? 0.5 : (l.higherIsBetter ? (v - m_min) / (m_max - m_min) : (m_max - v) / (m_max - m_min));
            const double py = bar.bottom() - better * bar.height();
            painter->setPen(axisInk);
            painter->drawLine(QPointF(bar.right(), py), QPointF(bar.right() + kTick, py));
            painter->setPen(ink);
            const double magnitude = std::abs(v);
            const QString text = magnitude != 0 && (magnitude >= 1e4 || magnitude < 1e-3) ? QLocale().toString(v, 'g', 3)
                                                                                          : QLocale().toString(v, 'f', decimals);
            painter->drawText(QRectF(bar.right() + kTick + 3, py - ticks.height() / 2, 200, ticks.height()),
                              Qt::AlignLeft | Qt::AlignVCenter, text);
        }
        painter->setPen(ink);
        painter->drawText(QRectF(bar.center().x() - 60, bar.top() - 1.5 * ticks.height() - 4, 120, ticks.height()),
                          Qt::AlignHCenter | Qt::AlignBottom, tr("better"));
        painter->drawText(QRectF(bar.center().x() - 60, bar.bottom() + ticks.height() / 2 + 4, 120, ticks.height()),
                          Qt::AlignHCenter | Qt::AlignTop, tr("worse"));
    }

    // The best cell: a ring with its value beside it.
    const int best = l.best();
    if (best >= 0 && size_t(best) < l.cells.size()) {
        const LandscapeCell &cell = l.cells[size_t(best)];
        const QRectF r(plot.left() + cell.ix * cw, plot.top() + (ny - 1 - cell.iy) * ch, cw, ch);
        const QPointF c = r.center();
        double radius = std::clamp(std::min(cw, ch) * 0.42, 8.0, 18.0);
        if (valuesShown)  // around the printed value, not over it
            radius = std::min(std::min(cw, ch) / 2 - 3, ticks.horizontalAdvance(formatLandscapeValue(cell.value)) / 2 + 8);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(QColor(20, 20, 20), 4));
        painter->drawEllipse(c, radius, radius);
        painter->setPen(QPen(Qt::white, 2));
        painter->drawEllipse(c, radius, radius);
        // With values printed in the cells the legend says what the ring means; otherwise a label does.
        if (!valuesShown) {
            const QString text = tr("best %1").arg(formatLandscapeValue(cell.value));
            const QSizeF box(ticks.horizontalAdvance(text) + 10, ticks.height() + 4);
            QPointF at(c.x() + radius + 4, c.y() - radius - box.height());
            if (at.x() + box.width() > plot.right())
                at.setX(c.x() - radius - 4 - box.width());
            if (at.y() < plot.top())
                at.setY(c.y() + radius);
            at.setX(std::max(at.x(), plot.left() + 1));
            const QRectF label(at, box);
            painter->setPen(QPen(QColor(60, 60, 60), 1));
            painter->setBrush(QColor(255, 255, 255, 225));
            painter->drawRoundedRect(label, 3, 3);
            painter->setPen(kText);
            painter->drawText(label, Qt::AlignCenter, text);
        }
        painter->restore();
    }

    // A legend for the best ring (when values are printed) and the grey and hatched cells, at the
    // right of the title row.
    double x = layout.title.right();
    if (valuesShown && best >= 0) {
        painter->setFont(ticksFont);
        const QString text = tr("best");
        const double w = ticks.horizontalAdvance(text);
        x -= w;
        painter->setPen(ink);
        painter->drawText(QRectF(x, layout.title.top(), w + 2, layout.title.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(QColor(20, 20, 20), 3));
        painter->drawEllipse(QPointF(x - 12, layout.title.center().y()), 6, 6);
        painter->setPen(QPen(Qt::white, 1.2));
        painter->drawEllipse(QPointF(x - 12, layout.title.center().y()), 6, 6);
        painter->restore();
        x -= 18 + 12;
    }
    if (unfilledCount > 0 || failedCount > 0) {
        auto entry = [&](const QString &text, bool hatched) {
            const double w = ticks.horizontalAdvance(text);
            x -= w;
            painter->setPen(ink);
            painter->drawText(QRectF(x, layout.title.top(), w + 2, layout.title.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
            const QRectF swatch(x - 18, layout.title.center().y() - 6, 12, 12);
            QPainterPath path;
            path.addRect(swatch);
            painter->fillPath(path, hatched ? kFailed : kUnfilled);
            painter->save();
            painter->setClipPath(path);
            painter->setPen(hatched ? QPen(kFailedHatch, 1.2) : QPen(kUnfilledStripe, 2));
            drawHatch(painter, swatch, hatched ? 4 : 6, !hatched);
            painter->restore();
            x -= 18 + 12;
        };
        painter->setFont(ticksFont);
        if (failedCount > 0)
            entry(tr("failed or diverged"), true);
        if (unfilledCount > 0)
            entry(tr("not computed yet"), false);
    }

    // The title, shortened if the legend needs the room.
    painter->setFont(titleFont(font()));
    painter->setPen(ink);
    const double titleWidth = std::max(0.0, x - layout.title.left() - 12);
    painter->drawText(layout.title, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(titleFont(font())).elidedText(metricTitle(), Qt::ElideRight, titleWidth));
    painter->restore();
}

void LandscapeView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    render(&painter, size());
    const QRectF hover = cellRect(m_hover.x(), m_hover.y());
    if (!hover.isEmpty()) {
        painter.setPen(QPen(QColor(20, 20, 20), 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(hover.adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void LandscapeView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint cell = cellAt(event->position());
    if (cell == m_hover)
        return;
    m_hover = cell;
    update();
    const QString text = describeCell(cell.x(), cell.y());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    Q_EMIT cellHovered(text);
}

void LandscapeView::leaveEvent(QEvent *)
{
    if (m_hover == QPoint(-1, -1))
        return;
    m_hover = {-1, -1};
    update();
    Q_EMIT cellHovered({});
}

void LandscapeView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPoint cell = cellAt(event->position());
    if (cell.x() < 0)
        return;
    Q_EMIT cellClicked(m_landscape.request.x.value(cell.x()), m_landscape.request.y.value(cell.y()));
}

void LandscapeView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *exportAction = menu.addAction(tr("Export…"));
    exportAction->setEnabled(!m_landscape.cells.empty());
    if (menu.exec(event->globalPos()) == exportAction)
        exportWithDialog();
}

void LandscapeView::exportWithDialog()
{
    exportChartWithDialog(this, tr("Export the landscape"), QStringLiteral("landscape.png"),
                          [this](const QString &path, QString *error) { return exportTo(path, error); });
}

QSize LandscapeView::exportSize() const
{
    if (isVisible() && width() >= 320 && height() >= 260)
        return size();
    return {800, 640};
}

bool LandscapeView::exportTo(const QString &path, QString *error) const
{
    const QSize size = exportSize();
    return exportChart(path, size, kExportScale, logicalDpiX(), tr("Landscape"), [this, size](QPainter *p) { render(p, size); },
                       [this] { return m_landscape.toCsv(); }, error);
}

QByteArray LandscapeView::toSvg(QSize size) const
{
    return chartSvg(size, logicalDpiX(), tr("Landscape"), [this, size](QPainter *p) { render(p, size); });
}

} // namespace fl
