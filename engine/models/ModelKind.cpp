#include "engine/models/ModelKind.h"

namespace fl {

QString modelKindName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Linear:
    case ModelKind::LinearRanking:
        return QStringLiteral("linear");
    case ModelKind::Popularity:
        return QStringLiteral("popularity");
    case ModelKind::Random:
        return QStringLiteral("random");
    case ModelKind::ItemKnn:
        return QStringLiteral("itemknn");
    case ModelKind::Mf:
        return QStringLiteral("mf");
    case ModelKind::Hybrid:
        return QStringLiteral("hybrid");
    case ModelKind::Content:
        return QStringLiteral("content");
    case ModelKind::Mlp:
        return QStringLiteral("mlp");
    case ModelKind::Svr:
        return QStringLiteral("svr");
    }
    return {};
}

std::optional<ModelKind> modelKindFromName(QStringView name)
{
    // LinearRanking shares Linear's name, so the first match (Linear) is the one "linear" parses to.
    for (ModelKind kind : modelKinds()) {
        if (name == modelKindName(kind))
            return kind;
    }
    return std::nullopt;
}

ModelKind withLinearRanking(ModelKind kind, bool ranking)
{
    if (kind != ModelKind::Linear && kind != ModelKind::LinearRanking)
        return kind;
    return ranking ? ModelKind::LinearRanking : ModelKind::Linear;
}

QList<ModelKind> recommenderKinds()
{
    return {ModelKind::Popularity, ModelKind::Random, ModelKind::ItemKnn, ModelKind::Mf,
            ModelKind::Hybrid,     ModelKind::Content, ModelKind::Mlp,    ModelKind::Svr};
}

QStringList recommenderKindNames()
{
    QStringList names;
    for (ModelKind kind : recommenderKinds())
        names << modelKindName(kind);
    return names;
}

QList<ModelKind> modelKinds()
{
    return QList<ModelKind>{ModelKind::Linear, ModelKind::LinearRanking} + recommenderKinds();
}

bool isRankingModel(ModelKind kind)
{
    return kind != ModelKind::Linear;
}

bool usesContent(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Linear:
    case ModelKind::LinearRanking:
    case ModelKind::ItemKnn:
    case ModelKind::Hybrid:
    case ModelKind::Content:
    case ModelKind::Mlp:
    case ModelKind::Svr:
        return true;
    case ModelKind::Popularity:
    case ModelKind::Random:
    case ModelKind::Mf:
        return false;
    }
    return false;
}

bool isFactorModel(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Mf:
    case ModelKind::Hybrid:
    case ModelKind::Content:
        return true;
    case ModelKind::Linear:
    case ModelKind::LinearRanking:
    case ModelKind::Popularity:
    case ModelKind::Random:
    case ModelKind::ItemKnn:
    case ModelKind::Mlp:
    case ModelKind::Svr:
        return false;
    }
    return false;
}

bool canLearnFusionWeights(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Linear:
    case ModelKind::Hybrid:
    case ModelKind::Content:
        return true;
    case ModelKind::LinearRanking:
    case ModelKind::Popularity:
    case ModelKind::Random:
    case ModelKind::ItemKnn:
    case ModelKind::Mf:
    case ModelKind::Mlp:
    case ModelKind::Svr:
        return false;
    }
    return false;
}

bool hasUserVectorOption(ModelKind kind)
{
    return kind == ModelKind::Mlp || kind == ModelKind::Svr;
}

} // namespace fl
