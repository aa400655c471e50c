#include "engine/models/SvrRecommender.h"

#include "engine/core/Check.h"
#include "engine/models/BiasedLinearBatch.h"
#include "engine/models/ModelInputs.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

constexpr int kMaxUnratedSamples = 100;
constexpr int kSampleAttempts = 64;
constexpr std::uint64_t kObjectiveSampleSeed = 0x756e7261;   // objective()'s fixed unrated samples

// The subgradient of max(0, |e| − ε) with respect to e: sign(e) outside the tube, 0 inside and on its edge.
double tubeSlope(double e, double epsilon)
{
    return e > epsilon ? 1.0 : (e < -epsilon ? -1.0 : 0.0);
}

} // namespace

QString svrFormula(const SvrSettings &settings)
{
    const QString content = settings.userWeights ? QStringLiteral("(w + pᵤ)ᵀfᵢ") : QStringLiteral("wᵀfᵢ");
    return (settings.biases ? QStringLiteral("ŷᵤᵢ = b + bᵤ + bᵢ + ") : QStringLiteral("ŷᵤᵢ = b + ")) + content
        + QStringLiteral("; L = (1/N) Σ max(0, |ŷᵤᵢ − rᵤᵢ| − ε) + λ/2 ‖w‖², ε = %1").arg(settings.epsilon);
}

Result<void> checkSvrSettings(const SvrSettings &settings)
{
    if (!(std::isfinite(settings.epsilon) && settings.epsilon >= 0))
        return makeError(SvrRecommender::tr("The SVR tube half-width ε must be a number ≥ 0 (it is %1).").arg(settings.epsilon));
    if (settings.unratedSamples < 0 || settings.unratedSamples > kMaxUnratedSamples) {
        return makeError(SvrRecommender::tr("The number of unrated items sampled per rating must be from 0 to %1 (it is %2).")
                             .arg(kMaxUnratedSamples)
                             .arg(settings.unratedSamples));
    }
    return {};
}

// A mini-batch's subgradient at full size, with the bias rows it touched listed so that only they are
// updated and cleared again.
struct SvrRecommender::Workspace
{
    SvrParameters gradient;
    TouchedRows users, items;

    void reset(const SvrParameters &shape)
    {
        gradient.weights = Eigen::VectorXd::Zero(shape.weights.size());
        gradient.userBias = Eigen::VectorXf::Zero(shape.userBias.size());
        gradient.itemBias = Eigen::VectorXf::Zero(shape.itemBias.size());
        gradient.userWeights = RowMatrixXf::Zero(shape.userWeights.rows(), shape.userWeights.cols());
        users.reset(std::max(shape.userBias.size(), shape.userWeights.rows()));
        items.reset(shape.itemBias.size());
    }
    void clear()
    {
        gradient.weights.setZero();
        users.clear([this](int u) {
            if (gradient.userBias.size() > 0)
                gradient.userBias(u) = 0;
            if (gradient.userWeights.size() > 0)
                gradient.userWeights.row(u).setZero();
        });
        items.clear([this](int i) { gradient.itemBias(i) = 0; });
    }
};

SvrRecommender::SvrRecommender(const Dataset &dataset, const std::vector<int> &train,
                               std::shared_ptr<const ContentFeatures> content, const RecommenderTraining &training,
                               const SvrSettings &settings)
    : ParametricRecommender(training, dataset, std::move(content))
    , m_settings(settings)
    , m_random(training.seed)
    , m_work(std::make_unique<Workspace>())
{
    FL_CHECK(checkSvrSettings(m_settings).ok(), "settings checked by the factory");
    m_training.loss = LossKind::Squared;   // the rating-regression kind; the loss itself is ε-insensitive
    m_features = m_content->fused.cast<double>();
    const Eigen::Index d = m_features.cols();
    const int items = dataset.itemCount();

    m_records.reserve(train.size());
    std::vector<float> ratings;
    ratings.reserve(train.size());
    for (const int index : train) {
        const float r = float(dataset.rating(index));
        m_records.push_back({dataset.interactionUser[size_t(index)], dataset.interactionItem[size_t(index)], r});
        ratings.push_back(r);
    }

    m_parameters.weights = Eigen::VectorXd::Zero(d + 1);
    if (!ratings.empty()) {
        const auto middle = ratings.begin() + std::ptrdiff_t(ratings.size() / 2);
        std::nth_element(ratings.begin(), middle, ratings.end());
        m_parameters.weights(d) = *middle;
    }
    if (m_settings.biases) {
        m_parameters.userBias = Eigen::VectorXf::Zero(m_userCount);
        m_parameters.itemBias = Eigen::VectorXf::Zero(items);
    }
    if (m_settings.userWeights)
        m_parameters.userWeights = RowMatrixXf::Zero(m_userCount, d);
    if (m_settings.unratedSamples > 0) {
        m_seen = std::make_unique<UserProfiles>(UserProfiles::build(dataset, train, false));
        const std::vector<int> counts = itemInteractionCounts(dataset, train);
        for (size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] > 0)
                m_warmItems.push_back(int(i));
        }
    }
    m_weightUpdater = ParameterUpdater(m_training.optimizer, d + 1, m_training.momentum);
    m_userUpdater = RowSparseUpdater(m_training.optimizer, m_parameters.userBias.size(), 1, m_training.momentum);
    m_itemUpdater = RowSparseUpdater(m_training.optimizer, m_parameters.itemBias.size(), 1, m_training.momentum);
    m_userWeightUpdater = RowSparseUpdater(m_training.optimizer, m_parameters.userWeights.rows(),
                                           m_parameters.userWeights.cols(), m_training.momentum);
    m_work->reset(m_parameters);
    m_best = m_parameters;
    refreshScores();
}

SvrRecommender::SvrRecommender(const SvrRecommender &other, ScoringCopy)
    : ParametricRecommender(other)
    , m_settings(other.m_settings)
    , m_features(other.m_features)
    , m_random(other.m_training.seed)
    , m_work(std::make_unique<Workspace>())
{
    m_work->reset(m_parameters);
}

SvrRecommender::~SvrRecommender() = default;

QString SvrRecommender::name() const
{
    const QString epsilon = QString::number(m_settings.epsilon);
    if (m_settings.userWeights) {
        return m_settings.biases
            ? SvrRecommender::tr("Linear support vector regression on fused content with user weights and user and item biases "
                     "(ε = %1)")
                  .arg(epsilon)
            : SvrRecommender::tr("Linear support vector regression on fused content with user weights (ε = %1)").arg(epsilon);
    }
    return m_settings.biases
        ? SvrRecommender::tr("Linear support vector regression on fused content with user and item biases (ε = %1)").arg(epsilon)
        : SvrRecommender::tr("Linear support vector regression on fused content (ε = %1)").arg(epsilon);
}

void SvrRecommender::refreshScores()
{
    const Eigen::Index d = m_features.cols();
    m_contentScore.noalias() = m_features * m_parameters.weights.head(d);
    Eigen::VectorXd item = m_contentScore.array() + m_parameters.weights(d);
    if (m_settings.biases)
        item += m_parameters.itemBias.cast<double>();
    m_itemScore = item.cast<float>();
    if (m_records.empty()) {
        m_tubeFraction = 0;
        return;
    }
    long long inside = 0;
    for (const Record &x : m_records) {
        double e = m_contentScore(x.item) + m_parameters.weights(d) + personalScore(x.user, x.item) - x.rating;
        if (m_settings.biases)
            e += double(m_parameters.userBias(x.user)) + double(m_parameters.itemBias(x.item));
        inside += std::abs(e) <= m_settings.epsilon;
    }
    m_tubeFraction = double(inside) / double(m_records.size());
}

void SvrRecommender::scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const
{
    scores = m_itemScore;
    if (m_settings.biases)
        scores.array() += m_parameters.userBias(user);
    if (m_settings.userWeights)
        scores.noalias() += m_content->fused * m_parameters.userWeights.row(user).transpose();
}

double SvrRecommender::personalScore(int user, int item) const
{
    if (!m_settings.userWeights)
        return 0.0;
    return m_features.row(item).dot(m_parameters.userWeights.row(user).cast<double>());
}

double SvrRecommender::predict(int user, int item) const
{
    const Eigen::Index d = m_features.cols();
    double value = m_parameters.weights(d) + m_features.row(item).dot(m_parameters.weights.head(d))
        + personalScore(user, item);
    if (m_settings.biases)
        value += double(m_parameters.userBias(user)) + double(m_parameters.itemBias(item));
    return value;
}

std::vector<ScoreContribution> SvrRecommender::explain(int user, int item) const
{
    const Eigen::Index d = m_features.cols();
    std::vector<ScoreContribution> parts =
        linearContentParts(*m_content, item, m_features.row(item), m_parameters.weights.head(d));
    if (m_settings.userWeights)
        parts.push_back({QStringLiteral("personal"), personalScore(user, item)});
    double bias = m_parameters.weights(d);
    if (m_settings.biases)
        bias += double(m_parameters.userBias(user)) + double(m_parameters.itemBias(item));
    parts.push_back({QStringLiteral("bias"), bias});
    return parts;
}

double SvrRecommender::penalty() const
{
    const Eigen::Index d = m_features.cols();
    return 0.5 * m_training.l2 * m_parameters.weights.head(d).squaredNorm();
}

void SvrRecommender::fillExamples(Random &random, std::vector<Record> &out) const
{
    out = m_records;
    if (m_settings.unratedSamples <= 0)
        return;
    out.reserve(m_records.size() * size_t(1 + m_settings.unratedSamples));
    for (const Record &x : m_records) {
        for (int n = 0; n < m_settings.unratedSamples; ++n) {
            // Uniform among the warm items the user has not rated (rejection sampling; a user who has
            // rated them all gives none).
            for (int attempt = 0; attempt < kSampleAttempts; ++attempt) {
                const int j = m_warmItems[size_t(random.below(m_warmItems.size()))];
                if (!m_seen->contains(x.user, j)) {
                    out.push_back({x.user, j, 0.0f});
                    break;
                }
            }
        }
    }
}

double SvrRecommender::fullBatchObjective(const std::vector<Record> &records, SvrParameters &gradient) const
{
    const Eigen::Index d = m_features.cols();
    gradient.weights = Eigen::VectorXd::Zero(d + 1);
    gradient.userBias = Eigen::VectorXf::Zero(m_parameters.userBias.size());
    gradient.itemBias = Eigen::VectorXf::Zero(m_parameters.itemBias.size());
    gradient.userWeights = RowMatrixXf::Zero(m_parameters.userWeights.rows(), m_parameters.userWeights.cols());
    if (records.empty())
        return penalty();
    const double n = double(records.size());
    const double b = m_parameters.weights(d);
    const double lambda = m_training.l2;
    const double epsilon = m_settings.epsilon;
    const bool biases = m_settings.biases;
    // Per item: the sum of the slopes over its interactions; Fᵀ of it is Σₑ slopeₑ fᵢ.
    Eigen::VectorXd slopes = Eigen::VectorXd::Zero(m_features.rows());
    std::vector<double> userGradient(biases ? size_t(m_userCount) : 0, 0.0);
    std::vector<double> itemGradient(biases ? size_t(m_features.rows()) : 0, 0.0);
    const bool personal = m_settings.userWeights;
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> userWeightGradient =
        Eigen::MatrixXd::Zero(personal ? m_userCount : 0, d);
    double loss = 0;
    for (const Record &x : records) {
        double bu = 0, bi = 0;
        if (biases) {
            bu = m_parameters.userBias(x.user);
            bi = m_parameters.itemBias(x.item);
        }
        const double e = m_contentScore(x.item) + personalScore(x.user, x.item) + b + bu + bi - x.rating;
        const double slope = tubeSlope(e, epsilon);
        loss += std::max(0.0, std::abs(e) - epsilon) + 0.5 * lambda * (bu * bu + bi * bi);
        if (personal) {
            const auto p = m_parameters.userWeights.row(x.user).cast<double>();
            loss += 0.5 * lambda * p.squaredNorm();
            userWeightGradient.row(x.user) += slope * m_features.row(x.item) + lambda * p;
        }
        slopes(x.item) += slope;
        if (biases) {
            userGradient[size_t(x.user)] += slope + lambda * bu;
            itemGradient[size_t(x.item)] += slope + lambda * bi;
        }
    }
    for (size_t u = 0; u < userGradient.size(); ++u)
        gradient.userBias(Eigen::Index(u)) = float(userGradient[u] / n);
    for (size_t i = 0; i < itemGradient.size(); ++i)
        gradient.itemBias(Eigen::Index(i)) = float(itemGradient[i] / n);
    if (personal)
        gradient.userWeights = (userWeightGradient / n).cast<float>();
    gradient.weights.head(d).noalias() = m_features.transpose() * slopes / n;
    gradient.weights.head(d) += lambda * m_parameters.weights.head(d);
    gradient.weights(d) = slopes.sum() / n;
    return loss / n + penalty();
}

double SvrRecommender::batchObjective(const Record *records, int count, Workspace &work) const
{
    work.clear();
    const Eigen::Index d = m_features.cols();
    const double lambda = m_training.l2;
    SvrParameters &g = work.gradient;
    if (count <= 0) {
        g.weights.head(d) = lambda * m_parameters.weights.head(d);
        return penalty();
    }
    const double epsilon = m_settings.epsilon;
    const bool personal = m_settings.userWeights;
    BiasedLinearBatch batch(m_features, m_parameters, g, work.users, work.items, lambda, m_settings.biases);
    for (int k = 0; k < count; ++k) {
        auto r = batch.residual(records[k]);
        if (personal)
            r.e += r.features.dot(m_parameters.userWeights.row(r.user).cast<double>());
        const double slope = tubeSlope(r.e, epsilon);
        batch.add(r, std::max(0.0, std::abs(r.e) - epsilon), slope);
        if (personal) {
            const auto p = m_parameters.userWeights.row(r.user).cast<double>();
            batch.addLoss(0.5 * lambda * p.squaredNorm());
            work.users.touch(r.user);
            g.userWeights.row(r.user) += (slope * r.features + lambda * p).cast<float>();
        }
    }
    const double loss = batch.finish(count);
    if (personal) {
        for (const int u : work.users)
            g.userWeights.row(u) *= float(1.0 / count);
    }
    return loss + penalty();
}

double SvrRecommender::objective(SvrParameters *gradient) const
{
    Random random(m_training.seed ^ kObjectiveSampleSeed);
    std::vector<Record> records;
    fillExamples(random, records);
    SvrParameters g;
    const double loss = fullBatchObjective(records, g);
    if (gradient)
        *gradient = std::move(g);
    return loss;
}

double SvrRecommender::objective(const std::vector<SvrExample> &examples, SvrParameters *gradient) const
{
    Workspace work;
    work.reset(m_parameters);
    return keepGradient(batchObjective(examples.data(), int(examples.size()), work), work.gradient, gradient);
}

void SvrRecommender::applyUpdates(const SvrParameters &gradient, const std::vector<int> *users,
                                  const std::vector<int> *items, double learningRate)
{
    m_weightUpdater.apply(m_parameters.weights, gradient.weights, learningRate);
    if (m_settings.userWeights) {
        m_userWeightUpdater.beginStep(learningRate);
        auto apply = [&](Eigen::Index u) {
            m_userWeightUpdater.applyRow(u, m_parameters.userWeights.row(u).data(), gradient.userWeights.row(u).data());
        };
        if (users) {
            for (const int u : *users)
                apply(u);
        } else {
            for (Eigen::Index u = 0; u < m_parameters.userWeights.rows(); ++u)
                apply(u);
        }
    }
    if (!m_settings.biases)
        return;
    m_userUpdater.beginStep(learningRate);
    if (users) {
        for (const int u : *users)
            m_userUpdater.applyRow(u, m_parameters.userBias.data() + u, gradient.userBias.data() + u);
    } else {
        for (Eigen::Index u = 0; u < m_parameters.userBias.size(); ++u)
            m_userUpdater.applyRow(u, m_parameters.userBias.data() + u, gradient.userBias.data() + u);
    }
    m_itemUpdater.beginStep(learningRate);
    if (items) {
        for (const int i : *items)
            m_itemUpdater.applyRow(i, m_parameters.itemBias.data() + i, gradient.itemBias.data() + i);
    } else {
        for (Eigen::Index i = 0; i < m_parameters.itemBias.size(); ++i)
            m_itemUpdater.applyRow(i, m_parameters.itemBias.data() + i, gradient.itemBias.data() + i);
    }
}

double SvrRecommender::trainEpoch(double learningRate)
{
    if (m_records.empty())
        return 0.0;
    fillExamples(m_random, m_epoch);
    if (m_training.optimizer == OptimizerKind::GradientDescent) {
        SvrParameters g;
        const double loss = fullBatchObjective(m_epoch, g);
        applyUpdates(g, nullptr, nullptr, learningRate);
        refreshScores();
        return loss;
    }
    const int n = int(m_epoch.size());
    m_random.shuffle(m_epoch.begin(), m_epoch.end());
    const int batch = std::max(1, m_training.batchSize);
    double total = 0;
    for (int first = 0; first < n; first += batch) {
        const int count = std::min(n, first + batch) - first;
        total += count * batchObjective(m_epoch.data() + first, count, *m_work);
        applyUpdates(m_work->gradient, &m_work->users.rows(), &m_work->items.rows(), learningRate);
    }
    refreshScores();
    return total / n;
}

bool sameShape(const SvrParameters &a, const SvrParameters &b)
{
    return a.weights.size() == b.weights.size() && a.userBias.size() == b.userBias.size()
        && a.itemBias.size() == b.itemBias.size() && a.userWeights.rows() == b.userWeights.rows()
        && a.userWeights.cols() == b.userWeights.cols();
}

} // namespace fl
