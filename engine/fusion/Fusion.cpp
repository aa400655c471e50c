#include "engine/fusion/Fusion.h"

#include "engine/core/Check.h"

#include <Eigen/Eigenvalues>
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::Fusion)
};

// The messages about learned weights keep the context they were translated in.
class WeightsTr
{
    Q_DECLARE_TR_FUNCTIONS(fl::FusionWeights)
};

} // namespace

QString fusionOpName(FusionOp op)
{
    switch (op) {
    case FusionOp::Sum: return QStringLiteral("sum");
    case FusionOp::Product: return QStringLiteral("product");
    case FusionOp::Concat: return QStringLiteral("concat");
    }
    return {};
}

std::optional<FusionOp> fusionOpFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("sum"))
        return FusionOp::Sum;
    if (n == QLatin1String("product"))
        return FusionOp::Product;
    if (n == QLatin1String("concat") || n == QLatin1String("concatenation"))
        return FusionOp::Concat;
    return std::nullopt;
}

QString fusionWeightSymbol(int k)
{
    static const char16_t symbols[] = u"αβγδεζηθ";
    return k < 8 ? QString(QChar(symbols[k])) : QStringLiteral("w%1").arg(k + 1);
}

static QString subscript(int n)
{
    QString out;
    for (QChar c : QString::number(n))
        out += QChar(u'₀' + (c.unicode() - u'0'));
    return out;
}

QString fusionOpFormula(FusionOp op, int modalityCount)
{
    std::vector<int> indices(size_t(std::max(0, modalityCount)));
    std::iota(indices.begin(), indices.end(), 0);
    return fusionOpFormula(op, indices);
}

QString fusionOpFormula(FusionOp op, const std::vector<int> &modalityIndices)
{
    QStringList terms;
    for (const int k : modalityIndices) {
        const QString e = QStringLiteral("E") + subscript(k + 1);
        switch (op) {
        case FusionOp::Sum: terms << fusionWeightSymbol(k) + QStringLiteral("·") + e; break;
        case FusionOp::Product: terms << QStringLiteral("(") + fusionWeightSymbol(k) + QStringLiteral("·") + e + QStringLiteral(")"); break;
        case FusionOp::Concat: terms << fusionWeightSymbol(k) + QStringLiteral("·") + e; break;
        }
    }
    switch (op) {
    case FusionOp::Sum: return QStringLiteral("F = ") + terms.join(QStringLiteral(" + "));
    case FusionOp::Product: return QStringLiteral("F = ") + terms.join(QStringLiteral(" ⊙ "));
    case FusionOp::Concat: return QStringLiteral("F = [") + terms.join(QStringLiteral(", ")) + QStringLiteral("]");
    }
    return {};
}

std::vector<double> FusionPlan::coefficients(const std::vector<double> &weights) const
{
    if (op == FusionOp::Product) {
        const double c = std::accumulate(weights.begin(), weights.end(), 1.0, std::multiplies<>());
        return {c};
    }
    return weights;
}

Eigen::MatrixXd FusionPlan::fuse(const std::vector<double> &weights) const
{
    const std::vector<double> c = coefficients(weights);
    Eigen::MatrixXd f = Eigen::MatrixXd::Zero(itemCount(), width);
    for (size_t k = 0; k < blocks.size(); ++k)
        f.middleCols(offsets[k], blocks[k].cols()).noalias() += c[k] * blocks[k];
    return f;
}

Eigen::VectorXd FusionPlan::multiply(const std::vector<double> &weights, const Eigen::VectorXd &w) const
{
    const std::vector<double> c = coefficients(weights);
    Eigen::VectorXd out = Eigen::VectorXd::Zero(itemCount());
    for (size_t k = 0; k < blocks.size(); ++k)
        out.noalias() += c[k] * (blocks[k] * w.segment(offsets[k], blocks[k].cols()));
    return out;
}

Eigen::MatrixXd pcaProject(const Eigen::MatrixXd &x, int width, double *explainedShare)
{
    const Eigen::RowVectorXd mean = x.colwise().mean();
    const Eigen::MatrixXd centred = x.rowwise() - mean;
    const Eigen::MatrixXd cov = (centred.transpose() * centred) / std::max<Eigen::Index>(1, x.rows());
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(cov);
    // Eigenvalues come in increasing order: take the last `width` columns, largest first.
    Eigen::MatrixXd basis = solver.eigenvectors().rightCols(width).rowwise().reverse();
    for (Eigen::Index c = 0; c < basis.cols(); ++c) {
        Eigen::Index arg = 0;
        basis.col(c).cwiseAbs().maxCoeff(&arg);
        if (basis(arg, c) < 0)
            basis.col(c) = -basis.col(c);
    }
    if (explainedShare) {
        const double total = solver.eigenvalues().sum();
        *explainedShare = total > 0 ? solver.eigenvalues().tail(width).sum() / total : 1.0;
    }
    return centred * basis;
}

Result<FusionPlan> planFusion(FusionOp op, const std::vector<const ModalityMatrix *> &modalities, int commonWidth)
{
    if (modalities.empty())
        return makeError(Tr::tr("Fusion needs at least one modality; all are switched off."));
    const Eigen::Index rows = modalities.front()->values.rows();
    for (const ModalityMatrix *m : modalities) {
        if (m->values.rows() != rows)
            return makeError(Tr::tr("planFusion: modality '%1' has %2 rows but '%3' has %4; every modality needs one row per item.")
                                 .arg(m->name).arg(m->values.rows()).arg(modalities.front()->name).arg(rows));
        if (m->width() == 0)
            return makeError(Tr::tr("planFusion: modality '%1' has no columns.").arg(m->name));
    }

    FusionPlan plan;
    plan.op = op;
    for (const ModalityMatrix *m : modalities) {
        plan.modalityIndices.push_back(int(plan.modalityNames.size()));
        plan.modalityNames << m->name;
    }

    if (op == FusionOp::Concat) {
        int offset = 0;
        for (const ModalityMatrix *m : modalities) {
            plan.blocks.push_back(m->values);
            plan.offsets.push_back(offset);
            offset += m->width();
        }
        plan.width = offset;
        return plan;
    }

    int widest = 0;
    for (const ModalityMatrix *m : modalities)
        widest = std::max(widest, m->width());
    int width = commonWidth;
    if (width > widest) {
        // Wider than every modality would only add zero columns (and cost width² memory).
        plan.notes << Tr::tr("Common width %1 is wider than every modality; using %2.").arg(width).arg(widest);
        width = widest;
    }
    if (width <= 0) {
        width = 0;
        for (const ModalityMatrix *m : modalities) {
            if (m->width() > 1)
                width = width == 0 ? m->width() : std::min(width, m->width());
        }
        if (width == 0)
            width = 1;
    }
    std::vector<Eigen::MatrixXd> aligned;
    for (const ModalityMatrix *m : modalities) {
        if (m->width() > width) {
            double kept = 1.0;
            Eigen::MatrixXd projected = pcaProject(m->values, width, &kept);
            standardizeColumns(projected, {});
            plan.notes << Tr::tr("%1: %2 → %3 columns by PCA (keeps %4% of its variance), then standardised.")
                              .arg(m->name).arg(m->width()).arg(width).arg(kept * 100.0, 0, 'f', 0);
            aligned.push_back(std::move(projected));
        } else if (m->width() < width) {
            Eigen::MatrixXd padded = Eigen::MatrixXd::Zero(rows, width);
            padded.leftCols(m->width()) = m->values;
            plan.notes << Tr::tr("%1: %2 → %3 columns, padded with zeros.").arg(m->name).arg(m->width()).arg(width);
            aligned.push_back(std::move(padded));
        } else {
            aligned.push_back(m->values);
        }
    }
    plan.width = width;
    if (op == FusionOp::Sum) {
        plan.blocks = std::move(aligned);
        plan.offsets.assign(plan.blocks.size(), 0);
    } else {
        Eigen::MatrixXd product = aligned.front();
        for (size_t k = 1; k < aligned.size(); ++k)
            product = product.cwiseProduct(aligned[k]);
        plan.blocks.push_back(std::move(product));
        plan.offsets.push_back(0);
        if (std::any_of(modalities.begin(), modalities.end(), [&](const ModalityMatrix *m) { return m->width() < width; }))
            plan.notes << Tr::tr("Zero padding makes the padded columns of the product zero.");
    }
    return plan;
}

static void checkSameShape(const std::vector<Eigen::MatrixXd> &matrices, const std::vector<double> &weights)
{
    FL_CHECK(!matrices.empty() && matrices.size() == weights.size(), "one weight per modality");
    for (const Eigen::MatrixXd &m : matrices) {
        FL_CHECK(m.rows() == matrices.front().rows(), "every modality has one row per item");
    }
}

Eigen::MatrixXd fuseSum(const std::vector<Eigen::MatrixXd> &matrices, const std::vector<double> &weights)
{
    checkSameShape(matrices, weights);
    Eigen::MatrixXd f = weights[0] * matrices[0];
    for (size_t k = 1; k < matrices.size(); ++k)
        f += weights[k] * matrices[k];
    return f;
}

Eigen::MatrixXd fuseProduct(const std::vector<Eigen::MatrixXd> &matrices, const std::vector<double> &weights)
{
    checkSameShape(matrices, weights);
    Eigen::MatrixXd f = weights[0] * matrices[0];
    for (size_t k = 1; k < matrices.size(); ++k)
        f = f.cwiseProduct(weights[k] * matrices[k]);
    return f;
}

Eigen::MatrixXd fuseConcat(const std::vector<Eigen::MatrixXd> &matrices, const std::vector<double> &weights)
{
    checkSameShape(matrices, weights);
    Eigen::Index width = 0;
    for (const Eigen::MatrixXd &m : matrices)
        width += m.cols();
    Eigen::MatrixXd f(matrices[0].rows(), width);
    Eigen::Index offset = 0;
    for (size_t k = 0; k < matrices.size(); ++k) {
        f.middleCols(offset, matrices[k].cols()) = weights[k] * matrices[k];
        offset += matrices[k].cols();
    }
    return f;
}

std::optional<QString> learnedWeightsProblem(FusionOp op, const std::vector<double> &weights)
{
    if (op == FusionOp::Product)
        return WeightsTr::tr("Fusion weights can be learned for sum and concatenation, not for the product: F = (Πₖ αₖ)·(E₁ ⊙ E₂ ⊙ …) "
                      "depends on the weights only through their product, so there is no mix to learn.");
    double total = 0;
    for (const double w : weights) {
        if (!std::isfinite(w) || w < 0)
            return WeightsTr::tr("Learned fusion weights start from the chosen ones, which must be finite and not negative "
                          "(one is %1).").arg(w);
        total += w;
    }
    if (weights.empty() || total <= 0)
        return WeightsTr::tr("Learned fusion weights keep the chosen weights' sum, which must be positive; every weight is 0.");
    return std::nullopt;
}

} // namespace fl
