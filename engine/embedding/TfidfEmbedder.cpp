#include "engine/embedding/TfidfEmbedder.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::TfidfEmbedder)
};

} // namespace

Result<TfidfMatrix> buildTfidf(const std::vector<QStringList> &documents, const TfidfSettings &settings)
{
    if (settings.minDocumentFrequency < 1)
        return makeError(Tr::tr("TF-IDF: the minimum document frequency must be at least 1 (got %1).")
                             .arg(settings.minDocumentFrequency));
    if (!(settings.maxDocumentFraction > 0.0 && settings.maxDocumentFraction <= 1.0))
        return makeError(Tr::tr("TF-IDF: the maximum document fraction must be in (0, 1] (got %1).")
                             .arg(settings.maxDocumentFraction));
    if (settings.maxTerms < 1)
        return makeError(Tr::tr("TF-IDF: the vocabulary must allow at least one term (got %1).").arg(settings.maxTerms));

    const int n = int(documents.size());

    // Pass 1: give every distinct token an id, count in how many documents it occurs.
    QHash<QString, int> idOf;
    QStringList terms;
    std::vector<int> df;
    std::vector<std::vector<int>> docTerms(static_cast<size_t>(n));
    std::vector<int> lastSeenIn;
    for (int d = 0; d < n; ++d) {
        std::vector<int> &ids = docTerms[size_t(d)];
        ids.reserve(size_t(documents[size_t(d)].size()));
        for (const QString &token : documents[size_t(d)]) {
            auto found = idOf.constFind(token);
            int id;
            if (found == idOf.constEnd()) {
                id = int(terms.size());
                idOf.insert(token, id);
                terms.append(token);
                df.push_back(0);
                lastSeenIn.push_back(-1);
            } else {
                id = found.value();
            }
            if (lastSeenIn[size_t(id)] != d) {
                lastSeenIn[size_t(id)] = d;
                ++df[size_t(id)];
            }
            ids.push_back(id);
        }
    }

    // Choose the vocabulary.
    const double maxDf = settings.maxDocumentFraction * double(n);
    std::vector<int> kept;
    for (int id = 0; id < int(terms.size()); ++id) {
        if (df[size_t(id)] >= settings.minDocumentFrequency && double(df[size_t(id)]) <= maxDf)
            kept.push_back(id);
    }
    if (kept.empty()) {
        if (terms.isEmpty())
            return makeError(Tr::tr("TF-IDF: the vocabulary is empty: none of the %1 documents contains a word "
                                "(after removing punctuation and stop words).").arg(n));
        return makeError(Tr::tr("TF-IDF: the vocabulary is empty: none of the %1 distinct words occurs in at least "
                            "%2 documents and at most %3% of them. Lower the minimum document frequency or "
                            "raise the maximum fraction.")
                             .arg(terms.size())
                             .arg(settings.minDocumentFrequency)
                             .arg(settings.maxDocumentFraction * 100.0, 0, 'g', 3));
    }
    std::sort(kept.begin(), kept.end(), [&](int a, int b) {
        if (df[size_t(a)] != df[size_t(b)])
            return df[size_t(a)] > df[size_t(b)];
        return terms[a] < terms[b];
    });
    if (int(kept.size()) > settings.maxTerms)
        kept.resize(size_t(settings.maxTerms));

    const int vocabSize = int(kept.size());
    std::vector<int> column(terms.size(), -1);
    TfidfMatrix result;
    result.vocabulary.reserve(vocabSize);
    result.idf.resize(vocabSize);
    result.documentFrequency.resize(vocabSize);
    for (int j = 0; j < vocabSize; ++j) {
        const int id = kept[size_t(j)];
        column[size_t(id)] = j;
        result.vocabulary.append(terms[id]);
        result.documentFrequency(j) = df[size_t(id)];
        result.idf(j) = std::log((1.0 + n) / (1.0 + df[size_t(id)])) + 1.0;
    }

    // Pass 2: rows of tf · idf, L2-normalised.
    std::vector<std::vector<std::pair<int, double>>> rows(static_cast<size_t>(n));
    Eigen::VectorXi rowNnz(n);
    for (int d = 0; d < n; ++d) {
        std::vector<int> cols;
        cols.reserve(docTerms[size_t(d)].size());
        for (int id : docTerms[size_t(d)]) {
            if (column[size_t(id)] >= 0)
                cols.push_back(column[size_t(id)]);
        }
        std::sort(cols.begin(), cols.end());
        std::vector<std::pair<int, double>> &row = rows[size_t(d)];
        for (size_t i = 0; i < cols.size();) {
            size_t j = i;
            while (j < cols.size() && cols[j] == cols[i])
                ++j;
            const double tf = double(j - i);
            const double w = (settings.sublinearTf ? 1.0 + std::log(tf) : tf) * result.idf(cols[i]);
            row.emplace_back(cols[i], w);
            i = j;
        }
        double norm2 = 0.0;
        for (const auto &e : row)
            norm2 += e.second * e.second;
        if (norm2 > 0.0) {
            const double inv = 1.0 / std::sqrt(norm2);
            for (auto &e : row)
                e.second *= inv;
        } else {
            ++result.emptyRows;
        }
        rowNnz(d) = int(row.size());
        docTerms[size_t(d)] = {};
    }

    result.weights.resize(n, vocabSize);
    result.weights.reserve(rowNnz);
    for (int d = 0; d < n; ++d) {
        for (const auto &[col, w] : rows[size_t(d)])
            result.weights.insert(d, col) = w;
    }
    result.weights.makeCompressed();
    return result;
}

} // namespace fl
