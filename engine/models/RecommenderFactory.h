#pragma once

// Making the recommendation models by name. The pieces they share (item content from a fusion plan,
// per-item training counts, each user's training items) are in ModelInputs.h.
//
// Models by kind (ModelKind.h; recommenderKinds()):
//   "popularity"  PopularityModel                 — training interactions per item
//   "random"      RandomModel                     — a seeded hash of (seed, u, i): the chance baseline
//   "itemknn"     ItemKnnModel                    — cosine similarity of fused content, top-k neighbours
//   "mf"          FactorModel, FactorVariant::Collaborative  — μ + bᵤ + bᵢ + pᵤᵀqᵢ
//   "hybrid"      FactorModel, FactorVariant::Hybrid         — μ + bᵤ + bᵢ + pᵤᵀ(qᵢ + W fᵢ)  (VBPR-style)
//   "content"     FactorModel, FactorVariant::ContentOnly    — μ + bᵤ + bᵢ + pᵤᵀ W fᵢ       (qᵢ ≡ 0)
//   "mlp"         MlpRecommender                  — b + bᵤ + bᵢ + (w + pᵤ)ᵀh(fᵢ), h a ReLU network
//   "svr"         SvrRecommender                  — b + bᵤ + bᵢ + (w + pᵤ)ᵀfᵢ, ε-insensitive loss
// and ModelKind::LinearRanking (not in recommenderKinds(), because its name "linear" alone names the
// seed's regression on its own split, see ModelConfig in RunTrainer.h):
//   "linear"      LinearRecommender               — b + wᵀfᵢ (+ bᵤ + bᵢ): the seed's regression ranked

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"
#include "engine/models/MlpRecommender.h"
#include "engine/models/ModelInputs.h"
#include "engine/models/ModelKind.h"
#include "engine/models/Recommender.h"
#include "engine/models/SvrRecommender.h"

#include <memory>
#include <vector>

namespace fl {

// The model `kind` over the split's training interactions; both linear kinds make the LinearRecommender
// (the seed's own run is a LinearRunTrainer and does not come here). Content is required by the kinds
// that usesContent() (its rows must be the dataset's items) and ignored by the others. The random model scores from training.seed. A factor
// model is returned untrained, with its parameters initialised from training.seed; the linear model
// untrained (w = 0, b = the mean rating), with user and item biases when `biases` is set (ignored by
// the other kinds).
Result<std::unique_ptr<Recommender>> makeRecommender(ModelKind kind, const Dataset &dataset,
                                                     const SplitIndices &split,
                                                     std::shared_ptr<const ContentFeatures> content,
                                                     const RecommenderTraining &training = {},
                                                     bool biases = false, const MlpSettings &mlp = {},
                                                     const SvrSettings &svr = {});

} // namespace fl
