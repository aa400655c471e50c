#include "engine/models/RecommenderFactory.h"

#include "engine/models/FactorModel.h"
#include "engine/models/ItemKnnModel.h"
#include "engine/models/LinearRecommender.h"
#include "engine/models/PopularityModel.h"
#include "engine/models/RandomModel.h"

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
