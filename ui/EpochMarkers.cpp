#include "EpochMarkers.h"

#include "ChartAxes.h"
#include "Fonts.h"
#include "LegendStrip.h"

#include <QBrush>
#include <QChart>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QPen>

#include <algorithm>
#include <memory>

namespace fl {

namespace {

const QColor kMarkerColor(204, 121, 167);   // Okabe–Ito reddish purple

} // namespace

EpochMarkers::EpochMarkers(QChart *chart, std::function<QLineSeries *(const QPen &)> addLine)
    : m_chart(chart)
    , m_addLine(std::move(addLine))
{
}

QPen EpochMarkers::linePen()
{
    QPen pen(kMarkerColor, 2 * chartPenScale(), Qt::SolidLine, Qt::FlatCap);
    pen.setDashPattern({4.0, 3.0});
    return pen;
}

void EpochMarkers::styleLabel(Marker &marker, const QFont &font, const QPalette &palette)
{
    marker.box->setBrush(withAlpha(chartBackground(palette), 0.85));
    marker.text->setBrush(chartText(palette));
    marker.text->setFont(sizedFont(font, 11));
}

void EpochMarkers::set(int epoch, const QString &text, const QFont &font, const QPalette &palette)
{
    auto existing = std::find_if(m_markers.begin(), m_markers.end(), [epoch](const Marker &m) { return m.epoch == epoch; });
    Marker *marker = nullptr;
    if (existing != m_markers.end()) {
        marker = &*existing;
    } else {
        m_markers.push_back(Marker{epoch, nullptr, nullptr, nullptr});
        marker = &m_markers.back();
        marker->line = m_addLine(linePen());
        marker->box = new QGraphicsRectItem(m_chart);
        marker->box->setPen(Qt::NoPen);
        marker->box->setZValue(1000);
        marker->text = new QGraphicsSimpleTextItem(marker->box);
        styleLabel(*marker, font, palette);
        marker->text->setPos(4, 1);
    }
    marker->text->setText(text);
    const QRectF textRect = marker->text->boundingRect();
    marker->box->setRect(0, 0, textRect.width() + 8, textRect.height() + 2);
}

void EpochMarkers::clear()
{
    for (Marker &marker : m_markers) {
        m_chart->removeSeries(marker.line);   // gives the series back to us
        const std::unique_ptr<QLineSeries> line(marker.line);
        const std::unique_ptr<QGraphicsRectItem> box(marker.box);   // and its text
    }
    m_markers.clear();
}

int EpochMarkers::lastEpoch() const
{
    int last = 0;
    for (const Marker &marker : m_markers)
        last = std::max(last, marker.epoch);
    return last;
}

void EpochMarkers::setSpan(double low, double high)
{
    m_high = high;
    for (Marker &marker : m_markers)
        marker.line->replace({QPointF(marker.epoch, low), QPointF(marker.epoch, high)});
    placeLabels();
}

void EpochMarkers::placeLabels()
{
    const QRectF plot = m_chart->plotArea();
    std::vector<Marker *> order;
    for (Marker &marker : m_markers)
        order.push_back(&marker);
    std::sort(order.begin(), order.end(), [](const Marker *a, const Marker *b) { return a->epoch < b->epoch; });
    std::vector<double> rowEnds;   // where the last label of each row ends
    for (Marker *marker : order) {
        const double x = m_chart->mapToPosition(QPointF(marker->epoch, m_high), marker->line).x();
        const bool inside = plot.width() > 0 && x >= plot.left() - 0.5 && x <= plot.right() + 0.5;
        marker->box->setVisible(inside);
        if (!inside)
            continue;
        const QSizeF size = marker->box->rect().size();
        double left = x + 4;
        if (left + size.width() > plot.right())
            left = x - 4 - size.width();
        size_t row = 0;
        while (row < rowEnds.size() && rowEnds[row] > left - 4)
            ++row;
        if (row == rowEnds.size())
            rowEnds.push_back(0);
        rowEnds[row] = left + size.width();
        marker->box->setPos(left, plot.top() + 4 + double(row) * (size.height() + 2));
    }
}

void EpochMarkers::restyle(const QFont &font, const QPalette &palette)
{
    for (Marker &marker : m_markers) {
        marker.line->setPen(linePen());
        styleLabel(marker, font, palette);
        const QRectF textRect = marker.text->boundingRect();
        marker.box->setRect(0, 0, textRect.width() + 8, textRect.height() + 2);
    }
}

} // namespace fl
