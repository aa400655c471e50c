#pragma once

// What FusionLab shows about one user and a trained model: what the user had in training (newest first
// when the dataset has timestamps) and the model's top K among the items they did not have, each with
// its score split into parts (Recommender::explain). The Recommendations page displays these and
// computes nothing itself.
//
// The display's top K breaks ties by item index, so the list a user sees is the same on every run; the
// evaluator and the top-K export break them in a seeded random order instead (topKScored,
// RankingMetrics.h), so that ties never pass for skill in a metric.

#include "engine/data/Dataset.h"
#include "engine/models/Recommender.h"

#include <QtGlobal>

#include <span>
#include <vector>

namespace fl {

struct HistoryEntry
{
    int item = -1;
    double rating = 0;
    qint64 timestamp = 0;   // the interaction's index when the dataset has no timestamps
};

// Each user's training interactions, grouped in one pass (a counting sort: O(interactions + users)).
class UserHistories
{
public:
    UserHistories() = default;
    // train: interaction indices; out-of-range ones (and ones naming a user or item out of range) are
    // skipped. Newest first when the dataset has timestamps (interactions at the same time: later lines
    // first), else in the dataset's order.
    static UserHistories build(const Dataset &dataset, const std::vector<int> &train);

    int userCount() const { return m_start.empty() ? 0 : int(m_start.size()) - 1; }
    // The user's entries; empty for a user out of range.
    std::span<const HistoryEntry> of(int user) const;
    int count(int user) const { return int(of(user).size()); }
    std::vector<int> items(int user) const;
    bool hasTimestamps() const { return m_timestamps; }
    // Every rating is the same value (clicks, views): the history is of interactions, not ratings.
    bool isImplicit() const { return m_implicit; }

private:
    std::vector<int> m_start;            // entries of user u: m_entries[m_start[u] .. m_start[u + 1])
    std::vector<HistoryEntry> m_entries;
    bool m_timestamps = false;
    bool m_implicit = false;
};

struct Recommendation
{
    int item = -1;
    double score = 0;
    std::vector<ScoreContribution> parts;   // Recommender::explain(user, item)
    bool cold = false;                      // held out of training (cold-items split)
};

struct UserRecommendations
{
    int user = -1;
    int k = 0;
    int candidates = 0;   // items that could be recommended: not in the history, with a score
    std::vector<Recommendation> rows;
};

// The model's k best items for user, best first (equal scores in item order), leaving out historyItems;
// a NaN score is never recommended. coldItem (per item, may be empty) marks held-out items. Safe to
// call from any thread (scoreItems and explain are).
UserRecommendations recommendForUser(const Recommender &model, int user, int k, std::span<const int> historyItems,
                                     const std::vector<bool> &coldItem);

} // namespace fl
