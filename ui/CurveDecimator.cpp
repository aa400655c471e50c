#include "CurveDecimator.h"

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

class ColumnMap
{
public:
    ColumnMap(double xMin, double xMax, int columns)
        : m_xMin(xMin)
        , m_columns(std::max(1, columns))
        , m_scale(xMax > xMin ? m_columns / (xMax - xMin) : 0.0)
    {
    }

    int operator()(double x) const
    {
        const double c = std::floor((x - m_xMin) * m_scale);
        if (!(c > 0))
            return 0;
        return c >= m_columns ? m_columns - 1 : int(c);
    }

    int columns() const { return m_columns; }

private:
    double m_xMin;
    int m_columns;
    double m_scale;
};

struct Tail
{
    qsizetype openInput = 0;   // input index where the last column's points start
    qsizetype openOutput = 0;  // output index where that column's kept points start
};

// Appends the decimation of points[begin, end) to out, column by column.
Tail appendDecimated(const QList<QPointF> &points, qsizetype begin, qsizetype end, const ColumnMap &map,
                     QList<QPointF> &out)
{
    const QPointF *p = points.constData();
    Tail tail{begin, out.size()};
    qsizetype i = begin;
    while (i < end) {
        const int column = map(p[i].x());
        qsizetype lowest = i;
        qsizetype highest = i;
        qsizetype j = i + 1;
        for (; j < end && map(p[j].x()) == column; ++j) {
            if (p[j].y() < p[lowest].y())
                lowest = j;
            if (p[j].y() > p[highest].y())
                highest = j;
        }
        tail = Tail{i, out.size()};
        const qsizetype first = i;
        const qsizetype last = j - 1;
        const qsizetype a = std::min(lowest, highest);
        const qsizetype b = std::max(lowest, highest);
        out.append(p[first]);
        if (a != first)
            out.append(p[a]);
        if (b != a)
            out.append(p[b]);
        if (last != b)
            out.append(p[last]);
        i = j;
    }
    return tail;
}

} // namespace

QList<QPointF> decimateMinMax(const QList<QPointF> &points, double xMin, double xMax, int columns)
{
    const ColumnMap map(xMin, xMax, columns);
    if (points.size() <= 2 * qsizetype(map.columns()))
        return points;
    QList<QPointF> out;
    out.reserve(std::min(points.size(), 4 * qsizetype(map.columns())));
    appendDecimated(points, 0, points.size(), map, out);
    return out;
}

namespace {

// Appends the first, lowest, highest and last of points[begin, end) in x order; returns how many.
unsigned char appendExtremes(const QPointF *points, qsizetype begin, qsizetype end, QList<QPointF> &out)
{
    qsizetype lowest = begin, highest = begin;
    for (qsizetype i = begin + 1; i < end; ++i) {
        if (points[i].y() < points[lowest].y())
            lowest = i;
        if (points[i].y() > points[highest].y())
            highest = i;
    }
    const qsizetype a = std::min(lowest, highest), b = std::max(lowest, highest);
    unsigned char count = 1;
    out.append(points[begin]);
    if (a != begin) {
        out.append(points[a]);
        ++count;
    }
    if (b != a) {
        out.append(points[b]);
        ++count;
    }
    if (end - 1 != b) {
        out.append(points[end - 1]);
        ++count;
    }
    return count;
}

} // namespace

void CurveDecimator::extendSummary(const QList<QPointF> &points)
{
    for (; m_summarized + m_bucket <= points.size(); m_summarized += m_bucket)
        m_bucketSizes.push_back(appendExtremes(points.constData(), m_summarized, m_summarized + m_bucket, m_summary));
    // Too long: merge neighbouring buckets from the summary itself (never from the input again), so
    // doubling the bucket costs the summary's length, not the curve's. An odd last bucket is dropped and
    // summarised again from the input at the new width.
    while (m_summary.size() > summaryLimit) {
        if (m_bucketSizes.size() % 2) {
            m_summary.resize(m_summary.size() - m_bucketSizes.back());
            m_bucketSizes.pop_back();
            m_summarized -= m_bucket;
        }
        QList<QPointF> merged;
        merged.reserve(m_summary.size() / 2 + 4);
        std::vector<unsigned char> sizes;
        sizes.reserve(m_bucketSizes.size() / 2);
        qsizetype at = 0;
        for (size_t k = 0; k < m_bucketSizes.size(); k += 2) {
            const qsizetype pair = m_bucketSizes[k] + m_bucketSizes[k + 1];
            sizes.push_back(appendExtremes(m_summary.constData(), at, at + pair, merged));
            at += pair;
        }
        m_summary = std::move(merged);
        m_bucketSizes = std::move(sizes);
        m_bucket *= 2;
    }
}

const QList<QPointF> &CurveDecimator::update(const QList<QPointF> &points, double xMin, double xMax, int columns)
{
    const ColumnMap map(xMin, xMax, columns);
    if (points.size() > summaryThreshold) {
        if (points.size() < m_summarized)
            reset();
        extendSummary(points);
        QList<QPointF> compact = m_summary;
        compact.append(points.mid(m_summarized));
        m_output = decimateMinMax(compact, xMin, xMax, columns);
        m_incremental = false;
        return m_output;
    }
    if (points.size() <= 2 * qsizetype(map.columns())) {
        m_output = points;
        m_incremental = false;
        return m_output;
    }
    const bool sameLayout = m_incremental && m_xMin == xMin && m_xMax == xMax && m_columns == map.columns()
        && points.size() >= m_inputCount;
    if (sameLayout && points.size() == m_inputCount)
        return m_output;

    qsizetype from = 0;
    if (sameLayout) {
        from = m_openInput;
        m_output.resize(m_openOutput);
    } else {
        m_output.clear();
        m_output.reserve(std::min(points.size(), 4 * qsizetype(map.columns())));
    }
    const Tail tail = appendDecimated(points, from, points.size(), map, m_output);
    m_xMin = xMin;
    m_xMax = xMax;
    m_columns = map.columns();
    m_incremental = true;
    m_inputCount = points.size();
    m_openInput = tail.openInput;
    m_openOutput = tail.openOutput;
    return m_output;
}

void CurveDecimator::reset()
{
    m_summary.clear();
    m_bucketSizes.clear();
    m_bucket = 64;
    m_summarized = 0;
    m_output.clear();
    m_incremental = false;
    m_inputCount = 0;
    m_openInput = 0;
    m_openOutput = 0;
}

} // namespace fl
