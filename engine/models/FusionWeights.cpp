#include "engine/models/FusionWeights.h"

#include <cmath>
#include <numeric>

namespace fl {

LearnedFusionWeights::LearnedFusionWeights(const std::vector<double> &initial, OptimizerKind optimizer, double momentum)
    : m_theta(Eigen::VectorXd::Zero(Eigen::Index(initial.size())))
    , m_scale(std::accumulate(initial.begin(), initial.end(), 0.0))
    , m_updater(optimizer, Eigen::Index(initial.size()), momentum)
{
    if (!(m_scale > 0) || !std::isfinite(m_scale))
        m_scale = 1;
    for (size_t k = 0; k < initial.size(); ++k)
        m_theta(Eigen::Index(k)) = std::log(std::max(initial[k] / m_scale, kMinimumShare));
    refresh();
    m_initial = m_weights;
}

Eigen::VectorXd LearnedFusionWeights::thetaGradient(const std::vector<double> &weightGradient) const
{
    const Eigen::Index n = m_theta.size();
    Eigen::VectorXd g(n);
    double mean = 0;   // Σₖ πₖ ∂L/∂αₖ
    for (Eigen::Index k = 0; k < n; ++k)
        mean += m_weights[size_t(k)] / m_scale * weightGradient[size_t(k)];
    for (Eigen::Index k = 0; k < n; ++k)
        g(k) = m_weights[size_t(k)] * (weightGradient[size_t(k)] - mean);   // s·πₖ = αₖ
    return g;
}

void LearnedFusionWeights::step(const std::vector<double> &weightGradient, double learningRate)
{
    if (isEmpty())
        return;
    m_updater.apply(m_theta, thetaGradient(weightGradient), learningRate);
    refresh();
}

void LearnedFusionWeights::setTheta(const Eigen::VectorXd &theta)
{
    m_theta = theta;
    refresh();
}

void LearnedFusionWeights::refresh()
{
    // Softmax with the maximum taken out, so that no exponent overflows.
    const double top = m_theta.size() > 0 ? m_theta.maxCoeff() : 0.0;
    m_weights.resize(size_t(m_theta.size()));
    double total = 0;
    for (Eigen::Index k = 0; k < m_theta.size(); ++k) {
        m_weights[size_t(k)] = std::exp(m_theta(k) - top);
        total += m_weights[size_t(k)];
    }
    for (double &w : m_weights)
        w *= m_scale / total;
}

} // namespace fl
