#include "engine/data/DatasetSummary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace fl {

namespace {

constexpr qint64 kProgressStride = qint64(1) << 22;  // about four million interactions

// The distinct rating values seen so far, sorted, with their counts; gives up past a limit.
class DistinctValues
{
public:
    explicit DistinctValues(int limit) : m_limit(size_t(limit)) {}

    bool overflowed() const { return m_overflowed; }

    void add(double value)
    {
        if (m_overflowed)
            return;
        // Ratings usually come in runs of few values: check the last hit before searching.
        if (m_last < m_values.size() && m_values[m_last] == value) {
            ++m_counts[m_last];
            return;
        }
        const auto it = std::lower_bound(m_values.begin(), m_values.end(), value);
        const size_t at = size_t(it - m_values.begin());
        if (it != m_values.end() && *it == value) {
            ++m_counts[at];
            m_last = at;
            return;
        }
        if (m_values.size() == m_limit) {
            m_overflowed = true;
            m_values.clear();
            m_counts.clear();
            return;
        }
        m_values.insert(it, value);
        m_counts.insert(m_counts.begin() + qsizetype(at), 1);
        m_last = at;
    }

    std::vector<RatingBin> bins() const
    {
        std::vector<RatingBin> bins;
        bins.reserve(m_values.size());
        for (size_t i = 0; i < m_values.size(); ++i)
            bins.push_back(RatingBin{m_values[i], m_values[i], m_counts[i]});
        return bins;
    }

private:
    size_t m_limit;
    std::vector<double> m_values;
    std::vector<qint64> m_counts;
    size_t m_last = 0;
    bool m_overflowed = false;
};

std::vector<double> means(const std::vector<double> &sums, const std::vector<int> &rated)
{
    std::vector<double> result(sums.size(), std::numeric_limits<double>::quiet_NaN());
    for (size_t i = 0; i < sums.size(); ++i) {
        if (rated[i] > 0)
            result[i] = sums[i] / rated[i];
    }
    return result;
}

} // namespace

DatasetSummary summarize(const Dataset &dataset, const ProgressFn &progress)
{
    DatasetSummary s;
    s.items = dataset.itemCount();
    s.users = dataset.userCount();
    const size_t items = size_t(s.items);
    const size_t users = size_t(s.users);

    s.coverage.reserve(dataset.modalities.size());
    for (const ModalitySource &m : dataset.modalities) {
        ModalityCoverage c;
        c.name = m.name;
        c.kind = m.kind;
        c.total = s.items;
        for (size_t i = 0; i < items; ++i) {
            if (i >= m.missing.size() || !m.missing[i])
                ++c.present;
        }
        c.fraction = c.total > 0 ? double(c.present) / c.total : 0.0;
        s.coverage.push_back(c);
    }

    s.itemRatingCount.assign(items, 0);
    s.userRatingCount.assign(users, 0);
    std::vector<double> itemSum(items, 0.0);
    std::vector<double> userSum(users, 0.0);
    std::vector<int> itemRated(items, 0);
    std::vector<int> userRated(users, 0);

    const qint64 n = std::min<qint64>(qint64(dataset.interactionItem.size()), qint64(dataset.interactionUser.size()));
    const qint64 ratingCount = std::min<qint64>(n, qint64(dataset.rating.size()));
    const double *ratings = dataset.rating.data();
    const int *itemOf = dataset.interactionItem.data();
    const int *userOf = dataset.interactionUser.data();

    DistinctValues distinct(DatasetSummary::kMaxDistinctRatings);
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    double total = 0;
    qint64 finite = 0;
    qint64 counted = 0;
    for (qint64 k = 0; k < n; ++k) {
        if (progress && k > 0 && k % kProgressStride == 0 && !progress(double(k) / double(n))) {
            s.complete = false;
            return s;
        }
        const int item = itemOf[k];
        const int user = userOf[k];
        if (item < 0 || size_t(item) >= items || user < 0 || size_t(user) >= users)
            continue;
        ++counted;
        ++s.itemRatingCount[size_t(item)];
        ++s.userRatingCount[size_t(user)];
        const double r = k < ratingCount ? ratings[k] : std::numeric_limits<double>::quiet_NaN();
        if (!std::isfinite(r))
            continue;
        ++finite;
        total += r;
        low = std::min(low, r);
        high = std::max(high, r);
        itemSum[size_t(item)] += r;
        ++itemRated[size_t(item)];
        userSum[size_t(user)] += r;
        ++userRated[size_t(user)];
        distinct.add(r);
    }
    s.interactions = counted;
    s.density = s.items > 0 && s.users > 0 ? double(counted) / (double(s.items) * double(s.users)) : 0.0;
    s.itemRatingMean = means(itemSum, itemRated);
    s.userRatingMean = means(userSum, userRated);
    s.itemsWithoutInteractions = int(std::count(s.itemRatingCount.begin(), s.itemRatingCount.end(), 0));
    s.usersWithoutInteractions = int(std::count(s.userRatingCount.begin(), s.userRatingCount.end(), 0));

    if (finite > 0) {
        s.ratingMin = low;
        s.ratingMax = high;
        s.ratingMean = total / double(finite);
    } else {
        s.ratingMin = s.ratingMax = s.ratingMean = std::numeric_limits<double>::quiet_NaN();
    }
    // No usable rating at all also means every interaction simply counts.
    s.implicitFeedback = counted > 0 && (finite == 0 || low == high);

    if (finite > 0 && !distinct.overflowed()) {
        s.histogram = distinct.bins();
    } else if (finite > 0) {
        // Continuous scores: equal-width bins over the range, a second pass over the ratings.
        s.histogramBinned = true;
        const int binCount = DatasetSummary::kContinuousBins;
        const double width = (high - low) / binCount;
        s.histogram.resize(size_t(binCount));
        for (int b = 0; b < binCount; ++b) {
            s.histogram[size_t(b)].low = low + b * width;
            s.histogram[size_t(b)].high = b + 1 == binCount ? high : low + (b + 1) * width;
        }
        for (qint64 k = 0; k < ratingCount; ++k) {
            const int item = itemOf[k];
            const int user = userOf[k];
            const double r = ratings[k];
            if (item < 0 || size_t(item) >= items || user < 0 || size_t(user) >= users || !std::isfinite(r))
                continue;
            const int b = std::clamp(int((r - low) / width), 0, binCount - 1);
            ++s.histogram[size_t(b)].count;
        }
    }

    s.popularityOrder.resize(items);
    std::iota(s.popularityOrder.begin(), s.popularityOrder.end(), 0);
    std::stable_sort(s.popularityOrder.begin(), s.popularityOrder.end(), [&s](int a, int b) {
        return s.itemRatingCount[size_t(a)] > s.itemRatingCount[size_t(b)];
    });
    s.popularityCounts.resize(items);
    for (size_t r = 0; r < items; ++r)
        s.popularityCounts[r] = s.itemRatingCount[size_t(s.popularityOrder[r])];
    s.topItems = (s.items + 4) / 5;
    qint64 topInteractions = 0;
    for (int r = 0; r < s.topItems; ++r)
        topInteractions += s.popularityCounts[size_t(r)];
    s.topShare = counted > 0 ? double(topInteractions) / double(counted) : 0.0;

    if (!dataset.timestamp.empty() && qint64(dataset.timestamp.size()) >= n && n > 0) {
        const auto [first, last] = std::minmax_element(dataset.timestamp.begin(), dataset.timestamp.begin() + n);
        s.hasTimestamps = true;
        s.firstTimestamp = *first;
        s.lastTimestamp = *last;
    }
    if (progress)
        progress(1.0);
    return s;
}

} // namespace fl
