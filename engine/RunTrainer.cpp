#include "RunTrainer.h"

namespace fl {

LinearRunTrainer::LinearRunTrainer(std::shared_ptr<const TrainingProblem> problem, const TrainingConfig &config)
    : m_problem(problem)
    , m_trainer(std::move(problem), config)
{
}

RunSummary LinearRunTrainer::summary(double seconds, const QString &reason)
{
    const TrainingProblem &problem = *m_problem;
    RunSummary s;
    s.epochs = m_trainer.epoch();
    s.trainLoss = problem.train.loss(m_trainer.parameters());
    s.validationLoss = problem.validation.loss(m_trainer.parameters());
    const RegressionMetrics m = evaluateRegression(*problem.plan, problem.weights, m_trainer.parameters(),
                                                   *problem.validationRows);
    s.rmse = m.rmse;
    s.mae = m.mae;
    s.optimumTrainLoss = problem.train.loss(problem.train.optimum(m_trainer.config().l2));
    s.seconds = seconds;
    s.reason = reason;
    return s;
}

Result<PreparedRun> prepareRun(FusionPipeline &pipeline, const RunConfig &config, const ProgressFn &progress)
{
    Result<std::shared_ptr<const TrainingProblem>> prepared = pipeline.prepare(config.pipeline, progress);
    if (!prepared)
        return makeError(prepared.error());
    PreparedRun run;
    run.info = describeProblem(**prepared, config.training.l2);
    run.trainer = std::make_unique<LinearRunTrainer>(*prepared, config.training);
    return run;
}

} // namespace fl
