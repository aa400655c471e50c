#pragma once

// Clipping a curve to a band of y before it reaches a chart. Qt's dash stroker draws a segment to a
// point millions of pixels off the plot in the wrong place (a diverged run's ghost appeared stretched
// across the whole loss axis), so the loss chart hands its series the curve clipped to a band many plot
// heights tall: what shows is unchanged.

#include <QList>
#include <QPointF>

namespace fl {

// points (a polyline in x order) clipped to low ≤ y ≤ high segment by segment: between a point leaving
// the band and one coming back the curve runs along the band's edge; a segment wholly beyond it runs
// along that edge from its first x to its last; a lone point is clamped. Consecutive equal points are
// given once. *clipped says whether anything was cut (points is returned as it is when nothing was).
QList<QPointF> clipToBand(const QList<QPointF> &points, double low, double high, bool *clipped);

} // namespace fl
