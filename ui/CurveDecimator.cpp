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

const QList<QPointF> &CurveDecimator::update(const QList<QPointF> &points, double xMin, double xMax, int columns)
{
    const ColumnMap map(xMin, xMax, columns);
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
    m_output.clear();
    m_incremental = false;
    m_inputCount = 0;
    m_openInput = 0;
    m_openOutput = 0;
}

} // namespace fl
