#pragma once

// What the dataset browser shows about a loaded dataset, computed in one pass over the interactions:
// ratings per item and per user with their means, the rating histogram, the long tail of item
// popularity, modality coverage and the ranges of ratings and timestamps. Pure computation (Qt Core
// only), so that the browser can run it off the UI thread: a 25M-interaction dataset takes about a
// second.

#include "engine/data/Dataset.h"

#include <QString>
#include <QtGlobal>

#include <vector>

namespace fl {

// One bar of the rating histogram: every rating in [low, high]. For data with few distinct rating
// values (stars, half stars) there is one bin per value and low == high.
struct RatingBin
{
    double low = 0;
    double high = 0;
    qint64 count = 0;
};

struct ModalityCoverage
{
    QString name;
    ModalityKind kind = ModalityKind::Numeric;
    // Items that have something for this modality (not ModalitySource::missing). For an image modality,
    // an item whose file does not exist or has no readable header is missing: loaders check every file
    // (markUnreadableImages in ImageEmbedder.h), so this agrees with `stats` and the training notes.
    int present = 0;
    int total = 0;        // all items
    double fraction = 0;  // present / total; 0 for a dataset without items
};

struct DatasetSummary
{
    // At most this many distinct rating values get a bar each; more (continuous scores) are grouped
    // into kContinuousBins equal-width bins.
    static constexpr int kMaxDistinctRatings = 40;
    static constexpr int kContinuousBins = 20;

    int items = 0;
    int users = 0;
    qint64 interactions = 0;
    double density = 0;  // interactions / (items × users); 0 without items or users

    // Per item and per user, indexed like Dataset::itemIds / userIds. A mean is NaN without ratings.
    std::vector<int> itemRatingCount;
    std::vector<double> itemRatingMean;
    std::vector<int> userRatingCount;
    std::vector<double> userRatingMean;
    int itemsWithoutInteractions = 0;
    int usersWithoutInteractions = 0;

    // Ratings: range over the finite values, NaN when there are none.
    double ratingMin = 0;
    double ratingMax = 0;
    double ratingMean = 0;
    // Bins in ascending order; empty without finite ratings.
    std::vector<RatingBin> histogram;
    bool histogramBinned = false;  // true when the bins group ranges of values (continuous scores)
    // Every interaction carries the same rating (typically 1): implicit feedback, where a histogram
    // and mean ratings say nothing.
    bool implicitFeedback = false;

    // Long tail: item indices from the most to the least interacted with (ties by index), and their
    // interaction counts in that order (non-increasing).
    std::vector<int> popularityOrder;
    std::vector<int> popularityCounts;
    int topItems = 0;        // the top 20% of items: ceil(0.2 × items), at least 1 when there are items
    double topShare = 0;     // the share of interactions those items receive, 0..1

    bool hasTimestamps = false;
    qint64 firstTimestamp = 0;
    qint64 lastTimestamp = 0;

    std::vector<ModalityCoverage> coverage;  // in the dataset's modality order

    // False when summarize() was stopped by its progress callback: the fields are then incomplete.
    bool complete = true;
};

// Summarizes dataset. Interactions whose user or item index is out of range are ignored, and so are
// non-finite ratings for means, ranges and the histogram. progress (optional) is called every few
// million interactions; returning false stops the work and yields a summary with complete == false.
DatasetSummary summarize(const Dataset &dataset, const ProgressFn &progress = {});

} // namespace fl
