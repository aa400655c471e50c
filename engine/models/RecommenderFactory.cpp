#include "engine/models/RecommenderFactory.h"

#include "engine/models/FactorModel.h"
#include "engine/models/ItemKnnModel.h"
#include "engine/models/LinearRecommender.h"
#include "engine/models/PopularityModel.h"
#include "engine/models/RandomModel.h"

#include <QCoreApplication>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::RecommenderFactory)
};

} // namespace

Result<std::unique_ptr<Recommender>> makeRecommender(ModelKind kind, const Dataset &dataset,
                                                     const SplitIndices &split,
                                                     std::shared_ptr<const ContentFeatures> content,
                                                     const RecommenderTraining &training, bool biases,
                                                     const MlpSettings &mlp, const SvrSettings &svr)
{
    if (usesContent(kind)) {
        if (!content || content->fused.rows() == 0)
            return makeError(Tr::tr("The model '%1' needs fused item content; switch on at least one modality.")
                                 .arg(modelKindName(kind)));
        if (content->fused.rows() != dataset.itemCount()) {
            return makeError(Tr::tr("The fused content has %1 rows but the dataset has %2 items.")
                                 .arg(content->fused.rows()).arg(dataset.itemCount()));
        }
    }
    switch (kind) {
    case ModelKind::Linear:
    case ModelKind::LinearRanking:
        if (training.loss != LossKind::Squared)
            return makeError(Tr::tr("The linear model is fitted to ratings by squared loss; BPR is for the factor models."));
        return std::unique_ptr<Recommender>(
            std::make_unique<LinearRecommender>(dataset, split.train, std::move(content), training, biases));
    case ModelKind::Mlp:
        if (Result<void> checked = checkMlpSettings(mlp); !checked)
            return makeError(checked.error());
        return std::unique_ptr<Recommender>(std::make_unique<MlpRecommender>(dataset, split.train, std::move(content), training, mlp));
    case ModelKind::Svr:
        if (training.loss != LossKind::Squared)
            return makeError(Tr::tr("The support vector regression is fitted by the ε-insensitive loss; BPR is for the factor models and the neural network."));
        if (Result<void> checked = checkSvrSettings(svr); !checked)
            return makeError(checked.error());
        return std::unique_ptr<Recommender>(std::make_unique<SvrRecommender>(dataset, split.train, std::move(content), training, svr));
    case ModelKind::Popularity:
    case ModelKind::Random:
    case ModelKind::ItemKnn:
    case ModelKind::Mf:
    case ModelKind::Hybrid:
    case ModelKind::Content:
        break;
    }
    if (training.factors < 1)
        return makeError(Tr::tr("The number of factors must be at least 1 (it is %1).").arg(training.factors));
    FactorVariant variant = FactorVariant::Collaborative;
    switch (kind) {
    case ModelKind::Popularity:
        return std::unique_ptr<Recommender>(std::make_unique<PopularityModel>(dataset, split.train));
    case ModelKind::Random:
        return std::unique_ptr<Recommender>(std::make_unique<RandomModel>(dataset.userCount(), dataset.itemCount(), training.seed));
    case ModelKind::ItemKnn:
        return std::unique_ptr<Recommender>(std::make_unique<ItemKnnModel>(dataset, split.train, std::move(content)));
    case ModelKind::Mf:
        variant = FactorVariant::Collaborative;
        break;
    case ModelKind::Hybrid:
        variant = FactorVariant::Hybrid;
        break;
    case ModelKind::Content:
        variant = FactorVariant::ContentOnly;
        break;
    case ModelKind::Linear:
    case ModelKind::LinearRanking:
    case ModelKind::Mlp:
    case ModelKind::Svr:
        break;   // made by the switch above
    }
    return std::unique_ptr<Recommender>(
        std::make_unique<FactorModel>(dataset, split.train, variant, std::move(content), training));
}

} // namespace fl
