#pragma once

// One mini-batch's gradient for the two recommenders that score with a linear content term and biases,
//
//     ŷᵤᵢ = wᵀfᵢ + b (+ bᵤ + bᵢ with biases),
//
// and differ only in the loss of the residual e = ŷ − r: ½e² (LinearRecommender) or max(0, |e| − ε)
// (SvrRecommender, which also adds a personal term pᵤᵀfᵢ to e). A batch goes
//
//     BiasedLinearBatch batch(features, parameters, work.gradient, work.users, work.items, λ, biases);
//     for each example: auto r = batch.residual(x); (add own terms to r.e); batch.add(r, ℓ(e), ℓ'(e));
//     return batch.finish(count) + penalty();
//
// The gradient is the model's full-size one, cleared by the caller; only the bias rows an example
// touched are written, and they are listed in the TouchedRows, so that the updater and the next clear
// visit only them. The biases' L2 term ½λ(bᵤ² + bᵢ²) is counted per example, as the full-batch
// objectives count it.

#include "engine/models/Optimizer.h"

#include <Eigen/Core>

namespace fl {

// fᵢ as rows, items × d, as the two models keep them.
using ItemFeatureRows = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Parameters: weights [w; b] (d + 1), userBias and itemBias (empty without biases), as LinearParameters.
// Example: user, item and rating, as LinearExample.
template<typename Parameters>
class BiasedLinearBatch
{
public:
    // One example's residual e = ŷ − r and the biases that went into it (0 without biases).
    struct Residual
    {
        int user;
        int item;
        ItemFeatureRows::ConstRowXpr features;
        double e;
        double userBias = 0;
        double itemBias = 0;
    };

    BiasedLinearBatch(const ItemFeatureRows &features, const Parameters &parameters, Parameters &gradient,
                      TouchedRows &users, TouchedRows &items, double lambda, bool biases)
        : m_features(features)
        , m_parameters(parameters)
        , m_gradient(gradient)
        , m_users(users)
        , m_items(items)
        , m_d(features.cols())
        , m_lambda(lambda)
        , m_biases(biases)
    {
    }

    template<typename Example>
    Residual residual(const Example &x) const
    {
        const auto f = m_features.row(x.item);
        Residual r{x.user, x.item, f, f.dot(m_parameters.weights.head(m_d)) + m_parameters.weights(m_d) - x.rating};
        if (m_biases) {
            r.userBias = m_parameters.userBias(x.user);
            r.itemBias = m_parameters.itemBias(x.item);
            r.e += r.userBias + r.itemBias;
        }
        return r;
    }

    // Adds an example whose loss is `loss` and whose slope ∂loss/∂e is `slope`.
    void add(const Residual &r, double loss, double slope)
    {
        m_loss += loss + 0.5 * m_lambda * (r.userBias * r.userBias + r.itemBias * r.itemBias);
        if (m_biases) {
            m_users.touch(r.user);
            m_items.touch(r.item);
            m_gradient.userBias(r.user) += float(slope + m_lambda * r.userBias);
            m_gradient.itemBias(r.item) += float(slope + m_lambda * r.itemBias);
        }
        if (slope != 0) {
            m_gradient.weights.head(m_d) += slope * r.features.transpose();
            m_biasGradient += slope;
        }
    }

    // A loss term of the caller's own parameters (the SVR's ½λ‖pᵤ‖²).
    void addLoss(double loss) { m_loss += loss; }

    // Means over `count` examples (> 0), with w's L2 term λw in its gradient; the batch's mean loss
    // without ½λ‖w‖² (the models' penalty()). Rows the caller touched for its own parameters are
    // scaled by the caller.
    double finish(int count)
    {
        const double scale = 1.0 / count;
        m_gradient.weights.head(m_d) = scale * m_gradient.weights.head(m_d) + m_lambda * m_parameters.weights.head(m_d);
        m_gradient.weights(m_d) = scale * m_biasGradient;
        if (m_biases) {
            for (const int u : m_users)
                m_gradient.userBias(u) *= float(scale);
            for (const int i : m_items)
                m_gradient.itemBias(i) *= float(scale);
        }
        return scale * m_loss;
    }

private:
    const ItemFeatureRows &m_features;
    const Parameters &m_parameters;
    Parameters &m_gradient;
    TouchedRows &m_users;
    TouchedRows &m_items;
    const Eigen::Index m_d;
    const double m_lambda;
    const bool m_biases;
    double m_loss = 0;
    double m_biasGradient = 0;
};

} // namespace fl
