#pragma once

// What every recommendation model offers the rest of FusionLab, and the data they share. The
// evaluator ranks items with scoreItems() (from several threads at once), the Recommendations panel
// asks explain() why an item scored as it did, and the training session drives TrainableRecommender
// one epoch at a time, keeping the best epoch's parameters for early stopping.
//
// Indices are the Dataset's dense ones (0..userCount-1, 0..itemCount-1); interactions are referred to
// by their index in the Dataset's parallel arrays.

#include "engine/data/Dataset.h"
#include "engine/data/RecSplit.h"
#include "engine/models/Optimizer.h"

#include <Eigen/Core>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace fl {

// Item content for the hybrid, linear and item-kNN models: the fused features F (items × d) and,
// when the fusion operator is additive (sum, concatenation), one matrix per modality whose sum is F,
// so a score can be split into what each modality contributed.
struct ContentFeatures
{
    Eigen::MatrixXf fused;                 // items × d
    QStringList partNames;                 // e.g. "text", "image", "price"; empty if not additive
    std::vector<Eigen::MatrixXf> parts;    // same shape as fused; Σ parts == fused
    std::vector<double> partWeights;       // the fusion weight each part was made with (αₖ·place(Eₖ))

    int dimension() const { return int(fused.cols()); }
};

// One part of a score: a modality's name, "collaborative" (user × item factors) or "bias" (μ, bᵤ, bᵢ).
struct ScoreContribution
{
    QString part;
    double value = 0;
};

class Recommender
{
public:
    virtual ~Recommender() = default;

    virtual QString name() const = 0;
    virtual int userCount() const = 0;
    virtual int itemCount() const = 0;

    // Scores of every item for the user (higher ranks first), written into scores (size itemCount()).
    // Must be const and thread-safe: the evaluator calls it for different users from several threads.
    virtual void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const = 0;

    // The predicted rating, for RMSE and MAE (a ranking-only model returns its score).
    virtual double predict(int user, int item) const = 0;

    // Whether predict() estimates a rating, so that RMSE and MAE mean something; false for models
    // whose score is only an order (popularity counts, random, similarity sums), whose errors are not
    // reported.
    virtual bool predictsRatings() const { return true; }

    // How the score of (user, item) splits into parts; the values sum to the score.
    virtual std::vector<ScoreContribution> explain(int user, int item) const = 0;

    // A copy that scores, predicts and explains exactly as this model does now, for another thread
    // (the Recommendations page) while this one goes on training. It shares immutable content.
    virtual std::unique_ptr<Recommender> clone() const = 0;
};

enum class LossKind { Squared, Bpr };

// One training example of a model that may rank pairwise (FactorModel, MlpRecommender): a rating
// (negative < 0) or a BPR triple (user, item ≻ negative).
struct InteractionExample
{
    int user = 0;
    int item = 0;
    int negative = -1;
    float rating = 0;
};

struct RecommenderTraining
{
    LossKind loss = LossKind::Squared;        // squared on ratings, or BPR with sampled negatives
    OptimizerKind optimizer = OptimizerKind::Adam;
    double learningRate = 0.01;
    double l2 = 1e-4;
    int factors = 32;                         // latent dimension of the factorization models
    int batchSize = 1024;                     // mini-batch SGD / momentum / Adam
    int negatives = 1;                        // BPR: sampled negatives per positive
    double momentum = 0.9;
    std::uint64_t seed = 42;
    // The factorisation models with content learn the fusion weights with their parameters, starting
    // from ContentFeatures::partWeights (FusionWeights.h).
    bool learnWeights = false;
};

class TrainableRecommender : public Recommender
{
public:
    // One pass over the training interactions with this learning rate; returns the mean training loss
    // of the pass (including the L2 term). Non-finite means the run diverged.
    virtual double trainEpoch(double learningRate) = 0;

    // Keeps a copy of the parameters (the best epoch so far) and puts it back.
    virtual void saveBest() = 0;
    virtual void restoreBest() = 0;

    // The fusion weights as training has moved them (in ContentFeatures' part order); empty when the
    // model does not learn them.
    virtual std::vector<double> learnedFusionWeights() const { return {}; }
};

} // namespace fl
