#pragma once

// The optimizers FusionLab trains with, by name ("gd", "sgd", "momentum", "adam"), shared by the
// seed's linear regression and the recommendation models.

#include <Eigen/Core>
#include <QString>

#include <optional>

namespace fl {

enum class OptimizerKind {
    GradientDescent,   // full batch
    MiniBatchSgd,
    Momentum,          // mini-batch SGD with heavy-ball momentum
    Adam,              // mini-batch Adam (Kingma & Ba, 2015)
};

QString optimizerName(OptimizerKind kind);                 // "gd", "sgd", "momentum", "adam"
std::optional<OptimizerKind> optimizerFromName(const QString &name);

// The update rule for a dense parameter vector: a plain gradient step (GD and SGD), heavy-ball
// momentum (v ← μv + g; θ ← θ − ηv), or Adam with bias correction (β₁ 0.9, β₂ 0.999, ε 1e-8).
class ParameterUpdater
{
public:
    ParameterUpdater() = default;
    ParameterUpdater(OptimizerKind kind, Eigen::Index size, double momentum = 0.9);

    void apply(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::Ref<const Eigen::VectorXd> &gradient,
               double learningRate);
    long long steps() const { return m_steps; }

private:
    OptimizerKind m_kind = OptimizerKind::GradientDescent;
    double m_momentum = 0.9;
    Eigen::VectorXd m_first;      // momentum's velocity, or Adam's first moment
    Eigen::VectorXd m_second;     // Adam's second moment
    long long m_steps = 0;
};

} // namespace fl
