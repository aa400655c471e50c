#include "WeightSlider.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QStyleOptionSlider>

#include <algorithm>

namespace fl {

WeightSlider::WeightSlider(QWidget *parent)
    : QSlider(Qt::Horizontal, parent)
{
}

void WeightSlider::setMarker(std::optional<int> value)
{
    if (value)
        value = std::clamp(*value, minimum(), maximum());
    if (value == m_marker)
        return;
    m_marker = value;
    update();
}

void WeightSlider::setMarkerRoom(bool room)
{
    if (room == m_room)
        return;
    m_room = room;
    updateGeometry();
}

int WeightSlider::markerHeight() const
{
    return std::max(6, fontMetrics().height() / 2);
}

QSize WeightSlider::sizeHint() const
{
    return QSlider::sizeHint() + QSize(0, m_room ? markerHeight() : 0);
}

QSize WeightSlider::minimumSizeHint() const
{
    return QSlider::minimumSizeHint() + QSize(0, m_room ? markerHeight() : 0);
}

std::optional<int> WeightSlider::markerX() const
{
    if (!m_marker)
        return std::nullopt;
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect groove = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    const QRect handle = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
    // The handle's centre travels over the groove less one handle length; the marker uses the same scale.
    const int span = std::max(1, groove.width() - handle.width());
    return groove.x() + handle.width() / 2
        + QStyle::sliderPositionFromValue(minimum(), maximum(), *m_marker, span, option.upsideDown);
}

void WeightSlider::paintEvent(QPaintEvent *event)
{
    QSlider::paintEvent(event);
    const std::optional<int> x = markerX();
    if (!x)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int height = markerHeight();
    const int half = std::max(3, height * 2 / 3);
    QPainterPath triangle;
    triangle.moveTo(*x - half, 0.5);
    triangle.lineTo(*x + half, 0.5);
    triangle.lineTo(*x, height);
    triangle.closeSubpath();
    const QColor colour = isEnabled() ? palette().color(QPalette::Highlight) : palette().color(QPalette::Disabled, QPalette::WindowText);
    painter.fillPath(triangle, colour);
    painter.setPen(QPen(palette().color(QPalette::WindowText), 1));
    painter.drawPath(triangle);
}

} // namespace fl
