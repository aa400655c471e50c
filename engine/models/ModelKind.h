#pragma once

// Which model a run fits, as a closed set. The names are the stable ids of the experiment and run-record
// files, the window's settings and the CLI's --model; everything else compares the enum, so a new kind
// is one more value here and the compiler points at every switch that has to handle it.

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace fl {

enum class ModelKind {
    Linear,          // "linear": the seed's regression on the fused features, on its own split
    LinearRanking,   // "linear" with linear_ranking: the same regression as a recommender (LinearRecommender)
    Popularity,      // "popularity"
    Random,          // "random"
    ItemKnn,         // "itemknn"
    Mf,              // "mf": FactorModel, collaborative only
    Hybrid,          // "hybrid": FactorModel with fused content (VBPR-style)
    Content,         // "content": FactorModel from content only
    Mlp,             // "mlp": MlpRecommender
    Svr,             // "svr": SvrRecommender
};

// The name files and the CLI use. Both linear kinds are "linear": the files tell them apart by their
// linear_ranking flag, the CLI by its ranking options (withLinearRanking() below).
QString modelKindName(ModelKind kind);

// The kind of a name (exactly as modelKindName() writes it); "linear" is the seed's regression.
std::optional<ModelKind> modelKindFromName(QStringView name);

// "linear" as read from a file or the command line: the LinearRecommender when `ranking` is set, the
// seed's regression otherwise. Other kinds are returned as they are.
ModelKind withLinearRanking(ModelKind kind, bool ranking);

// The recommenders in the order the window and the CLI list them: popularity, random, itemknn, mf,
// hybrid, content, mlp, svr (without the LinearRecommender, whose name "linear" alone means the seed's run).
QList<ModelKind> recommenderKinds();
QStringList recommenderKindNames();

// Every kind: Linear, LinearRanking, then recommenderKinds().
QList<ModelKind> modelKinds();

// The seed's regression on its own split is the one kind that is not a ranking model.
bool isRankingModel(ModelKind kind);

// Whether the model reads the fused item content (so a run must embed and fuse the modalities).
bool usesContent(ModelKind kind);

// mf, hybrid and content: the FactorModel, with its number of factors.
bool isFactorModel(ModelKind kind);

// Whether the model can learn its fusion weights: the seed's regression, the hybrid and the content
// factorisation.
bool canLearnFusionWeights(ModelKind kind);

// mlp and svr: the models with per-user vectors that can be switched off.
bool hasUserVectorOption(ModelKind kind);

} // namespace fl
