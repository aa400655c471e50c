#pragma once

// The factorization models' parameters (FactorModel.h), which the per-example SGD engine
// (FactorSgd.h) loads and stores.

#include <Eigen/Core>

namespace fl {

using RowMajorMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct FactorParameters
{
    float mu = 0;
    RowMajorMatrixXf users;   // users × (k + 1): [pᵤ | bᵤ]
    RowMajorMatrixXf items;   // items × (k + 1): [qᵢ | bᵢ]
    RowMajorMatrixXf w;       // (k + 1) × d: [W; βᵀ]; empty without content
};

} // namespace fl
