#include "engine/evaluation/UserRecommendations.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

namespace fl {

UserHistories UserHistories::build(const Dataset &dataset, const std::vector<int> &train)
{
    UserHistories h;
    const int users = dataset.userCount();
    const int interactions = dataset.interactionCount();
    h.m_timestamps = !dataset.timestamp.empty() && int(dataset.timestamp.size()) == interactions;
    h.m_start.assign(size_t(users) + 1, 0);
    std::vector<int> valid;
    valid.reserve(train.size());
    for (const int t : train) {
        if (t < 0 || t >= interactions)
            continue;
        const int u = dataset.interactionUser[size_t(t)];
        const int i = dataset.interactionItem[size_t(t)];
        if (u < 0 || u >= users || i < 0 || i >= dataset.itemCount())
            continue;
        valid.push_back(t);
        ++h.m_start[size_t(u) + 1];
    }
    for (int u = 0; u < users; ++u)
        h.m_start[size_t(u) + 1] += h.m_start[size_t(u)];
    h.m_entries.assign(valid.size(), HistoryEntry{});
    std::vector<int> fill(h.m_start.begin(), h.m_start.end() - 1);
    for (const int t : valid) {
        const int u = dataset.interactionUser[size_t(t)];
        HistoryEntry &e = h.m_entries[size_t(fill[size_t(u)]++)];
        e.item = dataset.interactionItem[size_t(t)];
        e.rating = t < dataset.rating.size() ? dataset.rating[t] : 1.0;
        e.timestamp = h.m_timestamps ? dataset.timestamp[size_t(t)] : qint64(t);
    }
    if (h.m_timestamps) {
        for (int u = 0; u < users; ++u) {
            // Stable: interactions at the same time keep the dataset's order, later lines first.
            const auto begin = h.m_entries.begin() + h.m_start[size_t(u)];
            const auto end = h.m_entries.begin() + h.m_start[size_t(u) + 1];
            std::reverse(begin, end);
            std::stable_sort(begin, end, [](const HistoryEntry &a, const HistoryEntry &b) { return a.timestamp > b.timestamp; });
        }
    }
    h.m_implicit = dataset.rating.size() > 0 && dataset.rating.minCoeff() == dataset.rating.maxCoeff();
    return h;
}

std::span<const HistoryEntry> UserHistories::of(int user) const
{
    if (user < 0 || user >= userCount())
        return {};
    return std::span<const HistoryEntry>(m_entries).subspan(size_t(m_start[size_t(user)]),
                                                            size_t(m_start[size_t(user) + 1] - m_start[size_t(user)]));
}

std::vector<int> UserHistories::items(int user) const
{
    std::vector<int> out;
    for (const HistoryEntry &e : of(user))
        out.push_back(e.item);
    return out;
}

UserRecommendations recommendForUser(const Recommender &model, int user, int k, std::span<const int> historyItems,
                                     const std::vector<bool> &coldItem)
{
    UserRecommendations out;
    out.user = user;
    out.k = k;
    const int n = model.itemCount();
    if (user < 0 || user >= model.userCount() || k < 1)
        return out;
    Eigen::VectorXf scores(n);
    model.scoreItems(user, scores);
    std::vector<char> excluded(size_t(n), 0);
    for (const int item : historyItems) {
        if (item >= 0 && item < n)
            excluded[size_t(item)] = 1;
    }
    std::vector<int> candidates;
    candidates.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        if (!excluded[size_t(i)] && !std::isnan(scores[i]))
            candidates.push_back(i);
    }
    out.candidates = int(candidates.size());
    const auto top = candidates.begin() + std::min<std::ptrdiff_t>(k, std::ptrdiff_t(candidates.size()));
    // Higher scores first; equal scores in item order, so the list is the same on every run.
    std::partial_sort(candidates.begin(), top, candidates.end(), [&scores](int a, int b) {
        return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
    });
    for (auto it = candidates.begin(); it != top; ++it) {
        Recommendation r;
        r.item = *it;
        r.score = double(scores[*it]);
        r.parts = model.explain(user, *it);
        r.cold = size_t(*it) < coldItem.size() && coldItem[size_t(*it)];
        out.rows.push_back(std::move(r));
    }
    return out;
}

} // namespace fl
