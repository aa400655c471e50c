#include "engine/training/PrepareRun.h"

#include "engine/evaluation/RankingMetrics.h"
#include "engine/models/LinearRecommender.h"
#include "engine/models/RecommenderFactory.h"
#include "engine/training/RecommenderRun.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <optional>

namespace fl {

namespace {

QString learnedWeightsNote()
{
    return RunTrainer::tr("Fusion weights are learned with the model, starting from the chosen ones and keeping their sum "
                  "(αₖ = s·softmax(θ)ₖ).");
}

// The model's formula for the Formulas panel and the CLI, with the fused features' own.
QString modelFormula(const ModelConfig &model, const QString &fusion)
{
    switch (model.kind) {
    case ModelKind::Linear:
    case ModelKind::LinearRanking:
        return (model.linearBiases ? QStringLiteral("ŷᵤᵢ = b + bᵤ + bᵢ + wᵀfᵢ; ") : QStringLiteral("ŷᵤᵢ = b + wᵀfᵢ; "))
            + fusion;
    case ModelKind::Popularity:
        return QStringLiteral("score(u, i) = number of training interactions of i");
    case ModelKind::Random:
        return QStringLiteral("score(u, i) = hash(seed, u, i) ∈ [0, 1)");
    case ModelKind::Mlp:
        return mlpFormula(model.mlp, model.loss) + QStringLiteral("; ") + fusion;
    case ModelKind::Svr:
        return svrFormula(model.svr) + QStringLiteral("; ") + fusion;
    case ModelKind::ItemKnn:
        return QStringLiteral("score(u, i) = Σⱼ∈Iᵤ cos(fᵢ, fⱼ) over i's 50 nearest items; ") + fusion;
    case ModelKind::Mf:
        return QStringLiteral("ŷᵤᵢ = μ + bᵤ + bᵢ + pᵤᵀqᵢ");
    case ModelKind::Content:
        return QStringLiteral("ŷᵤᵢ = μ + bᵤ + bᵢ + βᵀfᵢ + pᵤᵀW fᵢ; ") + fusion;
    case ModelKind::Hybrid:
        return QStringLiteral("ŷᵤᵢ = μ + bᵤ + bᵢ + βᵀfᵢ + pᵤᵀ(qᵢ + W fᵢ); ") + fusion;
    }
    return {};
}

// What the run cannot measure, and so reports as NaN (null), with the reason.
QStringList unmeasuredNotes(const Dataset &dataset, const Recommender &model, const ModelConfig &config,
                            const SplitIndices &split)
{
    QStringList notes;
    if (split.validation.empty())
        notes << RunTrainer::tr("The validation part is empty: there are no validation metrics or validation loss, so early "
                        "stopping is off and the last epoch is reported.");
    if (split.test.empty()) {
        notes << RunTrainer::tr("The test part is empty: the test metrics cannot be computed and are not reported.");
    } else if (std::find(split.coldItem.begin(), split.coldItem.end(), true) != split.coldItem.end()) {
        const bool coldTest = std::any_of(split.test.begin(), split.test.end(), [&](int index) {
            const size_t item = size_t(dataset.interactionItem[size_t(index)]);
            return item < split.coldItem.size() && split.coldItem[item];
        });
        if (!coldTest)
            notes << RunTrainer::tr("No held-out item has a test interaction: the cold_ metrics cannot be computed and are not "
                            "reported.");
    }
    if (!predictsRatings(model, config)) {
        notes << (model.predictsRatings()
                      ? RunTrainer::tr("RMSE and MAE are not reported: trained with BPR, %1 learns an order of items, not "
                               "ratings.").arg(model.name())
                      : RunTrainer::tr("RMSE and MAE are not reported: %1 ranks items and does not predict ratings.").arg(model.name()));
    }
    return notes;
}

Result<PreparedRun> prepareRankingRun(FusionPipeline &pipeline, const RunConfig &config, const ProgressFn &progress)
{
    const std::shared_ptr<const Dataset> dataset = pipeline.sharedDataset();
    Result<SplitIndices> split = splitInteractions(*dataset, config.model.split);
    if (!split)
        return makeError(split.error());
    if (split->train.empty())
        return makeError(RunTrainer::tr("The split leaves no training interactions."));

    PreparedRun run;
    const ModelKind kind = config.model.kind;
    std::shared_ptr<const ContentFeatures> content;
    QString fusion;
    const bool withContent = usesContent(kind);
    const bool leaveOut = config.pipeline.missing == MissingPolicy::LeaveOut;
    std::optional<FusedItems> fused;
    if (withContent || leaveOut) {
        Result<FusedItems> made = pipeline.fuse(config.pipeline, progress);
        if (!made)
            return makeError(made.error());
        fused = std::move(made).value();
    }
    if (leaveOut) {
        // Items missing a fused modality leave every part of the split, whatever the model, so that
        // models with and without content are judged on the same interactions.
        std::vector<bool> out(size_t(dataset->itemCount()), false);
        for (const auto &e : fused->embedded) {
            for (size_t i = 0; i < out.size() && i < e->missing.size(); ++i)
                out[i] = out[i] || e->missing[i];
        }
        const int items = int(std::count(out.begin(), out.end(), true));
        if (items > 0) {
            qsizetype dropped = 0;
            for (std::vector<int> *part : {&split->train, &split->validation, &split->test}) {
                const auto kept = std::remove_if(part->begin(), part->end(), [&](int index) {
                    return out[size_t(dataset->interactionItem[size_t(index)])];
                });
                dropped += part->end() - kept;
                part->erase(kept, part->end());
            }
            split->notes << RunTrainer::tr("Leaving out %1 items missing a fused modality: %2 of their interactions are "
                               "not trained on or evaluated (they stay in the catalogue that is ranked).")
                                .arg(items).arg(dropped);
            if (split->train.empty()) {
                return makeError(RunTrainer::tr("Leaving out items with missing data leaves no training interactions. "
                                    "Choose mean imputation or a missing indicator instead."));
            }
        }
    }
    const bool learnWeights = config.pipeline.learnWeights;
    if (learnWeights) {
        if (!learnsFusionWeights(config.model))
            return makeError(RunTrainer::tr("Fusion weights can be learned by the linear regression, the hybrid and the content "
                                    "model, not by %1.").arg(modelKindName(kind)));
        if (const std::optional<QString> problem = learnedWeightsProblem(fused->plan->op, fused->weights))
            return makeError(*problem);
    }
    if (withContent) {
        // Learning starts from the chosen weights, a zero raised just above it (no part may be empty).
        const std::vector<double> weights =
            learnWeights ? LearnedFusionWeights(fused->weights, config.training.optimizer).initialWeights() : fused->weights;
        content = std::make_shared<const ContentFeatures>(makeContentFeatures(*fused->plan, weights));
        fusion = fusionOpFormula(fused->plan->op, fused->plan->modalityIndices);
        run.info.modalityNames = fused->plan->modalityNames;
        run.info.sources = fused->plan->sources;
        run.info.weights = fused->weights;
        run.info.featureWidth = fused->plan->width;
        run.info.notes = fused->plan->notes;
    }
    RecommenderTraining training;
    training.loss = config.model.loss;
    training.optimizer = config.training.optimizer;
    training.learningRate = config.training.learningRate;
    training.l2 = config.training.l2;
    training.factors = config.model.factors;
    training.batchSize = config.training.batchSize;
    training.negatives = config.model.negatives;
    training.seed = config.training.seed;
    training.learnWeights = learnWeights;
    Result<std::unique_ptr<Recommender>> model =
        makeRecommender(kind, *dataset, *split, content, training, config.model.linearBiases, config.model.mlp,
                        config.model.svr);
    if (!model)
        return makeError(model.error());

    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    run.info.formula = modelFormula(config.model, fusion);
    run.info.trainRows = int(split->train.size());
    run.info.validationRows = int(split->validation.size());
    run.info.notes += split->notes;
    run.info.notes += unmeasuredNotes(*dataset, **model, config.model, *split);
    if (learnWeights)
        run.info.notes << learnedWeightsNote();
    run.info.optimumTrainLoss = run.info.optimumValidationLoss = nan;
    run.info.maxStableLearningRate = run.info.initialLoss = nan;
    if (const auto *regression = dynamic_cast<const LinearRecommender *>(model->get())) {
        // The floor the loss curve approaches (without biases: the normal equations), its validation
        // loss ½·mean (r̂ − r)² over every validation interaction, and the largest stable η.
        run.info.initialLoss = regression->objective();
        run.info.optimumTrainLoss = regression->optimumObjective();
        run.info.maxStableLearningRate = regression->maxStableLearningRate();
        if (!regression->hasBiases() && !split->validation.empty()) {
            LinearParameters optimum = regression->parameters();
            optimum.weights = regression->optimum();
            auto atOptimum = std::unique_ptr<LinearRecommender>(static_cast<LinearRecommender *>(regression->clone().release()));
            atOptimum->setParameters(optimum);
            if (Result<RatingErrors> errors = ratingErrors(*dataset, *atOptimum, split->validation))
                run.info.optimumValidationLoss = 0.5 * errors->rmse * errors->rmse;
        }
    }
    run.trainer = std::make_unique<RecommenderRunTrainer>(dataset, std::make_shared<const SplitIndices>(std::move(*split)),
                                                          std::move(*model), config);
    if (progress)
        progress(1.0);
    return run;
}

} // namespace

Result<PreparedRun> prepareRun(FusionPipeline &pipeline, const RunConfig &config, const ProgressFn &progress)
{
    if (!config.model.isLinear())
        return prepareRankingRun(pipeline, config, progress);
    Result<std::shared_ptr<const TrainingProblem>> prepared = pipeline.prepare(config.pipeline, progress);
    if (!prepared)
        return makeError(prepared.error());
    PreparedRun run;
    run.info = describeProblem(**prepared, config.training.l2);
    if ((*prepared)->validationRows->size() == 0)
        run.info.notes << RunTrainer::tr("The validation part is empty: RMSE, MAE and the validation loss cannot be computed "
                                 "and are not reported.");
    if ((*prepared)->learnWeights) {
        run.info.notes << learnedWeightsNote()
                       << RunTrainer::tr("The closed-form floor is that of the starting weights: learning them can go below it.");
    }
    run.trainer = std::make_unique<LinearRunTrainer>(*prepared, config.training);
    return run;
}

} // namespace fl
