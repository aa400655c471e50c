#pragma once

// Clipping a curve to a band of y before it reaches a chart. Qt's dash stroker draws a segment to a
// point millions of pixels off the plot in the wrong place (a diverged run's ghost appeared stretched
// across the whole loss axis), so the loss chart hands its series the curve clipped to a band many plot
// heights tall: what shows is unchanged.

#include "ChartScales.h"

#include <QList>
#include <QPointF>

namespace fl {

// points (a polyline in x order) clipped to low ≤ y ≤ high segment by segment: between a point leaving
// the band and one coming back the curve runs along the band's edge; a segment wholly beyond it runs
// along that edge from its first x to its last; a lone point is clamped. Consecutive equal points are
// given once. *clipped says whether anything was cut (points is returned as it is when nothing was).
QList<QPointF> clipToBand(const QList<QPointF> &points, double low, double high, bool *clipped);

// The band a curve's points were last clipped to around a y axis' range: the range, and eight times its
// height above and below it.
class CurveBand
{
public:
    // points clipped to the band around [low, high] (clipToBand).
    QList<QPointF> clip(const QList<QPointF> &points, double low, double high);
    // Whether the points last given to clip(), whose y range is extent, must be clipped again for the
    // range [low, high]: when some were cut and the band no longer holds the range with twice its height
    // to spare, or is more than 40 heights tall (far-off points would be drawn again); when none were
    // cut and they reach more than eight heights beyond the range.
    bool needsClipping(const Extent &extent, double low, double high) const;

private:
    double m_low = 0;
    double m_high = 0;
    bool m_clipped = false;   // some points lay outside the band
};

} // namespace fl
