#include "Optimizer.h"

#include <cmath>

namespace fl {

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
        constexpr double beta1 = 0.9;
        constexpr double beta2 = 0.999;
        constexpr double epsilon = 1e-8;
        m_first = beta1 * m_first + (1 - beta1) * gradient;
        m_second = beta2 * m_second + (1 - beta2) * gradient.cwiseAbs2();
        const double correction1 = 1 - std::pow(beta1, double(m_steps));
        const double correction2 = 1 - std::pow(beta2, double(m_steps));
        parameters.array() -= learningRate * (m_first.array() / correction1)
            / ((m_second.array() / correction2).sqrt() + epsilon);
        return;
    }
    }
}

} // namespace fl
