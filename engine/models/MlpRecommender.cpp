#include "engine/models/MlpRecommender.h"

#include "engine/core/Check.h"
#include "engine/models/ModelInputs.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

constexpr int kNegativeAttempts = 64;
constexpr int kMaxWidth = 4096;
constexpr Eigen::Index kScoringChunk = 2048;                  // items per forward pass when scoring
constexpr std::uint64_t kObjectiveNegativeSeed = 0x6e656761;   // objective()'s fixed BPR negatives

// −ln σ(x), without overflow for large |x|.
double softplusOfMinus(double x)
{
    return x > 0 ? std::log1p(std::exp(-x)) : -x + std::log1p(std::exp(x));
}

Eigen::Map<Eigen::VectorXd> flat(Eigen::MatrixXd &m)
{
    return {m.data(), m.size()};
}

Eigen::Map<const Eigen::VectorXd> flat(const Eigen::MatrixXd &m)
{
    return {m.data(), m.size()};
}

} // namespace

Result<std::vector<int>> parseHiddenWidths(const QString &text)
{
    std::vector<int> widths;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0)
        return widths;
    for (const QString &part : trimmed.split(separators, Qt::SkipEmptyParts)) {
        bool ok = false;
        const int width = part.toInt(&ok);
        if (!ok || width < 1 || width > kMaxWidth) {
            return makeError(MlpRecommender::tr("Hidden layer widths must be whole numbers from 1 to %1, separated by commas "
                                    "(e.g. 64,32); '%2' is not.")
                                 .arg(kMaxWidth)
                                 .arg(part));
        }
        widths.push_back(width);
    }
    return widths;
}

QString hiddenWidthsText(const std::vector<int> &hidden)
{
    if (hidden.empty())
        return QStringLiteral("none");
    QStringList parts;
    for (const int w : hidden)
        parts << QString::number(w);
    return parts.join(QStringLiteral(", "));
}

QString mlpFormula(const MlpSettings &settings, LossKind loss)
{
    auto subscript = [](int n) {
        QString digits = QString::number(n);
        for (QChar &c : digits)
            c = QChar(0x2080 + (c.unicode() - '0'));
        return digits;
    };
    QString g = QStringLiteral("fᵢ");
    for (size_t l = 1; l <= settings.hidden.size(); ++l) {
        const QString product = l == 1 ? QStringLiteral("W₁fᵢ") : QStringLiteral("W%1·%2").arg(subscript(int(l)), g);
        g = QStringLiteral("ReLU(%1 + c%2)").arg(product, subscript(int(l)));
    }
    const int last = int(settings.hidden.size()) + 1;
    const QString output = settings.userFactors ? QStringLiteral("(W%1 + pᵤᵀ)").arg(subscript(last))
                                                : QStringLiteral("W%1").arg(subscript(last));
    g = last == 1 ? output + QStringLiteral("fᵢ") : QStringLiteral("%1·%2").arg(output, g);
    if (loss == LossKind::Bpr)
        return (settings.biases ? QStringLiteral("x̂ᵤᵢ = bᵢ + ") : QStringLiteral("x̂ᵤᵢ = ")) + g;
    return (settings.biases ? QStringLiteral("ŷᵤᵢ = b + bᵤ + bᵢ + ") : QStringLiteral("ŷᵤᵢ = b + ")) + g;
}

Result<void> checkMlpSettings(const MlpSettings &settings)
{
    for (const int w : settings.hidden) {
        if (w < 1 || w > kMaxWidth) {
            return makeError(MlpRecommender::tr("Hidden layer widths must be whole numbers from 1 to %1, separated by commas "
                                    "(e.g. 64,32); '%2' is not.")
                                 .arg(kMaxWidth)
                                 .arg(w));
        }
    }
    if (!(settings.dropout >= 0 && settings.dropout < 1))
        return makeError(MlpRecommender::tr("The dropout rate must be at least 0 and below 1 (it is %1).").arg(settings.dropout));
    return {};
}

// A batch's network pass and its gradient at full size: the distinct items of the batch are the columns,
// with the row biases the batch touched listed so that only they are updated and cleared again.
struct MlpRecommender::Workspace
{
    MlpParameters gradient;
    std::vector<int> slotOf;                  // per item: its column in the batch, or −1
    std::vector<int> slotItems;               // per column: the item
    std::vector<int> exampleSlot, negativeSlot;
    Eigen::MatrixXd input;                    // fᵢ of the batch's items, d × m
    std::vector<Eigen::MatrixXd> activations; // per hidden layer: ReLU(Wₗa + cₗ) ⊙ mask / (1 − p), width × m
    std::vector<Eigen::MatrixXd> gates;       // per hidden layer: 1[Wₗa + cₗ > 0] ⊙ mask / (1 − p)
    Eigen::RowVectorXd output;                // g(fᵢ) per column
    Eigen::RowVectorXd delta;                 // ∂L/∂g(fᵢ) per column
    Eigen::MatrixXd personalDelta;            // the user vectors' share of ∂L/∂h(fᵢ), Σₑ ℓ′ₑ pᵤ, H × m
    Eigen::VectorXd userVector;               // pᵤ of the example at hand, in doubles
    TouchedRows users, items;

    void reset(const MlpParameters &shape, int itemCount, int userCount)
    {
        gradient.weights.clear();
        gradient.biases.clear();
        for (const Eigen::MatrixXd &w : shape.weights)
            gradient.weights.push_back(Eigen::MatrixXd::Zero(w.rows(), w.cols()));
        for (const Eigen::VectorXd &c : shape.biases)
            gradient.biases.push_back(Eigen::VectorXd::Zero(c.size()));
        gradient.globalBias = 0;
        gradient.userBias = Eigen::VectorXf::Zero(shape.userBias.size());
        gradient.itemBias = Eigen::VectorXf::Zero(shape.itemBias.size());
        gradient.userFactors = RowMatrixXf::Zero(shape.userFactors.rows(), shape.userFactors.cols());
        slotOf.assign(size_t(itemCount), -1);
        slotItems.clear();
        users.reset(userCount);
        items.reset(shape.itemBias.size());
        activations.resize(shape.biases.size());
        gates.resize(shape.biases.size());
    }
    void clear()
    {
        for (const int i : slotItems)
            slotOf[size_t(i)] = -1;
        slotItems.clear();
        users.clear([this](int u) {
            if (gradient.userBias.size() > 0)
                gradient.userBias(u) = 0;
            if (gradient.userFactors.size() > 0)
                gradient.userFactors.row(u).setZero();
        });
        items.clear([this](int i) { gradient.itemBias(i) = 0; });
        gradient.globalBias = 0;
    }
    int slot(int item)
    {
        int &s = slotOf[size_t(item)];
        if (s < 0) {
            s = int(slotItems.size());
            slotItems.push_back(item);
        }
        return s;
    }
};

MlpRecommender::MlpRecommender(const Dataset &dataset, const std::vector<int> &train,
                               std::shared_ptr<const ContentFeatures> content, const RecommenderTraining &training,
                               const MlpSettings &settings)
    : ParametricRecommender(training, dataset, std::move(content))
    , m_settings(settings)
    , m_random(training.seed)
    , m_work(std::make_unique<Workspace>())
{
    FL_CHECK(checkMlpSettings(m_settings).ok(), "settings checked by the factory");
    m_training.negatives = std::max(1, training.negatives);
    m_features = m_content->fused.transpose().cast<double>();
    const int items = dataset.itemCount();
    const bool bpr = m_training.loss == LossKind::Bpr;

    int fanIn = int(m_features.rows());
    for (const int width : m_settings.hidden) {
        const double sd = std::sqrt(2.0 / std::max(1, fanIn));   // He
        Eigen::MatrixXd w(width, fanIn);
        for (Eigen::Index j = 0; j < w.size(); ++j)
            w.data()[j] = sd * m_random.normal();
        m_parameters.weights.push_back(std::move(w));
        m_parameters.biases.push_back(Eigen::VectorXd::Zero(width));
        fanIn = width;
    }
    const double sd = std::sqrt(2.0 / (fanIn + 1));   // Xavier/Glorot for the linear output
    Eigen::MatrixXd out(1, fanIn);
    for (Eigen::Index j = 0; j < out.size(); ++j)
        out.data()[j] = sd * m_random.normal();
    m_parameters.weights.push_back(std::move(out));

    m_records.reserve(train.size());
    double ratingSum = 0;
    for (const int index : train) {
        const float r = float(dataset.rating(index));
        m_records.push_back({dataset.interactionUser[size_t(index)], dataset.interactionItem[size_t(index)], r});
        ratingSum += r;
    }
    if (!bpr && !m_records.empty())
        m_parameters.globalBias = ratingSum / double(m_records.size());
    if (m_settings.biases) {
        m_parameters.userBias = Eigen::VectorXf::Zero(m_userCount);
        m_parameters.itemBias = Eigen::VectorXf::Zero(items);
    }
    if (m_settings.userFactors)
        m_parameters.userFactors = RowMatrixXf::Zero(m_userCount, fanIn);
    if (bpr) {
        m_seen = std::make_unique<UserProfiles>(UserProfiles::build(dataset, train, false));
        const std::vector<int> counts = itemInteractionCounts(dataset, train);
        for (size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] > 0)
                m_warmItems.push_back(int(i));
        }
    }

    for (const Eigen::MatrixXd &w : m_parameters.weights)
        m_weightUpdaters.emplace_back(m_training.optimizer, w.size(), m_training.momentum);
    for (const Eigen::VectorXd &c : m_parameters.biases)
        m_layerBiasUpdaters.emplace_back(m_training.optimizer, c.size(), m_training.momentum);
    m_globalUpdater = ParameterUpdater(m_training.optimizer, 1, m_training.momentum);
    m_userUpdater = RowSparseUpdater(m_training.optimizer, m_parameters.userBias.size(), 1, m_training.momentum);
    m_itemUpdater = RowSparseUpdater(m_training.optimizer, m_parameters.itemBias.size(), 1, m_training.momentum);
    m_factorUpdater = RowSparseUpdater(m_training.optimizer, m_parameters.userFactors.rows(),
                                       m_parameters.userFactors.cols(), m_training.momentum);
    m_work->reset(m_parameters, items, m_userCount);
    m_best = m_parameters;
    refreshScores();
}

MlpRecommender::MlpRecommender(const MlpRecommender &other, ScoringCopy)
    : ParametricRecommender(other)
    , m_settings(other.m_settings)
    , m_features(other.m_features)
    , m_random(other.m_training.seed)
    , m_work(std::make_unique<Workspace>())
    , m_hidden(other.m_hidden)
    , m_hiddenRows(other.m_hiddenRows)
{
    m_work->reset(m_parameters, int(m_itemScore.size()), m_userCount);
}

MlpRecommender::~MlpRecommender() = default;

QString MlpRecommender::name() const
{
    const QString widths = m_settings.hidden.empty() ? MlpRecommender::tr("none") : hiddenWidthsText(m_settings.hidden);
    const QString loss = m_training.loss == LossKind::Bpr ? MlpRecommender::tr("BPR") : MlpRecommender::tr("squared loss");
    if (m_settings.userFactors) {
        return m_settings.biases
            ? MlpRecommender::tr("Neural network on fused content with user vectors and user and item biases (hidden layers %1; %2)")
                  .arg(widths, loss)
            : MlpRecommender::tr("Neural network on fused content with user vectors (hidden layers %1; %2)").arg(widths, loss);
    }
    return m_settings.biases
        ? MlpRecommender::tr("Neural network on fused content with user and item biases (hidden layers %1; %2)").arg(widths, loss)
        : MlpRecommender::tr("Neural network on fused content (hidden layers %1; %2)").arg(widths, loss);
}

void MlpRecommender::refreshScores()
{
    const Eigen::Index items = m_features.cols();
    const int hidden = layerCount() - 1;
    const bool personal = m_settings.userFactors;
    m_contentScore.resize(items);
    if (personal)
        m_hidden.resize(factorWidth(), items);
    for (Eigen::Index first = 0; first < items; first += kScoringChunk) {
        const Eigen::Index count = std::min(kScoringChunk, items - first);
        Eigen::MatrixXd a = m_features.middleCols(first, count);
        for (int l = 0; l < hidden; ++l) {
            Eigen::MatrixXd z = m_parameters.weights[size_t(l)] * a;
            z.colwise() += m_parameters.biases[size_t(l)];
            a = z.cwiseMax(0.0);
        }
        m_contentScore.segment(first, count) = (m_parameters.weights.back() * a).transpose();
        if (personal)
            m_hidden.middleCols(first, count) = a;
    }
    if (personal)
        m_hiddenRows = m_hidden.transpose().cast<float>();
    Eigen::VectorXd item = m_contentScore.array() + m_parameters.globalBias;
    if (m_settings.biases)
        item += m_parameters.itemBias.cast<double>();
    m_itemScore = item.cast<float>();
}

void MlpRecommender::scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const
{
    scores = m_itemScore;
    if (m_settings.biases)
        scores.array() += m_parameters.userBias(user);
    if (m_settings.userFactors)
        scores.noalias() += m_hiddenRows * m_parameters.userFactors.row(user).transpose();
}

double MlpRecommender::personalScore(int user, int item) const
{
    if (!m_settings.userFactors)
        return 0.0;
    return m_hidden.col(item).dot(m_parameters.userFactors.row(user).transpose().cast<double>());
}

double MlpRecommender::predict(int user, int item) const
{
    double value = m_parameters.globalBias + m_contentScore(item) + personalScore(user, item);
    if (m_settings.biases)
        value += double(m_parameters.userBias(user)) + double(m_parameters.itemBias(item));
    return value;
}

std::vector<ScoreContribution> MlpRecommender::explain(int user, int item) const
{
    double bias = m_parameters.globalBias;
    if (m_settings.biases)
        bias += double(m_parameters.userBias(user)) + double(m_parameters.itemBias(item));
    if (m_settings.userFactors) {
        return {{QStringLiteral("content"), m_contentScore(item)},
                {QStringLiteral("personal"), personalScore(user, item)},
                {QStringLiteral("bias"), bias}};
    }
    return {{QStringLiteral("content"), m_contentScore(item)}, {QStringLiteral("bias"), bias}};
}

double MlpRecommender::penalty() const
{
    double sum = 0;
    for (const Eigen::MatrixXd &w : m_parameters.weights)
        sum += w.squaredNorm();
    return 0.5 * m_training.l2 * sum;
}

double MlpRecommender::batchObjective(const MlpExample *examples, int count, Workspace &work, Random *dropout) const
{
    work.clear();
    MlpParameters &g = work.gradient;
    const int layers = layerCount();
    const double lambda = m_training.l2;
    if (count <= 0) {
        for (int l = 0; l < layers; ++l)
            g.weights[size_t(l)] = lambda * m_parameters.weights[size_t(l)];
        for (Eigen::VectorXd &c : g.biases)
            c.setZero();
        return penalty();
    }

    // The batch's distinct items are the columns of the network's input.
    work.exampleSlot.resize(size_t(count));
    work.negativeSlot.resize(size_t(count));
    for (int e = 0; e < count; ++e) {
        work.exampleSlot[size_t(e)] = work.slot(examples[e].item);
        work.negativeSlot[size_t(e)] = examples[e].negative >= 0 ? work.slot(examples[e].negative) : -1;
    }
    const Eigen::Index m = Eigen::Index(work.slotItems.size());
    work.input.resize(m_features.rows(), m);
    for (Eigen::Index s = 0; s < m; ++s)
        work.input.col(s) = m_features.col(work.slotItems[size_t(s)]);

    // Forward: a ← ReLU(Wₗa + cₗ) ⊙ mask / (1 − p) through the hidden layers, then g = W_L a.
    const double keep = 1.0 - m_settings.dropout;
    const bool drop = dropout && m_settings.dropout > 0;
    const Eigen::MatrixXd *a = &work.input;
    for (int l = 0; l + 1 < layers; ++l) {
        Eigen::MatrixXd &z = work.activations[size_t(l)];
        Eigen::MatrixXd &gate = work.gates[size_t(l)];
        z.noalias() = m_parameters.weights[size_t(l)] * *a;
        z.colwise() += m_parameters.biases[size_t(l)];
        gate = (z.array() > 0.0).cast<double>();
        if (drop) {
            const double scale = 1.0 / keep;
            for (Eigen::Index j = 0; j < gate.size(); ++j)
                gate.data()[j] *= dropout->uniform() < keep ? scale : 0.0;
        }
        z.array() *= gate.array();
        a = &z;
    }
    work.output.noalias() = m_parameters.weights.back() * *a;

    // The loss, ∂L/∂g per column and the user vectors' share of ∂L/∂h; the row biases' and user vectors'
    // gradients, per occurrence as in LinearRecommender and FactorModel.
    const Eigen::MatrixXd &h = *a;
    const bool biases = m_settings.biases;
    const bool personal = m_settings.userFactors;
    work.delta = Eigen::RowVectorXd::Zero(m);
    if (personal)
        work.personalDelta = Eigen::MatrixXd::Zero(h.rows(), m);
    double loss = 0;
    double globalGradient = 0;
    for (int e = 0; e < count; ++e) {
        const MlpExample &x = examples[e];
        const int s = work.exampleSlot[size_t(e)];
        const double bi = biases ? double(m_parameters.itemBias(x.item)) : 0.0;
        Eigen::VectorXd &p = work.userVector;
        if (personal)
            p = m_parameters.userFactors.row(x.user).transpose().cast<double>();
        const double pNorm = personal ? p.squaredNorm() : 0.0;
        if (x.negative < 0) {
            const double bu = biases ? double(m_parameters.userBias(x.user)) : 0.0;
            const double mine = personal ? h.col(s).dot(p) : 0.0;
            const double residual = m_parameters.globalBias + bu + bi + work.output(s) + mine - x.rating;
            loss += 0.5 * residual * residual + 0.5 * lambda * (bu * bu + bi * bi + pNorm);
            work.delta(s) += residual;
            globalGradient += residual;
            if (biases) {
                work.users.touch(x.user);
                work.items.touch(x.item);
                g.userBias(x.user) += float(residual + lambda * bu);
                g.itemBias(x.item) += float(residual + lambda * bi);
            }
            if (personal) {
                work.users.touch(x.user);
                g.userFactors.row(x.user) += (residual * h.col(s) + lambda * p).transpose().cast<float>();
                work.personalDelta.col(s) += residual * p;
            }
        } else {
            const int sj = work.negativeSlot[size_t(e)];
            const double bj = biases ? double(m_parameters.itemBias(x.negative)) : 0.0;
            const double mine = personal ? (h.col(s) - h.col(sj)).dot(p) : 0.0;
            const double difference = bi + work.output(s) - bj - work.output(sj) + mine;
            const double coefficient = -1.0 / (1.0 + std::exp(difference));   // ∂(−ln σ(x))/∂x = −σ(−x)
            loss += softplusOfMinus(difference) + 0.5 * lambda * (bi * bi + bj * bj + pNorm);
            work.delta(s) += coefficient;
            work.delta(sj) -= coefficient;
            if (biases) {
                work.items.touch(x.item);
                work.items.touch(x.negative);
                g.itemBias(x.item) += float(coefficient + lambda * bi);
                g.itemBias(x.negative) += float(-coefficient + lambda * bj);
            }
            if (personal) {
                work.users.touch(x.user);
                g.userFactors.row(x.user) +=
                    (coefficient * (h.col(s) - h.col(sj)) + lambda * p).transpose().cast<float>();
                work.personalDelta.col(s) += coefficient * p;
                work.personalDelta.col(sj) -= coefficient * p;
            }
        }
    }
    const double scale = 1.0 / count;
    work.delta *= scale;
    g.globalBias = scale * globalGradient;
    for (const int u : work.users) {
        if (biases)
            g.userBias(u) *= float(scale);
        if (personal)
            g.userFactors.row(u) *= float(scale);
    }
    for (const int i : work.items)
        g.itemBias(i) *= float(scale);

    // Backward: ∂L/∂Wₗ = δₗ aₗᵀ, ∂L/∂cₗ = Σ columns of δₗ, δₗ₋₁ = (Wₗᵀ δₗ (+ the user vectors' share at
    // the last hidden layer)) ⊙ gateₗ₋₁.
    Eigen::MatrixXd upstream = work.delta;
    Eigen::MatrixXd below;
    for (int l = layers - 1; l >= 0; --l) {
        const Eigen::MatrixXd &input = l == 0 ? work.input : work.activations[size_t(l - 1)];
        g.weights[size_t(l)].noalias() = upstream * input.transpose();
        g.weights[size_t(l)] += lambda * m_parameters.weights[size_t(l)];
        if (l + 1 < layers)
            g.biases[size_t(l)] = upstream.rowwise().sum();
        if (l > 0) {
            below.noalias() = m_parameters.weights[size_t(l)].transpose() * upstream;
            if (personal && l == layers - 1)
                below += scale * work.personalDelta;
            upstream = below.cwiseProduct(work.gates[size_t(l - 1)]);
        }
    }
    return scale * loss + penalty();
}

double MlpRecommender::objective(const std::vector<MlpExample> &examples, MlpParameters *gradient) const
{
    Workspace work;
    work.reset(m_parameters, int(m_features.cols()), m_userCount);
    const double loss = batchObjective(examples.data(), int(examples.size()), work, nullptr);
    if (gradient)
        *gradient = std::move(work.gradient);
    return loss;
}

double MlpRecommender::objective(MlpParameters *gradient) const
{
    Random random(m_training.seed ^ kObjectiveNegativeSeed);
    std::vector<MlpExample> examples;
    fillExamples(0, int(m_records.size()), random, examples);
    return objective(examples, gradient);
}

void MlpRecommender::fillExamples(int first, int last, Random &random, std::vector<MlpExample> &out) const
{
    out.clear();
    if (m_training.loss == LossKind::Squared) {
        for (int r = first; r < last; ++r) {
            const Record &x = m_records[size_t(r)];
            out.push_back({x.user, x.item, -1, x.rating});
        }
        return;
    }
    for (int r = first; r < last; ++r) {
        const Record &x = m_records[size_t(r)];
        for (int n = 0; n < m_training.negatives; ++n) {
            // Uniform among the warm items the user has not interacted with (rejection sampling; a user
            // who has them all gives no triple).
            for (int attempt = 0; attempt < kNegativeAttempts; ++attempt) {
                const int j = m_warmItems[size_t(random.below(m_warmItems.size()))];
                if (!m_seen->contains(x.user, j)) {
                    out.push_back({x.user, x.item, j, x.rating});
                    break;
                }
            }
        }
    }
}

void MlpRecommender::applyUpdates(const Workspace &work, double learningRate)
{
    const MlpParameters &g = work.gradient;
    for (size_t l = 0; l < m_parameters.weights.size(); ++l)
        m_weightUpdaters[l].apply(flat(m_parameters.weights[l]), flat(g.weights[l]), learningRate);
    for (size_t l = 0; l < m_parameters.biases.size(); ++l)
        m_layerBiasUpdaters[l].apply(m_parameters.biases[l], g.biases[l], learningRate);
    if (m_training.loss == LossKind::Squared) {
        Eigen::Map<Eigen::VectorXd> b(&m_parameters.globalBias, 1);
        const Eigen::Map<const Eigen::VectorXd> gb(&g.globalBias, 1);
        m_globalUpdater.apply(b, gb, learningRate);
    }
    if (m_settings.userFactors && !work.users.empty()) {
        m_factorUpdater.beginStep(learningRate);
        for (const int u : work.users)
            m_factorUpdater.applyRow(u, m_parameters.userFactors.row(u).data(), g.userFactors.row(u).data());
    }
    if (m_settings.biases) {
        if (m_training.loss == LossKind::Squared && !work.users.empty()) {
            m_userUpdater.beginStep(learningRate);
            for (const int u : work.users)
                m_userUpdater.applyRow(u, m_parameters.userBias.data() + u, g.userBias.data() + u);
        }
        m_itemUpdater.beginStep(learningRate);
        for (const int i : work.items)
            m_itemUpdater.applyRow(i, m_parameters.itemBias.data() + i, g.itemBias.data() + i);
    }
}

double MlpRecommender::trainEpoch(double learningRate)
{
    const int n = int(m_records.size());
    if (n == 0)
        return 0.0;
    const bool fullBatch = m_training.optimizer == OptimizerKind::GradientDescent;
    const int batch = fullBatch ? n : std::max(1, m_training.batchSize);
    if (!fullBatch)
        m_random.shuffle(m_records.begin(), m_records.end());
    double total = 0;
    double examples = 0;
    for (int first = 0; first < n; first += batch) {
        fillExamples(first, std::min(n, first + batch), m_random, m_batch);
        const int count = int(m_batch.size());
        if (count == 0)
            continue;
        total += count * batchObjective(m_batch.data(), count, *m_work, &m_random);
        examples += count;
        applyUpdates(*m_work, learningRate);
    }
    refreshScores();
    return examples > 0 ? total / examples : 0.0;
}

bool sameShape(const MlpParameters &a, const MlpParameters &b)
{
    if (a.weights.size() != b.weights.size() || a.biases.size() != b.biases.size())
        return false;
    for (size_t l = 0; l < a.weights.size(); ++l) {
        if (a.weights[l].rows() != b.weights[l].rows() || a.weights[l].cols() != b.weights[l].cols())
            return false;
    }
    for (size_t l = 0; l < a.biases.size(); ++l) {
        if (a.biases[l].size() != b.biases[l].size())
            return false;
    }
    return a.userBias.size() == b.userBias.size() && a.itemBias.size() == b.itemBias.size()
        && a.userFactors.rows() == b.userFactors.rows() && a.userFactors.cols() == b.userFactors.cols();
}

} // namespace fl
