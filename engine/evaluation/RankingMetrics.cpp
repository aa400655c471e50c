#include "engine/evaluation/RankingMetrics.h"

#include "engine/core/SaveFile.h"
#include "engine/core/Worker.h"
#include "engine/data/RecSplit.h"
#include "engine/evaluation/MetricKey.h"
#include "engine/models/RandomModel.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <limits>
#include <thread>

namespace fl {

namespace {

// The translation context of this file's messages; lupdate reads it from the macro.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::RankingMetrics)
};

constexpr int kUsersPerChunk = 16;   // users a thread takes from the shared counter at a time
constexpr int kMetricsPerK = 5;   // precision, recall, ndcg, hit, map: rankingMetricFamilies()

// A candidate while ranking: its score (NaN read as −∞) and its place in the user's random order of
// ties, a seeded hash of (seed, user, item).
struct Candidate
{
    int item = 0;
    float score = 0;
    std::uint64_t tie = 0;
};

bool rankedBefore(const Candidate &a, const Candidate &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    return a.tie != b.tie ? a.tie < b.tie : a.item < b.item;
}

// One thread's ranking state: a score buffer and the mask of items that may not be ranked (the
// non-candidates of every user, plus the current user's excluded items while ranking).
class Ranker
{
public:
    Ranker(const Recommender &model, const std::vector<char> &nonCandidate, std::uint64_t tieSeed)
        : m_model(model)
        , m_nonCandidate(nonCandidate)
        , m_blocked(nonCandidate)
        , m_scores(model.itemCount())
        , m_tieSeed(seededHash(tieSeed, -1, -1))
    {
    }

    // The min(k, candidates) best candidates for the user, best first (ties in the user's seeded
    // random order). Excluded items outside 0..itemCount−1 are ignored.
    const std::vector<ScoredItem> &rank(int user, int k, std::span<const int> excludedItems)
    {
        m_model.scoreItems(user, m_scores);
        for (int item : excludedItems) {
            if (size_t(item) < m_blocked.size())
                m_blocked[size_t(item)] = 1;
        }
        select(user, k);
        for (int item : excludedItems) {
            if (size_t(item) < m_blocked.size())
                m_blocked[size_t(item)] = m_nonCandidate[size_t(item)];
        }
        return m_list;
    }

private:
    // A bounded heap whose front is the worst of the best k so far. The tie key is hashed only for
    // candidates that score at least as high as the front.
    void select(int user, int k)
    {
        m_top.clear();
        const int n = int(m_scores.size());
        const float *scores = m_scores.data();
        const auto scoreOf = [scores](int i) {
            return std::isnan(scores[i]) ? -std::numeric_limits<float>::infinity() : scores[i];
        };
        int i = 0;
        for (; i < n && int(m_top.size()) < k; ++i) {
            if (m_blocked[size_t(i)])
                continue;
            m_top.push_back({i, scoreOf(i), seededHash(m_tieSeed, user, i)});
            std::push_heap(m_top.begin(), m_top.end(), rankedBefore);
        }
        if (k > 0 && int(m_top.size()) == k) {
            for (; i < n; ++i) {
                const float score = scoreOf(i);
                const Candidate &worst = m_top.front();
                if (score < worst.score || m_blocked[size_t(i)])
                    continue;
                const Candidate candidate{i, score, seededHash(m_tieSeed, user, i)};
                if (score > worst.score || rankedBefore(candidate, worst)) {
                    std::pop_heap(m_top.begin(), m_top.end(), rankedBefore);
                    m_top.back() = candidate;
                    std::push_heap(m_top.begin(), m_top.end(), rankedBefore);
                }
            }
        }
        std::sort_heap(m_top.begin(), m_top.end(), rankedBefore);
        m_list.resize(m_top.size());
        for (size_t r = 0; r < m_top.size(); ++r)
            m_list[r] = {m_top[r].item, m_top[r].score};
    }

    const Recommender &m_model;
    const std::vector<char> &m_nonCandidate;
    std::vector<char> m_blocked;
    Eigen::VectorXf m_scores;
    std::uint64_t m_tieSeed = 0;
    std::vector<Candidate> m_top;
    std::vector<ScoredItem> m_list;
};

int threadCount(int requested)
{
    return requested > 0 ? requested : std::max(1, int(std::thread::hardware_concurrency()));
}

// Calls work(ranker, index) for index 0..count−1 on `threads` threads, each with its own Ranker.
template<typename Work>
void forEachUserInParallel(int count, int threads, const Recommender &model, const std::vector<char> &nonCandidate,
                           std::uint64_t tieSeed, const Work &work)
{
    std::atomic<int> next{0};
    auto run = [&] {
        Ranker ranker(model, nonCandidate, tieSeed);
        for (int start = next.fetch_add(kUsersPerChunk); start < count; start = next.fetch_add(kUsersPerChunk)) {
            for (int index = start; index < std::min(count, start + kUsersPerChunk); ++index)
                work(ranker, index);
        }
    };
    const int helpers = std::min(threadCount(threads), (count + kUsersPerChunk - 1) / kUsersPerChunk) - 1;
    std::vector<Worker> pool;
    for (int t = 0; t < helpers; ++t)
        pool.emplace_back(run);
    run();
    for (Worker &thread : pool)
        thread.join();
}

// Distinct items per user (CSR, each user's items ascending).
struct UserItems
{
    std::vector<int> offsets;
    std::vector<int> items;

    std::span<const int> of(int user) const
    {
        return {items.data() + offsets[size_t(user)], size_t(offsets[size_t(user) + 1] - offsets[size_t(user)])};
    }
};

template<typename Keep>
UserItems itemsByUser(const Dataset &data, const std::vector<int> &interactions, const Keep &keep)
{
    UserItems lists;
    lists.offsets.assign(size_t(data.userCount()) + 1, 0);
    for (int i : interactions) {
        if (keep(i))
            ++lists.offsets[size_t(data.interactionUser[size_t(i)]) + 1];
    }
    for (size_t u = 1; u < lists.offsets.size(); ++u)
        lists.offsets[u] += lists.offsets[u - 1];
    std::vector<int> fill(lists.offsets.begin(), lists.offsets.end() - 1);
    lists.items.resize(size_t(lists.offsets.back()));
    for (int i : interactions) {
        if (keep(i))
            lists.items[size_t(fill[size_t(data.interactionUser[size_t(i)])]++)] = data.interactionItem[size_t(i)];
    }
    // Sort and deduplicate each user's run in place, compacting the array.
    int write = 0;
    for (int user = 0; user < data.userCount(); ++user) {
        const auto first = lists.items.begin() + lists.offsets[size_t(user)];
        const auto last = lists.items.begin() + lists.offsets[size_t(user) + 1];
        std::sort(first, last);
        const auto end = std::unique(first, last);
        const int count = int(end - first);
        if (lists.offsets[size_t(user)] != write)
            std::copy(first, end, lists.items.begin() + write);
        lists.offsets[size_t(user)] = write;
        write += count;
    }
    lists.offsets.back() = write;
    lists.items.resize(size_t(write));
    return lists;
}

UserItems itemsByUser(const Dataset &data, const std::vector<int> &interactions)
{
    return itemsByUser(data, interactions, [](int) { return true; });
}

Result<void> checkIndices(const Dataset &data, const std::vector<int> &interactions, const QString &what)
{
    for (int i : interactions) {
        if (i < 0 || i >= data.interactionCount())
            return makeError(Tr::tr("The %1 interactions include index %2; expected indices from 0 to %3 (the "
                                "dataset's interactions).")
                                 .arg(what)
                                 .arg(i)
                                 .arg(data.interactionCount() - 1));
    }
    return {};
}

Result<void> checkModel(const Dataset &data, const Recommender &model)
{
    if (model.userCount() != data.userCount() || model.itemCount() != data.itemCount())
        return makeError(Tr::tr("The model “%1” knows %2 users and %3 items; expected the dataset's %4 users and %5 items.")
                             .arg(model.name())
                             .arg(model.userCount())
                             .arg(model.itemCount())
                             .arg(data.userCount())
                             .arg(data.itemCount()));
    if (Result<void> ok = checkInteractions(data); !ok)
        return ok;
    return {};
}

Result<RankingReport> evaluate(const Dataset &data, const Recommender &model, const std::vector<int> &target,
                               const std::vector<int> &excluded, const std::vector<char> &nonCandidate,
                               const RankingConfig &config)
{
    if (Result<void> ok = checkModel(data, model); !ok)
        return makeError(ok.error());
    for (const auto &[indices, what] : {std::pair{&target, Tr::tr("target")}, std::pair{&excluded, Tr::tr("excluded")}}) {
        if (Result<void> ok = checkIndices(data, *indices, what); !ok)
            return makeError(ok.error());
    }
    RankingReport report;
    report.ks = config.ks;
    std::sort(report.ks.begin(), report.ks.end());
    report.ks.erase(std::unique(report.ks.begin(), report.ks.end()), report.ks.end());
    if (report.ks.empty() || report.ks.front() < 1)
        return makeError(Tr::tr("The cut-offs K are “%1”; expected one or more whole numbers of at least 1.")
                             .arg([&] {
                                 QStringList list;
                                 for (int k : config.ks)
                                     list << QString::number(k);
                                 return list.join(QStringLiteral(", "));
                             }()));
    report.candidateItems = int(std::count(nonCandidate.begin(), nonCandidate.end(), 0));

    const UserItems seen = itemsByUser(data, excluded);
    UserItems relevant = itemsByUser(data, target, [&](int i) {
        return !config.useThreshold || data.rating(i) >= config.ratingThreshold;
    });
    // Only candidates can be hits: drop non-candidates and items the user already has.
    std::vector<int> users;
    std::vector<int> relevantOffsets{0};
    std::vector<int> relevantItems;
    for (int user = 0; user < data.userCount(); ++user) {
        const std::span<const int> known = seen.of(user);
        for (int item : relevant.of(user)) {
            if (!nonCandidate[size_t(item)] && !std::binary_search(known.begin(), known.end(), item))
                relevantItems.push_back(item);
        }
        if (int(relevantItems.size()) > relevantOffsets.back()) {
            users.push_back(user);
            relevantOffsets.push_back(int(relevantItems.size()));
        }
    }
    relevant = {};

    const int nk = int(report.ks.size());
    const int kMax = report.ks.back();
    std::vector<double> idcg(size_t(kMax) + 1, 0.0);
    for (int r = 1; r <= kMax; ++r)
        idcg[size_t(r)] = idcg[size_t(r) - 1] + 1.0 / std::log2(r + 1.0);
    std::vector<double> values(users.size() * size_t(nk * kMetricsPerK), 0.0);

    forEachUserInParallel(int(users.size()), config.threads, model, nonCandidate, config.tieSeed, [&](Ranker &ranker, int index) {
        const int user = users[size_t(index)];
        const std::span<const int> hitsWanted(relevantItems.data() + relevantOffsets[size_t(index)],
                                               size_t(relevantOffsets[size_t(index) + 1] - relevantOffsets[size_t(index)]));
        const std::vector<ScoredItem> &list = ranker.rank(user, kMax, seen.of(user));
        const int relevantCount = int(hitsWanted.size());
        const int length = int(list.size());
        double *out = values.data() + size_t(index) * size_t(nk * kMetricsPerK);
        int hits = 0;
        double dcg = 0;
        double apSum = 0;
        int k = 0;
        auto record = [&] {
            const int cut = report.ks[size_t(k)];
            const int ideal = std::min(relevantCount, cut);
            double *m = out + k * kMetricsPerK;
            m[0] = double(hits) / cut;
            m[1] = double(hits) / relevantCount;
            m[2] = dcg / idcg[size_t(ideal)];
            m[3] = hits > 0 ? 1.0 : 0.0;
            m[4] = apSum / ideal;
            ++k;
        };
        for (int r = 1; r <= length; ++r) {
            if (std::binary_search(hitsWanted.begin(), hitsWanted.end(), list[size_t(r) - 1].item)) {
                ++hits;
                dcg += 1.0 / std::log2(r + 1.0);
                apSum += double(hits) / r;
            }
            while (k < nk && std::min(report.ks[size_t(k)], length) == r)
                record();
        }
        while (k < nk)
            record();
    });

    report.usersEvaluated = int(users.size());
    report.usersSkipped = data.userCount() - report.usersEvaluated;
    for (int k = 0; k < nk; ++k) {
        for (int m = 0; m < kMetricsPerK; ++m) {
            double sum = 0;
            for (size_t u = 0; u < users.size(); ++u)
                sum += values[u * size_t(nk * kMetricsPerK) + size_t(k * kMetricsPerK + m)];
            const QString key = MetricKey{rankingMetricFamilies()[m], report.ks[size_t(k)]}.name();
            report.metrics.insert(key, users.empty() ? std::numeric_limits<double>::quiet_NaN() : sum / double(users.size()));
        }
    }
    return report;
}

template<typename T>
void appendNumber(QByteArray &out, T value)
{
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, ec == std::errc() ? end - buffer : 0);
}

Result<void> checkIdsForTsv(const QStringList &ids, const QString &what)
{
    for (const QString &id : ids) {
        if (id.contains(QLatin1Char('\t')) || id.contains(QLatin1Char('\n')) || id.contains(QLatin1Char('\r')))
            return makeError(Tr::tr("The %1 id “%2” holds a tab or a line break; a TSV file cannot hold it.").arg(what, id));
    }
    return {};
}

Result<void> checkIdsForTsv(const Dataset &data)
{
    if (Result<void> ok = checkIdsForTsv(data.userIds, Tr::tr("user")); !ok)
        return ok;
    return checkIdsForTsv(data.itemIds, Tr::tr("item"));
}

std::vector<char> allCandidates(const Recommender &model)
{
    return std::vector<char>(size_t(std::max(0, model.itemCount())), 0);
}

} // namespace

std::vector<int> excludedInteractions(const SplitIndices &split, EvaluationPart part)
{
    if (part == EvaluationPart::Validation)
        return split.train;
    std::vector<int> merged(split.train.size() + split.validation.size());
    std::merge(split.train.begin(), split.train.end(), split.validation.begin(), split.validation.end(), merged.begin());
    return merged;
}

std::vector<bool> heldOutItems(const Dataset &data, const SplitIndices &split, EvaluationPart part)
{
    if (std::find(split.coldItem.begin(), split.coldItem.end(), true) == split.coldItem.end())
        return {};
    std::vector<bool> items(size_t(data.itemCount()), false);
    for (const int index : part == EvaluationPart::Validation ? split.validation : split.test) {
        const int item = data.interactionItem[size_t(index)];
        if (size_t(item) < split.coldItem.size() && split.coldItem[size_t(item)])
            items[size_t(item)] = true;
    }
    return items;
}

Result<RankingReport> evaluateRanking(const Dataset &data, const Recommender &model, const std::vector<int> &target,
                                      const std::vector<int> &excluded, const RankingConfig &config)
{
    return evaluate(data, model, target, excluded, allCandidates(model), config);
}

Result<RankingReport> evaluateColdStart(const Dataset &data, const Recommender &model, const std::vector<int> &target,
                                        const std::vector<int> &excluded, const std::vector<bool> &coldItem,
                                        const RankingConfig &config)
{
    if (int(coldItem.size()) != data.itemCount() || std::find(coldItem.begin(), coldItem.end(), true) == coldItem.end())
        return makeError(Tr::tr("The cold-start report needs items held out of training (a cold-items split); found %1 "
                            "cold items among %2 flags for %3 items.")
                             .arg(std::count(coldItem.begin(), coldItem.end(), true))
                             .arg(coldItem.size())
                             .arg(data.itemCount()));
    std::vector<char> nonCandidate(coldItem.size());
    std::transform(coldItem.begin(), coldItem.end(), nonCandidate.begin(), [](bool cold) { return char(!cold); });
    return evaluate(data, model, target, excluded, nonCandidate, config);
}

Result<RatingErrors> ratingErrors(const Dataset &data, const Recommender &model, const std::vector<int> &interactions)
{
    if (Result<void> ok = checkModel(data, model); !ok)
        return makeError(ok.error());
    if (Result<void> ok = checkIndices(data, interactions, Tr::tr("rated")); !ok)
        return makeError(ok.error());
    if (interactions.empty())
        return makeError(Tr::tr("RMSE and MAE need at least one interaction; found none."));
    double squared = 0;
    double absolute = 0;
    for (int i : interactions) {
        const double error = model.predict(data.interactionUser[size_t(i)], data.interactionItem[size_t(i)]) - data.rating(i);
        squared += error * error;
        absolute += std::abs(error);
    }
    const double n = double(interactions.size());
    return RatingErrors{std::sqrt(squared / n), absolute / n, int(interactions.size())};
}

std::vector<ScoredItem> topKScored(const Recommender &model, int user, int k, std::span<const int> excludedItems,
                                   std::uint64_t tieSeed)
{
    if (user < 0 || user >= model.userCount() || k < 1)
        return {};
    const std::vector<char> nonCandidate = allCandidates(model);
    Ranker ranker(model, nonCandidate, tieSeed);
    return ranker.rank(user, k, excludedItems);
}

std::vector<int> topK(const Recommender &model, int user, int k, std::span<const int> excludedItems,
                      std::uint64_t tieSeed)
{
    std::vector<int> items;
    for (const ScoredItem &entry : topKScored(model, user, k, excludedItems, tieSeed))
        items.push_back(entry.item);
    return items;
}

Result<void> writeTopK(const QString &path, const Dataset &data, const Recommender &model, const std::vector<int> &users,
                       int k, const std::vector<int> &excluded, int threads, std::uint64_t tieSeed,
                       const QStringList *userIds)
{
    if (userIds && userIds->size() != data.userIds.size())
        return makeError(Tr::tr("%1 user ids for %2 users.").arg(userIds->size()).arg(data.userIds.size()));
    const QStringList &ids = userIds ? *userIds : data.userIds;
    if (Result<void> ok = checkModel(data, model); !ok)
        return ok;
    if (Result<void> ok = checkIndices(data, excluded, Tr::tr("excluded")); !ok)
        return ok;
    if (Result<void> ok = checkIdsForTsv(data); !ok)
        return ok;
    if (k < 1)
        return makeError(Tr::tr("The number of recommendations per user is %1; expected at least 1.").arg(k));
    for (int user : users) {
        if (user < 0 || user >= data.userCount())
            return makeError(Tr::tr("User index %1 is out of range; expected 0 to %2.").arg(user).arg(data.userCount() - 1));
    }
    const UserItems seen = itemsByUser(data, excluded);
    const std::vector<char> nonCandidate = allCandidates(model);
    std::vector<std::vector<ScoredItem>> lists(users.size());
    forEachUserInParallel(int(users.size()), threads, model, nonCandidate, tieSeed, [&](Ranker &ranker, int index) {
        const int user = users[size_t(index)];
        lists[size_t(index)] = ranker.rank(user, k, seen.of(user));
    });
    QByteArray out("user\trank\titem\tscore\n");
    for (size_t u = 0; u < users.size(); ++u) {
        const QByteArray user = ids[users[u]].toUtf8();
        for (size_t r = 0; r < lists[u].size(); ++r) {
            out += user + '\t' + QByteArray::number(qulonglong(r + 1)) + '\t' + data.itemIds[lists[u][r].item].toUtf8() + '\t';
            appendNumber(out, lists[u][r].score);
            out += '\n';
        }
    }
    return saveBytes(path, out);
}

Result<void> writeSplit(const QString &dir, const Dataset &data, const SplitIndices &split, const QStringList *userIds)
{
    if (userIds && userIds->size() != data.userIds.size())
        return makeError(Tr::tr("%1 user ids for %2 users.").arg(userIds->size()).arg(data.userIds.size()));
    const QStringList &ids = userIds ? *userIds : data.userIds;
    if (Result<void> ok = checkInteractions(data); !ok)
        return ok;
    if (Result<void> ok = checkIdsForTsv(data); !ok)
        return ok;
    const bool timed = int(data.timestamp.size()) == data.interactionCount();
    if (!QDir().mkpath(dir))
        return makeError(Tr::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dir)));
    const std::pair<const char *, const std::vector<int> *> parts[] = {
        {"train.tsv", &split.train}, {"valid.tsv", &split.validation}, {"test.tsv", &split.test}};
    for (const auto &[name, indices] : parts) {
        if (Result<void> ok = checkIndices(data, *indices, QString::fromLatin1(name)); !ok)
            return ok;
        QByteArray out("user\titem\trating\ttimestamp\n");
        for (int i : *indices) {
            out += ids[data.interactionUser[size_t(i)]].toUtf8() + '\t'
                   + data.itemIds[data.interactionItem[size_t(i)]].toUtf8() + '\t';
            appendNumber(out, data.rating(i));
            out += '\t';
            if (timed)
                appendNumber(out, data.timestamp[size_t(i)]);
            out += '\n';
        }
        if (Result<void> ok = saveBytes(QDir(dir).filePath(QString::fromLatin1(name)), out); !ok)
            return ok;
    }
    if (std::find(split.coldItem.begin(), split.coldItem.end(), true) != split.coldItem.end()) {
        QByteArray out("item\n");
        for (size_t item = 0; item < split.coldItem.size() && int(item) < data.itemCount(); ++item) {
            if (split.coldItem[item])
                out += data.itemIds[qsizetype(item)].toUtf8() + '\n';
        }
        return saveBytes(QDir(dir).filePath(QStringLiteral("cold_items.tsv")), out);
    }
    return {};
}

} // namespace fl
