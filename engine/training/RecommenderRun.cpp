#include "engine/training/RecommenderRun.h"

#include "engine/core/Random.h"
#include "engine/evaluation/MetricKey.h"
#include "engine/models/LinearRecommender.h"
#include "engine/models/SvrRecommender.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace fl {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The validation interactions of at most `limit` users (a seeded sample when there are more), so an
// epoch's metrics cost the same on 160,000 users as on 5,000; the final test report uses everyone.
std::vector<int> sampleValidation(const Dataset &dataset, const std::vector<int> &validation, int limit,
                                  std::uint64_t seed)
{
    std::vector<int> users;
    std::vector<bool> seen(size_t(dataset.userCount()), false);
    for (const int index : validation) {
        const int user = dataset.interactionUser[size_t(index)];
        if (!seen[size_t(user)]) {
            seen[size_t(user)] = true;
            users.push_back(user);
        }
    }
    if (limit <= 0 || int(users.size()) <= limit)
        return validation;
    Random random(seed ^ 0x5eed5a1e);
    random.shuffle(users.begin(), users.end());
    std::vector<bool> chosen(size_t(dataset.userCount()), false);
    for (int k = 0; k < limit; ++k)
        chosen[size_t(users[size_t(k)])] = true;
    std::vector<int> sample;
    for (const int index : validation) {
        if (chosen[size_t(dataset.interactionUser[size_t(index)])])
            sample.push_back(index);
    }
    return sample;
}

// For each target interaction (u, i), an item j that u has no interaction with at all, uniformly among
// the candidates (every item, or the items marked in `among`); −1 when u has none left.
std::vector<int> sampleNegatives(const Dataset &dataset, const std::vector<int> &target, const std::vector<bool> &among,
                                 std::uint64_t seed)
{
    std::vector<int> candidates;
    for (int item = 0; item < dataset.itemCount(); ++item) {
        if (among.empty() || among[size_t(item)])
            candidates.push_back(item);
    }
    std::vector<bool> targetUser(size_t(dataset.userCount()), false);
    for (const int index : target)
        targetUser[size_t(dataset.interactionUser[size_t(index)])] = true;
    std::unordered_set<std::uint64_t> seen;
    const auto key = [](int user, int item) { return (std::uint64_t(std::uint32_t(user)) << 32) | std::uint32_t(item); };
    for (size_t r = 0; r < dataset.interactionUser.size(); ++r) {
        if (targetUser[size_t(dataset.interactionUser[r])])
            seen.insert(key(dataset.interactionUser[r], dataset.interactionItem[r]));
    }
    Random random(seed ^ 0xb9a11d);
    std::vector<int> negatives;
    negatives.reserve(target.size());
    for (const int index : target) {
        const int user = dataset.interactionUser[size_t(index)];
        int negative = -1;
        for (int attempt = 0; attempt < 64 && negative < 0 && !candidates.empty(); ++attempt) {
            const int item = candidates[size_t(random.below(std::uint64_t(candidates.size())))];
            if (!seen.count(key(user, item)))
                negative = item;
        }
        negatives.push_back(negative);
    }
    return negatives;
}

// Every metric of the report at the cut-offs, NaN: what a part without a user to evaluate yields.
QMap<QString, double> unmeasuredMetrics(std::vector<int> ks)
{
    std::sort(ks.begin(), ks.end());
    ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
    QMap<QString, double> metrics;
    for (const int k : ks) {
        for (const char *name : {"precision", "recall", "ndcg", "hit", "map"})
            metrics.insert(QLatin1String(name) + QLatin1Char('@') + QString::number(k), kNaN);
    }
    return metrics;
}

} // namespace

RecommenderRunTrainer::RecommenderRunTrainer(std::shared_ptr<const Dataset> dataset,
                                             std::shared_ptr<const SplitIndices> split,
                                             std::unique_ptr<Recommender> model, const RunConfig &config)
    : m_dataset(std::move(dataset))
    , m_split(std::move(split))
    , m_model(std::move(model))
    , m_config(config)
    , m_learningRate(config.training.learningRate)
{
    m_trainable = dynamic_cast<TrainableRecommender *>(m_model.get());
    m_plannedEpochs = m_trainable ? std::max(1, config.training.epochs) : 1;
    m_ranking.ks = config.model.ks;
    m_ranking.useThreshold = config.model.useThreshold;
    m_ranking.ratingThreshold = config.model.threshold;
    m_validationTarget = sampleValidation(*m_dataset, m_split->validation, config.model.validationUsers, config.training.seed);
    m_validationExcluded = excludedInteractions(*m_split, EvaluationPart::Validation);
    m_coldSplit = std::find(m_split->coldItem.begin(), m_split->coldItem.end(), true) != m_split->coldItem.end();
    if (m_coldSplit) {
        m_validationColdItems = heldOutItems(*m_dataset, *m_split, EvaluationPart::Validation);
        m_testColdItems = heldOutItems(*m_dataset, *m_split, EvaluationPart::Test);
    }
    if (config.model.loss == LossKind::Bpr && m_trainable)
        m_validationNegatives = sampleNegatives(*m_dataset, m_validationTarget, m_coldSplit ? m_split->coldItem : std::vector<bool>{},
                                                config.training.seed);
}

double RecommenderRunTrainer::validationLoss() const
{
    if (m_validationTarget.empty() || !m_trainable)
        return kNaN;
    if (m_config.model.loss == LossKind::Bpr) {
        // The BPR loss on held-out pairs, mean −ln σ(x̂ᵤᵢ − x̂ᵤⱼ), without the L2 term.
        double sum = 0;
        int pairs = 0;
        for (size_t k = 0; k < m_validationTarget.size(); ++k) {
            const int negative = m_validationNegatives[k];
            if (negative < 0)
                continue;
            const int index = m_validationTarget[k];
            const int user = m_dataset->interactionUser[size_t(index)];
            const double x = m_model->predict(user, m_dataset->interactionItem[size_t(index)]) - m_model->predict(user, negative);
            sum += x > 0 ? std::log1p(std::exp(-x)) : -x + std::log1p(std::exp(x));   // −ln σ(x), stable
            ++pairs;
        }
        return pairs > 0 ? sum / pairs : kNaN;
    }
    // The seed's loss on the held-out ratings, ½·mean (r̂ − r)², for models fitted to ratings.
    const Result<RatingErrors> errors = ratingErrors(*m_dataset, *m_model, m_validationTarget);
    return errors ? 0.5 * errors->rmse * errors->rmse : kNaN;
}

EpochRecord RecommenderRunTrainer::step()
{
    EpochRecord record;
    record.learningRate = m_learningRate;
    if (m_divergence) {
        record.epoch = m_epoch;
        record.trainLoss = record.validationLoss = kNaN;
        return record;
    }
    if (m_stopEarly) {
        // Early stopping ended the run and the user asked for more: train on from the best epoch, with
        // a fresh patience.
        m_stopEarly = false;
        m_sinceBest = 0;
    }
    const double loss = m_trainable ? m_trainable->trainEpoch(m_learningRate) : kNaN;
    m_lastTrainLoss = loss;
    ++m_epoch;
    record.epoch = m_epoch;
    record.trainLoss = loss;
    if (m_trainable)
        record.fusionWeights = m_trainable->learnedFusionWeights();
    if (const auto *svr = dynamic_cast<const SvrRecommender *>(m_model.get()))
        record.insideTube = svr->tubeFraction();
    if (m_trainable) {
        if (m_epoch == 1)
            m_initialLoss = loss;
        if (!std::isfinite(loss) || loss > 1e6 * std::max(m_initialLoss, 1e-12)) {
            m_divergence = divergenceMessage(m_epoch, m_learningRate, loss, m_initialLoss);
            record.validationLoss = kNaN;
            return record;
        }
    }
    record.validationLoss = validationLoss();

    m_lastMetrics.clear();
    if (!m_validationTarget.empty()) {
        // With items held out, validation asks what the test asks: how the held-out validation items
        // rank among themselves (a full ranking would put every warm item first and say nothing; the
        // test's held-out items among the candidates would be a user's own items counted as misses).
        const Result<RankingReport> report = m_coldSplit
            ? evaluateColdStart(*m_dataset, *m_model, m_validationTarget, m_validationExcluded, m_validationColdItems, m_ranking)
            : evaluateRanking(*m_dataset, *m_model, m_validationTarget, m_validationExcluded, m_ranking);
        if (report)
            m_lastMetrics = report->metrics;
    }
    // Early stopping on the monitored validation metric, keeping the best epoch's parameters.
    const double value = m_lastMetrics.value(m_config.model.monitor, kNaN);
    if (m_trainable && std::isfinite(value)) {
        if (value > m_bestValue) {
            m_bestValue = value;
            m_bestEpoch = m_epoch;
            m_sinceBest = 0;
            m_bestTrainLoss = loss;
            m_trainable->saveBest();
        } else if (m_config.model.patience > 0 && ++m_sinceBest >= m_config.model.patience) {
            m_trainable->restoreBest();
            m_stopEarly = true;
        }
    }
    return record;
}

RunSummary RecommenderRunTrainer::summary(double seconds, const QString &reason)
{
    // The report describes the best epoch's parameters when validation picked one.
    if (m_trainable && m_bestEpoch > 0 && m_bestEpoch != m_epoch && !m_stopEarly)
        m_trainable->restoreBest();
    RunSummary s;
    s.epochs = m_epoch;
    s.seconds = seconds;
    s.reason = reason;
    s.bestEpoch = m_bestEpoch;
    s.optimumTrainLoss = kNaN;
    if (m_trainable)
        s.learnedWeights = m_trainable->learnedFusionWeights();
    // The training loss of the epoch whose parameters the report describes (as the epoch measured it).
    s.trainLoss = !m_trainable ? kNaN : m_bestEpoch > 0 ? m_bestTrainLoss : m_lastTrainLoss;
    if (const auto *linear = dynamic_cast<const LinearRecommender *>(m_model.get())) {
        // The regression's objective over every training interaction, and its closed-form floor.
        s.trainLoss = linear->objective();
        s.optimumTrainLoss = linear->optimumObjective();
    }
    s.validationLoss = validationLoss();
    const std::vector<int> excluded = excludedInteractions(*m_split, EvaluationPart::Test);
    if (Result<RankingReport> test = evaluateRanking(*m_dataset, *m_model, m_split->test, excluded, m_ranking))
        s.metrics = test->metrics;
    if (m_coldSplit) {
        // No held-out item in the test part: the cold_ metrics exist, but cannot be computed.
        Result<RankingReport> cold = evaluateColdStart(*m_dataset, *m_model, m_split->test, excluded, m_testColdItems,
                                                       m_ranking);
        const QMap<QString, double> values = cold ? cold->metrics : unmeasuredMetrics(m_ranking.ks);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            s.metrics.insert(parseMetricKey(it.key()).coldTwin().name(), it.value());
    }
    s.rmse = s.mae = kNaN;
    if (predictsRatings(*m_model, m_config.model)) {
        if (Result<RatingErrors> errors = ratingErrors(*m_dataset, *m_model, m_split->test)) {
            s.rmse = errors->rmse;
            s.mae = errors->mae;
        }
    }
    return s;
}

bool predictsRatings(const Recommender &model, const ModelConfig &config)
{
    const bool rankedByBpr = config.loss == LossKind::Bpr && dynamic_cast<const TrainableRecommender *>(&model);
    return model.predictsRatings() && !rankedByBpr;
}

} // namespace fl
