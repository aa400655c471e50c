#pragma once

// Full-ranking evaluation of a Recommender, as in MMRec, and the rating errors of its predictions.
//
// For each user u with at least one relevant target item:
//   candidates(u) = every item (or, for the cold-start report, every cold item) except the items of u's
//                   excluded interactions (train, plus validation when evaluating on test);
//   relevant(u)   = the distinct items of u's target interactions (with rating ≥ threshold when a threshold
//                   is set) that are candidates — an item u already has in an excluded part cannot be
//                   recommended and so is not counted;
//   list(u)       = the min(K, |candidates(u)|) candidates with the highest Recommender::scoreItems score,
//                   NaN scores ranked as −∞, equal scores in a random order: by seededHash(tieSeed', u, i)
//                   ascending (RandomModel.h; tieSeed' derived from RankingConfig::tieSeed), then item
//                   index; found by a bounded heap, never a full sort.
// Random ties, not ties by index: a model that gives many items the same score (popularity on cold
// items, where every count is 0) must not be credited with the dataset's item order (on MovieLens, low
// ids are old, popular films). The order is a fixed function of (seed, user, item), so results
// are reproducible and do not depend on the thread count. Over tie orders, the expected ndcg@K of a
// user whose n candidates all tie, R of them relevant, is (R/n)·Σ_{r≤min(K,n)} 1/log2(r + 1) ÷ IDCG.
// With hits h(r) = 1 if the item at rank r (from 1) is relevant, H = Σ_{r≤K} h(r), R = |relevant(u)|:
//   precision@K = H / K                       (K even when the list is shorter)
//   recall@K    = H / R
//   hit@K       = 1 if H > 0, else 0
//   ndcg@K      = Σ_r h(r) / log2(r + 1)  ÷  Σ_{r=1..min(R, K)} 1 / log2(r + 1)
//   map@K       = Σ_r h(r) · (Σ_{s≤r} h(s)) / r  ÷  min(R, K)
// Each is averaged over the evaluated users (every user counts once); with no user to evaluate (an empty
// part) every metric is NaN: it cannot be computed, and is not 0. Users are ranked in parallel; the
// per-user values are summed in user order afterwards, so the result does not depend on the thread count.
//
// RMSE = √(Σ (predict(u, i) − rating)² / n) and MAE = Σ |predict(u, i) − rating| / n over the given
// interactions.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"
#include "engine/models/Recommender.h"

#include <QMap>
#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace fl {

// The seed of the order of tied scores, unless another is given.
inline constexpr std::uint64_t kDefaultTieSeed = 0x7135eed;

struct RankingConfig
{
    std::vector<int> ks = {10, 20};
    bool useThreshold = false;     // relevant only when rating ≥ ratingThreshold
    double ratingThreshold = 0.0;
    int threads = 0;               // 0 = one per processor core
    std::uint64_t tieSeed = kDefaultTieSeed;   // the random order of tied scores
};

struct RankingReport
{
    std::vector<int> ks;
    QMap<QString, double> metrics;  // "precision@10", "recall@10", "ndcg@10", "hit@10", "map@10", … per K
    int usersEvaluated = 0;         // users with at least one relevant target item
    int usersSkipped = 0;           // the other users of the dataset (no relevant target item)
    int candidateItems = 0;         // items that can be ranked at all (all items, or the cold ones)

    double value(const QString &metric, int k) const { return metrics.value(metric + QLatin1Char('@') + QString::number(k)); }
};

struct RatingErrors
{
    double rmse = 0;
    double mae = 0;
    int count = 0;
};

struct ScoredItem
{
    int item = 0;
    float score = 0;
};

// Which parts are already known to the model when evaluating on a part: train for validation, train and
// validation for test (the merged indices, ascending).
enum class EvaluationPart { Validation, Test };
std::vector<int> excludedInteractions(const SplitIndices &split, EvaluationPart part);
// The held-out items a cold-start report of that part ranks: the cold items whose interactions went to
// the part (validation items for validation, test items for the test), so that one part's held-out
// items never stand among the other's candidates. Empty when the split holds no items out.
std::vector<bool> heldOutItems(const Dataset &data, const SplitIndices &split, EvaluationPart part);

// Ranks every candidate item for the user: model, target and excluded are the inputs described above.
Result<RankingReport> evaluateRanking(const Dataset &data, const Recommender &model, const std::vector<int> &target,
                                      const std::vector<int> &excluded, const RankingConfig &config = {});

// The cold-start report: the same metrics with the candidates restricted to the items marked in coldItem
// (SplitIndices::coldItem), so only target interactions with cold items are relevant.
Result<RankingReport> evaluateColdStart(const Dataset &data, const Recommender &model, const std::vector<int> &target,
                                        const std::vector<int> &excluded, const std::vector<bool> &coldItem,
                                        const RankingConfig &config = {});

Result<RatingErrors> ratingErrors(const Dataset &data, const Recommender &model, const std::vector<int> &interactions);

// The user's k best items (best first, ties in the evaluator's seeded random order), leaving out
// excludedItems (any order; indices out of range are ignored); empty for a user out of range or k < 1.
std::vector<ScoredItem> topKScored(const Recommender &model, int user, int k, std::span<const int> excludedItems = {},
                                   std::uint64_t tieSeed = kDefaultTieSeed);
std::vector<int> topK(const Recommender &model, int user, int k, std::span<const int> excludedItems = {},
                      std::uint64_t tieSeed = kDefaultTieSeed);

// Writes the top-K lists of the users as TSV with the header `user\trank\titem\tscore`, one line per
// recommendation, with the dataset's own user and item ids, rank from 1 and the score in shortest
// round-trip form; excluded = interactions whose items are not recommended to their user. Ties are
// ordered as evaluateRanking orders them with the same tieSeed, so the lists reproduce its metrics.
// userIds, when given, replaces data.userIds in the file (pseudonyms; one per user).
Result<void> writeTopK(const QString &path, const Dataset &data, const Recommender &model, const std::vector<int> &users,
                       int k, const std::vector<int> &excluded, int threads = 0,
                       std::uint64_t tieSeed = kDefaultTieSeed, const QStringList *userIds = nullptr);

// Writes train.tsv, valid.tsv and test.tsv into dir (created if needed) with the header
// `user\titem\trating\ttimestamp`, the dataset's own ids, ratings in shortest round-trip form and an empty
// timestamp column when the dataset has none, one line per interaction in index order; plus
// cold_items.tsv (header `item`) when the split holds items out. userIds as for writeTopK.
Result<void> writeSplit(const QString &dir, const Dataset &data, const SplitIndices &split,
                        const QStringList *userIds = nullptr);

} // namespace fl
