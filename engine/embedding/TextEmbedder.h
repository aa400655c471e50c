#pragma once

// The text modality's embedder: latent semantic analysis. Documents are tokenized (ICU words, so
// Chinese works), weighted by TF-IDF into a sparse W (documents × terms), and projected on the leading
// right singular vectors V_k of W from a randomized truncated SVD, giving the seed article's
// E = W V_k = U_k Σ_k (documents × width). The output is not standardised: the pipeline does that.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"
#include "engine/embedding/ModalityMatrix.h"
#include "engine/embedding/TfidfEmbedder.h"
#include "engine/embedding/Tokenizer.h"

#include <QStringList>

#include <cstdint>
#include <vector>

namespace fl {

struct TextEmbedderSettings
{
    int width = 32;
    TokenizerSettings tokenizer;
    TfidfSettings tfidf;
    std::uint64_t seed = 42;
    int powerIterations = 3;
};

// `missing` is empty or one flag per document. Missing and blank documents are left out of the fit;
// they, and documents with no vocabulary term (zero TF-IDF rows), are marked missing in the result and
// given the column mean of the others. If the
// vocabulary or the number of documents supports fewer than `width` components, the width is reduced
// and a note says so. Progress runs 0 → 1; returning false cancels with the error "cancelled".
Result<ModalityMatrix> embedText(const QString &name, const QStringList &documents, const std::vector<bool> &missing,
                                 const TextEmbedderSettings &settings, const ProgressFn &progress = {});

} // namespace fl
