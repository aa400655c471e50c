#pragma once

// Labelled vertical markers at epochs of a chart (the loss chart's learning-rate changes): a dashed line
// across the y axis' range, and a label on a translucent box at the top of the plot, right of its line
// (left of it near the right edge), a row lower where it would overlap a label before it. The chart
// owns the lines and the boxes.

#include <QString>

#include <functional>
#include <vector>

class QChart;
class QFont;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QPalette;
class QPen;

namespace fl {

class EpochMarkers
{
public:
    // addLine makes a line series in a pen on the chart's axes: a marker's line.
    EpochMarkers(QChart *chart, std::function<QLineSeries *(const QPen &)> addLine);
    EpochMarkers(const EpochMarkers &) = delete;
    EpochMarkers &operator=(const EpochMarkers &) = delete;

    // A marker at epoch labelled text, its label in font and palette; one already at epoch is relabelled.
    void set(int epoch, const QString &text, const QFont &font, const QPalette &palette);
    void clear();
    int count() const { return int(m_markers.size()); }
    int lastEpoch() const;   // 0 without markers

    // Each line from low to high (the y axis' range), then the labels placed.
    void setSpan(double low, double high);
    // The labels at the top of the plot area, as it is now (after a new plot area or epoch axis).
    void placeLabels();
    // Lines at the chart pen scale, labels in font and palette (a palette, font or presenter-mode change).
    void restyle(const QFont &font, const QPalette &palette);

private:
    struct Marker
    {
        int epoch = 0;
        QLineSeries *line = nullptr;
        QGraphicsRectItem *box = nullptr;   // the label's background; owns the text
        QGraphicsSimpleTextItem *text = nullptr;
    };

    static QPen linePen();
    static void styleLabel(Marker &marker, const QFont &font, const QPalette &palette);

    QChart *m_chart;
    std::function<QLineSeries *(const QPen &)> m_addLine;
    std::vector<Marker> m_markers;
    double m_high = 1;   // the top of the lines: where the labels' x is read
};

} // namespace fl
