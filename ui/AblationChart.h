#pragma once

// The modality ablation as a bar chart: one horizontal bar per subset ("text alone", "all but image",
// "all") for the mean of the metric over the seeds, a min–max whisker across the seeds, "all" drawn in
// the strong colour as the reference, and beside each bar its mean and its difference to "all"
// (coloured by whether it is better or worse). Bars start at zero, so that their lengths compare
// honestly, unless every value sits in a narrow band far from zero (validation losses of 6.69 … 6.97):
// then the axis starts just below the band, with a break mark on the axis and its start in the axis
// title, or all bars would look the same. Exports to PNG (2×), SVG and CSV (Ablation::toCsv()).

#include "engine/training/Ablation.h"

#include <QRectF>
#include <QWidget>

class QPainter;

namespace fl {

class AblationChart : public QWidget
{
    Q_OBJECT

public:
    explicit AblationChart(QWidget *parent = nullptr);

    void setAblation(const Ablation &ablation);
    const Ablation &ablation() const { return m_ablation; }
    // The rows as drawn (Ablation::rows() of the last setAblation()).
    const std::vector<AblationRow> &rows() const { return m_rows; }

    // Where row's bar (the mean) is drawn in widget coordinates; empty while the row has no value.
    QRectF barRect(int row) const;
    // The value at a horizontal widget position on the value axis (the inverse of the bars' scale).
    double valueAt(double x) const;
    // Where the value axis (and every bar) starts: 0, or just below the values when they sit far from 0.
    double axisStart() const;

    // By the path's suffix: .png (twice the on-screen resolution), .svg, .csv. On failure returns false,
    // leaves no partial file and sets *error.
    bool exportTo(const QString &path, QString *error) const;
    QByteArray toSvg(QSize size) const;
    void render(QPainter *painter, QSize size) const;

    QSize sizeHint() const override { return {640, 360}; }
    QSize minimumSizeHint() const override { return {360, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Layout
    {
        QRectF title;
        QRectF labels;       // the subsets' names, right-aligned
        QRectF plot;         // bars and whiskers
        double low = 0;      // the value axis from low (plot.left) to high (plot.right)
        double high = 1;
        double rowHeight = 0;
    };
    Layout layoutFor(QSize size) const;
    QString rowText(const AblationRow &row) const;
    void exportWithDialog();
    QSize exportSize() const;

    Ablation m_ablation;
    std::vector<AblationRow> m_rows;
};

} // namespace fl
