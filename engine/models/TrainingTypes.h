#pragma once

// What a training run is configured with and what it reports, epoch by epoch: shared by the models,
// the training session and the window, so they live apart from any one model.

#include "engine/models/Optimizer.h"

#include <QStringList>

#include <cstdint>
#include <limits>
#include <vector>

namespace fl {

struct TrainingConfig
{
    double learningRate = 0.01;
    int epochs = 200;
    OptimizerKind optimizer = OptimizerKind::GradientDescent;
    int batchSize = 256;
    double l2 = 0.0;
    std::uint64_t seed = 42;
};

struct EpochRecord
{
    EpochRecord() = default;
    EpochRecord(int epoch, double trainLoss, double validationLoss, double learningRate)
        : epoch(epoch), trainLoss(trainLoss), validationLoss(validationLoss), learningRate(learningRate)
    {
    }

    int epoch = 0;               // 1-based: the loss after this many epochs
    double trainLoss = 0;
    double validationLoss = 0;
    double learningRate = 0;     // the η this epoch used
    std::vector<double> fusionWeights;   // learned fusion weights after this epoch; empty when fixed
    // svr: the share of training examples inside the ε-tube (|r̂ − r| ≤ ε) after this epoch; NaN otherwise.
    double insideTube = std::numeric_limits<double>::quiet_NaN();
};

// What one epoch of the regression did (or what a step back undid), for the window's sentence under
// the chart and its weights chart. Every number is the engine's own: full-batch gradient descent's are
// exact (its step is exactly η·∇L, so its length is η‖∇L‖); for the mini-batch optimizers the
// gradient is the full-batch one at the epoch's start and the step is the parameters' actual change
// ‖ΔW‖ over the epoch's updates. Ranking models fill only the losses (ranking is set).
struct StepReport
{
    enum class Kind { Forward, Back };

    Kind kind = Kind::Forward;
    int epoch = 0;               // forward: the epoch just run; back: the epoch restored (0: W = 0)
    int fromEpoch = 0;           // back: the epoch stepped back from
    OptimizerKind optimizer = OptimizerKind::GradientDescent;
    bool ranking = false;        // a ranking model: only the losses and η are known
    double learningRate = std::numeric_limits<double>::quiet_NaN();
    double lossBefore = std::numeric_limits<double>::quiet_NaN();   // training data loss, as charted
    double lossAfter = std::numeric_limits<double>::quiet_NaN();
    double l2 = 0;
    // The regularised objective L + λ/2·‖W‖² (what gradient descent minimises; equal to the loss
    // without L2).
    double objectiveBefore = std::numeric_limits<double>::quiet_NaN();
    double objectiveAfter = std::numeric_limits<double>::quiet_NaN();
    double gradientNorm = std::numeric_limits<double>::quiet_NaN();  // ‖∇L‖ before the step (full batch)
    double stepLength = std::numeric_limits<double>::quiet_NaN();    // GD: η‖∇L‖; otherwise ‖ΔW‖
    double maxStableLearningRate = std::numeric_limits<double>::quiet_NaN();   // 2/λ_max
    int updates = 0;             // parameter updates in the epoch: 1 for GD, the mini-batches otherwise
    int batchSize = 0;           // mini-batch optimizers
    int historyDepth = 0;        // steps Step back can undo now

    bool rose() const { return lossAfter > lossBefore; }
};

// The regression's parameters as they stand, for the weights chart: W and the bias b (last), the
// full-batch gradient ∇L at them (with L2; the direction the next gradient step goes against), and
// which columns of F each fused modality fills (empty when they share columns: sum and product).
struct ParameterSnapshot
{
    int epoch = 0;
    std::vector<double> weights;
    std::vector<double> gradient;
    double learningRate = 0;
    QStringList groupNames;
    std::vector<int> groupOffsets;
    std::vector<int> groupWidths;

    explicit operator bool() const { return !weights.empty(); }
};

} // namespace fl
