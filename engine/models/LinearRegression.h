#pragma once

// The seed's model: linear regression f(x; W) = Wᵀx + b on fused item features, predicting each
// rating, with loss L = 1/(2N)·Σ(y − f)² (+ λ/2·‖W‖² when L2 is on; the bias is not penalised),
// trained by full-batch gradient descent W ← W − η∇L or by mini-batch SGD.
//
// Its sufficient statistics (QuadraticForm, BlockStatistics) and the problem it trains on are the
// fusion stage's (FusedProblem.h); its configuration and records are shared (TrainingTypes.h).

#include "engine/core/Random.h"
#include "engine/core/Result.h"
#include "engine/fusion/FusedProblem.h"
#include "engine/models/FusionWeights.h"
#include "engine/models/Optimizer.h"
#include "engine/models/TrainingTypes.h"

#include <Eigen/Core>
#include <QStringList>
#include <QString>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace fl {

struct RegressionMetrics
{
    double rmse = 0;
    double mae = 0;
};

// Prediction errors of parameters w over rows (w's last entry is the bias).
RegressionMetrics evaluateRegression(const FusionPlan &plan, const std::vector<double> &weights,
                                     const Eigen::VectorXd &w, const RowSet &rows);

// Runs epochs of gradient descent or mini-batch SGD on a TrainingProblem, one at a time, so a caller
// (the CLI loop, the TrainingSession thread) decides when to stop, pause or change η.
//
// With keepHistory(n), the complete state before each of the last n epochs is kept — W, the
// optimizer's moments and step count, the shuffling generator, the divergence flag — and stepBack()
// puts the last one back exactly, bit for bit; SGD's row order, which each epoch shuffles in place, is
// restored by undoing that shuffle (replayed from the saved generator) rather than by keeping N indices
// per epoch. A step after a step back is therefore the very step that was undone (at the same η).
class LinearRegressionTrainer
{
public:
    LinearRegressionTrainer(std::shared_ptr<const TrainingProblem> problem, const TrainingConfig &config);

    // One epoch with the current learning rate. After divergence it does nothing.
    EpochRecord step();
    // Keeps the state before each of the last `steps` epochs (0, the default, keeps none). The slots
    // are reused, so a long run costs no allocation per epoch.
    void keepHistory(int steps);
    int historyDepth() const { return m_historySize; }
    // Undoes the last epoch; false when no history is left. η stays as it is now.
    bool stepBack();
    // The last step's (or step back's) facts; epoch 0 before any.
    StepReport lastStep() const;
    // The record of the epoch the parameters are at (epoch 0: the start, W = 0).
    const EpochRecord &currentRecord() const { return m_record; }
    ParameterSnapshot parameterSnapshot() const;
    void setLearningRate(double learningRate) { m_config.learningRate = learningRate; }
    double learningRate() const { return m_config.learningRate; }

    int epoch() const { return m_epoch; }
    const Eigen::VectorXd &parameters() const { return m_w; }
    // The fusion weights the parameters go with: the problem's, or the learned ones as they stand.
    const std::vector<double> &fusionWeights() const;
    bool learnsWeights() const { return !m_learned.isEmpty(); }
    // The quadratic forms at fusionWeights() (the problem's own when the weights are fixed).
    const QuadraticForm &trainForm() const { return m_train; }
    const QuadraticForm &validationForm() const { return m_validation; }
    double initialLoss() const { return m_initialLoss; }
    // Set once the loss became non-finite or grew by more than 10⁶ over its start.
    const std::optional<QString> &divergence() const { return m_divergence; }
    const TrainingConfig &config() const { return m_config; }
    const TrainingProblem &problem() const { return *m_problem; }

private:
    // The state before an epoch: everything step() reads or changes, but the learning rate.
    struct Saved
    {
        Eigen::VectorXd w;
        ParameterUpdater updater;
        Random random;
        int epoch = 0;
        EpochRecord record;
        StepReport step;
        std::optional<QString> divergence;
        LearnedFusionWeights learned;
    };

    void sgdEpoch();
    // Mini-batch SGD with learned weights: each row's features are assembled from the plan's blocks at
    // the current weights, and the weights take a step after each batch.
    void sgdEpochLearningWeights();
    void reassemble();   // m_train and m_validation at the learned weights
    // L + λ/2·‖W‖² at the current parameters, given their loss L.
    double objective(double loss) const;

    std::shared_ptr<const TrainingProblem> m_problem;
    TrainingConfig m_config;
    Eigen::VectorXd m_w;
    LearnedFusionWeights m_learned;   // empty when the weights are fixed
    // The plan's blocks row-major, for mini-batches with learned weights (F changes with every batch).
    std::vector<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> m_blockRows;
    QuadraticForm m_train;
    QuadraticForm m_validation;
    // F, only for mini-batch SGD, row-major so that each sampled row is one contiguous read.
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> m_features;
    std::vector<int> m_order;     // SGD row order
    ParameterUpdater m_updater;   // the mini-batch optimizers' state
    Random m_random;
    int m_epoch = 0;
    double m_initialLoss = 0;
    std::optional<QString> m_divergence;
    EpochRecord m_record;         // of the epoch the parameters are at
    StepReport m_step;
    mutable double m_maxStableRate = -1;   // 2/λ_max, computed when first explained (an eigensolve)
    std::vector<Saved> m_history; // a ring of the last m_historySize states
    int m_historyNext = 0;        // the slot the next state goes into
    int m_historySize = 0;
};

// Why a run diverged, for people. With the largest stable η of full-batch gradient descent (2/λ_max;
// NaN when unknown) it says what η would be stable, or, when none usable is, blames the fusion weights
// (`weights`, e.g. "α = 1e+150, β = 0.5").
QString divergenceMessage(int epoch, double learningRate, double loss, double initialLoss,
                          double maxStableLearningRate = std::numeric_limits<double>::quiet_NaN(),
                          const QString &weights = QString());

} // namespace fl
