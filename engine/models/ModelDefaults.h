#pragma once

// Each model's default training settings, defined once: the window (a model chosen in the Model dock)
// and the CLI (`--model KIND` with nothing else) both start from these, so the same model gets the
// same settings in both front ends.
//
// Chosen by measurement on the demo and on MovieLens ml-latest-small (warm and cold-item splits, seeds
// 1–3; the README's "Default settings" section has the figures): every learned ranking model that can
// tell users apart beats popularity on warm ndcg@10 with them.
//   linear (the seed's regression)   full-batch GD, η = 0.01, 200 epochs, no L2, F = αE₁ + βE₂ (sum):
//                                    the article's loop
//   mf, hybrid, content              BPR, Adam, η = 0.01, batches of 1,024, λ = 10⁻⁴, 32 factors
//   mlp                              BPR, Adam, η = 0.01, batches of 256, λ = 10⁻⁴
//   svr                              ε-insensitive, Adam, η = 0.003, batches of 1,024, λ = 10⁻⁴
//   linear as a recommender, popularity, random, itemknn: squared loss, Adam, η = 0.01, batches of
//                                    1,024, λ = 10⁻⁴ (the last three do not train)
// Ranking models train for at most 100 epochs with early stopping after 10 without a better validation
// ndcg@K, and (except the seed's regression as a recommender) fuse their content by weighted
// concatenation: in the seed's sum every modality shares the
// same columns, and on ml-latest-small the content-only model then ranks below popularity (warm ndcg@10
// 0.155 against 0.180–0.190; concatenated 0.207).

#include "engine/fusion/Fusion.h"
#include "engine/models/LinearRegression.h"
#include "engine/models/ModelKind.h"
#include "engine/models/Recommender.h"

#include <QString>

namespace fl {

struct ModelDefaults
{
    LossKind loss = LossKind::Squared;
    OptimizerKind optimizer = OptimizerKind::GradientDescent;
    double learningRate = 0.01;
    int batchSize = 256;
    double l2 = 0;
    int epochs = 200;
    int patience = 10;   // ranking models: epochs without a better validation metric before stopping
    int factors = 32;    // mf, hybrid, content
    FusionOp fusion = FusionOp::Sum;
};

// The defaults of model `kind`.
ModelDefaults modelDefaults(ModelKind kind);

// The training settings of those defaults, with the given seed.
TrainingConfig defaultTraining(const ModelDefaults &defaults, std::uint64_t seed);

} // namespace fl
