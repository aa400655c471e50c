#pragma once

// Min–max decimation of a curve for display. The x range is cut into pixel columns, and of the points
// that fall in one column only the first, the lowest, the highest and the last (in x order) are kept:
// a curve of any length is drawn with at most four points per column, looks the same as the full
// curve at that width, and a one-epoch spike still shows.

#include <QList>
#include <QPointF>

#include <vector>

namespace fl {

// points must be sorted by x and finite. A point's column is floor((x − xMin)/(xMax − xMin)·columns),
// clamped to [0, columns − 1], so points outside [xMin, xMax] land in the edge columns; xMax ≤ xMin puts
// every point in one column, and columns < 1 counts as 1.
// An input of at most 2·columns points is returned unchanged: with two points or fewer per column on
// average there is nothing worth dropping, and the short curves of a fresh run are drawn exactly.
// Otherwise the result holds at most 4 points per column, in x order, each one an input point.
QList<QPointF> decimateMinMax(const QList<QPointF> &points, double xMin, double xMax, int columns);

// Keeps decimateMinMax() of a curve that only grows at its end (a training run receiving epochs), so
// that a redraw costs the new points rather than the whole curve. The result is always exactly
// decimateMinMax(points, xMin, xMax, columns); while xMin, xMax and columns stay the same and points
// only grew, only the points from the start of the last column onwards are looked at again.
//
// Past summaryThreshold points a change of layout (the x axis stepping up as a run grows) would cost a
// pass over millions of points on the UI thread. Instead the decimator keeps a summary: the first,
// lowest, highest and last point of every bucket of `bucket` consecutive points, with the bucket
// doubling whenever the summary outgrows summaryLimit points, and decimates that summary plus the
// points not yet summarised. Every point drawn is still an input point, and each bucket's extremes are
// kept; a bucket is far narrower than a pixel column at these sizes.
class CurveDecimator
{
public:
    static constexpr qsizetype summaryThreshold = qsizetype(1) << 18;
    static constexpr qsizetype summaryLimit = qsizetype(1) << 16;

    const QList<QPointF> &update(const QList<QPointF> &points, double xMin, double xMax, int columns);
    // Forget everything: to be called when the curve is replaced rather than extended.
    void reset();

private:
    void extendSummary(const QList<QPointF> &points);

    QList<QPointF> m_summary;
    std::vector<unsigned char> m_bucketSizes;  // summary points (1 to 4) of each bucket, in order
    qsizetype m_bucket = 64;     // input points per summary bucket
    qsizetype m_summarized = 0;  // input points the summary covers (whole buckets)

    QList<QPointF> m_output;
    double m_xMin = 0;
    double m_xMax = 0;
    int m_columns = 0;
    bool m_incremental = false;  // m_output is a decimation that can be extended
    qsizetype m_inputCount = 0;  // points of the input that m_output covers
    qsizetype m_openInput = 0;   // input index of the first point in the last column
    qsizetype m_openOutput = 0;  // output index of the first point kept from that column
};

} // namespace fl
