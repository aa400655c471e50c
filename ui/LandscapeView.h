#pragma once

// The α–β landscape as a heatmap: one cell per pair of weights of the two modalities on the axes,
// coloured by the chosen validation value with viridis oriented so that the better end is always the
// bright (yellow) one, whatever the metric's direction; a colour bar with value ticks says so. The best
// cell carries a ring and its value. Cells not computed yet (a trained grid filling in) are grey with a
// dot pattern, failed or diverged ones hatched. Hovering reads a cell out, clicking one emits its
// weights. Exports to PNG (2×), SVG and CSV.
//
// The cells are painted into a cached image of one pixel per cell, scaled without smoothing, so a
// 101 × 101 grid costs a single image draw; updateCell() only marks the image stale and repaints from a
// coalescing timer (at most ~30 times a second).

#include "engine/training/Landscape.h"

#include <QColor>
#include <QImage>
#include <QPoint>
#include <QRectF>
#include <QString>
#include <QTimer>
#include <QWidget>

class QPainter;

namespace fl {

class LandscapeView : public QWidget
{
    Q_OBJECT

public:
    explicit LandscapeView(QWidget *parent = nullptr);

    void setLandscape(const Landscape &landscape);
    // Puts one finished cell in place (cells outside the grid are ignored); the repaint is coalesced.
    void updateCell(const LandscapeCell &cell);
    const Landscape &landscape() const { return m_landscape; }
    void clear();

    // The viridis colour at t ∈ [0, 1]: 0 dark purple, 1 bright yellow (the "better" end here).
    static QColor colorMap(double t);
    // The colour a value gets in the current landscape (its finite range, oriented so better is brighter).
    QColor colorOf(double value) const;

    // Where cell (ix, iy) is drawn in widget coordinates (iy = 0 at the bottom); empty without a grid.
    QRectF cellRect(int ix, int iy) const;
    // The cell under a widget position, or (−1, −1).
    QPoint cellAt(const QPointF &position) const;
    // "text = 0.84, image = 1.22: val_loss 0.4123"; empty outside the grid.
    QString describeCell(int ix, int iy) const;
    QString describeAt(const QPointF &position) const;

    // By the path's suffix: .png (twice the on-screen resolution), .svg, .csv (Landscape::toCsv()).
    // On failure returns false, leaves no partial file and sets *error.
    bool exportTo(const QString &path, QString *error) const;
    // The view as an SVG document of size (logical pixels), e.g. for a report.
    QByteArray toSvg(QSize size) const;
    // Paints the view into painter over a size × size.height() area, as on screen.
    void render(QPainter *painter, QSize size) const;

    QSize sizeHint() const override { return {640, 520}; }
    QSize minimumSizeHint() const override { return {320, 260}; }

Q_SIGNALS:
    void cellClicked(double xWeight, double yWeight);
    // The read-out of the cell under the mouse; empty when it leaves the grid.
    void cellHovered(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Layout
    {
        QRectF title;
        QRectF plot;
        QRectF colorBar;
    };
    Layout layoutFor(QSize size) const;
    void rebuildImage() const;
    void updateRange();
    void exportWithDialog();
    QString axisTitle(const QString &modality) const;
    QString weightText(double weight, const LandscapeAxis &axis) const;
    QString metricTitle() const;
    QSize exportSize() const;

    Landscape m_landscape;
    double m_min = 0;            // the finite values' range
    double m_max = 0;
    bool m_hasRange = false;
    QPoint m_hover{-1, -1};
    QTimer m_repaintTimer;
    mutable QImage m_cells;      // one pixel per cell, transparent where there is no finite value
    mutable bool m_cellsStale = true;
};

// A value as the landscape and the ablation show it: four decimals, or four significant digits when
// very large or small.
QString formatLandscapeValue(double value);

// Round values (1, 2, 2.5 or 5 × 10ᵏ apart) covering [low, high], about count of them; the ablation
// chart's value axis uses them too.
std::vector<double> roundTicks(double low, double high, int count);
// The fewest decimals (up to 6) that write every value exactly.
int tickDecimals(const std::vector<double> &values);

} // namespace fl
