#include "engine/models/ModelDefaults.h"

namespace fl {

ModelDefaults modelDefaults(ModelKind kind)
{
    ModelDefaults d;
    if (kind == ModelKind::Linear)
        return d;   // the seed's loop
    d.optimizer = OptimizerKind::Adam;
    d.learningRate = 0.01;
    d.batchSize = 1024;
    d.l2 = 1e-4;
    d.epochs = 100;
    d.patience = 10;
    d.fusion = FusionOp::Concat;
    switch (kind) {
    case ModelKind::Mf:
    case ModelKind::Hybrid:
    case ModelKind::Content:
        d.loss = LossKind::Bpr;
        break;
    case ModelKind::Mlp:
        d.loss = LossKind::Bpr;
        d.batchSize = 256;
        break;
    case ModelKind::Svr:
        d.learningRate = 0.003;
        break;
    case ModelKind::LinearRanking:
        // The seed's regression as a recommender keeps the seed's features, F = αE₁ + βE₂.
        d.fusion = FusionOp::Sum;
        break;
    case ModelKind::Linear:
    case ModelKind::Popularity:
    case ModelKind::Random:
    case ModelKind::ItemKnn:
        break;
    }
    return d;
}

TrainingConfig defaultTraining(const ModelDefaults &defaults, std::uint64_t seed)
{
    TrainingConfig t;
    t.optimizer = defaults.optimizer;
    t.learningRate = defaults.learningRate;
    t.batchSize = defaults.batchSize;
    t.l2 = defaults.l2;
    t.epochs = defaults.epochs;
    t.seed = seed;
    return t;
}

} // namespace fl
