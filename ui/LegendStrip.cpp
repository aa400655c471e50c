#include "LegendStrip.h"

#include "ChartAxes.h"
#include "Fonts.h"

#include <QApplication>
#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QRectF>
#include <QSizePolicy>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fl {

QColor withAlpha(QColor color, double alpha)
{
    color.setAlphaF(float(alpha));
    return color;
}

QPen curvePen(const QColor &color, double width, bool dashed)
{
    QPen pen(color, width * chartPenScale(), Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin);
    if (dashed)
        pen.setDashPattern({3.0, 2.0});
    return pen;
}

LegendStrip::LegendStrip(QWidget *parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setFont(sizedFont(font(), 12));
}

void LegendStrip::setEntries(const QList<Entry> &entries)
{
    if (entries.size() == m_entries.size()
        && std::equal(entries.cbegin(), entries.cend(), m_entries.cbegin(),
                      [](const Entry &a, const Entry &b) { return a.pen == b.pen && a.text == b.text; }))
        return;
    m_entries = entries;
    updateGeometry();
    update();
}

int LegendStrip::heightForWidth(int width) const
{
    double height = 0;
    layoutEntries(width, &height);
    return int(std::ceil(height));
}

QSize LegendStrip::sizeHint() const
{
    double height = 0;
    const QList<QRectF> boxes = layoutEntries(std::numeric_limits<int>::max() / 2, &height);
    double width = 0;
    for (const QRectF &box : boxes)
        width = std::max(width, box.right());
    return QSize(int(std::ceil(width + 2 * margin())), int(std::ceil(height)));
}

QSize LegendStrip::minimumSizeHint() const
{
    double widest = 0;
    for (const Entry &entry : m_entries)
        widest = std::max(widest, entryWidth(entry));
    return QSize(int(std::ceil(widest + 2 * margin())), heightForWidth(int(widest + 2 * margin())));
}

void LegendStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), chartBackground(palette()));
    double height = 0;
    const QList<QRectF> boxes = layoutEntries(width(), &height);
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const QRectF &box = boxes[i];
        const double y = box.center().y();
        painter.setPen(m_entries[i].pen);
        painter.drawLine(QPointF(box.left(), y), QPointF(box.left() + sampleWidth(), y));
        painter.setPen(chartText(palette()));
        painter.drawText(QRectF(box.left() + sampleWidth() + gap(), box.top(),
                                box.width() - sampleWidth() - gap(), box.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, m_entries[i].text);
    }
}

bool LegendStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ApplicationFontChange) {
        setFont(sizedFont(QApplication::font(this), 12));
        updateGeometry();
    }
    return QWidget::event(event);
}

double LegendStrip::em() const
{
    return QFontMetricsF(font()).height();
}

double LegendStrip::entryWidth(const Entry &entry) const
{
    return sampleWidth() + gap() + QFontMetricsF(font()).horizontalAdvance(entry.text);
}

QList<QRectF> LegendStrip::layoutEntries(int width, double *height) const
{
    const double rowHeight = 1.4 * em();
    const double available = width - 2 * margin();
    QList<QRectF> boxes;
    qsizetype rowStart = 0;
    double x = 0;
    double y = 0.2 * em();
    auto centreRow = [&](qsizetype end) {
        const double shift = std::max(0.0, (available - x) / 2) + margin();
        for (qsizetype i = rowStart; i < end; ++i)
            boxes[i].translate(shift, 0);
    };
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const double w = entryWidth(m_entries[i]);
        if (i > rowStart && x + spacing() + w > available) {
            centreRow(i);
            rowStart = i;
            x = 0;
            y += rowHeight;
        }
        const double left = i > rowStart ? x + spacing() : 0;
        boxes.append(QRectF(left, y, w, rowHeight));
        x = left + w;
    }
    centreRow(m_entries.size());
    *height = m_entries.isEmpty() ? 0 : y + rowHeight + 0.3 * em();
    return boxes;
}

} // namespace fl
