#pragma once

// What the recommendation models are built from, besides the interactions: item content from a fusion
// plan, per-item training counts, and each user's training items. The models and their factory
// (RecommenderFactory.h) share these.

#include "engine/data/Dataset.h"
#include "engine/fusion/Fusion.h"
#include "engine/models/Recommender.h"

#include <vector>

namespace fl {

// F = fuse(weights) as floats, and for the additive operators (sum, concatenation) one matrix per
// modality, cₖ·place(Bₖ), whose sum is F. A product fusion has no parts.
ContentFeatures makeContentFeatures(const FusionPlan &plan, const std::vector<double> &weights);

// The parts of a linear content score wᵀfᵢ, fused = fᵢ: one per content part, wᵀfᵢ⁽ᵐ⁾, named after its
// modality, when the fusion is additive, else a single "content" part.
std::vector<ScoreContribution> linearContentParts(const ContentFeatures &content, int item,
                                                  const Eigen::Ref<const Eigen::RowVectorXd> &fused,
                                                  const Eigen::Ref<const Eigen::VectorXd> &w);

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

} // namespace fl
