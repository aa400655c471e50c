#pragma once

// The article's neural network as a recommender: the rating of item i by user u is predicted from the
// item's fused features fᵢ by a fully connected network with ReLU hidden layers, whose last hidden layer
// gives h(fᵢ) (width H; h(f) = f without hidden layers), and a linear output w = W_L ∈ ℝᴴ shared by every
// user plus, optionally, a vector pᵤ ∈ ℝᴴ of each user's own, with optional user and item biases:
//
//     r̂ᵤᵢ = b + bᵤ + bᵢ + (w + pᵤ)ᵀh(fᵢ)     (user vectors and biases on, the default)
//     r̂ᵤᵢ = b + bᵤ + bᵢ + g(fᵢ)              (user vectors off: every user gets the same ranking)
//     g(f) = wᵀh(f) = W_L·ReLU(… ReLU(W₂·ReLU(W₁f + c₁) + c₂) …)
//
// with hidden widths MlpSettings::hidden (64, 32 by default: g(f) = W₃·ReLU(W₂·ReLU(W₁f + c₁) + c₂)).
// The output layer has no bias of its own: b is it. No hidden layers makes g linear, g(f) = W₁f, the
// LinearRecommender's model. The network maps content to H features and each user weighs them with
// w + pᵤ: without pᵤ the ranking is the same for everyone and cannot beat popularity as a recommender.
//
// Losses, over the training interactions (u, i, rᵤᵢ) as examples e:
//   Squared  ℓₑ = ½(r̂ᵤᵢ − rᵤᵢ)²
//   BPR      ℓₑ = −ln σ(r̂ᵤᵢ − r̂ᵤⱼ) for each of `negatives` items j sampled per positive (u, i), uniformly
//            among the items with training interactions that u has none with (as FactorModel does).
//            b and bᵤ cancel in the difference, stay 0 and are left out; bᵢ and pᵤ are kept:
//            r̂ᵤᵢ − r̂ᵤⱼ = bᵢ − bⱼ + (w + pᵤ)ᵀ(h(fᵢ) − h(fⱼ)).
// and the objective, with L2 on the layers' weights W (not on their biases c, nor on b) and, per
// occurrence as in LinearRecommender and FactorModel, on the rows an example touches:
//
//     L = (1/N) Σₑ [ℓₑ + λ/2 (bᵤ² + ‖pᵤ‖² + bᵢ² (+ bⱼ²))] + λ/2 Σₗ ‖Wₗ‖²
//
// h depends on the item only, so a batch runs the network once per distinct item in it (items as the
// columns of Eigen matrices), with ∂L/∂h(fᵢ) summed over the item's examples: a full-batch epoch costs
// one pass of the network over the training items plus O(N·H) work for the user vectors, however many
// interactions there are. Dropout (inverted: kept activations are scaled by 1/(1 − p)) acts on the
// hidden activations in training epochs only, with one mask per item and batch (all of an item's
// examples in a batch see the same thinned network); objective() and scoring use the whole network.
//
// Optimizers (engine/models/Optimizer.h): full-batch gradient descent, or mini-batch SGD, momentum or Adam over
// shuffled interactions. Each layer's W and c and the global b are dense blocks (one ParameterUpdater
// each, which with a shared step count is the same rule as one updater over their concatenation); the
// row biases and the user vectors (rows of width H) are updated lazily (RowSparseUpdater), only the rows
// a batch touches.
//
// Initialisation (seeded by RecommenderTraining::seed, fl::Random): He for the ReLU layers,
// Wₗ ~ N(0, 2/fan_in); Xavier/Glorot for the linear output, W_L ~ N(0, 2/(fan_in + 1)); c = 0, row biases
// and user vectors 0 (∂L/∂pᵤ = ℓ′·h(fᵢ) + λpᵤ is not 0 there, so they move from the first step),
// b = the mean training rating for squared loss and 0 for BPR. The seed also drives the mini-batch
// order, the BPR negatives and the dropout masks: the same seed gives the same parameters. Items without
// training interactions are never touched (bᵢ = 0), so a cold item is scored by its content alone.
//
// Scoring reads a per-item vector b + bᵢ + g(fᵢ) and, with user vectors, the items × H matrix of h(fᵢ)
// in floats, both recomputed whenever the parameters change (after each epoch, restoreBest,
// setParameters): scoreItems(u) adds bᵤ and one matrix-vector product, H·pᵤ. It is const and
// thread-safe, as long as training does not run at the same time.

#include "engine/core/Random.h"
#include "engine/core/Result.h"
#include "engine/models/Optimizer.h"
#include "engine/models/ParametricRecommender.h"

#include <QCoreApplication>

#include <memory>
#include <vector>

namespace fl {

struct UserProfiles;

// What the network looks like, beside RecommenderTraining (which says how it is trained).
struct MlpSettings
{
    std::vector<int> hidden{64, 32};   // widths of the ReLU hidden layers, input side first
    double dropout = 0;                // probability of dropping a hidden activation in training, [0, 1)
    bool biases = true;                // user and item biases bᵤ, bᵢ
    // A vector pᵤ per user added to the output layer, (w + pᵤ)ᵀh(fᵢ). On ml-latest-small (BPR, Adam,
    // η = 0.01, batches of 256, seeds 1–3) warm validation ndcg@10 0.086–0.095 with it, 0.076–0.085
    // without, popularity 0.080–0.086; starting pᵤ at N(0, 0.01²) instead of 0 did worse (0.084 vs 0.095).
    bool userFactors = true;
};

// The widths of "--hidden 64,32" (comma- or space-separated positive integers; empty for none).
Result<std::vector<int>> parseHiddenWidths(const QString &text);
// "64, 32", or "none".
QString hiddenWidthsText(const std::vector<int> &hidden);
// The model for the Formulas panel, e.g. "ŷᵤᵢ = b + bᵤ + bᵢ + (W₃ + pᵤᵀ)·ReLU(W₂·ReLU(W₁fᵢ + c₁) + c₂)"
// (without user vectors "W₃·ReLU(…)"; with BPR "x̂ᵤᵢ = bᵢ + …": b and bᵤ cancel), without the fusion's
// own formula.
QString mlpFormula(const MlpSettings &settings, LossKind loss = LossKind::Squared);
// An error naming the first setting out of range (a width < 1 or > 4096, dropout outside [0, 1)).
Result<void> checkMlpSettings(const MlpSettings &settings);

using RowMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct MlpParameters
{
    std::vector<Eigen::MatrixXd> weights;   // Wₗ, widthₗ × widthₗ₋₁ (input first; the last is 1 × width)
    std::vector<Eigen::VectorXd> biases;    // cₗ of the hidden layers, widthₗ (one fewer than weights)
    double globalBias = 0;                  // b
    Eigen::VectorXf userBias;               // bᵤ per user; empty without biases
    Eigen::VectorXf itemBias;               // bᵢ per item; empty without biases
    RowMatrixXf userFactors;                // pᵤ as rows, users × H; empty without user vectors
};
bool sameShape(const MlpParameters &a, const MlpParameters &b);

// One training example for objective().
using MlpExample = InteractionExample;

class MlpRecommender : public ParametricRecommender<MlpRecommender, MlpParameters>
{
    Q_DECLARE_TR_FUNCTIONS(fl::MlpRecommender)

public:
    // content: one row per dataset item (required). settings must pass checkMlpSettings. training: loss
    // (squared or BPR), optimizer, learning rate, L2, batch size, negatives, momentum, seed (factors is
    // not used).
    MlpRecommender(const Dataset &dataset, const std::vector<int> &train,
                   std::shared_ptr<const ContentFeatures> content, const RecommenderTraining &training,
                   const MlpSettings &settings = {});
    ~MlpRecommender() override;

    QString name() const override;
    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override;
    double predict(int user, int item) const override;
    // "content", g(fᵢ) = wᵀh(fᵢ) (a network does not split by modality), with user vectors "personal",
    // pᵤᵀh(fᵢ), and "bias", b + bᵤ + bᵢ.
    std::vector<ScoreContribution> explain(int user, int item) const override;

    // One pass (dropout on, if set); returns the mean of L over the pass's batches, each at the
    // parameters before its step.
    double trainEpoch(double learningRate) override;

    const MlpSettings &settings() const { return m_settings; }
    bool hasBiases() const { return m_settings.biases; }
    bool hasUserFactors() const { return m_settings.userFactors; }
    // H, the width of h(f) and of pᵤ: the last hidden layer's, or d without hidden layers.
    int factorWidth() const { return int(m_parameters.weights.back().cols()); }
    int dimension() const { return int(m_features.rows()); }

    // g(fᵢ) of every item at the current parameters (what scoring adds the biases to).
    const Eigen::VectorXd &contentScores() const { return m_contentScore; }
    // h(fᵢ) of every item as columns, H × items, at the current parameters; empty without user vectors.
    const Eigen::MatrixXd &hiddenOutputs() const { return m_hidden; }

    // L over these examples (the sum in L over them instead of the training interactions), without
    // dropout, and if asked its gradient (same shapes as the parameters; row biases no example touches
    // get 0). The training batches compute the same expression; public for gradient checks.
    double objective(const std::vector<MlpExample> &examples, MlpParameters *gradient = nullptr) const;
    // L over the training interactions (for BPR with `negatives` per positive drawn from a fixed seed,
    // so that calls between two epochs see the same triples).
    double objective(MlpParameters *gradient = nullptr) const;

private:
    friend ParametricRecommender;
    MlpRecommender(const MlpRecommender &other, ScoringCopy);

    struct Record
    {
        int user;
        int item;
        float rating;
    };
    struct Workspace;

    int layerCount() const { return int(m_parameters.weights.size()); }
    // Sum over the examples of ℓₑ and their per-occurrence L2 terms; the batch gradient (÷ count, with the
    // L2 on the weights) goes into work. dropout: draw masks from random (training) or not (nullptr).
    double batchObjective(const MlpExample *examples, int count, Workspace &work, Random *dropout) const;
    double penalty() const;   // λ/2 Σ‖Wₗ‖²
    void applyUpdates(const Workspace &work, double learningRate);
    void fillExamples(int first, int last, Random &random, std::vector<MlpExample> &out) const;
    void refreshScores() override;
    double personalScore(int user, int item) const;   // pᵤᵀh(fᵢ), 0 without user vectors

    MlpSettings m_settings;
    Eigen::MatrixXd m_features;   // fᵢ as columns, d × items

    std::vector<Record> m_records;
    std::unique_ptr<UserProfiles> m_seen;   // BPR: each user's training items (negatives must not be among them)
    std::vector<int> m_warmItems;           // BPR: items with training interactions, where negatives come from
    Random m_random;
    std::vector<ParameterUpdater> m_weightUpdaters, m_layerBiasUpdaters;
    ParameterUpdater m_globalUpdater;
    RowSparseUpdater m_userUpdater, m_itemUpdater, m_factorUpdater;
    std::unique_ptr<Workspace> m_work;
    std::vector<MlpExample> m_batch;

    // m_contentScore: g(fᵢ); m_itemScore: b + bᵢ + g(fᵢ), what scoreItems adds bᵤ and H·pᵤ to.
    Eigen::MatrixXd m_hidden;         // h(fᵢ) as columns, H × items (user vectors only)
    Eigen::MatrixXf m_hiddenRows;     // the same in floats as rows, items × H, for scoreItems
};

} // namespace fl
