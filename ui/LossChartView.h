#pragma once

// The live loss chart of the training window: train and validation loss of the current run drawn as
// epochs arrive, up to three earlier runs kept as faded "ghosts" for comparison, the closed-form
// optimum as a floor, learning-rate changes as labelled vertical markers, a linear/log loss axis, and
// export to PNG, SVG and CSV.
//
// Epochs are kept in full here; the chart only ever receives a min–max decimated copy (CurveDecimator),
// replaced in one call per series from a coalescing timer (at most ~30 redraws a second), because
// Qt Charts re-lays a whole curve on every appended point. The runs, the redraw timer, the epoch axis,
// the hover read-out and the exports are RunChartView's; every Qt Charts type stays inside the .cpp
// files so the view can move to Qt Graphs without touching its users.

#include "RunChartView.h"

#include "engine/models/LinearRegression.h"

#include <QList>
#include <QString>

#include <memory>

class QAction;

namespace fl {

class LossChartView : public RunChartView
{
    Q_OBJECT

public:
    explicit LossChartView(QWidget *parent = nullptr);
    ~LossChartView() override;

    // Starts run runId: the current run (if it has any epoch) becomes the most recent ghost, the
    // oldest of more than three ghosts goes, and the current run's optimum and markers are dropped.
    // A run that never received an epoch is discarded rather than kept as a ghost. Calling it again
    // with the current run's id does nothing.
    void beginRun(int runId, const QString &label);
    // Adds epochs to the current run; calls for any other run are ignored (superseded runs must not
    // reach the chart). Records whose epoch is not after the run's last epoch are ignored. Non-finite
    // losses are kept (they are exported) but not drawn.
    void appendEpochs(int runId, const QList<EpochRecord> &epochs);
    // The closed-form floor of the current run's train loss, drawn as a dotted horizontal line.
    void setOptimum(int runId, double optimumTrainLoss);
    // A vertical marker at epoch labelled "η = …"; a second change at the same epoch replaces the first.
    void markLearningRateChange(int runId, int epoch, double learningRate);
    // Step back: drops the current run's epochs after `epochs` (a call for any other run is ignored).
    void truncateRun(int runId, int epochs);
    // Removes everything, and forgets the current run: nothing is accepted until the next beginRun().
    void clear();

    void setLogScale(bool on);
    bool logScale() const;
    // While a run streams epochs the curves are drawn without antialiasing: it makes a repaint about
    // three times cheaper, which keeps the event loop responsive. Still pictures and exports are smooth.
    void setLive(bool live);
    // Sets aside room for the current run's epochs (up to 16M), so that a fast run never copies its
    // buffers mid-stream. Untouched room costs address space only.
    void reserveEpochs(int epochs);
    // The checkable "logarithmic loss axis" action of the context menu, for reuse in a window menu.
    QAction *logScaleAction() const;

    int currentRunId() const;  // -1 before the first beginRun() and after clear()
    int currentEpochCount() const;
    int ghostCount() const;
    int markerCount() const;
    // Points handed to the chart for the loss curves of all runs (after decimation), for tests.
    int displayedPointCount() const;
    // Points of the current run handed to the chart (0 until its first redraw).
    int currentDisplayedPointCount() const;
    // The widget the curves are painted on, e.g. to watch its paint events.
    QWidget *plotWidget() const;
    // The number of pixel columns the curves were last decimated for (the plot area's width).
    int plotColumns() const;
    QList<EpochRecord> currentEpochs() const;
    // The hover text for the current run's epoch nearest to epoch, e.g.
    // "epoch 57 · train 0.4312 · validation 0.4420"; empty while the run has no epoch.
    QString describeEpoch(int epoch) const;

    // exportPng(), exportSvg() and exportCsv() (RunChartView) show the chart and its legend as on
    // screen. The CSV has the header "run,label,epoch,train_loss,val_loss,learning_rate" and every
    // epoch of every run kept (ghosts first, oldest first), not decimated, numbers with 17 significant
    // digits.

Q_SIGNALS:
    void logScaleChanged(bool on);
    void exportRequested();

protected:
    // RunChartView's parts, for loss curves: the train and validation curves of the runs and ghosts,
    // the closed-form floor, the epoch markers; the table has one loss column per curve.
    QSize prepareExport() override;   // stores pending epochs first
    void updateChart(bool everything) override;
    void restyle() override;
    QString exportTitle() const override;
    QByteArray csvTable() const override;

private:
    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace fl
