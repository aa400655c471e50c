#pragma once

// The seed's linear regression as a recommender: the rating of item i by user u is predicted from the
// item's fused features fᵢ (the seed's F = αE₁ + βE₂, or any fusion), optionally with user and item
// biases,
//
//     r̂ᵤᵢ = b + wᵀfᵢ                 (biases off: every user gets the same ranking)
//     r̂ᵤᵢ = b + bᵤ + bᵢ + wᵀfᵢ       (biases on)
//
// fitted to the split's training interactions e = (u, i, r) by squared loss with L2 on w and, per
// occurrence as in FactorModel, on the biases (b is not penalised, as in the seed):
//
//     L = (1/N) Σₑ [½(r̂ᵤᵢ − r)² + λ/2 (bᵤ² + bᵢ²)] + λ/2 ‖w‖²
//
// Without biases this is exactly the seed's L = 1/(2N)Σ(y − f)² + λ/2‖W‖², and it depends on the
// interactions only through per-item counts nᵢ, rating sums sᵢ and sums of squares: Σₑ ½(wᵀfᵢ + b − r)²
// = Σᵢ ½[nᵢ(wᵀfᵢ + b)² − 2sᵢ(wᵀfᵢ + b)] + ½Σr². A full-batch epoch then costs O(items·d), not
// O(interactions·d), and the minimiser has a closed form: the normal equations (G + λĨ)θ = m with
// G = Σᵢ nᵢ x̃ᵢx̃ᵢᵀ/N, m = Σᵢ sᵢ x̃ᵢ/N, x̃ᵢ = [fᵢ; 1], solved by Eigen's LDLT (optimum()). With biases
// a full-batch epoch also passes over the interactions once (O(N) scalar work for the residuals).
//
// Optimizers (engine/models/Optimizer.h): full-batch gradient descent, or mini-batch SGD, momentum or Adam over
// shuffled interactions; [w; b] is one dense vector (ParameterUpdater), the biases are rows of width 1
// updated lazily (RowSparseUpdater), so a mini-batch costs O(batch·d) however many users there are.
//
// Initialisation: w = 0, b = the mean training rating, biases 0. No randomness except the mini-batch
// order (seeded by RecommenderTraining::seed). Items without training interactions are never touched
// (bᵢ = 0), so a cold item is scored by its content alone: b + bᵤ + wᵀfᵢ.
//
// Scoring reads a per-item vector b + bᵢ + wᵀfᵢ that is recomputed whenever the parameters change
// (after each epoch, restoreBest, setParameters); scoreItems is then const and thread-safe, as long as
// training does not run at the same time.

#include "engine/core/Random.h"
#include "engine/models/Optimizer.h"
#include "engine/models/ParametricRecommender.h"

#include <QCoreApplication>

#include <memory>
#include <vector>

namespace fl {

struct LinearParameters
{
    Eigen::VectorXd weights;    // [w; b], d + 1 (the last coordinate is the global bias b)
    Eigen::VectorXf userBias;   // bᵤ per user; empty without biases
    Eigen::VectorXf itemBias;   // bᵢ per item; empty without biases
};
bool sameShape(const LinearParameters &a, const LinearParameters &b);

// One training example for objective(): a rating of an item by a user.
struct LinearExample
{
    int user = 0;
    int item = 0;
    float rating = 0;
};

class LinearRecommender : public ParametricRecommender<LinearRecommender, LinearParameters>
{
    Q_DECLARE_TR_FUNCTIONS(fl::LinearRecommender)

public:
    // content: one row per dataset item (required). training: optimizer, learning rate, L2, batch size,
    // seed; the loss is always squared (factors and negatives are not used).
    LinearRecommender(const Dataset &dataset, const std::vector<int> &train,
                      std::shared_ptr<const ContentFeatures> content, const RecommenderTraining &training,
                      bool biases);
    ~LinearRecommender() override;

    QString name() const override;
    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override;
    double predict(int user, int item) const override;
    // One part per content modality, wᵀfᵢ⁽ᵐ⁾ (a single "content" part when the fusion is not additive),
    // and "bias", b + bᵤ + bᵢ.
    std::vector<ScoreContribution> explain(int user, int item) const override;

    double trainEpoch(double learningRate) override;

    bool hasBiases() const { return m_biases; }
    int dimension() const { return int(m_features.cols()); }

    // L over every training interaction at the current parameters and, if asked, its gradient (same
    // shapes as the parameters). This is the computation full-batch gradient descent uses (by items
    // without biases); public for gradient checks.
    double objective(LinearParameters *gradient = nullptr) const;
    // L with the sum over these examples instead of the training interactions (what a mini-batch
    // computes; biases of users and items no example touches get a zero gradient).
    double objective(const std::vector<LinearExample> &examples, LinearParameters *gradient = nullptr) const;

    // The closed-form minimiser [w; b] of L without biases (normal equations with the L2 term, LDLT)
    // and L there: the floor the training curve approaches. With biases optimum() is still the no-bias
    // model's minimiser, whose L is only an upper bound on this model's floor, so optimumObjective()
    // is then NaN.
    Eigen::VectorXd optimum() const;
    double optimumObjective() const;
    // 2/λ_max of L's Hessian without biases (full-batch GD diverges above it); NaN with biases.
    double maxStableLearningRate() const;

private:
    friend ParametricRecommender;
    LinearRecommender(const LinearRecommender &other, ScoringCopy);

    using Record = LinearExample;

    struct Workspace;

    // L over the training interactions and its gradient (full size), by items without biases.
    double fullBatchObjective(LinearParameters &gradient) const;
    // L over `count` records (the sum in L over them instead of the training interactions); the gradient
    // goes into work, which also lists the users and items the records touch.
    double batchObjective(const Record *records, int count, Workspace &work) const;
    double penalty() const;   // λ/2 ‖w‖²
    LinearParameters zeroGradient() const;
    void refreshScores() override;
    Eigen::MatrixXd normalMatrix() const;   // G + λĨ, (d + 1)²
    Eigen::VectorXd normalMoment() const;   // m = Σᵢ sᵢ x̃ᵢ / N

    bool m_biases = false;
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> m_features;   // fᵢ, items × d

    // Training data: the interactions (for mini-batches and the biases) and per-item aggregates.
    std::vector<Record> m_records;
    Eigen::VectorXd m_itemCount;     // nᵢ
    Eigen::VectorXd m_itemSum;       // sᵢ = Σ r
    double m_sumSquares = 0;         // Σ r²
    Random m_random;
    ParameterUpdater m_weightUpdater;
    RowSparseUpdater m_userUpdater, m_itemUpdater;

    std::unique_ptr<Workspace> m_work;
    // m_contentScore: F w; m_itemScore: b + bᵢ + wᵀfᵢ, what scoreItems adds bᵤ to.
};

} // namespace fl
