#pragma once

// Train / validation / test splits of a dataset's interactions for evaluating recommenders.
//
// Every kind is deterministic (fl::Random seeded by RecSplitConfig::seed, so the same settings give the
// same split on every machine), puts every interaction in exactly one part, and returns each part's
// interaction indices in ascending order. Counts are rounded to nearest (halves away from zero).
//
//   random           per user: the user's interactions are shuffled; round(ratio·n) go to test, then
//                    round(validationRatio·(n − test)) of the rest to validation, the others to train.
//   user-temporal    per user, ordered by (timestamp, interaction index): the last lastK (or the last
//                    round(ratio·n)) go to test; the ones just before them to validation (lastK of
//                    them when lastK > 0 and validationRatio > 0, else round(validationRatio·(n − test))).
//   global-temporal  all interactions ordered by (timestamp, interaction index): the latest
//                    round(ratio·N) are test, the round(validationRatio·(N − test)) before them
//                    validation, the rest train — one cut time for everyone.
//   file             the dataset's own split (Dataset::interactionSplit: 0 train, 1 validation, 2 test).
//   cold-items       items with at least one interaction are shuffled; the first round(ratio·m) are
//                    test items and the next round(validationRatio·(m − test items)) validation items.
//                    All interactions of a test item go to test, of a validation item to validation,
//                    every other interaction to train; SplitIndices::coldItem marks both kinds.
//
// In the per-user kinds (random, user-temporal) a user keeps at least one training interaction: a user
// with a single interaction keeps it in train, and test / validation counts are capped at n − 1.
// Temporal kinds need timestamps; the file kind needs the file's labels.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace fl {

// A split of the interactions into train / validation / test (indices into the Dataset's arrays,
// ascending), with the items held out entirely for cold-start evaluation (empty if none).
struct SplitIndices
{
    std::vector<int> train;
    std::vector<int> validation;
    std::vector<int> test;
    std::vector<bool> coldItem;   // per item: true if it is held out of training entirely
    QStringList notes;            // what the split did, for the user
};

enum class RecSplitKind { Random, UserTemporal, GlobalTemporal, File, ColdItems };

struct RecSplitConfig
{
    RecSplitKind kind = RecSplitKind::Random;
    double ratio = 0.2;            // the test share (of each user's interactions, of all, or of items)
    double validationRatio = 0.1;  // share of what remains after test; 0 = no validation part
    int lastK = 0;                 // user-temporal: the last k interactions per user to test; 0 = use ratio
    std::uint64_t seed = 42;       // random and cold-items
};

// "random", "user-temporal", "global-temporal", "file", "cold-items".
QString recSplitKindName(RecSplitKind kind);
std::optional<RecSplitKind> parseRecSplitKind(const QString &name);
QStringList recSplitKindNames();

Result<SplitIndices> splitInteractions(const Dataset &data, const RecSplitConfig &config);

// Checks that the interaction arrays have one entry each and that every user and item index is in
// range (0..userCount−1, 0..itemCount−1); the splits and the ranking metrics rely on it.
Result<void> checkInteractions(const Dataset &data);

} // namespace fl
