#pragma once

// Item-based k-nearest neighbours on fused content.
//
// Each item's fused feature row fᵢ is normalised, nᵢ = fᵢ/‖fᵢ‖ (a zero row stays zero), and
// sim(i, j) = nᵢ·nⱼ is their cosine. Once, at construction, every item keeps its k most similar other
// items Nₖ(i) (ties by lower index; on both cores, in fixed blocks so the result does not depend on the
// thread count). A user's score for item i sums the similarities to the items they interacted with in
// training that are among i's neighbours:
//
//     score(u, i) = Σ_{j ∈ Iᵤ ∩ Nₖ(i)} wᵤⱼ · sim(i, j),
//
// with wᵤⱼ = the number of training interactions of (u, j), or the sum of their ratings when
// ratingWeighted. Because only content is used, an item nobody has interacted with is scored like any
// other. The score is a sum of similarities, not a rating: the model predicts no ratings.
//
// explain(u, i): cosine is not additive over modalities, but with F = Σₘ F⁽ᵐ⁾ (sum or concatenation
// fusion) the dot product of the normalised rows is:
//
//     sim(i, j) = nᵢ·nⱼ = Σₘ (fᵢ⁽ᵐ⁾·nⱼ) / ‖fᵢ‖,
//
// so modality m's part of the score is Σ_{j ∈ Iᵤ ∩ Nₖ(i)} wᵤⱼ · fᵢ⁽ᵐ⁾·nⱼ / ‖fᵢ‖ — what item i's own
// modality-m features contribute to its similarity with the user's items. The parts sum to the score;
// a part can be negative. Without parts (product fusion) the whole score is one "content" part.

#include "engine/models/ModelInputs.h"
#include "engine/models/Recommender.h"

#include <QCoreApplication>

#include <memory>
#include <vector>

namespace fl {

struct ItemKnnOptions
{
    int neighbours = 50;          // k; clamped to itemCount − 1
    bool ratingWeighted = false;  // wᵤⱼ = Σ ratings instead of the interaction count
};

class ItemKnnModel : public Recommender
{
    Q_DECLARE_TR_FUNCTIONS(fl::ItemKnnModel)

public:
    // content->fused must have one row per dataset item.
    ItemKnnModel(const Dataset &dataset, const std::vector<int> &train,
                 std::shared_ptr<const ContentFeatures> content, const ItemKnnOptions &options = {});

    QString name() const override;
    int userCount() const override { return int(m_profiles.start.size()) - 1; }
    int itemCount() const override { return m_items; }
    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override;
    double predict(int user, int item) const override;   // the score, not a rating
    bool predictsRatings() const override { return false; }
    std::vector<ScoreContribution> explain(int user, int item) const override;
    std::unique_ptr<Recommender> clone() const override { return std::make_unique<ItemKnnModel>(*this); }

    int neighbourCount() const { return m_k; }
    // Item i's neighbours, most similar first, and their similarities.
    const int *neighbours(int item) const { return m_neighbour.data() + size_t(item) * size_t(m_k); }
    const float *similarities(int item) const { return m_similarity.data() + size_t(item) * size_t(m_k); }

private:
    using RowMajorMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    void findNeighbours();

    std::shared_ptr<const ContentFeatures> m_content;
    int m_items = 0;
    int m_k = 0;
    UserProfiles m_profiles;
    RowMajorMatrixXf m_normalized;     // nᵢ, items × d
    Eigen::VectorXf m_norm;            // ‖fᵢ‖
    std::vector<int> m_neighbour;      // items × k
    std::vector<float> m_similarity;   // items × k
    // The transpose of the neighbour lists: for item j, the items i with j ∈ Nₖ(i) and sim(i, j).
    std::vector<int> m_reverseStart;
    std::vector<int> m_reverseItem;
    std::vector<float> m_reverseSimilarity;
};

} // namespace fl
