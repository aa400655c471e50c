#pragma once

// One modality after embedding: a dense items × width matrix with a per-item missing mask, plus a
// plain-language account of what was done to produce it (shown to the user).

#include <Eigen/Core>
#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

struct ModalityMatrix
{
    QString name;
    QString description;          // e.g. "TF-IDF over 1,204 terms, LSA to 32 dimensions"
    Eigen::MatrixXd values;       // items × width
    std::vector<bool> missing;    // per item
    QStringList notes;            // anything the user should know (imputation, projection, skipped files)
    int terms = 0;                // text: columns of the TF-IDF matrix W that LSA reduced (else 0)
    int documents = 0;            // text: rows of W, the items with some text (else 0)

    int width() const { return int(values.cols()); }
    int rows() const { return int(values.rows()); }
    int missingCount() const;
};

// Replaces each column by (x − mean) / sd over the items that are not missing; missing rows are set
// to 0 (the column mean after standardisation). Constant columns become 0.
void standardizeColumns(Eigen::MatrixXd &values, const std::vector<bool> &missing);

// Zeros in the missing rows plus one more column, "is missing" (standardised like the others), so a
// model can learn what having no text or no image says instead of treating the item as average.
// A matrix with nothing missing comes back unchanged.
ModalityMatrix withMissingIndicator(const ModalityMatrix &matrix);

// Mean imputation for rows marked missing, over the present rows; all-missing columns become 0.
void imputeMissingWithMean(Eigen::MatrixXd &values, const std::vector<bool> &missing);

// The rows marked missing that hold NaN or ±inf: loaders keep a non-finite value's row as NaN (a missing
// row of zeros was an empty cell), so this counts the items whose file held NaN or inf.
int nonFiniteRows(const Eigen::MatrixXd &values, const std::vector<bool> &missing);

// The note on a Numeric or Vectors modality's missing items before mean imputation, naming NaN and inf:
// "price: 3 of 10 items have no value (NaN or inf in 2 of them); filled with the column mean." Empty
// when no item is missing.
QString missingValuesNote(const QString &name, const Eigen::MatrixXd &values, const std::vector<bool> &missing);

} // namespace fl
