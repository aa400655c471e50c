#pragma once

// The article's support vector machine as a recommender: linear support vector regression on the item's
// fused features fᵢ, with weights w shared by every user plus, optionally, weights pᵤ ∈ ℝᵈ of each
// user's own, and optional user and item biases,
//
//     r̂ᵤᵢ = b + bᵤ + bᵢ + (w + pᵤ)ᵀfᵢ     (user weights and biases on, the default)
//     r̂ᵤᵢ = b + bᵤ + bᵢ + wᵀfᵢ            (user weights off: every user gets the same ranking)
//
// fitted to the split's training interactions e = (u, i, r) by the ε-insensitive loss, which ignores
// errors inside a tube of half-width ε around the prediction, with L2 on w and, per occurrence as in
// LinearRecommender, on the biases and user weights (b is not penalised):
//
//     L = (1/N) Σₑ [max(0, |r̂ᵤᵢ − r| − ε) + λ/2 (bᵤ² + ‖pᵤ‖² + bᵢ²)] + λ/2 ‖w‖²
//
// Each user thus has a linear model of the content of their own, shrunk towards the shared one: without
// pᵤ the ranking is the same for everyone and cannot beat popularity as a recommender. Optionally
// (SvrSettings::unratedSamples) the examples also include, per rating, items the user has not rated with
// target 0, drawn anew each epoch: a rating regression ranks items a user would rate highly but never
// watch first, and these examples teach it which items users do not pick.
//
// L is convex but not differentiable where |r̂ − r| = ε; training follows the subgradient
// sign(r̂ − r)·1[|r̂ − r| > ε] (0 on the tube's edge). tubeFraction() is the share of training examples
// inside the tube, |r̂ − r| ≤ ε, at the current parameters: the examples that do not move the model
// (the others are its "support vectors").
//
// Optimizers (engine/models/Optimizer.h), as in LinearRecommender: full-batch (sub)gradient descent, or
// mini-batch SGD, momentum or Adam over shuffled interactions; [w; b] is one dense vector
// (ParameterUpdater), the biases (rows of width 1) and user weights (rows of width d) are updated
// lazily (RowSparseUpdater).
//
// Initialisation: w = 0, pᵤ = 0, b = the median training rating (the constant that minimises the
// absolute error), biases 0. No randomness except the mini-batch order (seeded by
// RecommenderTraining::seed). Items without training interactions keep bᵢ = 0 and are scored by their
// content alone.
//
// Scoring reads a per-item vector b + bᵢ + wᵀfᵢ recomputed whenever the parameters change and adds
// bᵤ + F pᵤ (F the items × d fused features in floats, one matrix-vector product); scoreItems is const
// and thread-safe, as long as training does not run at the same time.

#include "engine/core/Random.h"
#include "engine/core/Result.h"
#include "engine/models/LinearRecommender.h"
#include "engine/models/Optimizer.h"
#include "engine/models/ParametricRecommender.h"

#include <QCoreApplication>

#include <memory>
#include <vector>

namespace fl {

struct UserProfiles;

struct SvrSettings
{
    // Half-width of the insensitive tube, in rating units, ≥ 0. 0.5 by measurement: on ml-latest-small
    // (half-star ratings) validation RMSE was best at 0.5 among 0, 0.1, 0.25, 0.5, 1 (0.880 / 0.864 on two
    // seeds, against 0.886 / 0.871 at 0.1); on the demo 0.25–0.5 were within 0.003 of each other.
    double epsilon = 0.5;
    bool biases = true;     // user and item biases bᵤ, bᵢ
    bool userWeights = true;   // weights pᵤ per user added to the shared ones: (w + pᵤ)ᵀfᵢ
    // Per training rating, this many items the user has not rated, drawn anew each epoch among the items
    // with training interactions, become examples with target 0 ("missing as negative"): the model then
    // scores how likely a user is to pick an item and rate it highly, which ranks far better but no
    // longer predicts ratings. 0: ratings only, for rating prediction. 3 by measurement on
    // ml-latest-small (warm validation ndcg@10 over seeds 1–3, η = 0.003: 0.086–0.092 against
    // popularity's 0.080–0.086 and 0.007–0.010 with 0; validation RMSE 2.2–2.4 against 0.88–0.90).
    int unratedSamples = 3;
};

// The model and its loss for the Formulas panel: "ŷᵤᵢ = b + bᵤ + bᵢ + (w + pᵤ)ᵀfᵢ; L = (1/N) Σ
// max(0, |ŷᵤᵢ − rᵤᵢ| − ε) + λ/2 ‖w‖², ε = 0.5" (without user weights "wᵀfᵢ"; without the L2 terms of the
// biases and user weights, like the other formulas), without the fusion's.
QString svrFormula(const SvrSettings &settings);
// An error when ε is negative or not finite, or unratedSamples is outside [0, 100].
Result<void> checkSvrSettings(const SvrSettings &settings);

using RowMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The linear regression's blocks, [w; b] (d + 1), bᵤ, bᵢ, and the user weights.
struct SvrParameters
{
    Eigen::VectorXd weights;    // [w; b], d + 1 (the last coordinate is the global bias b)
    Eigen::VectorXf userBias;   // bᵤ per user; empty without biases
    Eigen::VectorXf itemBias;   // bᵢ per item; empty without biases
    RowMatrixXf userWeights;    // pᵤ as rows, users × d; empty without user weights
};
bool sameShape(const SvrParameters &a, const SvrParameters &b);
using SvrExample = LinearExample;

class SvrRecommender : public ParametricRecommender<SvrRecommender, SvrParameters>
{
    Q_DECLARE_TR_FUNCTIONS(fl::SvrRecommender)

public:
    // content: one row per dataset item (required). training: optimizer, learning rate, L2, batch size,
    // momentum, seed; the loss is always the ε-insensitive one (RecommenderTraining::loss, factors and
    // negatives are not used).
    SvrRecommender(const Dataset &dataset, const std::vector<int> &train,
                   std::shared_ptr<const ContentFeatures> content, const RecommenderTraining &training,
                   const SvrSettings &settings = {});
    ~SvrRecommender() override;

    QString name() const override;
    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override;
    double predict(int user, int item) const override;
    // One part per content modality, wᵀfᵢ⁽ᵐ⁾ (a single "content" part when the fusion is not additive),
    // with user weights "personal", pᵤᵀfᵢ, and "bias", b + bᵤ + bᵢ.
    std::vector<ScoreContribution> explain(int user, int item) const override;

    // One pass; returns the mean of L over the pass's batches, each at the parameters before its step.
    double trainEpoch(double learningRate) override;

    const SvrSettings &settings() const { return m_settings; }
    double epsilon() const { return m_settings.epsilon; }
    bool hasBiases() const { return m_settings.biases; }
    bool hasUserWeights() const { return m_settings.userWeights; }
    int dimension() const { return int(m_features.cols()); }

    // The share of training interactions with |r̂ − r| ≤ ε at the current parameters (after the last
    // epoch, restoreBest or setParameters); 0 without training interactions and for a clone.
    double tubeFraction() const { return m_tubeFraction; }

    // L over every training interaction (and, with unratedSamples, unrated items drawn from a fixed seed,
    // so that calls between two epochs see the same examples) at the current parameters and, if asked, a
    // subgradient (same shapes as the parameters): the computation full-batch descent uses; public for
    // gradient checks.
    double objective(SvrParameters *gradient = nullptr) const;
    // L with the sum over these examples instead of the training interactions (what a mini-batch
    // computes; biases of users and items no example touches get a zero gradient).
    double objective(const std::vector<SvrExample> &examples, SvrParameters *gradient = nullptr) const;

private:
    friend ParametricRecommender;
    SvrRecommender(const SvrRecommender &other, ScoringCopy);

    using Record = SvrExample;
    struct Workspace;

    // L over `count` records (the sum in L over them); the subgradient goes into work, which also lists
    // the users and items the records touch.
    double batchObjective(const Record *records, int count, Workspace &work) const;
    // The same over these records, with the content scores F w computed once per item.
    double fullBatchObjective(const std::vector<Record> &records, SvrParameters &gradient) const;
    // The training ratings followed by SvrSettings::unratedSamples unrated items per rating (target 0).
    void fillExamples(Random &random, std::vector<Record> &out) const;
    double penalty() const;   // λ/2 ‖w‖²
    void applyUpdates(const SvrParameters &gradient, const std::vector<int> *users, const std::vector<int> *items,
                      double learningRate);
    void refreshScores() override;
    double personalScore(int user, int item) const;   // pᵤᵀfᵢ, 0 without user weights

    SvrSettings m_settings;
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> m_features;   // fᵢ, items × d

    std::vector<Record> m_records;
    std::vector<Record> m_epoch;            // this epoch's examples: the ratings and the unrated samples
    std::unique_ptr<UserProfiles> m_seen;   // with unrated samples: each user's training items
    std::vector<int> m_warmItems;           // with unrated samples: items with training interactions
    Random m_random;
    ParameterUpdater m_weightUpdater;
    RowSparseUpdater m_userUpdater, m_itemUpdater, m_userWeightUpdater;
    std::unique_ptr<Workspace> m_work;
    // m_contentScore: F w; m_itemScore: b + bᵢ + wᵀfᵢ, what scoreItems adds bᵤ (and pᵤᵀfᵢ) to.
    double m_tubeFraction = 0;
};

} // namespace fl
