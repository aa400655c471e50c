#include "engine/models/ModelDefaults.h"

namespace fl {

ModelDefaults modelDefaults(const QString &kind, bool linearRanking)
{
    ModelDefaults d;
    if (kind == QLatin1String("linear") && !linearRanking)
        return d;   // the seed's loop
    d.optimizer = OptimizerKind::Adam;
    d.learningRate = 0.01;
    d.batchSize = 1024;
    d.l2 = 1e-4;
    d.epochs = 100;
    d.patience = 10;
    // The seed's regression as a recommender keeps the seed's features, F = αE₁ + βE₂.
    d.fusion = kind == QLatin1String("linear") ? FusionOp::Sum : FusionOp::Concat;
    if (kind == QLatin1String("mf") || kind == QLatin1String("hybrid") || kind == QLatin1String("content")) {
        d.loss = LossKind::Bpr;
    } else if (kind == QLatin1String("mlp")) {
        d.loss = LossKind::Bpr;
        d.batchSize = 256;
    } else if (kind == QLatin1String("svr")) {
        d.learningRate = 0.003;
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
