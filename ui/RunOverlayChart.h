#pragma once

// The Runs page's comparison chart: the curves of several finished runs overlaid, each run in its own
// colour of a qualitative palette. In loss mode each run draws its train loss solid and its validation
// loss dashed; in metric mode each ranking run draws one validation metric (chosen in a combo box) per
// epoch. The legend names each run by what differs between the shown runs ("α (text) = 1.2, image
// off"), or by its name when it has one.
//
// Smoothing is TensorBoard's debiased EMA (engine/core/Smoothing.h), applied to the whole curve before
// min–max decimation (at most ~2 points per pixel column); the raw curve is drawn faint behind the
// smoothed one, and alone at weight 0. Every Qt Charts type stays inside the .cpp, as in LossChartView.

#include "engine/training/RunRecord.h"

#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

namespace fl {

class RunOverlayChart : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Loss, Metric };
    enum class Curve { Train, Validation, Metric };

    explicit RunOverlayChart(QWidget *parent = nullptr);
    ~RunOverlayChart() override;

    // The runs to overlay, in legend order (colours follow this order). Records are copied.
    void setRuns(const std::vector<RunRecord> &runs);
    QStringList runIds() const;

    void setMode(Mode mode);
    Mode mode() const;
    // The metric drawn in metric mode ("ndcg@10"); a key no shown run has is kept and used once one does.
    void setMetric(const QString &key);
    QString metric() const;
    // The metric keys of the shown ranking runs, in the Runs table's order.
    QStringList availableMetrics() const;

    // The EMA weight in [0, 1); 0 draws the raw curves only.
    void setSmoothing(double weight);
    double smoothing() const;
    void setLogScale(bool on);
    bool logScale() const;

    // Puts a widget into the control row above the chart, left of the log-scale box.
    void addControl(QWidget *widget);

    // What is drawn, for tests: the points a curve's series holds (x = epoch) after smoothing and
    // decimation; raw selects the faint unsmoothed curve (empty at smoothing 0).
    QList<QPointF> shownPoints(const QString &runId, Curve curve, bool raw = false) const;
    // The hover text of a run's curve at the epoch nearest to epoch: its legend text, then e.g.
    // "epoch 57 · train loss 0.4312 (smoothed 0.4301)"; empty when the run draws no such curve.
    QString describeEpoch(const QString &runId, Curve curve, int epoch) const;
    // Series that are visible and hold points.
    int visibleSeriesCount() const;
    QStringList legendTexts() const;
    // The hint shown instead of the chart ("Select runs …"); empty while curves are shown.
    QString hintText() const;
    // The pixel columns the curves were decimated for.
    int plotColumns() const;

    // PNG (twice the screen resolution) and SVG of the chart and legend as on screen (960×600 when the
    // view was never shown). CSV: one row per epoch, and for each run its raw curves of the current
    // mode (train_loss and val_loss, or the metric), plus the smoothed ones when smoothing is on; a
    // header "epoch,RUN · train_loss,…" names the run as the legend does; empty cells where a run has
    // no such epoch; numbers with 17 significant digits. On failure: false, no partial file, *error set.
    bool exportPng(const QString &path, QString *error) const;
    bool exportSvg(const QString &path, QString *error) const;
    bool exportCsv(const QString &path, QString *error) const;

Q_SIGNALS:
    void modeChanged(Mode mode);
    void exportRequested();

protected:
    // Palette and font changes (a dark system palette, presenter mode) restyle the chart.
    void changeEvent(QEvent *event) override;

private:
    struct Private;
    std::unique_ptr<Private> m_d;
    double m_penScale = 1.0;   // the chart pen scale the series were drawn with
};

} // namespace fl
