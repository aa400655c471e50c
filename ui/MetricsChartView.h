#pragma once

// The live validation-metrics chart of a ranking model, beside the loss chart: one validation metric
// (chosen by family and cut-off K from the keys that actually arrive, e.g. ndcg@10) of the current run
// drawn as epochs arrive, its cold-start variant (cold_ndcg@10) as a dashed second curve when the epochs
// carry one, up to three earlier runs as faded ghosts, a vertical marker at the best epoch of the
// monitored metric (the running maximum while the run goes, the engine's best epoch once it finished),
// the test metrics at that epoch in a read-out under the chart, and export to PNG, SVG and CSV (also
// from the chart's context menu). Before a ranking model has trained — and while the linear seed
// regression trains, which has no ranking metrics — a centred hint takes the chart's place.
//
// Wiring (MainWindow), with `session = controller->session()`:
//   connect(controller, &ExperimentController::runStarted, metrics, [=](int runId, const QString &label) {
//       const ModelConfig &model = controller->config().model;
//       metrics->beginRun(runId, label, model.isLinear() ? QString() : model.monitor);
//   });
//   connect(controller, &ExperimentController::cleared, metrics, &MetricsChartView::clear);
//   connect(session, &TrainingSession::metrics, metrics, &MetricsChartView::addMetrics);
//   connect(session, &TrainingSession::finished, metrics, &MetricsChartView::showRunSummary);
// Results of superseded runs need no filtering: everything for a run id other than the current one is
// ignored here. Metrics come at most once per epoch; redraws are coalesced (at most ~30 a second) and
// each curve is handed to the chart in one replace() of a min–max decimated copy.
//
// The runs, the redraw timer, the epoch axis, the hover read-out and the exports are RunChartView's;
// every Qt Charts type stays inside the .cpp files, as in LossChartView.

#include "RunChartView.h"

#include "engine/training/RunTrainer.h"

#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <memory>

namespace fl {

class MetricsChartView : public RunChartView
{
    Q_OBJECT

public:
    explicit MetricsChartView(QWidget *parent = nullptr);
    ~MetricsChartView() override;

    // Read-only views of what is shown, for tests and for MainWindow.
    int currentRunId() const;        // -1 before the first beginRun() and after clear()
    int currentEpochCount() const;   // epochs of the current run that brought metrics
    int ghostCount() const;
    // The metric key drawn, e.g. "ndcg@10"; empty while no run has any.
    QString currentMetric() const;
    // Every key the epochs of the current run brought (or, while it has none, the latest ghost's), in
    // display order: plain keys, then cold_ ones, each by family (ndcg, recall, precision, hit, map,
    // then others by name), then K.
    QStringList availableMetrics() const;
    // The points each curve was given (after decimation), brought up to date first. x = epoch.
    QList<QPointF> currentPoints() const;
    QList<QPointF> coldPoints() const;       // empty, and the curve hidden, without cold_ keys
    bool coldCurveVisible() const;
    QList<QPointF> ghostPoints(int ghost) const;  // 0 = the most recent ghost
    // The best-epoch marker: its epoch (0 when there is none) and its legend text, e.g.
    // "best ndcg@10 = 0.1234 at epoch 17".
    int bestEpoch() const;
    QString bestText() const;
    // The read-out under the chart as text: the test metrics at the drawn metric's K once the run
    // finished, e.g. "Test at epoch 17: ndcg@10 0.1120 · recall@10 0.0810", and when items were held
    // out a second line "Cold-start items: ndcg@10 0.0400 · recall@10 0.0310"; empty before. On screen
    // it is a small table (a column per metric, a row each for the test and the cold-start items),
    // or in a figure too narrow for it the drawn metric's values alone; the tooltip lists every
    // test metric.
    QString testText() const;
    // The centred hint shown in place of the chart; empty while the chart is shown.
    QString hintText() const;
    // The hover text for the current run's epoch nearest to epoch, e.g.
    // "epoch 17 · ndcg@10 0.1234 · cold ndcg@10 0.0567"; empty while the run has no epoch.
    QString describeEpoch(int epoch) const;

    // exportPng(), exportSvg() and exportCsv() (RunChartView) show the chart, its legend and the test
    // read-out as on screen (without the metric chooser). The CSV has the header
    // "run,label,part,epoch,KEY…" with one column for every metric key any kept run received
    // (validation epochs and test metrics, in display order). Every run kept (ghosts first, oldest
    // first): one "validation" row per epoch, then, once the run finished with test metrics, one "test"
    // row whose epoch is the best epoch (empty when the engine kept none). Numbers with 17 significant
    // digits; a key a row does not have is an empty field.

public Q_SLOTS:
    // Starts run runId: the current run (if it has any metrics) becomes the most recent ghost, the
    // oldest of more than three ghosts goes. A run that never received metrics is discarded. Calling
    // it again with the current run's id does nothing. monitor is the validation metric the engine's
    // early stopping watches (ModelConfig::monitor), whose running maximum the best-epoch marker
    // follows; an empty monitor says the model has no ranking metrics (the linear seed regression),
    // and the hint stays in place of the chart.
    void beginRun(int runId, const QString &label, const QString &monitor = QStringLiteral("ndcg@10"));
    // The validation metrics after an epoch of the current run; calls for any other run are ignored,
    // and so is an epoch that does not come after the run's last one. Non-finite values are kept
    // (they are exported) but not drawn. Epochs after finishRun() (a finished run resumed) make the
    // run live again: its test read-out goes until the next finish.
    void addMetrics(int runId, int epoch, const QMap<QString, double> &values);
    // The run finished: the marker moves to the engine's bestEpoch (the epoch whose parameters were
    // kept; 0 = none, then the marker stays on the running maximum) and testMetrics (taken there) are
    // read out under the chart. Ignored for any run but the current one.
    void finishRun(int runId, int bestEpoch, const QMap<QString, double> &testMetrics);
    // finishRun(runId, summary.bestEpoch, summary.metrics): connects to TrainingSession::finished.
    void showRunSummary(int runId, const fl::RunSummary &summary);
    // Removes everything, and forgets the current run: nothing is accepted until the next beginRun().
    void clear();
    // Shows metric key (e.g. "recall@20") when the runs have it; the choice is kept for later runs.
    // Returns false, changing nothing, for a key no kept run has.
    bool setMetric(const QString &key);

Q_SIGNALS:
    void metricChanged(const QString &key);

protected:
    // RunChartView's parts, for ranking metrics: the chosen metric's curve per run and ghost, the best
    // epoch's marker; the table has one column per run of the chosen metric.
    void updateChart(bool everything) override;
    void restyle() override;
    QString exportTitle() const override;
    QByteArray csvTable() const override;

private:
    double m_penScale = 1.0;   // the chart pen scale the series were drawn with
    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace fl
