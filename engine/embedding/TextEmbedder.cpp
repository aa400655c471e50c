#include "engine/embedding/TextEmbedder.h"

#include "engine/core/Worker.h"
#include "engine/embedding/TruncatedSvd.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <thread>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::TextEmbedder)
};

} // namespace

// Share of the progress bar given to each stage; the SVD takes the rest.
static constexpr double tokenizeShare = 0.45;
static constexpr double tfidfShare = 0.10;

Result<ModalityMatrix> embedText(const QString &name, const QStringList &documents, const std::vector<bool> &missing,
                                 const TextEmbedderSettings &settings, const ProgressFn &progress)
{
    const auto fail = [&](const QString &message) {
        return makeError(Tr::tr("Text modality '%1': %2").arg(name, message));
    };
    const auto cancelled = [] { return makeError(Tr::tr("cancelled")); };
    bool stopped = false;
    const auto report = [&](double fraction) {
        stopped = progress && !progress(std::clamp(fraction, 0.0, 1.0));
        return !stopped;
    };

    const int count = int(documents.size());
    if (!missing.empty() && int(missing.size()) != count)
        return fail(Tr::tr("the missing mask has %1 entries for %2 documents.").arg(missing.size()).arg(count));
    if (settings.width < 1)
        return fail(Tr::tr("the width must be at least 1 (got %1).").arg(settings.width));
    if (count == 0)
        return fail(Tr::tr("there are no documents."));

    std::vector<int> fitted;
    for (int i = 0; i < count; ++i) {
        if ((missing.empty() || !missing[size_t(i)]) && !documents[i].trimmed().isEmpty())
            fitted.push_back(i);
    }
    if (fitted.empty())
        return fail(Tr::tr("none of the %1 items has any text.").arg(count));

    // Tokenize on every core, in chunks so that progress is reported and cancelling is quick. Plain
    // threads joined per chunk (rather than QtConcurrent) keep the hand-over visible to ThreadSanitizer.
    const Tokenizer tokenizer(settings.tokenizer);
    std::vector<QStringList> tokens(fitted.size());
    const unsigned threadCount = std::max(1u, std::thread::hardware_concurrency());
    constexpr size_t chunk = 4096;
    for (size_t begin = 0; begin < fitted.size(); begin += chunk) {
        const size_t end = std::min(fitted.size(), begin + chunk);
        std::atomic<size_t> next = begin;
        const auto work = [&] {
            for (size_t p = next++; p < end; p = next++)
                tokens[p] = tokenizer.tokenize(documents[fitted[p]]);
        };
        {
            std::vector<Worker> helpers;
            for (unsigned t = 1; t < threadCount && t < end - begin; ++t)
                helpers.emplace_back(work);
            work();
            for (Worker &helper : helpers)
                helper.join();
        }
        if (!report(tokenizeShare * double(end) / double(fitted.size())))
            return cancelled();
    }

    Result<TfidfMatrix> tfidf = buildTfidf(tokens, settings.tfidf);
    if (!tfidf)
        return fail(tfidf.error());
    tokens = {};
    const Eigen::SparseMatrix<double, Eigen::RowMajor> &w = tfidf->weights;
    if (!report(tokenizeShare + tfidfShare))
        return cancelled();

    const int terms = int(w.cols());
    const int usefulRows = int(fitted.size()) - tfidf->emptyRows;
    const int supported = std::min({settings.width, terms, usefulRows});

    Result<SvdResult> svd = truncatedSvd(w, supported, settings.seed, settings.powerIterations, 10, [&](double f) {
        return report(tokenizeShare + tfidfShare + (1.0 - tokenizeShare - tfidfShare) * f);
    });
    if (!svd)
        return stopped ? cancelled() : fail(svd.error());

    // Directions beyond the rank of W have σ ≈ 0 and only carry rounding noise: drop them.
    const Eigen::VectorXd &sigma = svd->singularValues;
    int width = 0;
    while (width < sigma.size() && sigma(width) > sigma(0) * 1e-10)
        ++width;

    ModalityMatrix out;
    out.name = name;
    out.values = Eigen::MatrixXd::Zero(count, width);
    out.terms = terms;
    out.documents = int(fitted.size());
    out.missing.assign(size_t(count), true);
    for (size_t p = 0; p < fitted.size(); ++p) {
        if (w.row(Eigen::Index(p)).nonZeros() == 0)
            continue;
        const int item = fitted[p];
        out.values.row(item) = svd->u.row(Eigen::Index(p)).head(width).cwiseProduct(sigma.head(width).transpose());
        out.missing[size_t(item)] = false;
    }
    imputeMissingWithMean(out.values, out.missing);

    const double total = w.squaredNorm();
    const double explained = total > 0.0 ? sigma.head(width).squaredNorm() / total : 0.0;
    QString limits = Tr::tr("min df %1").arg(settings.tfidf.minDocumentFrequency);
    if (settings.tfidf.maxDocumentFraction < 1.0)
        limits += Tr::tr(", max df %1%").arg(settings.tfidf.maxDocumentFraction * 100.0, 0, 'g', 3);
    if (settings.tfidf.sublinearTf)
        limits += Tr::tr(", sublinear tf");
    out.description = Tr::tr("TF-IDF over %L1 terms (%2), LSA to %3 dimensions (%4% of the variance)")
                          .arg(terms)
                          .arg(limits)
                          .arg(width)
                          .arg(qRound(explained * 100.0));

    if (width < settings.width) {
        if (width < supported)
            out.notes << Tr::tr("Width reduced from %1 to %2: the TF-IDF matrix has rank %2, further LSA dimensions "
                            "would carry no information.")
                             .arg(settings.width)
                             .arg(width);
        else
            out.notes << Tr::tr("Width reduced from %1 to %2: %L3 terms over %L4 documents with text support at most "
                            "%2 LSA dimensions.")
                             .arg(settings.width)
                             .arg(width)
                             .arg(terms)
                             .arg(usefulRows);
    }
    const int noText = count - int(fitted.size());
    if (noText > 0)
        out.notes << Tr::tr("%L1 of %L2 items have no text; they get the mean text vector.").arg(noText).arg(count);
    if (tfidf->emptyRows > 0)
        out.notes << Tr::tr("Items with text but no word of the vocabulary (only stop words, punctuation or rare "
                        "words): %L1; they get the mean text vector.")
                         .arg(tfidf->emptyRows);

    if (!report(1.0))
        return cancelled();
    return out;
}

} // namespace fl
