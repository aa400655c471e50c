#pragma once

// The fused features' side of the seed's regression: the rows a model is fitted to, and the sufficient
// statistics of squared loss for one weighting of the fused features.
//
// Squared loss depends on the rows only through XᵀX, Xᵀy and yᵀy. Rows reference items, so with
// per-item counts c and target sums s these are FᵀCF, Fᵀs and Σy² — and F is a weighted placement of
// blocks (see Fusion.h), so the block cross-products are computed once and a new α or β costs
// O(width²) instead of a pass over the rows. Full-batch epochs then never touch the rows at all.
//
// FusionPipeline prepares a TrainingProblem from a Dataset; LinearRegressionTrainer (models) trains on it.

#include "engine/fusion/Fusion.h"

#include <Eigen/Core>
#include <QStringList>

#include <memory>
#include <vector>

namespace fl {

// Training or validation rows: the item each row refers to and its target (the rating).
struct RowSet
{
    std::vector<int> items;
    Eigen::VectorXd targets;

    int size() const { return int(items.size()); }
};

// Sufficient statistics of squared loss for one weighting of the fused features. The last coordinate
// of every vector is the bias.
struct QuadraticForm
{
    Eigen::MatrixXd gram;    // XᵀX, (width+1)²
    Eigen::VectorXd moment;  // Xᵀy
    double sumSquares = 0;   // yᵀy
    double count = 0;        // N

    int dimension() const { return int(moment.size()); }
    // Data loss 1/(2N)·Σ(y − f)² at parameters w (without the L2 term).
    double loss(const Eigen::VectorXd &w) const;
    // ∇ of the data loss plus λ/2·‖W‖² (bias excluded).
    Eigen::VectorXd gradient(const Eigen::VectorXd &w, double l2) const;
    // Closed-form minimiser of the regularised loss: (XᵀX/N + λĨ) w = Xᵀy/N, solved by LDLT.
    Eigen::VectorXd optimum(double l2) const;
    // 2 / λ_max of the Hessian: gradient descent diverges for any larger η.
    double maxStableLearningRate(double l2) const;
};

// Cross-products of a plan's blocks over one row set, weighted by how often each item occurs.
// Computed once per (plan, rows) in one pass over the items, on both cores.
class BlockStatistics
{
public:
    BlockStatistics() = default;
    BlockStatistics(const FusionPlan &plan, const RowSet &rows);

    QuadraticForm assemble(const FusionPlan &plan, const std::vector<double> &weights) const;
    // ∂/∂αₖ of the data loss 1/(2N)·Σ(y − f)² at parameters w (last entry the bias), for an additive
    // plan (sum or concatenation): with wₖ the columns block k fills and cₖ = αₖ,
    //     ∂L/∂αₖ = (1/N)·[wₖᵀ Σₗ cₗ BₖᵀCBₗ wₗ + b·wₖᵀBₖᵀc − wₖᵀBₖᵀs],
    // one product with the stacked cross-products: O(width²), no pass over the rows.
    std::vector<double> weightGradient(const FusionPlan &plan, const std::vector<double> &weights,
                                       const Eigen::VectorXd &w) const;

private:
    Eigen::MatrixXd m_cross;        // [B₁ … B_K]ᵀ C [B₁ … B_K]
    Eigen::VectorXd m_countMoment;  // [B₁ … B_K]ᵀ c
    Eigen::VectorXd m_targetMoment; // [B₁ … B_K]ᵀ s
    std::vector<int> m_starts;      // column of block k inside the stacked blocks
    double m_count = 0;
    double m_sum = 0;
    double m_sumSquares = 0;
};

// Everything one run of the model needs for one choice of fusion weights.
struct TrainingProblem
{
    std::shared_ptr<const FusionPlan> plan;
    std::vector<double> weights;
    std::shared_ptr<const RowSet> trainRows;
    std::shared_ptr<const RowSet> validationRows;
    QuadraticForm train;
    QuadraticForm validation;
    QStringList notes;           // about the rows (e.g. interactions left out for missing data)
    // Learned fusion weights (FusionWeights.h): the weights start at `weights` and train with W; the
    // trainer reassembles the quadratic forms from these statistics as they move.
    bool learnWeights = false;
    std::shared_ptr<const BlockStatistics> trainStatistics;
    std::shared_ptr<const BlockStatistics> validationStatistics;

    int dimension() const { return train.dimension(); }
};

} // namespace fl
