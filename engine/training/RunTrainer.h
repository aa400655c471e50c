#pragma once

// One run's training, whatever the model: the TrainingSession (and the CLI) drive it an epoch at a
// time. The seed's linear regression is one kind; the ranking models are others. A run is made by
// prepareRun(), which embeds, fuses and splits through the FusionPipeline's caches.

#include "engine/data/RecSplit.h"
#include "engine/evaluation/MetricKey.h"
#include "engine/fusion/FusionPipeline.h"
#include "engine/models/LinearRegression.h"
#include "engine/models/MlpRecommender.h"
#include "engine/models/ModelKind.h"
#include "engine/models/Recommender.h"
#include "engine/models/SvrRecommender.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace fl {

// Which model a run fits, and how a ranking model is split and judged. ModelKind::Linear is the seed's
// regression (its split is PipelineConfig::split); the others are ranking models. LinearRanking is the
// same regression as a recommender (LinearRecommender: b + wᵀfᵢ, plus bᵤ + bᵢ with linearBiases), split
// by `split`, trained and judged like the ranking models; the CLI chooses it when --model linear comes
// with --split or another ranking option.
struct ModelConfig
{
    ModelKind kind = ModelKind::Linear;
    LossKind loss = LossKind::Squared;       // squared on ratings, or BPR on implicit feedback
    int factors = 32;
    int negatives = 1;
    RecSplitConfig split;
    std::vector<int> ks{10, 20};
    bool useThreshold = false;                // relevant test items: rating ≥ threshold
    double threshold = 0;
    int patience = 10;                        // early stopping after this many epochs without a better
                                              // validation metric; 0: off
    QString monitor = defaultMonitorMetric().name();
    int validationUsers = 5000;               // per-epoch validation on at most this many users

    MlpSettings mlp;                          // kind Mlp: hidden widths, dropout, user vectors
    SvrSettings svr;                          // kind Svr: ε, unrated samples, user weights

    bool linearBiases = false;                // kind LinearRanking: with user and item biases

    // The seed's regression on its own split (not the LinearRecommender).
    bool isLinear() const { return kind == ModelKind::Linear; }
};

// Whether the model can learn its fusion weights (PipelineConfig::learnWeights): the seed's regression,
// the hybrid and the content factorisation.
bool learnsFusionWeights(const ModelConfig &model);

struct RunConfig
{
    PipelineConfig pipeline;
    TrainingConfig training;
    ModelConfig model;
};

struct RunSummary
{
    int epochs = 0;
    double trainLoss = 0;
    double validationLoss = 0;
    double rmse = 0;               // on the validation rows (ranking models: the test part); NaN when it
    double mae = 0;                // cannot be computed (no rows, or a model that predicts no ratings)
    double optimumTrainLoss = 0;   // NaN when the model has no closed form
    double seconds = 0;            // training time, without preparation
    QString reason;                // "completed", "stopped", "superseded", "early stop"
    int bestEpoch = 0;             // early stopping: the epoch whose parameters were kept (0: none)
    QMap<QString, double> metrics; // ranking models: test metrics such as "ndcg@10" at the best epoch;
                                   // NaN for a part without a user to evaluate
    std::vector<double> learnedWeights;  // the fusion weights training ended with (ProblemInfo's
                                         // modalityNames order); empty when they were not learned
};

// A ranking model as it stands between epochs, for the Recommendations page: a scoring copy (so the
// run can go on training) and the split it was trained on. Empty for the seed's linear regression.
struct ModelSnapshot
{
    std::shared_ptr<const Recommender> model;
    std::shared_ptr<const SplitIndices> split;
    int epoch = 0;

    explicit operator bool() const { return model && split; }
};

class RunTrainer
{
    Q_DECLARE_TR_FUNCTIONS(fl::RunTrainer)

public:
    virtual ~RunTrainer() = default;

    // One epoch with the current learning rate. After divergence it does nothing.
    virtual EpochRecord step() = 0;
    virtual int epoch() const = 0;
    virtual void setLearningRate(double learningRate) = 0;
    // Set once the loss became non-finite or grew by more than 10⁶ over its start.
    virtual const std::optional<QString> &divergence() const = 0;
    // The epochs the run was configured for.
    virtual int plannedEpochs() const = 0;
    // The run's report; a ranking model first puts back its best epoch's parameters.
    virtual RunSummary summary(double seconds, const QString &reason) = 0;
    // Validation metrics of the epoch just stepped ("recall@10" …); empty for the linear model.
    virtual QMap<QString, double> lastMetrics() const { return {}; }
    // Early stopping: the validation metric stopped improving; the best epoch's parameters are back.
    virtual bool wantsToStop() const { return false; }
    // A copy of the model for scoring elsewhere; empty when the run has no ranking model.
    virtual ModelSnapshot snapshot() const { return {}; }

    // Step back. A trainer that can keeps the complete state before each of its last `steps` epochs
    // and stepBack() restores the last one exactly. The seed's regression can (its state is a few
    // vectors of the features' width); a ranking model cannot: its embedding tables run to megabytes,
    // a thousand copies of which have no place in memory.
    virtual bool canStepBack() const { return false; }
    virtual void keepHistory(int) {}
    virtual int historyDepth() const { return 0; }
    virtual bool stepBack() { return false; }
    // The facts of the last step or step back; a report of epoch 0 when the trainer keeps none (the
    // session then fills in the losses it saw).
    virtual StepReport lastStep() const { return {}; }
    // The record of the epoch the parameters are at now (after a step back, the restored one).
    virtual EpochRecord currentRecord() const { return {}; }
    // The regression's W, b and ∇L for the weights chart; empty for ranking models.
    virtual ParameterSnapshot parameterSnapshot() const { return {}; }
};

// The seed's linear regression on fused item features as a RunTrainer.
class LinearRunTrainer : public RunTrainer
{
public:
    LinearRunTrainer(std::shared_ptr<const TrainingProblem> problem, const TrainingConfig &config);

    EpochRecord step() override { return m_trainer.step(); }
    int epoch() const override { return m_trainer.epoch(); }
    void setLearningRate(double learningRate) override { m_trainer.setLearningRate(learningRate); }
    const std::optional<QString> &divergence() const override { return m_trainer.divergence(); }
    int plannedEpochs() const override { return m_trainer.config().epochs; }
    RunSummary summary(double seconds, const QString &reason) override;
    bool canStepBack() const override { return true; }
    void keepHistory(int steps) override { m_trainer.keepHistory(steps); }
    int historyDepth() const override { return m_trainer.historyDepth(); }
    bool stepBack() override { return m_trainer.stepBack(); }
    StepReport lastStep() const override { return m_trainer.lastStep(); }
    EpochRecord currentRecord() const override { return m_trainer.currentRecord(); }
    ParameterSnapshot parameterSnapshot() const override { return m_trainer.parameterSnapshot(); }

    const LinearRegressionTrainer &trainer() const { return m_trainer; }

private:
    LinearRegressionTrainer m_trainer;
};

} // namespace fl
