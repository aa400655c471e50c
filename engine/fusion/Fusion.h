#pragma once

// Fusion operators over N modality matrices (items × dₖ each), the seed's F = αE₁ + βE₂ generalised.
//
// Every operator is written as a placement of weighted blocks: F = Σₖ cₖ · place(Bₖ, offsetₖ), where
// - sum:     Bₖ = Eₖ at offset 0, cₖ = wₖ                      (all Eₖ share one width)
// - concat:  Bₖ = Eₖ at offset Σ_{j<k} dⱼ, cₖ = wₖ
// - product: one block B = E₁ ⊙ E₂ ⊙ … at offset 0, c = Πₖ wₖ (all Eₖ share one width)
// This structure is what lets training avoid re-reading rows when a weight moves: FᵀCF is
// Σₖₗ cₖcₗ · place(BₖᵀCBₗ), so the cross-products of the blocks are computed once per plan.

#include "engine/core/Result.h"
#include "engine/embedding/ModalityMatrix.h"

#include <Eigen/Core>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fl {

enum class FusionOp { Sum, Product, Concat };

QString fusionOpName(FusionOp op);                       // "sum", "product", "concat"
std::optional<FusionOp> fusionOpFromName(const QString &name);
QString fusionOpFormula(FusionOp op, int modalityCount); // e.g. "F = α·E₁ + β·E₂"
// The same over the dataset indices of the fused modalities: a modality keeps its letter and its Eₖ
// when another is switched off, e.g. {0, 2} gives "F = α·E₁ + γ·E₃".
QString fusionOpFormula(FusionOp op, const std::vector<int> &modalityIndices);
// The weight's letter of the dataset's modality `modality` (its index among all of the dataset's
// modalities, enabled or not): α, β, γ … then w9, w10 …
QString fusionWeightSymbol(int modality);

// One fused modality as the formulas show it: E (items × width) = W (documents × terms)·Vᵀ for text.
struct FusedSource
{
    QString name;
    int index = 0;      // among the dataset's modalities: its letter and its Eₖ
    int items = 0;
    int width = 0;      // columns of its embedding E, before any projection to a common width
    int terms = 0;      // text: the TF-IDF vocabulary (columns of W); 0 otherwise
    int documents = 0;  // text: rows of W
};

struct FusionPlan
{
    FusionOp op = FusionOp::Sum;
    QStringList modalityNames;           // the fused modalities, in weight order
    std::vector<int> modalityIndices;    // their indices among the dataset's modalities (for α, β …)
    std::vector<FusedSource> sources;    // the same modalities' shapes, in weight order
    std::vector<Eigen::MatrixXd> blocks; // items × dₖ
    std::vector<int> offsets;            // column offset of each block in F
    int width = 0;                       // columns of F
    QStringList notes;                   // projections and padding done to make widths agree

    int itemCount() const { return blocks.empty() ? 0 : int(blocks.front().rows()); }
    // cₖ for the given modality weights (one per modality name).
    std::vector<double> coefficients(const std::vector<double> &weights) const;
    // The explicit fused matrix F (items × width).
    Eigen::MatrixXd fuse(const std::vector<double> &weights) const;
    // F·w for a weight vector of length width, without forming F.
    Eigen::VectorXd multiply(const std::vector<double> &weights, const Eigen::VectorXd &w) const;
};

// Builds the plan for `op` over `modalities` (all with the same number of rows). Sum and product need
// one width: wider modalities are projected by PCA to `commonWidth`, narrower ones padded with zeros,
// and each projected matrix is standardised again. commonWidth ≤ 0 picks the smallest width among the
// modalities wider than one column. Every change is described in the plan's notes.
Result<FusionPlan> planFusion(FusionOp op, const std::vector<const ModalityMatrix *> &modalities,
                              int commonWidth = 0);

// Direct forms of the operators on equal-width matrices, for checking the plan and for teaching.
Eigen::MatrixXd fuseSum(const std::vector<Eigen::MatrixXd> &matrices, const std::vector<double> &weights);
Eigen::MatrixXd fuseProduct(const std::vector<Eigen::MatrixXd> &matrices, const std::vector<double> &weights);
Eigen::MatrixXd fuseConcat(const std::vector<Eigen::MatrixXd> &matrices, const std::vector<double> &weights);

// Principal-component projection of the (centred) rows of x onto its top `width` directions.
// explainedShare receives the share of the variance kept. Signs are fixed so that the largest
// loading of each component is positive.
Eigen::MatrixXd pcaProject(const Eigen::MatrixXd &x, int width, double *explainedShare = nullptr);

// Why these weights cannot be learned with the model (LearnedFusionWeights, FusionWeights.h): the
// fusion is a product, a weight is negative, or they sum to 0; nothing when they can.
std::optional<QString> learnedWeightsProblem(FusionOp op, const std::vector<double> &weights);

} // namespace fl
