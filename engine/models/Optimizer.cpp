#include "engine/models/Optimizer.h"

#include <cmath>

namespace fl {

void StepScale::advance(OptimizerKind kind, double learningRate)
{
    ++steps;
    if (kind != OptimizerKind::Adam) {
        stepSize = float(learningRate);
        return;
    }
    const double correction1 = 1 - std::pow(kAdamBeta1, double(steps));
    const double correction2 = 1 - std::pow(kAdamBeta2, double(steps));
    stepSize = float(learningRate * std::sqrt(correction2) / correction1);
    epsilon = float(kAdamEpsilon * std::sqrt(correction2));
}

QString optimizerName(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::GradientDescent: return QStringLiteral("gd");
    case OptimizerKind::MiniBatchSgd: return QStringLiteral("sgd");
    case OptimizerKind::Momentum: return QStringLiteral("momentum");
    case OptimizerKind::Adam: return QStringLiteral("adam");
    }
    return QString();
}

std::optional<OptimizerKind> optimizerFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (OptimizerKind kind : {OptimizerKind::GradientDescent, OptimizerKind::MiniBatchSgd, OptimizerKind::Momentum,
                               OptimizerKind::Adam}) {
        if (n == optimizerName(kind))
            return kind;
    }
    return std::nullopt;
}

ParameterUpdater::ParameterUpdater(OptimizerKind kind, Eigen::Index size, double momentum)
    : m_kind(kind)
    , m_momentum(momentum)
{
    if (kind == OptimizerKind::Momentum || kind == OptimizerKind::Adam)
        m_first = Eigen::VectorXd::Zero(size);
    if (kind == OptimizerKind::Adam)
        m_second = Eigen::VectorXd::Zero(size);
}

void ParameterUpdater::apply(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::Ref<const Eigen::VectorXd> &gradient,
                             double learningRate)
{
    ++m_steps;
    switch (m_kind) {
    case OptimizerKind::GradientDescent:
    case OptimizerKind::MiniBatchSgd:
        parameters -= learningRate * gradient;
        return;
    case OptimizerKind::Momentum:
        m_first = m_momentum * m_first + gradient;
        parameters -= learningRate * m_first;
        return;
    case OptimizerKind::Adam: {
        m_first = kAdamBeta1 * m_first + (1 - kAdamBeta1) * gradient;
        m_second = kAdamBeta2 * m_second + (1 - kAdamBeta2) * gradient.cwiseAbs2();
        const double correction1 = 1 - std::pow(kAdamBeta1, double(m_steps));
        const double correction2 = 1 - std::pow(kAdamBeta2, double(m_steps));
        parameters.array() -= learningRate * (m_first.array() / correction1)
            / ((m_second.array() / correction2).sqrt() + kAdamEpsilon);
        return;
    }
    }
}

RowSparseUpdater::RowSparseUpdater(OptimizerKind kind, Eigen::Index rows, Eigen::Index width, double momentum)
    : m_kind(kind)
    , m_width(width)
    , m_momentum(float(momentum))
{
    if (kind == OptimizerKind::Momentum || kind == OptimizerKind::Adam)
        m_first = RowMajorMatrixXf::Zero(rows, width);
    if (kind == OptimizerKind::Adam)
        m_second = RowMajorMatrixXf::Zero(rows, width);
}

void RowSparseUpdater::beginStep(double learningRate)
{
    m_scale.advance(m_kind, learningRate);
}

void RowSparseUpdater::prefetch(Eigen::Index row) const
{
    for (const RowMajorMatrixXf *state : {&m_first, &m_second}) {
        if (state->rows() > row) {
            const float *p = state->row(row).data();
            __builtin_prefetch(p);
            __builtin_prefetch(p + m_width - 1);
        }
    }
}

void RowSparseUpdater::applyRow(Eigen::Index row, float *parameters, const float *gradient)
{
    // Row-major state: row r's floats are contiguous.
    float *first = m_first.size() > 0 ? m_first.data() + row * m_width : nullptr;
    float *second = m_second.size() > 0 ? m_second.data() + row * m_width : nullptr;
    applyRowRule(m_kind, m_scale, m_momentum, m_width, parameters, gradient, first, second);
}

} // namespace fl
