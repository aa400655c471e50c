#include "engine/fusion/FusedProblem.h"

#include "engine/core/Worker.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

namespace fl {

double QuadraticForm::loss(const Eigen::VectorXd &w) const
{
    if (count <= 0)
        return 0.0;
    const double quadratic = w.dot(gram * w) - 2.0 * w.dot(moment) + sumSquares;
    // Rounding can push an exact fit a hair below zero; NaN and ∞ must pass through.
    return quadratic < 0 ? 0.0 : quadratic / (2.0 * count);
}

Eigen::VectorXd QuadraticForm::gradient(const Eigen::VectorXd &w, double l2) const
{
    Eigen::VectorXd g = (gram * w - moment) / std::max(1.0, count);
    if (l2 > 0)
        g.head(g.size() - 1) += l2 * w.head(w.size() - 1);
    return g;
}

static Eigen::MatrixXd hessian(const QuadraticForm &q, double l2)
{
    Eigen::MatrixXd h = q.gram / std::max(1.0, q.count);
    if (l2 > 0)
        h.diagonal().head(h.rows() - 1).array() += l2;
    return h;
}

Eigen::VectorXd QuadraticForm::optimum(double l2) const
{
    // LDLT with pivoting leaves the components of zero pivots at zero, so collinear features (a padded
    // zero column, a duplicated modality) still give a minimiser.
    return hessian(*this, l2).ldlt().solve(moment / std::max(1.0, count));
}

double QuadraticForm::maxStableLearningRate(double l2) const
{
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(hessian(*this, l2), Eigen::EigenvaluesOnly);
    const double largest = solver.eigenvalues().maxCoeff();
    return largest > 0 ? 2.0 / largest : std::numeric_limits<double>::infinity();
}

namespace {

struct PartialStatistics
{
    Eigen::MatrixXd cross;
    Eigen::VectorXd countMoment;
    Eigen::VectorXd targetMoment;
};

// Accumulates the weighted cross-products of the stacked blocks over items [first, last).
PartialStatistics accumulate(const FusionPlan &plan, const std::vector<int> &starts, int width,
                             const Eigen::VectorXd &counts, const Eigen::VectorXd &sums,
                             Eigen::Index first, Eigen::Index last)
{
    constexpr Eigen::Index chunk = 2048;
    PartialStatistics out{Eigen::MatrixXd::Zero(width, width), Eigen::VectorXd::Zero(width),
                          Eigen::VectorXd::Zero(width)};
    Eigen::MatrixXd stacked(width, chunk);   // columns are items, scaled by √count
    for (Eigen::Index begin = first; begin < last; begin += chunk) {
        const Eigen::Index n = std::min(chunk, last - begin);
        const Eigen::ArrayXd root = counts.segment(begin, n).array().sqrt();
        for (size_t k = 0; k < plan.blocks.size(); ++k) {
            const auto rows = plan.blocks[k].middleRows(begin, n);
            stacked.block(starts[k], 0, rows.cols(), n) = rows.transpose();
            out.countMoment.segment(starts[k], rows.cols()).noalias() += rows.transpose() * counts.segment(begin, n);
            out.targetMoment.segment(starts[k], rows.cols()).noalias() += rows.transpose() * sums.segment(begin, n);
        }
        auto view = stacked.leftCols(n);
        view = view.array().rowwise() * root.transpose();
        out.cross.selfadjointView<Eigen::Lower>().rankUpdate(view);
    }
    return out;
}

} // namespace

BlockStatistics::BlockStatistics(const FusionPlan &plan, const RowSet &rows)
{
    const Eigen::Index items = plan.itemCount();
    int width = 0;
    for (const Eigen::MatrixXd &block : plan.blocks) {
        m_starts.push_back(width);
        width += int(block.cols());
    }
    Eigen::VectorXd counts = Eigen::VectorXd::Zero(items);
    Eigen::VectorXd sums = Eigen::VectorXd::Zero(items);
    for (int r = 0; r < rows.size(); ++r) {
        counts(rows.items[size_t(r)]) += 1.0;
        sums(rows.items[size_t(r)]) += rows.targets(r);
    }
    m_count = rows.size();
    m_sum = rows.targets.sum();
    m_sumSquares = rows.targets.squaredNorm();

    const unsigned threads = items > 50000 ? std::max(1u, std::min(4u, std::thread::hardware_concurrency())) : 1u;
    std::vector<PartialStatistics> parts(threads);
    std::vector<Worker> workers;
    for (unsigned t = 0; t < threads; ++t) {
        const Eigen::Index first = items * t / threads;
        const Eigen::Index last = items * (t + 1) / threads;
        auto job = [&, t, first, last] { parts[t] = accumulate(plan, m_starts, width, counts, sums, first, last); };
        if (t + 1 == threads)
            job();
        else
            workers.emplace_back(job);
    }
    for (Worker &w : workers)
        w.join();
    m_cross = std::move(parts[0].cross);
    m_countMoment = std::move(parts[0].countMoment);
    m_targetMoment = std::move(parts[0].targetMoment);
    for (unsigned t = 1; t < threads; ++t) {
        m_cross += parts[t].cross;
        m_countMoment += parts[t].countMoment;
        m_targetMoment += parts[t].targetMoment;
    }
    m_cross = m_cross.selfadjointView<Eigen::Lower>();
}

QuadraticForm BlockStatistics::assemble(const FusionPlan &plan, const std::vector<double> &weights) const
{
    const std::vector<double> c = plan.coefficients(weights);
    const int d = plan.width;
    QuadraticForm q;
    q.gram = Eigen::MatrixXd::Zero(d + 1, d + 1);
    q.moment = Eigen::VectorXd::Zero(d + 1);
    for (size_t k = 0; k < plan.blocks.size(); ++k) {
        const Eigen::Index dk = plan.blocks[k].cols();
        for (size_t l = 0; l < plan.blocks.size(); ++l) {
            const Eigen::Index dl = plan.blocks[l].cols();
            q.gram.block(plan.offsets[k], plan.offsets[l], dk, dl) +=
                c[k] * c[l] * m_cross.block(m_starts[k], m_starts[l], dk, dl);
        }
        q.gram.col(d).segment(plan.offsets[k], dk) += c[k] * m_countMoment.segment(m_starts[k], dk);
        q.moment.segment(plan.offsets[k], dk) += c[k] * m_targetMoment.segment(m_starts[k], dk);
    }
    q.gram.row(d).head(d) = q.gram.col(d).head(d).transpose();
    q.gram(d, d) = m_count;
    q.moment(d) = m_sum;
    q.sumSquares = m_sumSquares;
    q.count = m_count;
    return q;
}

std::vector<double> BlockStatistics::weightGradient(const FusionPlan &plan, const std::vector<double> &weights,
                                                    const Eigen::VectorXd &w) const
{
    const size_t blocks = plan.blocks.size();
    std::vector<double> gradient(blocks, 0.0);
    if (m_count <= 0 || plan.op == FusionOp::Product)
        return gradient;
    const double bias = w(plan.width);
    // z stacks cₗ·wₗ, so that (cross·z) restricted to block k is Σₗ cₗ BₖᵀCBₗ wₗ.
    Eigen::VectorXd z(m_cross.rows());
    for (size_t l = 0; l < blocks; ++l) {
        const Eigen::Index dl = plan.blocks[l].cols();
        z.segment(m_starts[l], dl) = weights[l] * w.segment(plan.offsets[l], dl);
    }
    const Eigen::VectorXd v = m_cross * z;
    for (size_t k = 0; k < blocks; ++k) {
        const Eigen::Index dk = plan.blocks[k].cols();
        const auto wk = w.segment(plan.offsets[k], dk);
        gradient[k] = (wk.dot(v.segment(m_starts[k], dk)) + bias * wk.dot(m_countMoment.segment(m_starts[k], dk))
                       - wk.dot(m_targetMoment.segment(m_starts[k], dk))) / m_count;
    }
    return gradient;
}

} // namespace fl
