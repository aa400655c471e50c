#include "WeightsChart.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

// The loss chart's colours (Okabe–Ito): weights in its train blue, gradients in its validation
// vermillion, which keep their contrast on a washed-out projector.
const QColor kWeightColor(0, 114, 178);
const QColor kGradientColor(213, 94, 0);

// The smallest of 1, 2, 5 × 10ᵏ at or above value.
double niceCeil(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 0;
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * decade >= value * (1 - 1e-12))
            return m * decade;
    }
    return 10 * decade;
}

QString scaleLabel(double value)
{
    return QLocale().toString(value, 'g', 3);
}

} // namespace

WeightsChart::WeightsChart(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setAccessibleName(tr("Weights and gradient"));
    setMouseTracking(true);
    clear(tr("The weights appear when a run of the linear regression is ready."));
}

QSize WeightsChart::sizeHint() const
{
    return QSize(320, 240);
}

QSize WeightsChart::minimumSizeHint() const
{
    // Small enough for a dock in presenter mode's large type: the bands shrink to a line each.
    const int line = fontMetrics().height();
    return QSize(200, int(line * 5.5));
}

void WeightsChart::clear(const QString &message)
{
    m_snapshot = ParameterSnapshot();
    m_message = message;
    m_weightScale = m_gradientScale = 0;
    setToolTip(QString());
    update();
}

double WeightsChart::updatedScale(double scale, const std::vector<double> &values)
{
    // The features' weights set the scale, not the bias: b heads for the mean rating (3.5 on the
    // demo) while the weights stay near 0.1, and on one scale every weight would be a flat line. A
    // bias beyond the scale is drawn to the edge with an arrowhead. Only a bias alone scales itself.
    double largest = 0;
    const size_t features = values.size() > 1 ? values.size() - 1 : values.size();
    for (size_t i = 0; i < features; ++i) {
        if (std::isfinite(values[i]))
            largest = std::max(largest, std::abs(values[i]));
    }
    if (largest == 0)
        return scale > 0 ? scale : 1.0;
    if (scale <= 0 || largest > scale || largest < scale / 4)
        return niceCeil(largest);
    return scale;
}

void WeightsChart::setSnapshot(const ParameterSnapshot &snapshot)
{
    if (snapshot.weights.size() != m_snapshot.weights.size())
        m_weightScale = m_gradientScale = 0;
    m_snapshot = snapshot;
    m_message.clear();
    m_weightScale = updatedScale(m_weightScale, snapshot.weights);
    m_gradientScale = updatedScale(m_gradientScale, snapshot.gradient);
    update();
}

WeightsChart::Layout WeightsChart::layout() const
{
    Layout l;
    const QFontMetricsF metrics(font());
    const double line = metrics.height();
    const double axis = std::max({metrics.horizontalAdvance(QStringLiteral("±") + scaleLabel(m_weightScale)),
                                  metrics.horizontalAdvance(QStringLiteral("±") + scaleLabel(m_gradientScale)),
                                  metrics.horizontalAdvance(QStringLiteral("∇L"))}) + 8;
    const QRectF area = QRectF(rect()).adjusted(axis, line * 1.3, -6, -(line * 1.3));
    const double bandGap = line * 0.5;
    const double bands = std::max(20.0, area.height() - bandGap);
    l.weights = QRectF(area.left(), area.top(), area.width(), bands * 0.55);
    l.gradient = QRectF(area.left(), l.weights.bottom() + bandGap, area.width(), bands * 0.45);
    l.groups = QRectF(area.left(), l.gradient.bottom() + 2, area.width(), line * 1.4 - 2);
    // The bias gets its own slot after a gap of one slot: it is not a feature's weight.
    const int count = int(m_snapshot.weights.size());
    const int slots = std::max(1, count + 1);
    l.slot = area.width() / slots;
    l.left = area.left();
    l.biasLeft = area.left() + double(slots - 1) * l.slot;
    return l;
}

double WeightsChart::slotX(const Layout &l, int index) const
{
    const int bias = int(m_snapshot.weights.size()) - 1;
    return index == bias ? l.biasLeft : l.left + double(index) * l.slot;
}

QRectF WeightsChart::barRect(int index, bool gradient) const
{
    const std::vector<double> &values = gradient ? m_snapshot.gradient : m_snapshot.weights;
    const double scale = gradient ? m_gradientScale : m_weightScale;
    if (index < 0 || size_t(index) >= values.size() || !(scale > 0) || !std::isfinite(values[size_t(index)]))
        return {};
    const Layout l = layout();
    const QRectF band = gradient ? l.gradient : l.weights;
    const double zero = band.center().y();
    const double height = std::clamp(values[size_t(index)] / scale, -1.0, 1.0) * band.height() / 2;
    const double width = std::max(1.0, l.slot * 0.72);
    const double x = slotX(l, index) + (l.slot - width) / 2;
    return QRectF(QPointF(x, zero - std::max(height, 0.0)), QSizeF(width, std::abs(height)));
}

QString WeightsChart::describe(int index) const
{
    if (index < 0 || size_t(index) >= m_snapshot.weights.size() || size_t(index) >= m_snapshot.gradient.size())
        return QString();
    const double w = m_snapshot.weights[size_t(index)];
    const double g = m_snapshot.gradient[size_t(index)];
    const bool bias = size_t(index) + 1 == m_snapshot.weights.size();
    const QString symbol = bias ? QStringLiteral("b") : QStringLiteral("w%1").arg(index + 1);
    QString where = bias ? tr("the bias") : QString();
    for (qsizetype k = 0; !bias && k < m_snapshot.groupNames.size(); ++k) {
        const int offset = m_snapshot.groupOffsets[size_t(k)];
        if (index >= offset && index < offset + m_snapshot.groupWidths[size_t(k)])
            where = tr("%1, column %2").arg(m_snapshot.groupNames[k]).arg(index - offset + 1);
    }
    const QLocale locale;
    QString text = where.isEmpty() ? QString() : where + QLatin1Char('\n');
    text += tr("%1 = %2\n∂L/∂%1 = %3\na gradient descent step moves it by −η·∂L/∂%1 = %4")
                .arg(symbol, locale.toString(w, 'g', 4), locale.toString(g, 'g', 4),
                     locale.toString(-m_snapshot.learningRate * g, 'g', 4));
    return text;
}

int WeightsChart::indexAt(const QPointF &point) const
{
    if (m_snapshot.weights.empty())
        return -1;
    const Layout l = layout();
    if (point.y() < l.weights.top() || point.y() > l.groups.bottom())
        return -1;
    const int count = int(m_snapshot.weights.size());
    if (point.x() >= l.biasLeft && point.x() < l.biasLeft + l.slot)
        return count - 1;
    const int index = int(std::floor((point.x() - l.left) / l.slot));
    return index >= 0 && index < count - 1 ? index : -1;
}

bool WeightsChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = describe(indexAt(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void WeightsChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    update();
}

void WeightsChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const QColor text = palette().color(QPalette::Text);
    QColor faint = text;
    faint.setAlphaF(0.35);
    const QFontMetricsF metrics(font());
    painter.setPen(text);

    if (m_snapshot.weights.empty()) {
        painter.drawText(QRectF(rect()).adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }

    const Layout l = layout();
    const int count = int(m_snapshot.weights.size());

    // The heading: what the colours are, and which epoch the bars are from.
    const double line = metrics.height();
    double x = 6;
    auto swatch = [&](const QColor &color, const QString &label) {
        painter.fillRect(QRectF(x, line * 0.35, line * 0.7, line * 0.7), color);
        x += line * 0.7 + 4;
        painter.drawText(QPointF(x, line * 0.35 + metrics.ascent() * 0.8), label);
        x += metrics.horizontalAdvance(label) + 14;
    };
    swatch(kWeightColor, tr("weight"));
    swatch(kGradientColor, tr("gradient ∂L/∂w"));
    const QString epoch = tr("epoch %1").arg(QLocale().toString(m_snapshot.epoch));
    const double epochWidth = metrics.horizontalAdvance(epoch);
    if (x + epochWidth + 6 <= width())
        painter.drawText(QPointF(width() - epochWidth - 6, line * 0.35 + metrics.ascent() * 0.8), epoch);

    auto band = [&](const QRectF &area, double scale, const QString &title, const std::vector<double> &values,
                    const QColor &color, bool gradient) {
        painter.setPen(faint);
        painter.drawLine(QPointF(area.left(), area.center().y()), QPointF(area.right(), area.center().y()));
        painter.drawLine(QPointF(area.left(), area.top()), QPointF(area.left(), area.bottom()));
        painter.setPen(text);
        // Left of the band: its name and, when there is room for a second line, its scale (the band
        // spans −scale … +scale around the zero line).
        const QRectF labels(0, area.top(), area.left() - 4, area.height());
        if (area.height() >= 2 * line)
            painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, title + QLatin1Char('\n') + QStringLiteral("±") + scaleLabel(scale));
        else
            painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, title);
        for (int i = 0; i < int(values.size()); ++i) {
            const QRectF bar = barRect(i, gradient);
            if (bar.isNull())
                continue;
            painter.fillRect(bar.height() < 1 ? bar.adjusted(0, -0.5, 0, 0.5) : bar, color);
            if (std::abs(values[size_t(i)]) > scale) {
                // Beyond the scale (the bias): an arrowhead says the bar goes on.
                const bool up = values[size_t(i)] > 0;
                const double tip = up ? area.top() - 5 : area.bottom() + 5;
                const double base = up ? area.top() + 1 : area.bottom() - 1;
                const double half = bar.width() / 2 + 2;
                const QPointF head[3] = {QPointF(bar.center().x() - half, base), QPointF(bar.center().x() + half, base),
                                         QPointF(bar.center().x(), tip)};
                painter.setPen(Qt::NoPen);
                painter.setBrush(color);
                painter.drawPolygon(head, 3);
                painter.setPen(text);
            }
        }
    };
    band(l.weights, m_weightScale, QStringLiteral("W"), m_snapshot.weights, kWeightColor, false);
    band(l.gradient, m_gradientScale, QStringLiteral("∇L"), m_snapshot.gradient, kGradientColor, true);

    // Under the bars: the modalities' columns (concatenation), or the fused columns, and the bias.
    painter.setPen(text);
    const QRectF row = l.groups;
    auto label = [&](double left, double right, const QString &name) {
        painter.setPen(faint);
        painter.drawLine(QPointF(left + 1, row.top() + 2), QPointF(right - 1, row.top() + 2));
        painter.setPen(text);
        const QRectF box(left, row.top() + 3, right - left, row.height() - 3);
        painter.drawText(box, Qt::AlignHCenter | Qt::AlignTop, metrics.elidedText(name, Qt::ElideRight, box.width()));
    };
    if (!m_snapshot.groupNames.isEmpty()) {
        for (qsizetype k = 0; k < m_snapshot.groupNames.size(); ++k) {
            const double left = l.left + m_snapshot.groupOffsets[size_t(k)] * l.slot;
            label(left, left + m_snapshot.groupWidths[size_t(k)] * l.slot, m_snapshot.groupNames[k]);
        }
    } else {
        label(l.left, l.left + double(count - 1) * l.slot, tr("columns of F (1–%1)").arg(count - 1));
    }
    label(l.biasLeft - l.slot * 0.5, l.biasLeft + l.slot * 1.5, QStringLiteral("b"));
}

} // namespace fl
