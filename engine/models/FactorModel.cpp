// Why one file (about 700 lines):
// One model in three variants (hybrid, collaborative, content only) with its two loss kinds, its mini-batch
// epochs, scoring and explanations over the same parameters; the per-example SGD engine is FactorSgd.cpp.

#include "engine/models/FactorModel.h"

#include "engine/core/Check.h"
#include "engine/core/ParallelFor.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace fl {

namespace {

constexpr float kInitialScale = 0.1f;
constexpr int kNegativeAttempts = 64;
constexpr int kPrefetchDistance = 16;

// −ln σ(x) = ln(1 + e^{−x}), without overflow for either sign.
double softplusOfNegative(double x)
{
    return std::max(-x, 0.0) + std::log1p(std::exp(-std::abs(x)));
}

// Every cache line of a parameter row (a row of 33 floats spans three).
void prefetchRow(const float *row, Eigen::Index width)
{
    const char *first = reinterpret_cast<const char *>(row);
    const char *last = reinterpret_cast<const char *>(row + width - 1);
    for (const char *p = first; p <= last; p += 64)
        __builtin_prefetch(p);
    __builtin_prefetch(last);
}

// Fisher–Yates exactly as Random::shuffle (same draws, same permutation), with the element each step
// will swap requested a few steps ahead so that the random reads overlap.
template<typename T>
void shuffleWithPrefetch(std::vector<T> &v, Random &random)
{
    if (v.size() < 2)
        return;
    constexpr size_t ahead = 16;
    const size_t steps = v.size() - 1;   // step s swaps v[n−1−s] with a draw below n−s
    std::array<size_t, ahead> ring{};
    auto draw = [&](size_t s) {
        const size_t j = size_t(random.below(std::uint64_t(v.size() - s)));
        __builtin_prefetch(&v[j]);
        return j;
    };
    for (size_t s = 0; s < std::min(ahead, steps); ++s)
        ring[s] = draw(s);
    for (size_t s = 0; s < steps; ++s) {
        const size_t j = ring[s % ahead];
        if (s + ahead < steps)
            ring[s % ahead] = draw(s + ahead);
        std::swap(v[v.size() - 1 - s], v[j]);
    }
}

// The gradient rows one batch touches, stored compactly in the order first touched, with how many
// examples touched each (for the per-occurrence L2 term). The buffers only grow: after the first
// batch, a batch allocates nothing.
struct RowGradient
{
    std::vector<int> slotOf;     // per parameter row: its slot, or −1
    std::vector<int> rows;       // per slot: the parameter row
    std::vector<float> counts;   // per slot: occurrences in the batch
    std::vector<float> values;   // slots × width, row-major
    Eigen::Index width = 0;
    int used = 0;

    // Forgets the previous batch's rows and makes room for up to maxSlots new ones.
    void begin(Eigen::Index rowCount, Eigen::Index rowWidth, Eigen::Index maxSlots)
    {
        if (slotOf.size() != size_t(rowCount) || width != rowWidth) {
            slotOf.assign(size_t(rowCount), -1);
            used = 0;
        }
        for (int s = 0; s < used; ++s)
            slotOf[size_t(rows[size_t(s)])] = -1;
        used = 0;
        width = rowWidth;
        const size_t slots = size_t(std::min(rowCount, maxSlots));
        if (rows.size() < slots) {
            rows.resize(slots);
            counts.resize(slots);
            values.resize(slots * size_t(width));
        }
    }
    int touch(int row)
    {
        int &slot = slotOf[size_t(row)];
        if (slot < 0) {
            slot = used++;
            rows[size_t(slot)] = row;
            counts[size_t(slot)] = 0.0f;
            std::fill_n(at(slot), width, 0.0f);
        }
        counts[size_t(slot)] += 1.0f;
        return slot;
    }
    float *at(Eigen::Index slot) { return values.data() + size_t(slot) * size_t(width); }
    const float *at(Eigen::Index slot) const { return values.data() + size_t(slot) * size_t(width); }
    Eigen::Index size() const { return used; }
    Eigen::Map<RowMajorMatrixXf> matrix() { return {values.data(), used, width}; }
    Eigen::Map<const RowMajorMatrixXf> matrix() const { return {values.data(), used, width}; }
};

// The optimizer state of the user and item rows: RowSparseUpdater's lazy rules (the same constants
// and float expressions; test_models compares the two), with a row's two Adam moments side by side,
// so that one update reads one contiguous block instead of two rows far apart, and fixed-size
// arithmetic for the usual widths.
class RowStates
{
public:
    RowStates() = default;
    RowStates(OptimizerKind kind, Eigen::Index rows, Eigen::Index width, double momentum)
        : m_kind(kind)
        , m_width(width)
        , m_momentum(float(momentum))
    {
        m_stride = kind == OptimizerKind::Adam ? 2 * width : kind == OptimizerKind::Momentum ? width : 0;
        m_state.assign(size_t(rows) * size_t(m_stride), 0.0f);
    }

    void beginStep(double learningRate) { m_scale.advance(m_kind, learningRate); }

    void prefetch(Eigen::Index row) const
    {
        if (m_stride > 0)
            prefetchRow(m_state.data() + size_t(row) * size_t(m_stride), m_stride);
    }

    template<int W>
    void applyRow(Eigen::Index row, float *parameters, const float *gradient)
    {
        float *state = m_stride > 0 ? m_state.data() + size_t(row) * size_t(m_stride) : nullptr;
        float *second = m_kind == OptimizerKind::Adam ? state + m_width : nullptr;
        applyRowRule<W>(m_kind, m_scale, m_momentum, m_width, parameters, gradient, state, second);
    }

private:
    OptimizerKind m_kind = OptimizerKind::GradientDescent;
    Eigen::Index m_width = 0;
    Eigen::Index m_stride = 0;        // floats of state per row: 0, width (momentum) or 2·width (Adam)
    float m_momentum = 0.9f;
    std::vector<float> m_state;       // rows × stride: [velocity] or [first moment | second moment]
    StepScale m_scale;
};

} // namespace

struct FactorModel::RowStatePair
{
    RowStates users;
    RowStates items;
};

struct FactorModel::Workspace
{
    RowGradient users;
    RowGradient items;
    std::vector<int> userSlot, itemSlot, negativeSlot;   // per example
    RowMajorMatrixXf features;   // fᵢ of the touched items, slots × d
    RowMajorMatrixXf vectors;    // [vᵢ | b̃ᵢ] = [qᵢ | bᵢ] + W̃ fᵢ of the touched items, slots × (k + 1)
    RowMajorMatrixXf w;          // ∂L/∂W
    float mu = 0;                // ∂L/∂μ
    RowMajorMatrixXf featureGradient;   // ∂L/∂fᵢ of the touched items (learned weights only)
    std::vector<double> weights;        // ∂L/∂αₖ (learned weights only)
};

FactorModel::FactorModel(const Dataset &dataset, const std::vector<int> &train, FactorVariant variant,
                         std::shared_ptr<const ContentFeatures> content, const RecommenderTraining &training)
    : m_variant(variant)
    , m_training(training)
    , m_random(training.seed)
    , m_work(std::make_unique<Workspace>())
{
    m_training.factors = std::max(1, training.factors);
    m_training.negatives = std::max(1, training.negatives);
    const int k = m_training.factors;
    if (hasContent()) {
        FL_CHECK(content && content->fused.rows() == dataset.itemCount(),
                 "content features with one row per item of the dataset");
        m_content = std::move(content);
        m_features = m_content->fused;
        if (m_training.learnWeights && !m_content->parts.empty()
            && m_content->partWeights.size() == m_content->parts.size()) {
            m_learned = LearnedFusionWeights(m_content->partWeights, m_training.optimizer, m_training.momentum);
            for (const Eigen::MatrixXf &part : m_content->parts)
                m_parts.emplace_back(part);
            refreshFeatures();
            m_bestLearned = m_learned;
        }
    }
    const std::vector<int> counts = itemInteractionCounts(dataset, train);

    m_parameters.users = RowMajorMatrixXf::Zero(dataset.userCount(), k + 1);
    m_parameters.items = RowMajorMatrixXf::Zero(dataset.itemCount(), k + 1);
    for (Eigen::Index u = 0; u < m_parameters.users.rows(); ++u) {
        for (int c = 0; c < k; ++c)
            m_parameters.users(u, c) = kInitialScale * float(m_random.normal());
    }
    if (m_variant != FactorVariant::ContentOnly) {
        for (Eigen::Index i = 0; i < m_parameters.items.rows(); ++i) {
            if (counts[size_t(i)] == 0)
                continue;   // cold: qᵢ stays 0
            for (int c = 0; c < k; ++c)
                m_parameters.items(i, c) = kInitialScale * float(m_random.normal());
        }
    }
    if (hasContent()) {
        const Eigen::Index d = m_features.cols();
        m_parameters.w = RowMajorMatrixXf::Zero(k + 1, d);   // the last row, βᵀ, starts at 0 like the biases
        const float scale = kInitialScale / std::sqrt(float(std::max<Eigen::Index>(1, d)));
        for (Eigen::Index j = 0; j < k * d; ++j)
            m_parameters.w.data()[j] = scale * float(m_random.normal());
    }

    m_records.reserve(train.size());
    double ratingSum = 0;
    for (const int index : train) {
        const float rating = float(dataset.rating(index));
        m_records.push_back({dataset.interactionUser[size_t(index)], dataset.interactionItem[size_t(index)], rating});
        ratingSum += rating;
    }
    if (m_training.loss == LossKind::Squared && !train.empty())
        m_parameters.mu = float(ratingSum / double(train.size()));
    if (m_training.loss == LossKind::Bpr) {
        m_seen = UserProfiles::build(dataset, train, false);
        for (size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] > 0)
                m_warmItems.push_back(int(i));
        }
    }

    m_trainCount = (long long)train.size();
    if (m_variant == FactorVariant::Collaborative && m_training.loss == LossKind::Squared
        && m_training.optimizer == OptimizerKind::MiniBatchSgd && m_training.batchSize == 1) {
        m_sgd = std::make_unique<FactorSgd>(m_records, dataset.userCount(), dataset.itemCount(), k, m_random);
        m_records = {};
    }

    m_rowStates = std::make_unique<RowStatePair>();
    m_rowStates->users = RowStates(m_training.optimizer, m_parameters.users.rows(), k + 1, m_training.momentum);
    m_rowStates->items = RowStates(m_training.optimizer, m_parameters.items.rows(), k + 1, m_training.momentum);
    m_wUpdater = RowSparseUpdater(m_training.optimizer, m_parameters.w.rows(), m_parameters.w.cols(), m_training.momentum);
    m_muUpdater = RowSparseUpdater(m_training.optimizer, 1, 1, m_training.momentum);
    m_best = m_parameters;
}

FactorModel::FactorModel(const FactorModel &other, ScoringCopy)
    : m_variant(other.m_variant)
    , m_training(other.m_training)
    , m_content(other.m_content)
    , m_features(other.m_features)
    , m_parameters(other.m_parameters)
    , m_learned(other.m_learned)
    , m_random(other.m_training.seed)
    , m_work(std::make_unique<Workspace>())
{
}

FactorModel::~FactorModel() = default;

std::unique_ptr<Recommender> FactorModel::clone() const
{
    return std::unique_ptr<Recommender>(new FactorModel(*this, ScoringCopy{}));
}

QString FactorModel::name() const
{
    const QString loss = m_training.loss == LossKind::Bpr ? FactorModel::tr("BPR") : FactorModel::tr("squared loss");
    switch (m_variant) {
    case FactorVariant::Collaborative: return FactorModel::tr("Matrix factorisation (%1)").arg(loss);
    case FactorVariant::Hybrid: return FactorModel::tr("Hybrid factorisation with content (%1)").arg(loss);
    case FactorVariant::ContentOnly: return FactorModel::tr("Content factorisation (%1)").arg(loss);
    }
    return QString();
}

double FactorModel::globalPenalty() const
{
    return 0.5 * m_training.l2 * (double(m_parameters.w.squaredNorm()) + double(m_parameters.mu) * m_parameters.mu);
}

double FactorModel::batchGradient(const FactorExample *examples, int count, Workspace &work) const
{
    // The per-example arithmetic on fixed-size vectors for the usual factor counts (unrolled, no
    // per-call size checks), on dynamic ones otherwise; the same expressions either way.
    switch (m_training.factors) {
    case 8: return batchGradientFor<8>(examples, count, work);
    case 16: return batchGradientFor<16>(examples, count, work);
    case 32: return batchGradientFor<32>(examples, count, work);
    case 64: return batchGradientFor<64>(examples, count, work);
    default: return batchGradientFor<Eigen::Dynamic>(examples, count, work);
    }
}

template<int K>
double FactorModel::batchGradientFor(const FactorExample *examples, int count, Workspace &work) const
{
    constexpr int W = K == Eigen::Dynamic ? Eigen::Dynamic : K + 1;
    using Factors = Eigen::Map<const Eigen::Matrix<float, K, 1>>;
    using FactorsOut = Eigen::Map<Eigen::Matrix<float, K, 1>>;
    using Row = Eigen::Map<const Eigen::Matrix<float, W, 1>>;
    using RowOut = Eigen::Map<Eigen::Matrix<float, W, 1>>;

    const int k = m_training.factors;
    const Eigen::Index width = k + 1;
    const float lambda = float(m_training.l2);
    const FactorParameters &theta = m_parameters;
    const bool bpr = m_training.loss == LossKind::Bpr;
    work.users.begin(theta.users.rows(), width, count);
    work.items.begin(theta.items.rows(), width, bpr ? 2 * Eigen::Index(count) : Eigen::Index(count));
    work.userSlot.resize(size_t(count));
    work.itemSlot.resize(size_t(count));
    work.negativeSlot.resize(size_t(count));
    const float *userRows = theta.users.data();
    const float *itemRows = theta.items.data();

    // Pass 1: which rows the batch touches. The slot table entries and the parameter rows of the
    // examples ahead are requested from memory meanwhile, so that the random reads overlap.
    for (int e = 0; e < count; ++e) {
        if (e + kPrefetchDistance < count) {
            const FactorExample &next = examples[e + kPrefetchDistance];
            __builtin_prefetch(&work.users.slotOf[size_t(next.user)]);
            __builtin_prefetch(&work.items.slotOf[size_t(next.item)]);
            prefetchRow(userRows + size_t(next.user) * size_t(width), width);
            prefetchRow(itemRows + size_t(next.item) * size_t(width), width);
            if (next.negative >= 0) {
                __builtin_prefetch(&work.items.slotOf[size_t(next.negative)]);
                prefetchRow(itemRows + size_t(next.negative) * size_t(width), width);
            }
        }
        const FactorExample &x = examples[e];
        work.userSlot[size_t(e)] = work.users.touch(x.user);
        work.itemSlot[size_t(e)] = work.items.touch(x.item);
        work.negativeSlot[size_t(e)] = x.negative >= 0 ? work.items.touch(x.negative) : -1;
    }
    const Eigen::Index touched = work.items.size();

    // The touched items' effective rows [qᵢ + W fᵢ | bᵢ + βᵀfᵢ] as one product, or [qᵢ | bᵢ] read in place.
    const bool content = hasContent();
    const bool learning = learnsWeights();
    if (content) {
        work.features.resize(touched, m_features.cols());
        if (learning) {
            // fᵢ at the weights as they stand now (they move after every batch).
            for (Eigen::Index s = 0; s < touched; ++s) {
                const int item = work.items.rows[size_t(s)];
                work.features.row(s).setZero();
                for (size_t part = 0; part < m_parts.size(); ++part)
                    work.features.row(s) += float(partScale(part)) * m_parts[part].row(item);
            }
        } else {
            for (Eigen::Index s = 0; s < touched; ++s)
                work.features.row(s) = m_features.row(work.items.rows[size_t(s)]);
        }
        work.vectors.noalias() = work.features * theta.w.transpose();
        for (Eigen::Index s = 0; s < touched; ++s)
            work.vectors.row(s) += theta.items.row(work.items.rows[size_t(s)]);   // qᵢ ≡ 0 for ContentOnly
    }
    const float *vectors = work.vectors.data();
    auto itemVector = [&](int slot, int item) -> const float * {
        return content ? vectors + size_t(slot) * size_t(width) : itemRows + size_t(item) * size_t(width);
    };

    // Pass 2: the data terms.
    double loss = 0;
    double muGradient = 0;
    for (int e = 0; e < count; ++e) {
        const FactorExample &x = examples[e];
        const float *rowU = userRows + size_t(x.user) * size_t(width);
        const float *rowI = itemVector(work.itemSlot[size_t(e)], x.item);
        float *gradU = work.users.at(work.userSlot[size_t(e)]);
        float *gradI = work.items.at(work.itemSlot[size_t(e)]);
        const Factors p(rowU, k);
        const Factors vi(rowI, k);
        FactorsOut gp(gradU, k);
        FactorsOut gvi(gradI, k);
        if (!bpr) {
            const float error = theta.mu + rowU[k] + rowI[k] + p.dot(vi) - x.rating;
            loss += 0.5 * double(error) * error;
            gp += error * vi;
            gradU[k] += error;
            gvi += error * p;
            gradI[k] += error;
            muGradient += error;
        } else {
            const int ns = work.negativeSlot[size_t(e)];
            const float *rowJ = itemVector(ns, x.negative);
            float *gradJ = work.items.at(ns);
            const Factors vj(rowJ, k);
            FactorsOut gvj(gradJ, k);
            const float difference = rowI[k] - rowJ[k] + p.dot(vi - vj);
            loss += softplusOfNegative(difference);
            const float g = -1.0f / (1.0f + std::exp(difference));   // d(−ln σ(x))/dx = −σ(−x)
            gp += g * (vi - vj);
            gvi += g * p;
            gvj -= g * p;
            gradI[k] += g;
            gradJ[k] -= g;
        }
    }

    // [W; βᵀ]'s gradient collects each item's ∂/∂[vᵢ | b̃ᵢ]: Σᵢ (∂/∂[vᵢ | b̃ᵢ]) fᵢᵀ. With qᵢ ≡ 0 nothing
    // else uses the ∂/∂vᵢ part.
    if (content) {
        work.w.noalias() = work.items.matrix().transpose() * work.features;
        if (learning) {
            // ∂L/∂fᵢ = W̃ᵀ ∂L/∂[vᵢ | b̃ᵢ], and fᵢ = Σₖ (αₖ/αₖ⁰) fᵢ⁽ᵏ⁾: ∂L/∂αₖ = Σᵢ ∂L/∂fᵢ · fᵢ⁽ᵏ⁾ / αₖ⁰.
            work.featureGradient.noalias() = work.items.matrix() * theta.w;
            work.weights.assign(m_parts.size(), 0.0);
            for (size_t part = 0; part < m_parts.size(); ++part) {
                double sum = 0;
                for (Eigen::Index s = 0; s < touched; ++s)
                    sum += double(work.featureGradient.row(s).dot(m_parts[part].row(work.items.rows[size_t(s)])));
                work.weights[part] = sum / m_content->partWeights[part] / double(std::max(1, count));
            }
        }
        if (m_variant == FactorVariant::ContentOnly)
            work.items.matrix().leftCols(k).setZero();
    }

    // The per-occurrence L2 terms of the touched rows, then the mean over the examples.
    const float scale = 1.0f / float(std::max(1, count));
    auto penalise = [&](RowGradient &g, const float *rows) {
        for (Eigen::Index s = 0; s < g.size(); ++s) {
            const Row row(rows + size_t(g.rows[size_t(s)]) * size_t(width), width);
            RowOut gradient(g.at(s), width);
            const float c = g.counts[size_t(s)];
            loss += 0.5 * double(lambda) * c * double(row.squaredNorm());
            gradient = scale * (gradient + lambda * c * row);
        }
    };
    penalise(work.users, userRows);
    penalise(work.items, itemRows);
    if (content)
        work.w = scale * work.w + lambda * theta.w;
    work.mu = float(muGradient) * scale + lambda * theta.mu;
    return loss;
}

void FactorModel::applyUpdates(const Workspace &work, double learningRate)
{
    switch (m_training.factors) {
    case 8: applyUpdatesFor<9>(work, learningRate); break;
    case 16: applyUpdatesFor<17>(work, learningRate); break;
    case 32: applyUpdatesFor<33>(work, learningRate); break;
    case 64: applyUpdatesFor<65>(work, learningRate); break;
    default: applyUpdatesFor<Eigen::Dynamic>(work, learningRate); break;
    }
}

template<int W>
void FactorModel::applyUpdatesFor(const Workspace &work, double learningRate)
{
    auto update = [](RowStates &states, RowMajorMatrixXf &parameters, const RowGradient &gradient) {
        for (Eigen::Index s = 0; s < gradient.size(); ++s) {
            if (s + kPrefetchDistance < gradient.size())
                states.prefetch(gradient.rows[size_t(s + kPrefetchDistance)]);
            const int row = gradient.rows[size_t(s)];
            states.applyRow<W>(row, parameters.row(row).data(), gradient.at(s));
        }
    };
    m_rowStates->users.beginStep(learningRate);
    update(m_rowStates->users, m_parameters.users, work.users);
    m_rowStates->items.beginStep(learningRate);
    update(m_rowStates->items, m_parameters.items, work.items);
    if (hasContent()) {
        m_wUpdater.beginStep(learningRate);
        for (Eigen::Index r = 0; r < m_parameters.w.rows(); ++r)
            m_wUpdater.applyRow(r, m_parameters.w.row(r).data(), work.w.row(r).data());
    }
    if (m_training.loss == LossKind::Squared) {
        m_muUpdater.beginStep(learningRate);
        m_muUpdater.applyRow(0, &m_parameters.mu, &work.mu);
    }
}

void FactorModel::fillExamples(int first, int last, std::vector<FactorExample> &out)
{
    out.clear();
    if (m_training.loss == LossKind::Squared) {
        for (int r = first; r < last; ++r) {
            const FactorRating &x = m_records[size_t(r)];
            out.push_back({x.user, x.item, -1, x.rating});
        }
        return;
    }
    for (int r = first; r < last; ++r) {
        const FactorRating &x = m_records[size_t(r)];
        for (int n = 0; n < m_training.negatives; ++n) {
            // Uniform among the warm items the user has not interacted with (rejection sampling; a user
            // who has them all gives no triple).
            for (int attempt = 0; attempt < kNegativeAttempts; ++attempt) {
                const int j = m_warmItems[size_t(m_random.below(m_warmItems.size()))];
                if (!m_seen.contains(x.user, j)) {
                    out.push_back({x.user, x.item, j, x.rating});
                    break;
                }
            }
        }
    }
}

double FactorModel::trainEpoch(double learningRate)
{
    invalidateScoring();
    if (m_trainCount == 0)
        return 0.0;
    if (m_sgd) {
        if (!m_sgdLoaded)
            m_sgd->load(m_parameters);
        m_sgdLoaded = true;
        const double total = m_sgd->epoch(m_parameters.mu, float(learningRate), float(m_training.l2), m_random,
                                          workerCount(m_threads, FactorSgd::kLanes));
        m_sgd->store(m_parameters);
        return total / double(m_trainCount);
    }
    const int n = int(m_records.size());
    const bool fullBatch = m_training.optimizer == OptimizerKind::GradientDescent;
    const int batch = fullBatch ? n : std::max(1, m_training.batchSize);
    if (!fullBatch)
        shuffleWithPrefetch(m_records, m_random);
    double total = 0;
    double examples = 0;
    for (int first = 0; first < n; first += batch) {
        fillExamples(first, std::min(n, first + batch), m_batch);
        const int count = int(m_batch.size());
        if (count == 0)
            continue;
        total += batchGradient(m_batch.data(), count, *m_work) + count * globalPenalty();
        examples += count;
        applyUpdates(*m_work, learningRate);
        if (learnsWeights())
            m_learned.step(m_work->weights, learningRate);
    }
    if (learnsWeights())
        refreshFeatures();
    return examples > 0 ? total / examples : 0.0;
}

double FactorModel::partScale(size_t part) const
{
    return m_learned.weights()[part] / m_content->partWeights[part];
}

void FactorModel::refreshFeatures()
{
    m_features.setZero(m_parts.front().rows(), m_parts.front().cols());
    for (size_t part = 0; part < m_parts.size(); ++part)
        m_features += float(partScale(part)) * m_parts[part];
    invalidateScoring();
}

void FactorModel::setLearnedTheta(const Eigen::VectorXd &theta)
{
    if (!learnsWeights() || theta.size() != m_learned.size())
        return;
    m_learned.setTheta(theta);
    refreshFeatures();
}

double FactorModel::objective(const std::vector<FactorExample> &examples, FactorParameters *gradient,
                              std::vector<double> *weightGradient) const
{
    Workspace work;
    const int count = int(examples.size());
    const double loss = batchGradient(examples.data(), count, work) / std::max(1, count) + globalPenalty();
    if (weightGradient)
        *weightGradient = work.weights;
    if (gradient) {
        gradient->mu = work.mu;
        gradient->users = RowMajorMatrixXf::Zero(m_parameters.users.rows(), m_parameters.users.cols());
        gradient->items = RowMajorMatrixXf::Zero(m_parameters.items.rows(), m_parameters.items.cols());
        for (Eigen::Index s = 0; s < work.users.size(); ++s)
            gradient->users.row(work.users.rows[size_t(s)]) = work.users.matrix().row(s);
        for (Eigen::Index s = 0; s < work.items.size(); ++s)
            gradient->items.row(work.items.rows[size_t(s)]) = work.items.matrix().row(s);
        gradient->w = hasContent() ? work.w : RowMajorMatrixXf();
    }
    return loss;
}

void FactorModel::saveBest()
{
    m_best = m_parameters;
    m_bestLearned = m_learned;
}

void FactorModel::restoreBest()
{
    m_parameters = m_best;
    if (learnsWeights()) {
        m_learned = m_bestLearned;
        refreshFeatures();
    }
    m_sgdLoaded = false;
    invalidateScoring();
}

void FactorModel::setParameters(const FactorParameters &parameters)
{
    FL_CHECK(parameters.users.rows() == m_parameters.users.rows() && parameters.users.cols() == m_parameters.users.cols()
                 && parameters.items.rows() == m_parameters.items.rows() && parameters.items.cols() == m_parameters.items.cols()
                 && parameters.w.rows() == m_parameters.w.rows() && parameters.w.cols() == m_parameters.w.cols(),
             "parameters of the shape the model was made with");
    m_parameters = parameters;
    m_sgdLoaded = false;
    invalidateScoring();
}

void FactorModel::invalidateScoring()
{
    const std::lock_guard<std::mutex> lock(m_scoringMutex);
    m_scoringReady.store(false, std::memory_order_release);
}

void FactorModel::prepareForScoring() const
{
    const std::lock_guard<std::mutex> lock(m_scoringMutex);
    if (m_scoringReady.load(std::memory_order_acquire))
        return;
    const int k = m_training.factors;
    m_itemVectors = m_parameters.items;
    if (hasContent())
        m_itemVectors.noalias() += m_features * m_parameters.w.transpose();
    m_itemBias = m_itemVectors.col(k).array() + m_parameters.mu;
    m_scoringReady.store(true, std::memory_order_release);
}

void FactorModel::scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const
{
    if (!m_scoringReady.load(std::memory_order_acquire))
        prepareForScoring();
    const int k = m_training.factors;
    const auto row = m_parameters.users.row(user);
    scores.noalias() = m_itemVectors.leftCols(k) * row.head(k).transpose();
    scores.array() += m_itemBias.array() + row(k);
}

Eigen::VectorXf FactorModel::itemRow(int item) const
{
    Eigen::VectorXf v = m_parameters.items.row(item).transpose();
    if (hasContent())
        v.noalias() += m_parameters.w * m_features.row(item).transpose();
    return v;
}

double FactorModel::predict(int user, int item) const
{
    const int k = m_training.factors;
    const auto p = m_parameters.users.row(user);
    const Eigen::VectorXf v = itemRow(item);
    return double(m_parameters.mu) + p(k) + v(k) + p.head(k).dot(v.head(k).transpose());
}

std::vector<ScoreContribution> FactorModel::explain(int user, int item) const
{
    const int k = m_training.factors;
    const auto p = m_parameters.users.row(user).head(k);
    std::vector<ScoreContribution> parts;
    parts.push_back({QStringLiteral("bias"),
                     double(m_parameters.mu) + m_parameters.users(user, k) + m_parameters.items(item, k)});
    if (m_variant != FactorVariant::ContentOnly)
        parts.push_back({QStringLiteral("collaborative"), p.dot(m_parameters.items.row(item).head(k))});
    if (!hasContent())
        return parts;
    // [pᵤ, 1]ᵀ[W; βᵀ] = pᵤᵀW + βᵀ, so that part m is pᵤᵀW fᵢ⁽ᵐ⁾ + βᵀfᵢ⁽ᵐ⁾.
    const Eigen::RowVectorXf z = p * m_parameters.w.topRows(k) + m_parameters.w.row(k);
    if (m_content->parts.empty()) {
        parts.push_back({QStringLiteral("content"), z.dot(m_features.row(item))});
        return parts;
    }
    for (size_t m = 0; m < m_content->parts.size(); ++m)
        parts.push_back({m_content->partNames.value(int(m)),
                         (learnsWeights() ? partScale(m) : 1.0) * z.dot(m_content->parts[m].row(item))});
    return parts;
}

} // namespace fl
