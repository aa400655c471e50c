#pragma once

// The optimizers FusionLab trains with, by name ("gd", "sgd", "momentum", "adam"), shared by the
// seed's linear regression and the recommendation models.

#include <Eigen/Core>
#include <QString>

#include <optional>
#include <vector>

namespace fl {

enum class OptimizerKind {
    GradientDescent,   // full batch
    MiniBatchSgd,
    Momentum,          // mini-batch SGD with heavy-ball momentum
    Adam,              // mini-batch Adam (Kingma & Ba, 2015)
};

// Adam's constants (Kingma & Ba's defaults).
inline constexpr double kAdamBeta1 = 0.9;
inline constexpr double kAdamBeta2 = 0.999;
inline constexpr double kAdamEpsilon = 1e-8;

// The scalars of one step of a float update: the step count and the step size η — for Adam in the
// efficient form η·m̂/(√v̂ + ε) = stepSize · m/(√v + epsilon), stepSize = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ) and
// epsilon = ε·√(1 − β₂ᵗ) after t steps.
struct StepScale
{
    long long steps = 0;
    float stepSize = 0;
    float epsilon = 0;

    void advance(OptimizerKind kind, double learningRate);
};

// One row's step of the lazy rules (RowSparseUpdater, and FactorModel's row states with fixed-size
// arithmetic for W columns): θ, g and the row's state, `width` floats each. first is momentum's
// velocity or Adam's first moment, second Adam's second moment; unused ones may be null.
template<int W = Eigen::Dynamic>
void applyRowRule(OptimizerKind kind, const StepScale &scale, float momentum, Eigen::Index width, float *parameters,
                  const float *gradient, float *first, float *second)
{
    using Out = Eigen::Map<Eigen::Array<float, W, 1>>;
    using In = Eigen::Map<const Eigen::Array<float, W, 1>>;
    Out theta(parameters, width);
    const In g(gradient, width);
    switch (kind) {
    case OptimizerKind::GradientDescent:
    case OptimizerKind::MiniBatchSgd:
        theta -= scale.stepSize * g;
        return;
    case OptimizerKind::Momentum: {
        Out v(first, width);
        v = momentum * v + g;
        theta -= scale.stepSize * v;
        return;
    }
    case OptimizerKind::Adam: {
        Out m(first, width);
        Out v(second, width);
        m = float(kAdamBeta1) * m + float(1 - kAdamBeta1) * g;
        v = float(kAdamBeta2) * v + float(1 - kAdamBeta2) * g.square();
        theta -= scale.stepSize * (m / (v.sqrt() + scale.epsilon));
        return;
    }
    }
}

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

// The same update rules for a float parameter matrix (rows × width, row-major) whose mini-batch gradient
// touches only some rows, as embedding tables do: each step updates only the rows it is given ("lazy"
// optimizers). Momentum's velocity and Adam's moments of an untouched row neither decay nor move it;
// Adam's bias correction uses the global step count (as TensorFlow's LazyAdam does). With every row
// given at every step this is exactly ParameterUpdater's rule.
//
//     updater.beginStep(η);                          // once per mini-batch
//     for each touched row r: updater.applyRow(r, θ_r, g_r);
class RowSparseUpdater
{
public:
    RowSparseUpdater() = default;
    RowSparseUpdater(OptimizerKind kind, Eigen::Index rows, Eigen::Index width, double momentum = 0.9);

    void beginStep(double learningRate);
    void applyRow(Eigen::Index row, float *parameters, const float *gradient);
    // Asks for the optimizer state of a row about to be updated (momentum, Adam), to overlap the reads.
    void prefetch(Eigen::Index row) const;
    long long steps() const { return m_scale.steps; }

private:
    using RowMajorMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    OptimizerKind m_kind = OptimizerKind::GradientDescent;
    Eigen::Index m_width = 0;
    float m_momentum = 0.9f;
    RowMajorMatrixXf m_first;     // momentum's velocity, or Adam's first moment
    RowMajorMatrixXf m_second;    // Adam's second moment
    StepScale m_scale;
};

// The rows a mini-batch touched, each listed once in the order first touched: the rows whose gradient
// a RowSparseUpdater applies, and the ones the next batch must zero again.
class TouchedRows
{
public:
    // `count` rows, none touched.
    void reset(Eigen::Index count)
    {
        m_flags.assign(size_t(count), 0);
        m_rows.clear();
    }
    void touch(int row)
    {
        if (!m_flags[size_t(row)]) {
            m_flags[size_t(row)] = 1;
            m_rows.push_back(row);
        }
    }
    // Calls zero(row) for each touched row and forgets them all.
    template<typename Zero>
    void clear(Zero &&zero)
    {
        for (const int row : m_rows) {
            zero(row);
            m_flags[size_t(row)] = 0;
        }
        m_rows.clear();
    }
    const std::vector<int> &rows() const { return m_rows; }
    std::vector<int>::const_iterator begin() const { return m_rows.begin(); }
    std::vector<int>::const_iterator end() const { return m_rows.end(); }
    bool empty() const { return m_rows.empty(); }

private:
    std::vector<char> m_flags;
    std::vector<int> m_rows;
};

} // namespace fl
