#pragma once

// The α–β landscape: a chosen validation value over a grid of two modality weights, the other
// weights staying where the config has them.
//
// - For the seed's regression the grid is computed from the sufficient statistics (see
//   LinearRegression.h): each cell re-assembles FᵀCF for its weights in O(width²) and solves the
//   normal equations, so a 101 × 101 grid costs the same at any number of ratings; with gdEpochs > 0
//   each cell also runs that many epochs of full-batch gradient descent from W = 0 (what the window's
//   curve would reach), and the cell's value is the validation loss after them.
// - For every other model each cell is a real training run through the RunDriver (the same run
//   `fusionlab-cli train` makes with those weights), spread over `threads` threads.
// Cells are reported as they finish; cancellation is honoured between cells (and between epochs).

#include "engine/evaluation/MetricKey.h"
#include "engine/fusion/FusionPipeline.h"
#include "engine/training/RunDriver.h"
#include "engine/training/RunRecord.h"

#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace fl {

struct LandscapeAxis
{
    QString modality;            // a modality name of the config
    double low = 0;
    double high = 2;
    int steps = 101;             // ≥ 1; steps == 1 is `low` alone

    double value(int index) const;
};

struct LandscapeRequest
{
    RunConfig config;            // everything but the two weights
    LandscapeAxis x;
    LandscapeAxis y;
    int gdEpochs = 0;            // regression only: 0 = the closed-form optimum; E = after E epochs of GD
    // The value shown: "val_loss" (the regression's default, lower is better) or a summary key of a
    // ranking run ("ndcg@10", "cold_ndcg@10", "recall@20" …; higher is better).
    QString metric = QStringLiteral("val_loss");
};

struct LandscapeCell
{
    int ix = 0;
    int iy = 0;
    double x = 0;                // the weight of request.x.modality
    double y = 0;
    double value = 0;            // the chosen metric; NaN when the cell's run failed or diverged
    double trainLoss = 0;
    double validationLoss = 0;
    QString status;              // "completed", "diverged", "failed" …
    RunRecord record;            // trained cells: the run (curves and summary); empty for closed-form cells
};

struct Landscape
{
    LandscapeRequest request;
    bool closedForm = false;     // computed from the sufficient statistics
    bool higherIsBetter = false;
    std::vector<LandscapeCell> cells;   // row-major: cells[iy * x.steps + ix]; unfilled cells have empty status
    int filled = 0;

    const LandscapeCell &at(int ix, int iy) const { return cells[size_t(iy * request.x.steps + ix)]; }
    // The index of the best finished cell, or −1.
    int best() const;
    // "x_name,y_name,metric,train_loss,val_loss,status" with one line per cell.
    QByteArray toCsv() const;
};

// The summary values a finished run of this config has (RunRecord::summaryValues keys), the metrics a
// landscape or an ablation can show: "train_loss", "val_loss", "rmse", "mae", the regression's "floor"
// and "val_floor", a ranking model's precision, recall, ndcg, hit and map at each cut-off, and with
// held-out items their "cold_" twins.
QStringList runMetricNames(const RunConfig &config);

// The metric a landscape or an ablation shows unless told otherwise: val_loss for the regression; for
// a ranking model its monitored metric (ndcg@10 unless set), over the held-out items on a cold-items
// split.
QString defaultRunMetric(const RunConfig &config);

// Checks the request against the config (two different, enabled modalities; steps 1..1001; finite
// bounds; a metric of runMetricNames) and says what is wrong.
Result<void> checkLandscapeRequest(const LandscapeRequest &request);

// The request's grid with every cell placed (ix, iy, x, y) and no value yet (NaN, empty status): what
// a landscape starts from, and what the window shows while a trained one fills in.
Landscape emptyLandscape(const LandscapeRequest &request, bool closedForm);

// The regression's landscape from the statistics, on both cores. `progress` as everywhere (false
// cancels: the result is then an error saying so).
Result<Landscape> closedFormLandscape(FusionPipeline &pipeline, const LandscapeRequest &request,
                                      const ProgressFn &progress = {});

// Trains every cell (any model), `threads` at a time (≤ 0: one per core); onCell is called from the
// worker threads as each cell finishes, in no particular order, one call at a time. `cancel` stops
// between cells and between epochs: the result then holds the cells finished so far (filled < cells).
Result<Landscape> trainedLandscape(FusionPipeline &pipeline, const LandscapeRequest &request,
                                   const DatasetIdentity &dataset, int threads,
                                   const std::function<void(const LandscapeCell &)> &onCell = {},
                                   const std::atomic<bool> *cancel = nullptr);

} // namespace fl
