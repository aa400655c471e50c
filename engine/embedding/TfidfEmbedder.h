#pragma once

// TF-IDF weighting of tokenized documents: the W of the seed article's E = W Vᵀ. Each document becomes
// a sparse row of term weights tf · idf, L2-normalised, over a vocabulary chosen by document frequency.
// Conventions follow scikit-learn's TfidfVectorizer (smooth idf, l2 norm) so numbers can be checked
// against it.

#include "engine/core/Result.h"

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <QStringList>

#include <vector>

namespace fl {

struct TfidfSettings
{
    int minDocumentFrequency = 1;     // drop terms in fewer documents than this
    double maxDocumentFraction = 1.0; // drop terms in more than this share of the documents
    int maxTerms = 50000;             // keep the most frequent terms (by document frequency)
    bool sublinearTf = false;         // tf → 1 + ln tf
};

struct TfidfMatrix
{
    Eigen::SparseMatrix<double, Eigen::RowMajor> weights; // documents × terms, rows L2-normalised
    QStringList vocabulary;                               // column j is vocabulary[j]
    Eigen::VectorXd idf;                                  // per term: ln((1 + n) / (1 + df)) + 1
    Eigen::VectorXi documentFrequency;                    // per term
    int emptyRows = 0;                                    // documents with no vocabulary term
};

// Vocabulary order is deterministic: descending document frequency, then lexicographic (by UTF-16
// code units). Documents without any kept term give zero rows. Fails if the settings are out of range
// or no term survives the document-frequency limits.
Result<TfidfMatrix> buildTfidf(const std::vector<QStringList> &tokenizedDocuments, const TfidfSettings &settings);

} // namespace fl
