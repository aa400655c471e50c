#pragma once

// The leading k singular triplets of a sparse matrix by randomized SVD (Halko, Martinsson & Tropp
// 2011, algorithms 4.4 and 5.1): a Gaussian sketch finds the dominant range of A, a few power
// iterations sharpen it, and a small dense SVD finishes the job. Cost is a handful of sparse × thin
// products plus O((m + n) · l²) dense work with l = k + oversampling; A is never densified and no
// m×m or n×n matrix is formed, so LSA scales to tens of thousands of documents and terms.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"

#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <cstdint>

namespace fl {

struct SvdResult
{
    Eigen::MatrixXd u;              // rows × k, orthonormal columns
    Eigen::VectorXd singularValues; // k, descending
    Eigen::MatrixXd v;              // cols × k, orthonormal columns; A ≈ u · diag(σ) · vᵀ
};

// k is capped at min(rows, cols). Signs are deterministic: each component is flipped so that the
// entry of v with the largest magnitude is positive. The same seed gives the same result.
// The progress callback (optional) is called after each pass over A; returning false cancels.
Result<SvdResult> truncatedSvd(const Eigen::SparseMatrix<double, Eigen::RowMajor> &a, int k, std::uint64_t seed,
                               int powerIterations = 3, int oversampling = 10, const ProgressFn &progress = {});

} // namespace fl
