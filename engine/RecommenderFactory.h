#pragma once

// Making the recommendation models by name, and the pieces they share: item content from a fusion
// plan, per-item training counts, and each user's training items.
//
// Models by name (recommenderKinds()):
//   "popularity"  PopularityModel                 — training interactions per item
//   "random"      RandomModel                     — a seeded hash of (seed, u, i): the chance baseline
//   "itemknn"     ItemKnnModel                    — cosine similarity of fused content, top-k neighbours
//   "mf"          FactorModel, FactorVariant::Collaborative  — μ + bᵤ + bᵢ + pᵤᵀqᵢ
//   "hybrid"      FactorModel, FactorVariant::Hybrid         — μ + bᵤ + bᵢ + pᵤᵀ(qᵢ + W fᵢ)  (VBPR-style)
//   "content"     FactorModel, FactorVariant::ContentOnly    — μ + bᵤ + bᵢ + pᵤᵀ W fᵢ       (qᵢ ≡ 0)
//   "mlp"         MlpRecommender                  — b + bᵤ + bᵢ + (w + pᵤ)ᵀh(fᵢ), h a ReLU network
//   "svr"         SvrRecommender                  — b + bᵤ + bᵢ + (w + pᵤ)ᵀfᵢ, ε-insensitive loss
// and, by the name "linear" (linearRecommenderKind(); not in recommenderKinds(), because elsewhere
// "linear" alone names the seed's regression on its own split, see ModelConfig in RunTrainer.h):
//   "linear"      LinearRecommender               — b + wᵀfᵢ (+ bᵤ + bᵢ): the seed's regression ranked

#include "Dataset.h"
#include "Fusion.h"
#include "MlpRecommender.h"
#include "Recommender.h"
#include "Result.h"
#include "SvrRecommender.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace fl {

// F = fuse(weights) as floats, and for the additive operators (sum, concatenation) one matrix per
// modality, cₖ·place(Bₖ), whose sum is F. A product fusion has no parts.
ContentFeatures makeContentFeatures(const FusionPlan &plan, const std::vector<double> &weights);

// How many training interactions each item has (size itemCount).
std::vector<int> itemInteractionCounts(const Dataset &dataset, const std::vector<int> &train);

// Each user's training items, ascending, each once, with a weight: the number of interactions, or the
// sum of their ratings. Compressed rows: user u's items are items[start[u] .. start[u+1]).
struct UserProfiles
{
    std::vector<int> start;
    std::vector<int> items;
    std::vector<float> weights;

    static UserProfiles build(const Dataset &dataset, const std::vector<int> &train, bool ratingWeights);

    int size(int user) const { return start[size_t(user) + 1] - start[size_t(user)]; }
    // The weight of (user, item), 0 if the user has no training interaction with it.
    float weight(int user, int item) const;
    bool contains(int user, int item) const { return indexOf(user, item) >= 0; }
    // Position of item in the compressed rows, or −1.
    int indexOf(int user, int item) const;
};

QStringList recommenderKinds();   // "popularity", "random", "itemknn", "mf", "hybrid", "content", "mlp", "svr"
QString linearRecommenderKind();  // "linear": the LinearRecommender, which makeRecommender also makes

// The model `kind` (one of recommenderKinds() or linearRecommenderKind()) over the split's training
// interactions. Content is required by "itemknn", "hybrid", "content" and "linear" (its rows must be
// the dataset's items) and ignored by the others. The random model scores from training.seed. A factor
// model is returned untrained, with its parameters initialised from training.seed; the linear model
// untrained (w = 0, b = the mean rating), with user and item biases when `biases` is set (ignored by
// the other kinds).
Result<std::unique_ptr<Recommender>> makeRecommender(const QString &kind, const Dataset &dataset,
                                                     const SplitIndices &split,
                                                     std::shared_ptr<const ContentFeatures> content,
                                                     const RecommenderTraining &training = {},
                                                     bool biases = false, const MlpSettings &mlp = {},
                                                     const SvrSettings &svr = {});

} // namespace fl
