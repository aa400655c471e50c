#include "engine/embedding/ModalityMatrix.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::ModalityMatrix)
};

} // namespace

int ModalityMatrix::missingCount() const
{
    return int(std::count(missing.begin(), missing.end(), true));
}

static bool isMissing(const std::vector<bool> &missing, Eigen::Index row)
{
    return !missing.empty() && missing[size_t(row)];
}

void imputeMissingWithMean(Eigen::MatrixXd &values, const std::vector<bool> &missing)
{
    if (missing.empty() || std::none_of(missing.begin(), missing.end(), [](bool m) { return m; }))
        return;
    Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(values.cols());
    Eigen::Index present = 0;
    for (Eigen::Index r = 0; r < values.rows(); ++r) {
        if (!isMissing(missing, r)) {
            sum += values.row(r);
            ++present;
        }
    }
    const Eigen::RowVectorXd mean = present > 0 ? Eigen::RowVectorXd(sum / double(present))
                                                : Eigen::RowVectorXd::Zero(values.cols());
    for (Eigen::Index r = 0; r < values.rows(); ++r) {
        if (isMissing(missing, r))
            values.row(r) = mean;
    }
}

void standardizeColumns(Eigen::MatrixXd &values, const std::vector<bool> &missing)
{
    const Eigen::Index n = values.rows();
    Eigen::Index present = 0;
    Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(values.cols());
    for (Eigen::Index r = 0; r < n; ++r) {
        if (!isMissing(missing, r)) {
            sum += values.row(r);
            ++present;
        }
    }
    if (present == 0) {
        values.setZero();
        return;
    }
    const Eigen::RowVectorXd mean = sum / double(present);
    Eigen::RowVectorXd sq = Eigen::RowVectorXd::Zero(values.cols());
    for (Eigen::Index r = 0; r < n; ++r) {
        if (!isMissing(missing, r))
            sq += (values.row(r) - mean).array().square().matrix();
    }
    for (Eigen::Index c = 0; c < values.cols(); ++c) {
        const double sd = std::sqrt(sq(c) / double(present));
        for (Eigen::Index r = 0; r < n; ++r) {
            if (isMissing(missing, r) || sd < 1e-12)
                values(r, c) = 0.0;
            else
                values(r, c) = (values(r, c) - mean(c)) / sd;
        }
    }
}

ModalityMatrix withMissingIndicator(const ModalityMatrix &matrix)
{
    ModalityMatrix out = matrix;
    const int missingRows = matrix.missingCount();
    if (missingRows == 0)
        return out;
    const Eigen::Index rows = matrix.values.rows();
    const Eigen::Index width = matrix.values.cols();
    out.values.resize(rows, width + 1);
    out.values.leftCols(width) = matrix.values;
    const double share = double(missingRows) / double(rows);
    // The indicator standardised: mean `share`, standard deviation sqrt(share (1 − share)).
    const double sd = std::sqrt(share * (1.0 - share));
    for (Eigen::Index r = 0; r < rows; ++r) {
        const bool absent = matrix.missing[size_t(r)];
        if (absent)
            out.values.row(r).head(width).setZero();
        out.values(r, width) = sd > 1e-12 ? ((absent ? 1.0 : 0.0) - share) / sd : 0.0;
    }
    return out;
}

int nonFiniteRows(const Eigen::MatrixXd &values, const std::vector<bool> &missing)
{
    int rows = 0;
    for (Eigen::Index r = 0; r < values.rows(); ++r) {
        if (isMissing(missing, r) && !values.row(r).allFinite())
            ++rows;
    }
    return rows;
}

QString missingValuesNote(const QString &name, const Eigen::MatrixXd &values, const std::vector<bool> &missing)
{
    const int count = int(std::count(missing.begin(), missing.end(), true));
    if (count == 0)
        return {};
    const int items = int(values.rows());
    const int nonFinite = nonFiniteRows(values, missing);
    if (nonFinite == 0)
        return Tr::tr("%1: %L2 of %L3 items have no value; filled with the column mean.").arg(name).arg(count).arg(items);
    return Tr::tr("%1: %L2 of %L3 items have no value (NaN or inf in %L4 of them); filled with the column mean.")
        .arg(name).arg(count).arg(items).arg(nonFinite);
}

} // namespace fl
