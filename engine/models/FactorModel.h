#pragma once

// Matrix factorisation with optional item content (VBPR-style; He & McAuley, "VBPR: Visual Bayesian
// Personalized Ranking from Implicit Feedback", AAAI 2016). One implementation, three variants:
//
//     Hybrid         r̂ᵤᵢ = μ + bᵤ + bᵢ + βᵀfᵢ + pᵤᵀ(qᵢ + W fᵢ)
//     Collaborative  r̂ᵤᵢ = μ + bᵤ + bᵢ + pᵤᵀqᵢ                     (plain MF: no content, W and β absent)
//     ContentOnly    r̂ᵤᵢ = μ + bᵤ + bᵢ + βᵀfᵢ + pᵤᵀW fᵢ            (qᵢ ≡ 0: items known by content alone)
//
// with pᵤ, qᵢ ∈ ℝᵏ (k = RecommenderTraining::factors), fᵢ ∈ ℝᵈ the item's fused content, W ∈ ℝ^{k×d}
// and β ∈ ℝᵈ, VBPR's content bias (β′ in the paper): what everybody thinks of an item's content. Without
// it a cold item's only popularity signal would have to pass through every user's pᵤ. Together
// W̃ = [W; βᵀ] maps the content onto the item's whole row: [vᵢ | b̃ᵢ] = [qᵢ | bᵢ] + W̃ fᵢ and
// r̂ᵤᵢ = μ + bᵤ + b̃ᵢ + pᵤᵀvᵢ. Parameters are floats; each user's row is [pᵤ | bᵤ] and each item's
// [qᵢ | bᵢ], so one interaction reads two contiguous rows.
//
// Losses, over the training interactions (u, i, rᵤᵢ) of one pass, as examples e:
//   Squared  ℓₑ = ½(r̂ᵤᵢ − rᵤᵢ)²
//   BPR      ℓₑ = −ln σ(x̂ᵤᵢ − x̂ᵤⱼ) for each of `negatives` items j sampled per positive (u, i), uniformly
//            among the items with training interactions that u has none with. μ and bᵤ cancel in the
//            difference, stay 0 and are left out; bᵢ is kept.
// and the objective, with L2 on every parameter, per occurrence for the rows (what one example touches
// is penalised each time it is touched, as in Koren's and Rendle's SGD) and once for W̃ and μ:
//
//     L = (1/N) Σₑ [ℓₑ + λ/2 (‖[pᵤ|bᵤ]‖² + ‖[qᵢ|bᵢ]‖² (+ ‖[qⱼ|bⱼ]‖²))] + λ/2 (‖W̃‖² + μ²)
//
// A mini-batch's gradient is the same expression over its examples, an unbiased estimate of ∇L; it
// touches only the batch's rows, so the optimizers update only those ("lazy" momentum and Adam, with
// RowSparseUpdater's rules). Full-batch GD is one batch holding the whole pass.
//
// An epoch is memory-bound: each example reads a random user row and item row, and each update their
// optimizer state. A batch therefore first lists the rows it touches while requesting the rows of the
// examples ahead from memory, then runs the arithmetic on fixed-size vectors (k = 8, 16, 32, 64; any
// other k on dynamic ones) into compact gradient buffers that are reused from batch to batch, then
// updates each touched row once. The model keeps the rows' optimizer state itself, a row's two Adam
// moments side by side (one block read instead of two far apart); W̃ and μ use RowSparseUpdater.
// One thread: the result depends only on the seed.
//
// Per-example SGD. With the Collaborative variant, squared loss and optimizer "sgd" with batch size 1,
// an epoch is plain SGD, one step per rating, the way LIBMF runs it: FactorSgd (FactorSgd.h) lays the
// ratings out once in a grid of blocks that keep the touched rows in the caches, visits the blocks in
// an order drawn from the seed each epoch, and runs on up to FactorSgd::kLanes threads (setThreads)
// with a result that depends on the seed alone. Every other configuration takes the mini-batch path.
//
// Initialisation (seeded, fl::Random): pᵤ and, for items with training interactions, qᵢ ~ N(0, 0.1²);
// W ~ N(0, 0.1²/d); β and the biases 0; μ = the mean training rating for squared loss, 0 for BPR. Items without
// training interactions are never touched by training (negatives are sampled among the others), so
// they keep qᵢ = 0, bᵢ = 0: a cold item is scored by its content alone, βᵀfᵢ + pᵤᵀW fᵢ.
//
// Scoring: scoreItems needs every item's [vᵢ | b̃ᵢ] = [qᵢ | bᵢ] + W̃ fᵢ. They are computed once after the
// parameters change, lazily by the first scoreItems call (under a mutex; later calls only read them)
// or up front by prepareForScoring(). scoreItems is then thread-safe; training, restoreBest and
// setParameters must not run at the same time as scoring.

#include "engine/core/Random.h"
#include "engine/models/FactorParameters.h"
#include "engine/models/FactorSgd.h"
#include "engine/models/FusionWeights.h"
#include "engine/models/ModelInputs.h"
#include "engine/models/Recommender.h"

#include <QCoreApplication>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace fl {

enum class FactorVariant {
    Collaborative,   // plain MF
    Hybrid,          // MF + content (VBPR-style)
    ContentOnly,     // qᵢ ≡ 0, for cold-start comparisons
};

using FactorExample = InteractionExample;

class FactorModel : public TrainableRecommender
{
    Q_DECLARE_TR_FUNCTIONS(fl::FactorModel)

public:
    // content is required by Hybrid and ContentOnly (one row per dataset item) and ignored by
    // Collaborative. The parameters are initialised from training.seed.
    FactorModel(const Dataset &dataset, const std::vector<int> &train, FactorVariant variant,
                std::shared_ptr<const ContentFeatures> content, const RecommenderTraining &training);
    ~FactorModel() override;

    QString name() const override;
    int userCount() const override { return int(m_parameters.users.rows()); }
    int itemCount() const override { return int(m_parameters.items.rows()); }
    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override;
    double predict(int user, int item) const override;
    // bias (μ + bᵤ + bᵢ), collaborative (pᵤᵀqᵢ; not for ContentOnly), and one part per content modality
    // m, βᵀfᵢ⁽ᵐ⁾ + pᵤᵀW fᵢ⁽ᵐ⁾ — or a single "content" part when the fusion is not additive.
    std::vector<ScoreContribution> explain(int user, int item) const override;
    // The parameters and content, without the training records: it scores but does not train.
    std::unique_ptr<Recommender> clone() const override;

    double trainEpoch(double learningRate) override;
    void saveBest() override;
    void restoreBest() override;

    // Computes the item vectors scoreItems uses now, instead of on its first call.
    void prepareForScoring() const;

    // True when trainEpoch runs per-example SGD (see above) rather than mini-batches.
    bool usesExampleSgd() const { return m_sgd != nullptr; }
    // Threads per-example SGD may use (0: every core); the result does not depend on it.
    void setThreads(int threads) { m_threads = threads; }

    FactorVariant variant() const { return m_variant; }
    const RecommenderTraining &training() const { return m_training; }
    int factors() const { return m_training.factors; }
    const FactorParameters &parameters() const { return m_parameters; }
    void setParameters(const FactorParameters &parameters);

    // The objective L over these examples at the current parameters, and if gradient is given its
    // gradient (same shapes as the parameters; rows no example touches are 0). The training epochs use
    // this same computation, batch by batch; it is public for gradient checks.
    // With learned fusion weights, weightGradient receives ∂L/∂αₖ.
    double objective(const std::vector<FactorExample> &examples, FactorParameters *gradient = nullptr,
                     std::vector<double> *weightGradient = nullptr) const;

    // Learned fusion weights (RecommenderTraining::learnWeights with an additive fusion): fᵢ(α) =
    // Σₖ (αₖ/αₖ⁰)·fᵢ⁽ᵏ⁾, where fᵢ⁽ᵏ⁾ is content part k made with weight αₖ⁰; α follows the model's
    // optimizer after every batch and goes back with restoreBest. Empty when the weights are fixed.
    const LearnedFusionWeights &learnedWeights() const { return m_learned; }
    std::vector<double> learnedFusionWeights() const override { return m_learned.weights(); }
    void setLearnedTheta(const Eigen::VectorXd &theta);

private:
    struct Workspace;
    struct RowStatePair;
    struct ScoringCopy {};

    FactorModel(const FactorModel &other, ScoringCopy);

    bool hasContent() const { return m_variant != FactorVariant::Collaborative; }
    // Sum over the examples of ℓₑ plus their per-occurrence L2 terms; the batch gradient (÷ count, with
    // the global L2 terms) goes into work.
    double batchGradient(const FactorExample *examples, int count, Workspace &work) const;
    template<int K>
    double batchGradientFor(const FactorExample *examples, int count, Workspace &work) const;
    void applyUpdates(const Workspace &work, double learningRate);
    template<int W>
    void applyUpdatesFor(const Workspace &work, double learningRate);
    double globalPenalty() const;
    void fillExamples(int first, int last, std::vector<FactorExample> &out);
    Eigen::VectorXf itemRow(int item) const;   // [qᵢ + W fᵢ | bᵢ + βᵀfᵢ]
    bool learnsWeights() const { return !m_learned.isEmpty(); }
    double partScale(size_t part) const;        // αₖ/αₖ⁰: how much of content part k is in fᵢ now
    void refreshFeatures();                     // m_features at the learned weights
    void invalidateScoring();

    FactorVariant m_variant;
    RecommenderTraining m_training;
    std::shared_ptr<const ContentFeatures> m_content;
    RowMajorMatrixXf m_features;   // fᵢ, items × d (row-major copy of content->fused)
    FactorParameters m_parameters;
    FactorParameters m_best;
    LearnedFusionWeights m_learned;
    LearnedFusionWeights m_bestLearned;
    std::vector<RowMajorMatrixXf> m_parts;   // content parts, row-major, only with learned weights

    // The training interactions as packed records, shuffled in place each epoch for mini-batches (left
    // empty for per-example SGD, which keeps them in its own layout).
    std::vector<FactorRating> m_records;
    long long m_trainCount = 0;
    std::unique_ptr<FactorSgd> m_sgd;
    bool m_sgdLoaded = false;   // whether m_sgd's rows are m_parameters'
    int m_threads = 0;
    UserProfiles m_seen;           // BPR: what each user has (negatives must not be among them)
    std::vector<int> m_warmItems;  // BPR: items with training interactions, where negatives come from
    Random m_random;
    std::unique_ptr<Workspace> m_work;
    std::vector<FactorExample> m_batch;
    std::unique_ptr<RowStatePair> m_rowStates;     // the user and item rows' optimizer state
    RowSparseUpdater m_wUpdater, m_muUpdater;

    mutable std::mutex m_scoringMutex;
    mutable std::atomic<bool> m_scoringReady{false};
    mutable RowMajorMatrixXf m_itemVectors;   // [qᵢ + W fᵢ | bᵢ + βᵀfᵢ], items × (k + 1)
    mutable Eigen::VectorXf m_itemBias;       // μ + bᵢ + βᵀfᵢ
};

} // namespace fl
