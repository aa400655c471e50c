#include "engine/training/RunTrainer.h"

#include <limits>

namespace fl {

bool learnsFusionWeights(const ModelConfig &model)
{
    return canLearnFusionWeights(model.kind);
}

LinearRunTrainer::LinearRunTrainer(std::shared_ptr<const TrainingProblem> problem, const TrainingConfig &config)
    : m_trainer(std::move(problem), config)
{
}

RunSummary LinearRunTrainer::summary(double seconds, const QString &reason)
{
    const TrainingProblem &problem = m_trainer.problem();
    RunSummary s;
    s.epochs = m_trainer.epoch();
    s.trainLoss = m_trainer.trainForm().loss(m_trainer.parameters());
    s.validationLoss = m_trainer.validationForm().loss(m_trainer.parameters());
    const RegressionMetrics m = evaluateRegression(*problem.plan, m_trainer.fusionWeights(), m_trainer.parameters(),
                                                   *problem.validationRows);
    s.rmse = m.rmse;
    s.mae = m.mae;
    if (problem.validationRows->size() == 0)
        s.validationLoss = s.rmse = s.mae = std::numeric_limits<double>::quiet_NaN();
    // With learned weights: the floor of the weights training started from (see learnedWeightsNote).
    s.optimumTrainLoss = problem.train.loss(problem.train.optimum(m_trainer.config().l2));
    if (m_trainer.learnsWeights())
        s.learnedWeights = m_trainer.fusionWeights();
    s.seconds = seconds;
    s.reason = reason;
    return s;
}

} // namespace fl
