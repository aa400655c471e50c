#include "engine/fusion/FusionPipeline.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fl {

namespace {

// An error naming the weights when F = Σₖ cₖ·Bₖ could hold a value that is not finite, or when Σ F² over
// `rows` rows could overflow; maxima holds the largest |value| of each block.
Result<void> checkFusedFinite(const FusionPlan &plan, const std::vector<double> &maxima,
                              const std::vector<double> &weights, qint64 rows)
{
    const std::vector<double> c = plan.coefficients(weights);
    const double limit = std::sqrt(std::numeric_limits<double>::max() / double(std::max<qint64>(1, rows)));
    double bound = 0;
    std::vector<double> terms(c.size(), 0.0);
    for (size_t k = 0; k < c.size() && k < maxima.size(); ++k) {
        terms[k] = std::abs(c[k]) * maxima[k];
        bound += terms[k];
    }
    const bool weightsFinite = std::all_of(weights.begin(), weights.end(), [](double w) { return std::isfinite(w); });
    if (weightsFinite && std::isfinite(bound) && bound < limit)
        return {};

    // Name the weights that are too large on their own (every weight of a product, or when none is).
    std::vector<size_t> blamed;
    if (plan.op != FusionOp::Product) {
        for (size_t k = 0; k < weights.size() && k < terms.size(); ++k) {
            if (!std::isfinite(weights[k]) || !(terms[k] * double(terms.size()) < limit))
                blamed.push_back(k);
        }
    }
    if (blamed.empty()) {
        for (size_t k = 0; k < weights.size(); ++k)
            blamed.push_back(k);
    }
    auto symbol = [&](size_t k) {
        return fusionWeightSymbol(k < plan.modalityIndices.size() ? plan.modalityIndices[k] : int(k));
    };
    QStringList values;
    QStringList symbols;
    for (const size_t k : blamed) {
        values << QStringLiteral("%1 = %2").arg(symbol(k)).arg(weights[k], 0, 'g', 3);
        symbols << symbol(k);
    }
    const QString last = symbols.takeLast();
    const QString which = symbols.isEmpty() ? last : FusionPipeline::tr("%1 or %2").arg(symbols.join(QStringLiteral(", ")), last);
    const QString formula = fusionOpFormula(plan.op, plan.modalityIndices).section(QStringLiteral(" = "), 1);
    return makeError(FusionPipeline::tr("%1 overflows with %2: the fused features are not finite numbers (or their squares are "
                            "not); lower %3.")
                         .arg(formula, values.join(QStringLiteral(", ")), which));
}

} // namespace

ModalityConfig *PipelineConfig::modality(const QString &name)
{
    for (ModalityConfig &m : modalities) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

std::vector<double> PipelineConfig::enabledWeights() const
{
    std::vector<double> weights;
    for (const ModalityConfig &m : modalities) {
        if (m.enabled)
            weights.push_back(m.weight);
    }
    return weights;
}

QString missingPolicyName(MissingPolicy policy)
{
    switch (policy) {
    case MissingPolicy::MeanImpute: return QStringLiteral("mean");
    case MissingPolicy::ZeroWithIndicator: return QStringLiteral("indicator");
    case MissingPolicy::LeaveOut: return QStringLiteral("leave-out");
    }
    return QString();
}

std::optional<MissingPolicy> parseMissingPolicy(const QString &name)
{
    for (MissingPolicy policy : {MissingPolicy::MeanImpute, MissingPolicy::ZeroWithIndicator, MissingPolicy::LeaveOut}) {
        if (name == missingPolicyName(policy))
            return policy;
    }
    return std::nullopt;
}

PipelineConfig defaultPipelineConfig(const Dataset &dataset)
{
    PipelineConfig config;
    for (const ModalitySource &source : dataset.modalities) {
        ModalityConfig m;
        m.name = source.name;
        config.modalities.push_back(m);
    }
    return config;
}

FusionPipeline::FusionPipeline(std::shared_ptr<const Dataset> dataset)
    : m_dataset(std::move(dataset))
{
}

static QString embeddingKey(const ModalitySource &source, const ModalityConfig &config)
{
    switch (source.kind) {
    case ModalityKind::Text:
        return QStringLiteral("%1|text|%2|%3|%4|%5|%6|%7|%8|%9")
            .arg(source.name)
            .arg(config.text.width)
            .arg(config.text.tokenizer.lowercase)
            .arg(config.text.tokenizer.removeStopWords)
            .arg(config.text.tfidf.minDocumentFrequency)
            .arg(config.text.tfidf.maxTerms)
            .arg(config.text.tfidf.sublinearTf)
            .arg(config.text.seed)
            .arg(config.text.powerIterations);
    case ModalityKind::Image:
        return QStringLiteral("%1|image|%2|%3|%4")
            .arg(source.name, imageFeatureKindName(config.image.kind))
            .arg(config.image.grid)
            .arg(config.image.histogramBins);
    case ModalityKind::Numeric:
    case ModalityKind::Vectors:
        return source.name + QStringLiteral("|values");
    }
    return source.name;
}

Result<std::shared_ptr<const ModalityMatrix>> FusionPipeline::embedding(const ModalityConfig &config,
                                                                        const ProgressFn &progress)
{
    const ModalitySource *source = m_dataset->modality(config.name);
    if (!source)
        return makeError(FusionPipeline::tr("The dataset has no modality named '%1'.").arg(config.name));
    const QString key = embeddingKey(*source, config);
    if (auto it = m_embeddings.constFind(key); it != m_embeddings.constEnd())
        return *it;

    std::vector<bool> missing = source->missing;
    missing.resize(size_t(m_dataset->itemCount()), false);
    ModalityMatrix matrix;
    switch (source->kind) {
    case ModalityKind::Text: {
        Result<ModalityMatrix> r = embedText(source->name, source->texts, missing, config.text, progress);
        if (!r)
            return makeError(r.error());
        matrix = std::move(r).value();
        break;
    }
    case ModalityKind::Image: {
        Result<ModalityMatrix> r = embedImages(source->name, source->imagePaths, missing, config.image, progress);
        if (!r)
            return makeError(r.error());
        matrix = std::move(r).value();
        break;
    }
    case ModalityKind::Numeric:
    case ModalityKind::Vectors: {
        matrix.name = source->name;
        matrix.values = source->values;
        matrix.missing = missing;
        matrix.description = FusionPipeline::tr("%1 column(s) from %2, used as they are").arg(source->values.cols()).arg(source->origin);
        if (const QString note = missingValuesNote(source->name, matrix.values, missing); !note.isEmpty()) {
            imputeMissingWithMean(matrix.values, missing);
            matrix.notes << note;
        }
        break;
    }
    }
    standardizeColumns(matrix.values, {});
    auto shared = std::make_shared<const ModalityMatrix>(std::move(matrix));
    m_embeddings.insert(key, shared);
    return shared;
}

Result<FusedItems> FusionPipeline::fuse(const PipelineConfig &config, const ProgressFn &progress)
{
    FusedItems fused;
    std::vector<std::shared_ptr<const ModalityMatrix>> &embedded = fused.embedded;
    QString &planKey = fused.key;
    planKey = fusionOpName(config.op) + QLatin1Char('|') + QString::number(config.commonWidth);
    int enabledCount = 0;
    for (const ModalityConfig &m : config.modalities)
        enabledCount += m.enabled ? 1 : 0;
    int done = 0;
    for (const ModalityConfig &m : config.modalities) {
        if (!m.enabled)
            continue;
        ProgressFn sub;
        if (progress) {
            sub = [&progress, done, enabledCount](double f) { return progress((done + f) / (enabledCount + 1)); };
        }
        Result<std::shared_ptr<const ModalityMatrix>> e = embedding(m, sub);
        if (!e)
            return makeError(e.error());
        QString key = embeddingKey(*m_dataset->modality(m.name), m);
        std::shared_ptr<const ModalityMatrix> matrix = *e;
        if (config.missing == MissingPolicy::ZeroWithIndicator && matrix->missingCount() > 0) {
            key += QStringLiteral("|indicator");
            std::shared_ptr<const ModalityMatrix> flagged = m_embeddings.value(key);
            if (!flagged) {
                ModalityMatrix withFlag = withMissingIndicator(*matrix);
                withFlag.notes << FusionPipeline::tr("%1: %2 items without it are zeros, with a \"missing\" column added.")
                                      .arg(matrix->name).arg(matrix->missingCount());
                flagged = std::make_shared<const ModalityMatrix>(std::move(withFlag));
                m_embeddings.insert(key, flagged);
            }
            matrix = flagged;
        }
        embedded.push_back(matrix);
        planKey += QLatin1Char('|') + key;
        ++done;
    }
    if (embedded.empty())
        return makeError(FusionPipeline::tr("Switch on at least one modality: there is nothing to fuse."));

    fused.plan = m_plans.value(planKey);
    if (!fused.plan) {
        std::vector<const ModalityMatrix *> raw;
        for (const auto &e : embedded)
            raw.push_back(e.get());
        Result<FusionPlan> p = planFusion(config.op, raw, config.commonWidth);
        if (!p)
            return makeError(p.error());
        FusionPlan plan = std::move(p).value();
        plan.modalityIndices.clear();
        for (size_t k = 0; k < config.modalities.size(); ++k) {
            if (config.modalities[k].enabled)
                plan.modalityIndices.push_back(int(k));
        }
        for (size_t k = 0; k < embedded.size() && k < plan.modalityIndices.size(); ++k) {
            const ModalityMatrix &e = *embedded[k];
            plan.sources.push_back({e.name, plan.modalityIndices[k], e.rows(), e.width(), e.terms, e.documents});
        }
        QStringList notes;
        for (const auto &e : embedded)
            notes << QStringLiteral("%1: %2").arg(e->name, e->description) << e->notes;
        plan.notes = notes + plan.notes;
        fused.plan = std::make_shared<const FusionPlan>(std::move(plan));
        if (m_plans.size() > 16) {
            m_plans.clear();
            m_blockMaxima.clear();
        }
        m_plans.insert(planKey, fused.plan);
    }
    fused.weights = config.enabledWeights();
    auto maxima = m_blockMaxima.constFind(planKey);
    if (maxima == m_blockMaxima.constEnd()) {
        std::vector<double> largest;
        for (const Eigen::MatrixXd &block : fused.plan->blocks)
            largest.push_back(block.size() == 0 ? 0.0 : block.cwiseAbs().maxCoeff());
        maxima = m_blockMaxima.insert(planKey, std::move(largest));
    }
    if (Result<void> finite = checkFusedFinite(*fused.plan, *maxima, fused.weights, m_dataset->interactionCount()); !finite)
        return makeError(finite.error());
    return fused;
}

Result<std::shared_ptr<const TrainingProblem>> FusionPipeline::prepare(const PipelineConfig &config,
                                                                       const ProgressFn &progress)
{
    Result<PreparedStatistics> prepared = prepareWithStatistics(config, progress);
    if (!prepared)
        return makeError(prepared.error());
    return prepared->problem;
}

Result<FusionPipeline::PreparedStatistics> FusionPipeline::prepareWithStatistics(const PipelineConfig &config,
                                                                                 const ProgressFn &progress)
{
    if (m_dataset->interactionCount() == 0)
        return makeError(FusionPipeline::tr("The dataset '%1' has no interactions to train on.").arg(m_dataset->name));
    Result<FusedItems> fusedItems = fuse(config, progress);
    if (!fusedItems)
        return makeError(fusedItems.error());
    const std::vector<std::shared_ptr<const ModalityMatrix>> &embedded = fusedItems->embedded;
    const QString &planKey = fusedItems->key;
    const std::shared_ptr<const FusionPlan> plan = fusedItems->plan;

    // Leaving out: every item missing any fused modality drops out of both sides of the split.
    std::vector<bool> leftOut;
    QString splitKey = QStringLiteral("%1|%2").arg(config.split.validationFraction).arg(config.split.seed);
    if (config.missing == MissingPolicy::LeaveOut) {
        leftOut.assign(size_t(m_dataset->itemCount()), false);
        for (const auto &e : embedded) {
            for (size_t i = 0; i < leftOut.size() && i < e->missing.size(); ++i)
                leftOut[i] = leftOut[i] || e->missing[i];
        }
        if (std::none_of(leftOut.begin(), leftOut.end(), [](bool out) { return out; }))
            leftOut.clear();
        else
            splitKey += QStringLiteral("|leave-out|") + planKey;
    }
    SplitRows rows = m_splits.value(splitKey);
    if (!rows.train) {
        const Split split = randomSplit(m_dataset->interactionCount(), config.split);
        auto makeRows = [this, &leftOut](const std::vector<int> &indices) {
            auto set = std::make_shared<RowSet>();
            set->items.reserve(indices.size());
            std::vector<double> targets;
            targets.reserve(indices.size());
            for (const int index : indices) {
                const int item = m_dataset->interactionItem[size_t(index)];
                if (!leftOut.empty() && leftOut[size_t(item)])
                    continue;
                set->items.push_back(item);
                targets.push_back(m_dataset->rating(index));
            }
            set->targets = Eigen::Map<const Eigen::VectorXd>(targets.data(), Eigen::Index(targets.size()));
            return std::shared_ptr<const RowSet>(std::move(set));
        };
        rows = SplitRows{makeRows(split.train), makeRows(split.validation)};
        if (m_splits.size() > 16)
            m_splits.clear();
        m_splits.insert(splitKey, rows);
    }
    if (rows.train->size() == 0) {
        if (!leftOut.empty()) {
            return makeError(FusionPipeline::tr("Leaving out items with missing data leaves no training interactions: every "
                                "rated item lacks one of the fused modalities. Choose mean imputation or a "
                                "missing indicator instead."));
        }
        return makeError(FusionPipeline::tr("The split leaves no training interactions (validation fraction %1).")
                             .arg(config.split.validationFraction));
    }

    const QString statisticsKey = planKey + QLatin1Char('#') + splitKey;
    std::shared_ptr<const Statistics> statistics = m_statistics.value(statisticsKey);
    if (!statistics) {
        statistics = std::make_shared<const Statistics>(
            Statistics{BlockStatistics(*plan, *rows.train), BlockStatistics(*plan, *rows.validation)});
        if (m_statistics.size() > 16)
            m_statistics.clear();
        m_statistics.insert(statisticsKey, statistics);
    }

    auto problem = std::make_shared<TrainingProblem>();
    problem->plan = plan;
    problem->weights = config.enabledWeights();
    if (config.learnWeights) {
        if (const std::optional<QString> problemText = learnedWeightsProblem(plan->op, problem->weights))
            return makeError(*problemText);
        problem->learnWeights = true;
        problem->trainStatistics = std::shared_ptr<const BlockStatistics>(statistics, &statistics->train);
        problem->validationStatistics = std::shared_ptr<const BlockStatistics>(statistics, &statistics->validation);
    }
    problem->trainRows = rows.train;
    problem->validationRows = rows.validation;
    problem->train = statistics->train.assemble(*plan, problem->weights);
    problem->validation = statistics->validation.assemble(*plan, problem->weights);
    if (!leftOut.empty()) {
        const int kept = rows.train->size() + rows.validation->size();
        problem->notes << FusionPipeline::tr("Left out %L1 of %L2 interactions, those of the %L3 item(s) lacking a fused modality.")
                              .arg(m_dataset->interactionCount() - kept)
                              .arg(m_dataset->interactionCount())
                              .arg(std::count(leftOut.begin(), leftOut.end(), true));
    }
    if (progress)
        progress(1.0);
    // The aliasing constructor: each pointer keeps the pair of statistics alive.
    return PreparedStatistics{std::shared_ptr<const TrainingProblem>(std::move(problem)),
                              std::shared_ptr<const BlockStatistics>(statistics, &statistics->train),
                              std::shared_ptr<const BlockStatistics>(statistics, &statistics->validation)};
}

ProblemInfo describeProblem(const TrainingProblem &problem, double l2)
{
    ProblemInfo info;
    info.formula = fusionOpFormula(problem.plan->op, problem.plan->modalityIndices);
    info.modalityNames = problem.plan->modalityNames;
    info.sources = problem.plan->sources;
    info.weights = problem.weights;
    info.featureWidth = problem.plan->width;
    info.trainRows = problem.trainRows->size();
    info.validationRows = problem.validationRows->size();
    info.notes = problem.plan->notes + problem.notes;
    const Eigen::VectorXd optimum = problem.train.optimum(l2);
    info.optimumTrainLoss = problem.train.loss(optimum);
    info.optimumValidationLoss = problem.validation.loss(optimum);
    info.maxStableLearningRate = problem.train.maxStableLearningRate(l2);
    info.initialLoss = problem.train.loss(Eigen::VectorXd::Zero(problem.dimension()));
    return info;
}

} // namespace fl
