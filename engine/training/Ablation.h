#pragma once

// Modality ablation in one request: each modality alone, all but one, and all, each trained over
// several seeds (seed s changes the split and the initialisation, as `--seed s` does) through the
// RunDriver, and summarised per subset by mean, min and max of one metric and the difference of the
// mean to "all".

#include "engine/fusion/FusionPipeline.h"
#include "engine/training/RunDriver.h"
#include "engine/training/RunRecord.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace fl {

struct AblationSubset
{
    QStringList modalities;      // in dataset order
    QString kind;                // "alone", "all-but", "all"
    QString label;               // "text alone", "all but image", "all"
};

// The subsets for these (enabled) modalities, without repeats: with two modalities "all but text" is
// "image alone" and appears once. One modality: just "all".
std::vector<AblationSubset> ablationSubsets(const QStringList &modalities);

// The config of one ablation run: base with only `modalities` switched on and seed s for the
// initialisation and both splits, as `fusionlab-cli train --seed s` sets them.
RunConfig ablationRunConfig(const RunConfig &base, const QStringList &modalities, std::uint64_t seed);

struct AblationRequest
{
    RunConfig config;            // the enabled modalities are the ones ablated
    int seeds = 3;
    std::uint64_t firstSeed = 1; // seeds firstSeed … firstSeed + seeds − 1
    QString metric;              // empty: "val_loss" for the regression, the monitored ndcg@K otherwise
};

struct AblationRun
{
    int subset = 0;              // index into Ablation::subsets
    std::uint64_t seed = 0;
    double value = 0;            // the metric; NaN when the run failed
    RunRecord record;
};

struct AblationRow
{
    AblationSubset subset;
    std::vector<double> values;  // one per finished seed, NaN dropped
    double mean = 0;
    double min = 0;
    double max = 0;
    double deltaToAll = 0;       // mean − mean of "all"; NaN while "all" has no value
};

struct Ablation
{
    QString metric;
    bool higherIsBetter = false;
    std::vector<AblationSubset> subsets;
    std::vector<AblationRun> runs;       // as they finished
    int planned = 0;                     // subsets × seeds

    std::vector<AblationRow> rows() const;
    QByteArray toCsv() const;            // one line per row: subset, mean, min, max, delta, n
};

// Runs every subset × seed, `threads` at a time (≤ 0: one per core); onRun is called from worker threads
// as runs finish, one call at a time. `cancel` stops between runs and between epochs: the result then
// holds the runs finished so far (runs.size() < planned).
Result<Ablation> runAblation(FusionPipeline &pipeline, const AblationRequest &request,
                             const DatasetIdentity &dataset, int threads,
                             const std::function<void(const AblationRun &)> &onRun = {},
                             const std::atomic<bool> *cancel = nullptr);

} // namespace fl
