#include "engine/models/LinearRegression.h"

#include "engine/core/Worker.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::LinearRegression)
};

} // namespace

RegressionMetrics evaluateRegression(const FusionPlan &plan, const std::vector<double> &weights,
                                     const Eigen::VectorXd &w, const RowSet &rows)
{
    RegressionMetrics m;
    if (rows.size() == 0)
        return m;
    const Eigen::VectorXd itemPrediction =
        plan.multiply(weights, w.head(plan.width)).array() + w(plan.width);
    double squares = 0, absolute = 0;
    for (int r = 0; r < rows.size(); ++r) {
        const double e = itemPrediction(rows.items[size_t(r)]) - rows.targets(r);
        squares += e * e;
        absolute += std::abs(e);
    }
    m.rmse = std::sqrt(squares / rows.size());
    m.mae = absolute / rows.size();
    return m;
}

QString divergenceMessage(int epoch, double learningRate, double loss, double initialLoss, double maxStableLearningRate,
                          const QString &weights)
{
    const QString reached = std::isfinite(loss) ? Tr::tr("grew to %1").arg(loss, 0, 'g', 3)
                                                : Tr::tr("became %1").arg(std::isnan(loss) ? Tr::tr("NaN") : Tr::tr("infinite"));
    const QString start = Tr::tr("Training diverged at epoch %1: the training loss %2 (it started at %3).")
                              .arg(epoch)
                              .arg(reached)
                              .arg(initialLoss, 0, 'g', 4);
    // Below this no η trains in any number of epochs a person would wait for: the features are at fault.
    constexpr double kUsableLearningRate = 1e-8;
    if (std::isfinite(maxStableLearningRate) && maxStableLearningRate < kUsableLearningRate && !weights.isEmpty()) {
        return start + QLatin1Char(' ')
            + Tr::tr("The fused features are so large that gradient descent is stable only for η < %1: lower the fusion "
                     "weights (%2).")
                  .arg(maxStableLearningRate, 0, 'g', 3)
                  .arg(weights);
    }
    if (std::isfinite(maxStableLearningRate) && maxStableLearningRate > 0 && maxStableLearningRate < learningRate) {
        return start + QLatin1Char(' ')
            + Tr::tr("The learning rate η = %1 is too large for these features: gradient descent is stable only for "
                     "η < %2; try η = %3.")
                  .arg(learningRate, 0, 'g', 4)
                  .arg(maxStableLearningRate, 0, 'g', 3)
                  .arg(0.5 * maxStableLearningRate, 0, 'g', 2);
    }
    return start + QLatin1Char(' ')
        + Tr::tr("The learning rate η = %1 is too large for these features; try η = %2 or smaller.")
              .arg(learningRate, 0, 'g', 4)
              .arg(learningRate / 10.0, 0, 'g', 4);
}

LinearRegressionTrainer::LinearRegressionTrainer(std::shared_ptr<const TrainingProblem> problem,
                                                 const TrainingConfig &config)
    : m_problem(std::move(problem))
    , m_config(config)
    , m_w(Eigen::VectorXd::Zero(m_problem->dimension()))
    , m_train(m_problem->train)
    , m_validation(m_problem->validation)
    , m_random(config.seed)
{
    if (m_problem->learnWeights && m_problem->trainStatistics && m_problem->validationStatistics
        && !learnedWeightsProblem(m_problem->plan->op, m_problem->weights)) {
        m_learned = LearnedFusionWeights(m_problem->weights, m_config.optimizer);
        reassemble();   // a weight the user set to 0 starts just above it
        m_record.fusionWeights = m_learned.weights();
    }
    m_initialLoss = m_train.loss(m_w);
    m_record.trainLoss = m_initialLoss;
    m_record.validationLoss = m_validation.loss(m_w);
    m_record.learningRate = m_config.learningRate;
    if (m_config.optimizer != OptimizerKind::GradientDescent) {
        m_updater = ParameterUpdater(m_config.optimizer, m_w.size());
        if (m_learned.isEmpty()) {
            m_features = m_problem->plan->fuse(m_problem->weights);
        } else {
            for (const Eigen::MatrixXd &block : m_problem->plan->blocks)
                m_blockRows.emplace_back(block);
        }
        m_order.resize(size_t(m_problem->trainRows->size()));
        for (size_t i = 0; i < m_order.size(); ++i)
            m_order[i] = int(i);
    }
}

void LinearRegressionTrainer::sgdEpoch()
{
    const RowSet &rows = *m_problem->trainRows;
    const Eigen::Index d = m_features.cols();
    const int batch = std::max(1, m_config.batchSize);
    const double eta = m_config.learningRate;
    m_random.shuffle(m_order.begin(), m_order.end());
    Eigen::VectorXd gradient(d + 1);
    for (size_t begin = 0; begin < m_order.size(); begin += size_t(batch)) {
        const size_t end = std::min(m_order.size(), begin + size_t(batch));
        auto grad = gradient.head(d);
        grad.setZero();
        double biasGrad = 0;
        const double bias = m_w(d);
        const auto w = m_w.head(d);
        for (size_t i = begin; i < end; ++i) {
            // Rows come in shuffled order: ask for one a few steps ahead so the memory latency overlaps.
            if (i + 8 < m_order.size()) {
                const double *ahead = m_features.row(rows.items[size_t(m_order[i + 8])]).data();
                for (Eigen::Index c = 0; c < d; c += 8)
                    __builtin_prefetch(ahead + c);
            }
            const int r = m_order[i];
            const auto x = m_features.row(rows.items[size_t(r)]);
            const double e = x.dot(w) + bias - rows.targets(r);
            grad.noalias() += e * x.transpose();
            biasGrad += e;
        }
        const double scale = 1.0 / double(end - begin);
        grad *= scale;
        if (m_config.l2 > 0)
            grad += m_config.l2 * m_w.head(d);
        gradient(d) = biasGrad * scale;
        m_updater.apply(m_w, gradient, eta);
    }
}

void LinearRegressionTrainer::sgdEpochLearningWeights()
{
    const RowSet &rows = *m_problem->trainRows;
    const FusionPlan &plan = *m_problem->plan;
    const size_t blocks = plan.blocks.size();
    const Eigen::Index d = plan.width;
    const int batch = std::max(1, m_config.batchSize);
    const double eta = m_config.learningRate;
    m_random.shuffle(m_order.begin(), m_order.end());
    Eigen::VectorXd gradient(d + 1);
    std::vector<double> weightGradient(blocks);
    std::vector<double> projection(blocks);   // Bₖ's row · wₖ, what αₖ multiplies
    for (size_t begin = 0; begin < m_order.size(); begin += size_t(batch)) {
        const size_t end = std::min(m_order.size(), begin + size_t(batch));
        const std::vector<double> &c = m_learned.weights();
        gradient.setZero();
        std::fill(weightGradient.begin(), weightGradient.end(), 0.0);
        for (size_t i = begin; i < end; ++i) {
            const int r = m_order[i];
            const int item = rows.items[size_t(r)];
            double prediction = m_w(d);
            for (size_t k = 0; k < blocks; ++k) {
                projection[k] = m_blockRows[k].row(item).dot(m_w.segment(plan.offsets[k], m_blockRows[k].cols()));
                prediction += c[k] * projection[k];
            }
            const double e = prediction - rows.targets(r);
            for (size_t k = 0; k < blocks; ++k) {
                gradient.segment(plan.offsets[k], m_blockRows[k].cols()) += (e * c[k]) * m_blockRows[k].row(item).transpose();
                weightGradient[k] += e * projection[k];
            }
            gradient(d) += e;
        }
        const double scale = 1.0 / double(end - begin);
        gradient *= scale;
        if (m_config.l2 > 0)
            gradient.head(d) += m_config.l2 * m_w.head(d);
        for (double &g : weightGradient)
            g *= scale;
        m_updater.apply(m_w, gradient, eta);
        m_learned.step(weightGradient, eta);
    }
}

void LinearRegressionTrainer::reassemble()
{
    const FusionPlan &plan = *m_problem->plan;
    m_train = m_problem->trainStatistics->assemble(plan, m_learned.weights());
    m_validation = m_problem->validationStatistics->assemble(plan, m_learned.weights());
    m_maxStableRate = -1;
}

const std::vector<double> &LinearRegressionTrainer::fusionWeights() const
{
    return m_learned.isEmpty() ? m_problem->weights : m_learned.weights();
}

double LinearRegressionTrainer::objective(double loss) const
{
    // From the loss already computed: the L2 term is O(width), the loss O(width²).
    return m_config.l2 > 0 ? loss + 0.5 * m_config.l2 * m_w.head(m_w.size() - 1).squaredNorm() : loss;
}

void LinearRegressionTrainer::keepHistory(int steps)
{
    steps = std::max(0, steps);
    if (steps == int(m_history.size()))
        return;
    // Older states than the new limit allows go; the newest are kept, oldest first, from slot 0.
    std::vector<Saved> kept;
    const int keep = std::min(m_historySize, steps);
    kept.reserve(size_t(steps));
    for (int i = m_historySize - keep; i < m_historySize; ++i) {
        const int slot = (m_historyNext - m_historySize + i + int(m_history.size())) % int(m_history.size());
        kept.push_back(std::move(m_history[size_t(slot)]));
    }
    kept.resize(size_t(steps));
    m_history = std::move(kept);
    m_historySize = keep;
    m_historyNext = steps > 0 ? keep % steps : 0;
}

EpochRecord LinearRegressionTrainer::step()
{
    EpochRecord record;
    record.learningRate = m_config.learningRate;
    if (m_divergence) {
        record.epoch = m_epoch;
        record.trainLoss = record.validationLoss = std::numeric_limits<double>::quiet_NaN();
        return record;
    }
    if (!m_history.empty()) {
        // Copy-assignment into the slot's own storage: no allocation once the ring is warm.
        Saved &slot = m_history[size_t(m_historyNext)];
        slot.w = m_w;
        slot.updater = m_updater;
        slot.random = m_random;
        slot.epoch = m_epoch;
        slot.record = m_record;
        slot.step = m_step;
        slot.divergence = m_divergence;
        slot.learned = m_learned;
        m_historyNext = (m_historyNext + 1) % int(m_history.size());
        m_historySize = std::min(m_historySize + 1, int(m_history.size()));
    }

    StepReport report;
    report.optimizer = m_config.optimizer;
    report.learningRate = m_config.learningRate;
    report.l2 = m_config.l2;
    report.lossBefore = m_record.trainLoss;
    report.objectiveBefore = objective(m_record.trainLoss);
    if (m_config.optimizer == OptimizerKind::GradientDescent) {
        const Eigen::VectorXd gradient = m_train.gradient(m_w, m_config.l2);
        if (!m_learned.isEmpty()) {
            // Both gradients at the same point, then both steps.
            m_learned.step(m_problem->trainStatistics->weightGradient(*m_problem->plan, m_learned.weights(), m_w),
                           m_config.learningRate);
        }
        m_w -= m_config.learningRate * gradient;
        report.gradientNorm = gradient.norm();
        report.stepLength = m_config.learningRate * report.gradientNorm;
        report.updates = 1;
    } else {
        // The honest facts of a mini-batch epoch: the full-batch gradient where it began (O(width²),
        // small beside the pass over the rows) and how far its many updates moved W in all.
        report.gradientNorm = m_train.gradient(m_w, m_config.l2).norm();
        const Eigen::VectorXd before = m_w;
        const long long updates = m_updater.steps();
        if (m_learned.isEmpty())
            sgdEpoch();
        else
            sgdEpochLearningWeights();
        report.stepLength = (m_w - before).norm();
        report.updates = int(m_updater.steps() - updates);
        report.batchSize = std::max(1, m_config.batchSize);
    }
    if (!m_learned.isEmpty()) {
        reassemble();
        record.fusionWeights = m_learned.weights();
    }
    ++m_epoch;
    record.epoch = m_epoch;
    record.trainLoss = m_train.loss(m_w);
    record.validationLoss = m_validation.loss(m_w);
    const bool finite = std::isfinite(record.trainLoss) && m_w.allFinite();
    if (!finite || record.trainLoss > 1e6 * std::max(m_initialLoss, 1e-12)) {
        // The weights named, in case they rather than η are at fault.
        QStringList weights;
        const FusionPlan &plan = *m_problem->plan;
        for (size_t k = 0; k < fusionWeights().size(); ++k) {
            const int index = k < plan.modalityIndices.size() ? plan.modalityIndices[k] : int(k);
            weights << QStringLiteral("%1 = %2").arg(fusionWeightSymbol(index)).arg(fusionWeights()[k], 0, 'g', 3);
        }
        m_divergence = divergenceMessage(m_epoch, m_config.learningRate,
                                         finite ? record.trainLoss : std::numeric_limits<double>::quiet_NaN(), m_initialLoss,
                                         m_problem->train.maxStableLearningRate(m_config.l2), weights.join(QStringLiteral(", ")));
    }
    report.epoch = m_epoch;
    report.lossAfter = record.trainLoss;
    report.objectiveAfter = objective(record.trainLoss);
    m_record = record;
    m_step = report;
    return record;
}

bool LinearRegressionTrainer::stepBack()
{
    if (m_historySize == 0)
        return false;
    const int slotIndex = (m_historyNext - 1 + int(m_history.size())) % int(m_history.size());
    Saved &slot = m_history[size_t(slotIndex)];

    StepReport report;
    report.kind = StepReport::Kind::Back;
    report.fromEpoch = m_epoch;
    report.epoch = slot.epoch;
    report.optimizer = m_config.optimizer;
    report.learningRate = m_config.learningRate;
    report.l2 = m_config.l2;
    report.lossBefore = m_record.trainLoss;
    report.objectiveBefore = objective(m_record.trainLoss);

    if (m_config.optimizer != OptimizerKind::GradientDescent) {
        // The epoch began with m_order shuffled in place by the saved generator. The same generator
        // shuffling the identity gives the permutation p it applied (shuffled[k] = earlier[p[k]]),
        // whatever the contents: invert it.
        std::vector<int> permutation(m_order.size());
        for (size_t i = 0; i < permutation.size(); ++i)
            permutation[i] = int(i);
        Random replay = slot.random;
        replay.shuffle(permutation.begin(), permutation.end());
        std::vector<int> earlier(m_order.size());
        for (size_t k = 0; k < permutation.size(); ++k)
            earlier[size_t(permutation[k])] = m_order[k];
        m_order = std::move(earlier);
    }
    m_w = slot.w;
    m_updater = slot.updater;
    m_random = slot.random;
    m_epoch = slot.epoch;
    m_record = slot.record;
    m_divergence = slot.divergence;
    if (!m_learned.isEmpty()) {
        m_learned = slot.learned;
        reassemble();
    }
    m_historyNext = slotIndex;
    --m_historySize;

    report.lossAfter = m_record.trainLoss;
    report.objectiveAfter = objective(m_record.trainLoss);
    m_step = report;
    return true;
}

StepReport LinearRegressionTrainer::lastStep() const
{
    StepReport report = m_step;
    if (m_maxStableRate < 0)
        m_maxStableRate = m_train.maxStableLearningRate(m_config.l2);
    report.maxStableLearningRate = m_maxStableRate;
    report.historyDepth = m_historySize;
    return report;
}

ParameterSnapshot LinearRegressionTrainer::parameterSnapshot() const
{
    ParameterSnapshot snapshot;
    snapshot.epoch = m_epoch;
    snapshot.learningRate = m_config.learningRate;
    snapshot.weights.assign(m_w.data(), m_w.data() + m_w.size());
    const Eigen::VectorXd gradient = m_train.gradient(m_w, m_config.l2);
    snapshot.gradient.assign(gradient.data(), gradient.data() + gradient.size());
    const FusionPlan &plan = *m_problem->plan;
    // Concatenation gives each modality its own columns; sum and product share them all.
    bool separate = plan.blocks.size() > 1;
    for (size_t k = 1; k < plan.blocks.size() && separate; ++k)
        separate = plan.offsets[k] >= plan.offsets[k - 1] + int(plan.blocks[k - 1].cols());
    if (separate || plan.blocks.size() == 1) {
        for (size_t k = 0; k < plan.blocks.size(); ++k) {
            snapshot.groupNames << (k < size_t(plan.modalityNames.size()) ? plan.modalityNames[qsizetype(k)] : QString());
            snapshot.groupOffsets.push_back(plan.offsets[k]);
            snapshot.groupWidths.push_back(int(plan.blocks[k].cols()));
        }
    }
    return snapshot;
}

} // namespace fl
