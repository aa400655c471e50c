#pragma once

// From a run's configuration to a trainer ready for its first epoch: the regression's own trainer
// (LinearRunTrainer, RunTrainer.h) or a ranking model's (RecommenderRunTrainer, RecommenderRun.h).

#include "engine/fusion/FusionPipeline.h"
#include "engine/training/RunTrainer.h"

#include <memory>

namespace fl {

struct PreparedRun
{
    std::unique_ptr<RunTrainer> trainer;
    ProblemInfo info;
};

// Embeds, fuses and splits (cached in the pipeline) and makes the run's trainer.
Result<PreparedRun> prepareRun(FusionPipeline &pipeline, const RunConfig &config, const ProgressFn &progress = {});

} // namespace fl
