#include "CurveClip.h"

#include <algorithm>

namespace fl {

QList<QPointF> clipToBand(const QList<QPointF> &points, double low, double high, bool *clipped)
{
    *clipped = false;
    for (const QPointF &p : points) {
        if (p.y() < low || p.y() > high) {
            *clipped = true;
            break;
        }
    }
    if (!*clipped)
        return points;
    QList<QPointF> out;
    out.reserve(points.size() + 8);
    auto add = [&out](const QPointF &p) {
        if (out.isEmpty() || out.back() != p)
            out.append(p);
    };
    if (points.size() == 1) {
        add(QPointF(points.front().x(), std::clamp(points.front().y(), low, high)));
        return out;
    }
    for (qsizetype i = 1; i < points.size(); ++i) {
        const QPointF a = points[i - 1];
        const QPointF b = points[i];
        const double dy = b.y() - a.y();
        double enter = 0;
        double leave = 1;
        if (dy != 0) {
            const double tLow = (low - a.y()) / dy;
            const double tHigh = (high - a.y()) / dy;
            enter = std::max(0.0, std::min(tLow, tHigh));
            leave = std::min(1.0, std::max(tLow, tHigh));
        } else if (a.y() < low || a.y() > high) {
            enter = 1;
            leave = 0;
        }
        if (enter > leave) {
            // Wholly above or below: along the edge it is beyond.
            const double edge = a.y() > high ? high : low;
            add(QPointF(a.x(), edge));
            add(QPointF(b.x(), edge));
            continue;
        }
        add(a + enter * (b - a));
        add(a + leave * (b - a));
    }
    return out;
}

namespace {

double heightOf(double low, double high)
{
    return std::max(high - low, 1e-300);
}

} // namespace

QList<QPointF> CurveBand::clip(const QList<QPointF> &points, double low, double high)
{
    const double height = heightOf(low, high);
    m_low = low - 8 * height;
    m_high = high + 8 * height;
    return clipToBand(points, m_low, m_high, &m_clipped);
}

bool CurveBand::needsClipping(const Extent &extent, double low, double high) const
{
    const double height = heightOf(low, high);
    if (m_clipped)
        return m_low > low - 2 * height || m_high < high + 2 * height || m_high - m_low > 40 * height;
    return extent.valid() && (extent.low < low - 8 * height || extent.high > high + 8 * height);
}

} // namespace fl
