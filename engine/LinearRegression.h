#pragma once

// The seed's model: linear regression f(x; W) = Wᵀx + b on fused item features, predicting each
// rating, with loss L = 1/(2N)·Σ(y − f)² (+ λ/2·‖W‖² when L2 is on; the bias is not penalised),
// trained by full-batch gradient descent W ← W − η∇L or by mini-batch SGD.
//
// Squared loss depends on the rows only through XᵀX, Xᵀy and yᵀy. Rows reference items, so with
// per-item counts c and target sums s these are FᵀCF, Fᵀs and Σy² — and F is a weighted placement of
// blocks (see Fusion.h), so the block cross-products are computed once and a new α or β costs
// O(width²) instead of a pass over the rows. Full-batch epochs then never touch the rows at all.

#include "Fusion.h"
#include "FusionWeights.h"
#include "Optimizer.h"
#include "Random.h"
#include "Result.h"

#include <Eigen/Core>
#include <QStringList>
#include <QString>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace fl {

// Training or validation rows: the item each row refers to and its target (the rating).
struct RowSet
{
    std::vector<int> items;
    Eigen::VectorXd targets;

    int size() const { return int(items.size()); }
};

// Sufficient statistics of squared loss for one weighting of the fused features. The last coordinate
// of every vector is the bias.
struct QuadraticForm
{
    Eigen::MatrixXd gram;    // XᵀX, (width+1)²
    Eigen::VectorXd moment;  // Xᵀy
    double sumSquares = 0;   // yᵀy
    double count = 0;        // N

    int dimension() const { return int(moment.size()); }
    // Data loss 1/(2N)·Σ(y − f)² at parameters w (without the L2 term).
    double loss(const Eigen::VectorXd &w) const;
    // ∇ of the data loss plus λ/2·‖W‖² (bias excluded).
    Eigen::VectorXd gradient(const Eigen::VectorXd &w, double l2) const;
    // Closed-form minimiser of the regularised loss: (XᵀX/N + λĨ) w = Xᵀy/N, solved by LDLT.
    Eigen::VectorXd optimum(double l2) const;
    // 2 / λ_max of the Hessian: gradient descent diverges for any larger η.
    double maxStableLearningRate(double l2) const;
};

// Cross-products of a plan's blocks over one row set, weighted by how often each item occurs.
// Computed once per (plan, rows) in one pass over the items, on both cores.
class BlockStatistics
{
public:
    BlockStatistics() = default;
    BlockStatistics(const FusionPlan &plan, const RowSet &rows);

    QuadraticForm assemble(const FusionPlan &plan, const std::vector<double> &weights) const;
    // ∂/∂αₖ of the data loss 1/(2N)·Σ(y − f)² at parameters w (last entry the bias), for an additive
    // plan (sum or concatenation): with wₖ the columns block k fills and cₖ = αₖ,
    //     ∂L/∂αₖ = (1/N)·[wₖᵀ Σₗ cₗ BₖᵀCBₗ wₗ + b·wₖᵀBₖᵀc − wₖᵀBₖᵀs],
    // one product with the stacked cross-products: O(width²), no pass over the rows.
    std::vector<double> weightGradient(const FusionPlan &plan, const std::vector<double> &weights,
                                       const Eigen::VectorXd &w) const;

private:
    Eigen::MatrixXd m_cross;        // [B₁ … B_K]ᵀ C [B₁ … B_K]
    Eigen::VectorXd m_countMoment;  // [B₁ … B_K]ᵀ c
    Eigen::VectorXd m_targetMoment; // [B₁ … B_K]ᵀ s
    std::vector<int> m_starts;      // column of block k inside the stacked blocks
    double m_count = 0;
    double m_sum = 0;
    double m_sumSquares = 0;
};

struct TrainingConfig
{
    double learningRate = 0.01;
    int epochs = 200;
    OptimizerKind optimizer = OptimizerKind::GradientDescent;
    int batchSize = 256;
    double l2 = 0.0;
    std::uint64_t seed = 42;
};

// Everything one run of the model needs for one choice of fusion weights.
struct TrainingProblem
{
    std::shared_ptr<const FusionPlan> plan;
    std::vector<double> weights;
    std::shared_ptr<const RowSet> trainRows;
    std::shared_ptr<const RowSet> validationRows;
    QuadraticForm train;
    QuadraticForm validation;
    QStringList notes;           // about the rows (e.g. interactions left out for missing data)
    // Learned fusion weights (FusionWeights.h): the weights start at `weights` and train with W; the
    // trainer reassembles the quadratic forms from these statistics as they move.
    bool learnWeights = false;
    std::shared_ptr<const BlockStatistics> trainStatistics;
    std::shared_ptr<const BlockStatistics> validationStatistics;

    int dimension() const { return train.dimension(); }
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
