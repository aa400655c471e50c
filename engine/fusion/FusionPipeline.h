#pragma once

// From a loaded Dataset to a TrainingProblem: embeds each enabled modality (cached per modality and
// embedder settings, so moving α or β never re-embeds), plans the fusion (cached per operator and
// modality set), splits the interactions, and gathers the block statistics (cached per plan and split).
// Only the O(width²) assembly runs again when a weight changes. Not thread-safe: one owner at a time
// (the CLI, or the TrainingSession's engine thread).

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"
#include "engine/data/Split.h"
#include "engine/embedding/ImageEmbedder.h"
#include "engine/embedding/ModalityMatrix.h"
#include "engine/embedding/TextEmbedder.h"
#include "engine/fusion/FusedProblem.h"
#include "engine/fusion/Fusion.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace fl {

struct ModalityConfig
{
    QString name;
    bool enabled = true;
    double weight = 0.5;
    TextEmbedderSettings text;      // used when the modality is text
    ImageEmbedderSettings image;    // used when the modality is images
};

// What happens to an item that has nothing for a fused modality (the seed's first challenge).
enum class MissingPolicy {
    MeanImpute,         // the modality's mean vector (0 after standardisation)
    ZeroWithIndicator,  // zeros plus a "missing" column per incomplete modality
    LeaveOut,           // the item's interactions are left out of training and validation
};

QString missingPolicyName(MissingPolicy policy);               // "mean", "indicator", "leave-out"
std::optional<MissingPolicy> parseMissingPolicy(const QString &name);

// What is being fitted: changing any of it starts a new run.
struct PipelineConfig
{
    FusionOp op = FusionOp::Sum;
    int commonWidth = 0;                     // ≤ 0: automatic (see planFusion)
    std::vector<ModalityConfig> modalities;  // one per dataset modality, in dataset order
    MissingPolicy missing = MissingPolicy::MeanImpute;
    SplitConfig split;
    // The weights are a starting point trained with the model (FusionWeights.h), for the regression and
    // the factorisation models with content; otherwise they stay as set.
    bool learnWeights = false;

    ModalityConfig *modality(const QString &name);
    std::vector<double> enabledWeights() const;
};

// Every modality of the dataset on, with the seed's weight 0.5.
PipelineConfig defaultPipelineConfig(const Dataset &dataset);

// What a prepared problem looks like, for the user.
struct ProblemInfo
{
    QString formula;                 // e.g. "F = α·E₁ + β·E₂"
    QStringList modalityNames;       // the fused ones, in weight order
    std::vector<FusedSource> sources; // their dataset indices and shapes, in weight order (not saved)
    std::vector<double> weights;
    int featureWidth = 0;            // columns of F (the bias comes on top)
    int trainRows = 0;
    int validationRows = 0;
    QStringList notes;               // embedding descriptions, imputation, projections
    double optimumTrainLoss = 0;     // closed-form floor (normal equations, LDLT)
    double optimumValidationLoss = 0;
    double maxStableLearningRate = 0;
    double initialLoss = 0;          // the training loss at W = 0
};

// The fused item features of one configuration: the plan (cached) and the matrices it was made from.
struct FusedItems
{
    std::shared_ptr<const FusionPlan> plan;
    std::vector<double> weights;             // the enabled modalities' weights, in plan order
    std::vector<std::shared_ptr<const ModalityMatrix>> embedded;
    QString key;                             // identifies the plan in the caches
};

class FusionPipeline
{
    Q_DECLARE_TR_FUNCTIONS(fl::FusionPipeline)

public:
    explicit FusionPipeline(std::shared_ptr<const Dataset> dataset);

    const Dataset &dataset() const { return *m_dataset; }
    std::shared_ptr<const Dataset> sharedDataset() const { return m_dataset; }

    Result<std::shared_ptr<const ModalityMatrix>> embedding(const ModalityConfig &config,
                                                            const ProgressFn &progress = {});
    // Embeds the enabled modalities and plans their fusion (both cached). Weights that would make the
    // fused features, or the sums of their squares over the interactions, overflow are an error that
    // names them, so that a run never starts on features that are not finite.
    Result<FusedItems> fuse(const PipelineConfig &config, const ProgressFn &progress = {});
    Result<std::shared_ptr<const TrainingProblem>> prepare(const PipelineConfig &config,
                                                           const ProgressFn &progress = {});

    // prepare() with the block statistics behind the problem, so that a caller can assemble the
    // quadratic forms of other weights of the same plan (the α–β landscape) without a pass over rows.
    struct PreparedStatistics
    {
        std::shared_ptr<const TrainingProblem> problem;
        std::shared_ptr<const BlockStatistics> train;
        std::shared_ptr<const BlockStatistics> validation;
    };
    Result<PreparedStatistics> prepareWithStatistics(const PipelineConfig &config, const ProgressFn &progress = {});

private:
    struct SplitRows
    {
        std::shared_ptr<const RowSet> train;
        std::shared_ptr<const RowSet> validation;
    };
    struct Statistics
    {
        BlockStatistics train;
        BlockStatistics validation;
    };

    std::shared_ptr<const Dataset> m_dataset;
    QHash<QString, std::shared_ptr<const ModalityMatrix>> m_embeddings;
    QHash<QString, std::shared_ptr<const FusionPlan>> m_plans;
    QHash<QString, std::vector<double>> m_blockMaxima;   // per plan: the largest |value| of each block
    QHash<QString, SplitRows> m_splits;
    QHash<QString, std::shared_ptr<const Statistics>> m_statistics;
};

ProblemInfo describeProblem(const TrainingProblem &problem, double l2);

} // namespace fl
