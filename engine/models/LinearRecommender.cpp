#include "engine/models/LinearRecommender.h"

#include "engine/core/Check.h"
#include "engine/models/BiasedLinearBatch.h"
#include "engine/models/ModelInputs.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fl {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

// A mini-batch's gradient at full size, with the bias rows it touched listed so that only they are
// updated and cleared again.
struct LinearRecommender::Workspace
{
    LinearParameters gradient;
    TouchedRows users, items;

    void reset(const LinearParameters &shape)
    {
        gradient.weights = Eigen::VectorXd::Zero(shape.weights.size());
        gradient.userBias = Eigen::VectorXf::Zero(shape.userBias.size());
        gradient.itemBias = Eigen::VectorXf::Zero(shape.itemBias.size());
        users.reset(shape.userBias.size());
        items.reset(shape.itemBias.size());
    }
    void clear()
    {
        gradient.weights.setZero();
        users.clear([this](int u) { gradient.userBias(u) = 0; });
        items.clear([this](int i) { gradient.itemBias(i) = 0; });
    }
};

LinearRecommender::LinearRecommender(const Dataset &dataset, const std::vector<int> &train,
                                     std::shared_ptr<const ContentFeatures> content,
                                     const RecommenderTraining &training, bool biases)
    : ParametricRecommender(training, dataset, std::move(content))
    , m_biases(biases)
    , m_random(training.seed)
    , m_work(std::make_unique<Workspace>())
{
    m_training.loss = LossKind::Squared;
    m_features = m_content->fused.cast<double>();
    const Eigen::Index d = m_features.cols();
    const int items = dataset.itemCount();

    m_itemCount = Eigen::VectorXd::Zero(items);
    m_itemSum = Eigen::VectorXd::Zero(items);
    m_records.reserve(train.size());
    for (const int index : train) {
        const double r = dataset.rating(index);
        const int item = dataset.interactionItem[size_t(index)];
        m_records.push_back({dataset.interactionUser[size_t(index)], item, float(r)});
        m_itemCount(item) += 1;
        m_itemSum(item) += r;
        m_sumSquares += r * r;
    }

    m_parameters.weights = Eigen::VectorXd::Zero(d + 1);
    if (!m_records.empty())
        m_parameters.weights(d) = m_itemSum.sum() / double(m_records.size());
    if (m_biases) {
        m_parameters.userBias = Eigen::VectorXf::Zero(m_userCount);
        m_parameters.itemBias = Eigen::VectorXf::Zero(items);
    }
    m_weightUpdater = ParameterUpdater(m_training.optimizer, d + 1, m_training.momentum);
    m_userUpdater = RowSparseUpdater(m_training.optimizer, m_parameters.userBias.size(), 1, m_training.momentum);
    m_itemUpdater = RowSparseUpdater(m_training.optimizer, m_parameters.itemBias.size(), 1, m_training.momentum);
    m_work->reset(m_parameters);
    m_best = m_parameters;
    refreshScores();
}

LinearRecommender::LinearRecommender(const LinearRecommender &other, ScoringCopy)
    : ParametricRecommender(other)
    , m_biases(other.m_biases)
    , m_features(other.m_features)
    , m_itemCount(Eigen::VectorXd::Zero(other.m_itemCount.size()))
    , m_itemSum(Eigen::VectorXd::Zero(other.m_itemSum.size()))
    , m_random(other.m_training.seed)
    , m_work(std::make_unique<Workspace>())
{
    m_work->reset(m_parameters);
}

LinearRecommender::~LinearRecommender() = default;

QString LinearRecommender::name() const
{
    return m_biases ? LinearRecommender::tr("Linear regression on fused content with user and item biases")
                    : LinearRecommender::tr("Linear regression on fused content");
}

void LinearRecommender::refreshScores()
{
    const Eigen::Index d = m_features.cols();
    m_contentScore.noalias() = m_features * m_parameters.weights.head(d);
    Eigen::VectorXd item = m_contentScore.array() + m_parameters.weights(d);
    if (m_biases)
        item += m_parameters.itemBias.cast<double>();
    m_itemScore = item.cast<float>();
}

void LinearRecommender::scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const
{
    scores = m_itemScore;
    if (m_biases)
        scores.array() += m_parameters.userBias(user);
}

double LinearRecommender::predict(int user, int item) const
{
    const Eigen::Index d = m_features.cols();
    double value = m_parameters.weights(d) + m_features.row(item).dot(m_parameters.weights.head(d));
    if (m_biases)
        value += double(m_parameters.userBias(user)) + double(m_parameters.itemBias(item));
    return value;
}

std::vector<ScoreContribution> LinearRecommender::explain(int user, int item) const
{
    const Eigen::Index d = m_features.cols();
    std::vector<ScoreContribution> parts =
        linearContentParts(*m_content, item, m_features.row(item), m_parameters.weights.head(d));
    double bias = m_parameters.weights(d);
    if (m_biases)
        bias += double(m_parameters.userBias(user)) + double(m_parameters.itemBias(item));
    parts.push_back({QStringLiteral("bias"), bias});
    return parts;
}

double LinearRecommender::penalty() const
{
    const Eigen::Index d = m_features.cols();
    return 0.5 * m_training.l2 * m_parameters.weights.head(d).squaredNorm();
}

LinearParameters LinearRecommender::zeroGradient() const
{
    LinearParameters g;
    g.weights = Eigen::VectorXd::Zero(m_parameters.weights.size());
    g.userBias = Eigen::VectorXf::Zero(m_parameters.userBias.size());
    g.itemBias = Eigen::VectorXf::Zero(m_parameters.itemBias.size());
    return g;
}

double LinearRecommender::fullBatchObjective(LinearParameters &gradient) const
{
    gradient = zeroGradient();
    const double n = double(m_records.size());
    if (m_records.empty())
        return 0.0;
    const Eigen::Index d = m_features.cols();
    const double b = m_parameters.weights(d);
    const double lambda = m_training.l2;
    // Per item: the sum of the residuals r̂ − r over its training interactions.
    Eigen::VectorXd residual(m_itemCount.size());
    double loss = 0;
    if (!m_biases) {
        // Σₑ ½(yᵢ − r)² = ½(nᵢyᵢ² − 2sᵢyᵢ) + ½Σr², yᵢ = wᵀfᵢ + b: one pass over the items.
        const Eigen::ArrayXd y = m_contentScore.array() + b;
        residual = m_itemCount.array() * y - m_itemSum.array();
        loss = 0.5 * ((m_itemCount.array() * y.square() - 2.0 * m_itemSum.array() * y).sum() + m_sumSquares);
        loss = std::max(loss, 0.0);   // rounding can push an exact fit a hair below zero
    } else {
        residual.setZero();
        std::vector<double> userGradient(size_t(m_userCount), 0.0);
        std::vector<double> itemPenalty(size_t(m_itemCount.size()), 0.0);
        for (const Record &x : m_records) {
            const double bu = m_parameters.userBias(x.user), bi = m_parameters.itemBias(x.item);
            const double e = m_contentScore(x.item) + b + bu + bi - x.rating;
            loss += 0.5 * e * e + 0.5 * lambda * (bu * bu + bi * bi);
            residual(x.item) += e;
            userGradient[size_t(x.user)] += e + lambda * bu;
            itemPenalty[size_t(x.item)] += lambda * bi;
        }
        for (int u = 0; u < m_userCount; ++u)
            gradient.userBias(u) = float(userGradient[size_t(u)] / n);
        for (Eigen::Index i = 0; i < residual.size(); ++i)
            gradient.itemBias(i) = float((residual(i) + itemPenalty[size_t(i)]) / n);
    }
    gradient.weights.head(d).noalias() = m_features.transpose() * residual / n;
    gradient.weights.head(d) += lambda * m_parameters.weights.head(d);
    gradient.weights(d) = residual.sum() / n;
    return loss / n + penalty();
}

double LinearRecommender::batchObjective(const Record *records, int count, Workspace &work) const
{
    work.clear();
    if (count <= 0)
        return penalty();
    BiasedLinearBatch batch(m_features, m_parameters, work.gradient, work.users, work.items, m_training.l2, m_biases);
    for (int k = 0; k < count; ++k) {
        const auto r = batch.residual(records[k]);
        batch.add(r, 0.5 * r.e * r.e, r.e);
    }
    return batch.finish(count) + penalty();
}

double LinearRecommender::objective(LinearParameters *gradient) const
{
    LinearParameters g;
    const double loss = fullBatchObjective(g);
    if (gradient)
        *gradient = std::move(g);
    return loss;
}

double LinearRecommender::objective(const std::vector<LinearExample> &examples, LinearParameters *gradient) const
{
    Workspace work;
    work.reset(m_parameters);
    return keepGradient(batchObjective(examples.data(), int(examples.size()), work), work.gradient, gradient);
}

double LinearRecommender::trainEpoch(double learningRate)
{
    const int n = int(m_records.size());
    if (n == 0)
        return 0.0;
    if (m_training.optimizer == OptimizerKind::GradientDescent) {
        LinearParameters g;
        const double loss = fullBatchObjective(g);
        m_weightUpdater.apply(m_parameters.weights, g.weights, learningRate);
        if (m_biases) {
            m_userUpdater.beginStep(learningRate);
            for (int u = 0; u < m_userCount; ++u)
                m_userUpdater.applyRow(u, m_parameters.userBias.data() + u, g.userBias.data() + u);
            m_itemUpdater.beginStep(learningRate);
            for (Eigen::Index i = 0; i < m_parameters.itemBias.size(); ++i)
                m_itemUpdater.applyRow(i, m_parameters.itemBias.data() + i, g.itemBias.data() + i);
        }
        refreshScores();
        return loss;
    }
    m_random.shuffle(m_records.begin(), m_records.end());
    const int batch = std::max(1, m_training.batchSize);
    double total = 0;
    for (int first = 0; first < n; first += batch) {
        const int count = std::min(n, first + batch) - first;
        total += count * batchObjective(m_records.data() + first, count, *m_work);
        const LinearParameters &g = m_work->gradient;
        m_weightUpdater.apply(m_parameters.weights, g.weights, learningRate);
        if (m_biases) {
            m_userUpdater.beginStep(learningRate);
            for (const int u : m_work->users)
                m_userUpdater.applyRow(u, m_parameters.userBias.data() + u, g.userBias.data() + u);
            m_itemUpdater.beginStep(learningRate);
            for (const int i : m_work->items)
                m_itemUpdater.applyRow(i, m_parameters.itemBias.data() + i, g.itemBias.data() + i);
        }
    }
    refreshScores();
    return total / n;
}

bool sameShape(const LinearParameters &a, const LinearParameters &b)
{
    return a.weights.size() == b.weights.size() && a.userBias.size() == b.userBias.size()
        && a.itemBias.size() == b.itemBias.size();
}

Eigen::MatrixXd LinearRecommender::normalMatrix() const
{
    const Eigen::Index d = m_features.cols();
    const double n = std::max<double>(1.0, double(m_records.size()));
    Eigen::MatrixXd h(d + 1, d + 1);
    const Eigen::MatrixXd weighted = m_features.transpose() * m_itemCount.asDiagonal();   // Fᵀ C
    h.topLeftCorner(d, d).noalias() = weighted * m_features;
    h.topRightCorner(d, 1) = weighted.rowwise().sum();
    h.bottomLeftCorner(1, d) = h.topRightCorner(d, 1).transpose();
    h(d, d) = m_itemCount.sum();
    h /= n;
    h.diagonal().head(d).array() += m_training.l2;
    return h;
}

Eigen::VectorXd LinearRecommender::normalMoment() const
{
    const Eigen::Index d = m_features.cols();
    const double n = std::max<double>(1.0, double(m_records.size()));
    Eigen::VectorXd m(d + 1);
    m.head(d).noalias() = m_features.transpose() * m_itemSum;
    m(d) = m_itemSum.sum();
    return m / n;
}

Eigen::VectorXd LinearRecommender::optimum() const
{
    // LDLT with pivoting leaves the components of zero pivots at zero, so collinear features (a padded
    // zero column, a duplicated modality) still give a minimiser.
    return normalMatrix().ldlt().solve(normalMoment());
}

double LinearRecommender::optimumObjective() const
{
    if (m_biases || m_records.empty())
        return m_records.empty() ? 0.0 : kNaN;
    // L(θ) = ½θᵀHθ − θᵀm + ½Σr²/N with H = G + λĨ (the L2 term is inside H).
    const Eigen::VectorXd theta = optimum();
    const double value = 0.5 * theta.dot(normalMatrix() * theta) - theta.dot(normalMoment())
        + 0.5 * m_sumSquares / double(m_records.size());
    return std::max(value, 0.0);
}

double LinearRecommender::maxStableLearningRate() const
{
    if (m_biases)
        return kNaN;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(normalMatrix(), Eigen::EigenvaluesOnly);
    const double largest = solver.eigenvalues().maxCoeff();
    return largest > 0 ? 2.0 / largest : std::numeric_limits<double>::infinity();
}

} // namespace fl
