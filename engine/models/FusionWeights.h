#pragma once

// Learned fusion weights: the modality weights α, β, … of an additive fusion F = Σₖ αₖ·Eₖ (sum or
// concatenation) become parameters trained with the model.
//
// Parameterisation: αₖ = s·πₖ with π = softmax(θ) and s = Σₖ αₖ⁰, the total of the weights the user
// chose. LATTICE (Zhang et al., MM 2021) learns a softmax over its modality weights too; we keep its
// simplex and add the user's scale s, because
// - the scale of F is not identifiable: the model's own weights absorb it (αₖ·wₖ), and with L2 on
//   the model's weights an unconstrained α drifts to large values just to shrink the penalty. Fixing
//   Σα to the user's total leaves only the mix to learn, and leaves η and λ meaning what they meant;
// - a softmax keeps every weight positive, so a modality cannot enter with the opposite sign (the
//   model's own weights already can flip a feature), and its gradient is exact and cheap:
//   ∂L/∂θⱼ = s·πⱼ·(∂L/∂αⱼ − Σₖ πₖ ∂L/∂αₖ).
// Training starts at the user's weights (θₖ = ln αₖ⁰/s), so the learned values read as "what the data
// prefers, starting from what you chose". A weight the user set to 0 starts at kMinimumShare·s
// instead (a softmax cannot reach 0), so the data can still bring that modality back.
//
// The product fusion has one coefficient Πₖ αₖ and cannot learn a mix: learnedWeightsProblem()
// (Fusion.h) says so.

#include "engine/fusion/Fusion.h"
#include "engine/models/Optimizer.h"

#include <Eigen/Core>
#include <QString>

#include <optional>
#include <vector>

namespace fl {

class LearnedFusionWeights
{
public:
    static constexpr double kMinimumShare = 1e-3;

    LearnedFusionWeights() = default;
    // initial: the user's αₖ (non-negative, positive sum); the optimizer updates θ like the model's own
    // parameters.
    LearnedFusionWeights(const std::vector<double> &initial, OptimizerKind optimizer, double momentum = 0.9);

    bool isEmpty() const { return m_theta.size() == 0; }
    int size() const { return int(m_theta.size()); }
    // The current αₖ = s·softmax(θ)ₖ.
    const std::vector<double> &weights() const { return m_weights; }
    // The weights training started from (the user's, with zeros raised to kMinimumShare·s).
    const std::vector<double> &initialWeights() const { return m_initial; }
    double scale() const { return m_scale; }
    const Eigen::VectorXd &theta() const { return m_theta; }

    // ∂L/∂θ from ∂L/∂α (the softmax's Jacobian).
    Eigen::VectorXd thetaGradient(const std::vector<double> &weightGradient) const;
    // One optimizer step on θ with ∂L/∂α.
    void step(const std::vector<double> &weightGradient, double learningRate);
    // Puts θ back (the weights follow), e.g. for a best epoch or a step back.
    void setTheta(const Eigen::VectorXd &theta);

private:
    void refresh();

    Eigen::VectorXd m_theta;
    double m_scale = 1;
    std::vector<double> m_initial;
    std::vector<double> m_weights;
    ParameterUpdater m_updater;
};

} // namespace fl
