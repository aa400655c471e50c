#include "engine/embedding/TruncatedSvd.h"

#include "engine/core/Random.h"

#include <Eigen/QR>
#include <Eigen/SVD>
#include <QCoreApplication>

#include <algorithm>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::TruncatedSvd)
};

} // namespace

// An orthonormal basis of the columns of y (rows ≥ cols), by Householder QR: unlike Gram–Schmidt it
// stays orthonormal when y is rank deficient or badly conditioned, which power iterations make it.
static Eigen::MatrixXd orthonormalBasis(const Eigen::MatrixXd &y)
{
    const Eigen::HouseholderQR<Eigen::MatrixXd> qr(y);
    Eigen::MatrixXd q = Eigen::MatrixXd::Identity(y.rows(), y.cols());
    q.applyOnTheLeft(qr.householderQ());
    return q;
}

// Qt 6.4's qHash of a string with a non-zero seed (every QHash/QSet<QString>) returns with the upper
// halves of the vector registers dirty. Until a vzeroupper, each libm call (log, cos) on this thread
// runs about ten times slower, and the Gaussian sketch makes n·l of them: 175 ms instead of 15 ms for
// 9,240 terms after tokenizing. Clearing the state is free and harmless.
static void clearUpperVectorState()
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (__builtin_cpu_supports("avx"))
        asm volatile("vzeroupper");
#endif
}

Result<SvdResult> truncatedSvd(const Eigen::SparseMatrix<double, Eigen::RowMajor> &a, int k, std::uint64_t seed,
                               int powerIterations, int oversampling, const ProgressFn &progress)
{
    const Eigen::Index m = a.rows();
    const Eigen::Index n = a.cols();
    if (m == 0 || n == 0)
        return makeError(Tr::tr("Truncated SVD: the matrix is empty (%1 × %2).").arg(m).arg(n));
    if (k < 1)
        return makeError(Tr::tr("Truncated SVD: the number of components must be at least 1 (got %1).").arg(k));
    if (powerIterations < 0 || oversampling < 0)
        return makeError(Tr::tr("Truncated SVD: power iterations and oversampling must not be negative (got %1 and %2).")
                             .arg(powerIterations)
                             .arg(oversampling));

    const Eigen::Index rank = std::min<Eigen::Index>({Eigen::Index(k), m, n});
    const Eigen::Index l = std::min<Eigen::Index>(rank + oversampling, std::min(m, n));

    const int passes = 2 * powerIterations + 2;
    int pass = 0;
    const auto step = [&]() {
        ++pass;
        return !progress || progress(double(pass) / passes);
    };
    const auto cancelled = [] { return makeError(Tr::tr("cancelled")); };

    // Products of a row-major sparse matrix with a row-major dense one read contiguous rows; Eigen's
    // product with a transposed view scatters instead and is several times slower, so Aᵀ is stored
    // (it costs one more copy of the non-zeros, never a dense matrix).
    using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Eigen::SparseMatrix<double, Eigen::RowMajor> at = a.transpose();

    clearUpperVectorState();
    Random random(seed);
    Eigen::MatrixXd omega(n, l);
    for (Eigen::Index j = 0; j < l; ++j) {
        for (Eigen::Index i = 0; i < n; ++i)
            omega(i, j) = random.normal();
    }

    const auto times = [](const Eigen::SparseMatrix<double, Eigen::RowMajor> &s, const RowMatrix &x) -> RowMatrix {
        return s * x;
    };

    RowMatrix q = orthonormalBasis(times(a, omega));
    if (!step())
        return cancelled();
    for (int it = 0; it < powerIterations; ++it) {
        const RowMatrix z = orthonormalBasis(times(at, q));
        if (!step())
            return cancelled();
        q = orthonormalBasis(times(a, z));
        if (!step())
            return cancelled();
    }

    // B = Qᵀ A is l × n; factor its transpose Bᵀ = Q_b R so that the dense SVD is only l × l:
    // R = U_r Σ V_rᵀ gives A ≈ Q B = (Q V_r) Σ (Q_b U_r)ᵀ.
    const Eigen::MatrixXd bt = times(at, q);
    if (!step())
        return cancelled();
    const Eigen::HouseholderQR<Eigen::MatrixXd> qr(bt);
    Eigen::MatrixXd qb = Eigen::MatrixXd::Identity(n, l);
    qb.applyOnTheLeft(qr.householderQ());
    const Eigen::MatrixXd r = qr.matrixQR().topRows(l).triangularView<Eigen::Upper>();
    const Eigen::JacobiSVD<Eigen::MatrixXd> svd(r, Eigen::ComputeFullU | Eigen::ComputeFullV);

    SvdResult result;
    result.u = q * svd.matrixV().leftCols(rank);
    result.v = qb * svd.matrixU().leftCols(rank);
    result.singularValues = svd.singularValues().head(rank);

    for (Eigen::Index c = 0; c < rank; ++c) {
        Eigen::Index largest = 0;
        result.v.col(c).cwiseAbs().maxCoeff(&largest);
        if (result.v(largest, c) < 0.0) {
            result.v.col(c) *= -1.0;
            result.u.col(c) *= -1.0;
        }
    }
    return result;
}

} // namespace fl
