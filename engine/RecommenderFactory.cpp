#include "RecommenderFactory.h"

#include "FactorModel.h"
#include "ItemKnnModel.h"
#include "LinearRecommender.h"
#include "PopularityModel.h"
#include "RandomModel.h"

#include <QCoreApplication>

#include <algorithm>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::RecommenderFactory)
};

} // namespace

ContentFeatures makeContentFeatures(const FusionPlan &plan, const std::vector<double> &weights)
{
    ContentFeatures content;
    content.fused = plan.fuse(weights).cast<float>();
    if (plan.op == FusionOp::Product)
        return content;
    const std::vector<double> c = plan.coefficients(weights);
    for (size_t k = 0; k < plan.blocks.size(); ++k) {
        Eigen::MatrixXf part = Eigen::MatrixXf::Zero(plan.itemCount(), plan.width);
        part.middleCols(plan.offsets[k], plan.blocks[k].cols()) = (c[k] * plan.blocks[k]).cast<float>();
        content.parts.push_back(std::move(part));
        content.partNames << plan.modalityNames.value(int(k));
        content.partWeights.push_back(weights[k]);
    }
    return content;
}

std::vector<int> itemInteractionCounts(const Dataset &dataset, const std::vector<int> &train)
{
    std::vector<int> counts(size_t(dataset.itemCount()), 0);
    for (const int index : train)
        ++counts[size_t(dataset.interactionItem[size_t(index)])];
    return counts;
}

UserProfiles UserProfiles::build(const Dataset &dataset, const std::vector<int> &train, bool ratingWeights)
{
    // Counting sort by user, then each user's items sorted and merged.
    UserProfiles p;
    p.start.assign(size_t(dataset.userCount()) + 1, 0);
    for (const int index : train)
        ++p.start[size_t(dataset.interactionUser[size_t(index)]) + 1];
    for (size_t u = 0; u + 1 < p.start.size(); ++u)
        p.start[u + 1] += p.start[u];
    std::vector<std::pair<int, float>> entries(train.size());
    std::vector<int> fill(p.start.begin(), p.start.end() - 1);
    for (const int index : train) {
        const int u = dataset.interactionUser[size_t(index)];
        const float w = ratingWeights ? float(dataset.rating(index)) : 1.0f;
        entries[size_t(fill[size_t(u)]++)] = {dataset.interactionItem[size_t(index)], w};
    }
    std::vector<int> merged(p.start.size(), 0);
    for (size_t u = 0; u + 1 < p.start.size(); ++u) {
        const auto first = entries.begin() + p.start[u];
        const auto last = entries.begin() + p.start[u + 1];
        std::sort(first, last, [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto it = first; it != last; ++it) {
            if (!p.items.empty() && int(p.items.size()) > merged[u] && p.items.back() == it->first) {
                p.weights.back() += it->second;
                continue;
            }
            p.items.push_back(it->first);
            p.weights.push_back(it->second);
        }
        merged[u + 1] = int(p.items.size());
    }
    p.start = std::move(merged);
    return p;
}

int UserProfiles::indexOf(int user, int item) const
{
    const auto first = items.begin() + start[size_t(user)];
    const auto last = items.begin() + start[size_t(user) + 1];
    const auto it = std::lower_bound(first, last, item);
    return it != last && *it == item ? int(it - items.begin()) : -1;
}

float UserProfiles::weight(int user, int item) const
{
    const int at = indexOf(user, item);
    return at < 0 ? 0.0f : weights[size_t(at)];
}

QStringList recommenderKinds()
{
    return {QStringLiteral("popularity"), QStringLiteral("random"), QStringLiteral("itemknn"), QStringLiteral("mf"),
            QStringLiteral("hybrid"), QStringLiteral("content"), QStringLiteral("mlp"), QStringLiteral("svr")};
}

QString linearRecommenderKind()
{
    return QStringLiteral("linear");
}

Result<std::unique_ptr<Recommender>> makeRecommender(const QString &kind, const Dataset &dataset,
                                                     const SplitIndices &split,
                                                     std::shared_ptr<const ContentFeatures> content,
                                                     const RecommenderTraining &training, bool biases,
                                                     const MlpSettings &mlp, const SvrSettings &svr)
{
    const QString k = kind.trimmed().toLower();
    const bool linear = k == linearRecommenderKind();
    if (!linear && !recommenderKinds().contains(k)) {
        return makeError(Tr::tr("Unknown model '%1'; choose one of %2.")
                             .arg(kind, (QStringList{linearRecommenderKind()} + recommenderKinds()).join(QStringLiteral(", "))));
    }
    const bool needsContent = linear || k == QStringLiteral("itemknn") || k == QStringLiteral("hybrid") || k == QStringLiteral("content")
        || k == QStringLiteral("mlp") || k == QStringLiteral("svr");
    if (needsContent) {
        if (!content || content->fused.rows() == 0)
            return makeError(Tr::tr("The model '%1' needs fused item content; switch on at least one modality.").arg(k));
        if (content->fused.rows() != dataset.itemCount()) {
            return makeError(Tr::tr("The fused content has %1 rows but the dataset has %2 items.")
                                 .arg(content->fused.rows()).arg(dataset.itemCount()));
        }
    }
    if (linear) {
        if (training.loss != LossKind::Squared)
            return makeError(Tr::tr("The linear model is fitted to ratings by squared loss; BPR is for the factor models."));
        return std::unique_ptr<Recommender>(
            std::make_unique<LinearRecommender>(dataset, split.train, std::move(content), training, biases));
    }
    if (k == QStringLiteral("mlp")) {
        if (Result<void> checked = checkMlpSettings(mlp); !checked)
            return makeError(checked.error());
        return std::unique_ptr<Recommender>(std::make_unique<MlpRecommender>(dataset, split.train, std::move(content), training, mlp));
    }
    if (k == QStringLiteral("svr")) {
        if (training.loss != LossKind::Squared)
            return makeError(Tr::tr("The support vector regression is fitted by the ε-insensitive loss; BPR is for the factor models and the neural network."));
        if (Result<void> checked = checkSvrSettings(svr); !checked)
            return makeError(checked.error());
        return std::unique_ptr<Recommender>(std::make_unique<SvrRecommender>(dataset, split.train, std::move(content), training, svr));
    }
    if (training.factors < 1)
        return makeError(Tr::tr("The number of factors must be at least 1 (it is %1).").arg(training.factors));
    if (k == QStringLiteral("popularity"))
        return std::unique_ptr<Recommender>(std::make_unique<PopularityModel>(dataset, split.train));
    if (k == QStringLiteral("random"))
        return std::unique_ptr<Recommender>(std::make_unique<RandomModel>(dataset.userCount(), dataset.itemCount(), training.seed));
    if (k == QStringLiteral("itemknn"))
        return std::unique_ptr<Recommender>(std::make_unique<ItemKnnModel>(dataset, split.train, std::move(content)));
    const FactorVariant variant = k == QStringLiteral("mf") ? FactorVariant::Collaborative
        : k == QStringLiteral("hybrid")                     ? FactorVariant::Hybrid
                                                            : FactorVariant::ContentOnly;
    return std::unique_ptr<Recommender>(
        std::make_unique<FactorModel>(dataset, split.train, variant, std::move(content), training));
}

} // namespace fl
