// Recommender splits: each kind's invariants on a small dataset built here (parts disjoint, union = all,
// ascending; per-user counts as rounded by hand; time order; cold items out of train; the file's own
// labels), determinism by seed, and the errors for missing timestamps or labels and bad ratios.

#include "engine/core/Random.h"
#include "engine/data/RecSplit.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace fl;

namespace {

// Users 0..5 with 10, 1, 5, 3, 20 and 0 interactions; 12 items (item 11 never rated); timestamps
// drawn from 0..14 so that many tie; labels cycling 0, 0, 1, 2.
const int kCounts[] = {10, 1, 5, 3, 20, 0};

Dataset makeData(bool timestamps = true, bool labels = false)
{
    Dataset data;
    data.name = QStringLiteral("tiny");
    for (int u = 0; u < 6; ++u)
        data.userIds << QStringLiteral("u%1").arg(u);
    for (int i = 0; i < 12; ++i)
        data.itemIds << QStringLiteral("i%1").arg(i);
    Random random(3);
    // Interleave users so that a user's interactions are not contiguous.
    std::vector<int> left(std::begin(kCounts), std::end(kCounts));
    while (std::any_of(left.begin(), left.end(), [](int n) { return n > 0; })) {
        for (int u = 0; u < 6; ++u) {
            if (left[size_t(u)] == 0)
                continue;
            --left[size_t(u)];
            data.interactionUser.push_back(u);
            data.interactionItem.push_back(int(random.below(11)));
            if (timestamps)
                data.timestamp.push_back(qint64(random.below(15)));
        }
    }
    const int n = data.interactionCount();
    data.rating = Eigen::VectorXd::Constant(n, 4.0);
    if (labels) {
        for (int i = 0; i < n; ++i)
            data.interactionSplit.push_back(qint8(i % 4 == 2 ? 1 : i % 4 == 3 ? 2 : 0));
    }
    return data;
}

// Parts strictly ascending, disjoint, and together every interaction exactly once.
void checkPartition(const SplitIndices &split, int n)
{
    std::vector<int> all;
    for (const std::vector<int> *part : {&split.train, &split.validation, &split.test}) {
        QVERIFY(std::adjacent_find(part->begin(), part->end(), std::greater_equal<int>()) == part->end());
        all.insert(all.end(), part->begin(), part->end());
    }
    std::sort(all.begin(), all.end());
    QCOMPARE(int(all.size()), n);
    for (int i = 0; i < n; ++i)
        QCOMPARE(all[size_t(i)], i);
}

// Per user: {train, validation, test} counts.
std::map<int, std::array<int, 3>> countsByUser(const Dataset &data, const SplitIndices &split)
{
    std::map<int, std::array<int, 3>> counts;
    for (int u = 0; u < data.userCount(); ++u)
        counts[u] = {0, 0, 0};
    const std::vector<int> *parts[] = {&split.train, &split.validation, &split.test};
    for (int p = 0; p < 3; ++p) {
        for (int i : *parts[p])
            ++counts[data.interactionUser[size_t(i)]][size_t(p)];
    }
    return counts;
}

// (timestamp, index): the order the temporal splits use, ties broken by index.
std::pair<qint64, int> when(const Dataset &data, int i)
{
    return {data.timestamp[size_t(i)], i};
}

SplitIndices mustSplit(const Dataset &data, const RecSplitConfig &config)
{
    Result<SplitIndices> split = splitInteractions(data, config);
    if (!split)
        qFatal("split failed: %s", qPrintable(split.error()));
    return std::move(split).value();
}

} // namespace

class RecSplitTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names()
    {
        for (RecSplitKind kind : {RecSplitKind::Random, RecSplitKind::UserTemporal, RecSplitKind::GlobalTemporal,
                                  RecSplitKind::File, RecSplitKind::ColdItems})
            QCOMPARE(parseRecSplitKind(recSplitKindName(kind)), std::optional<RecSplitKind>(kind));
        QCOMPARE(recSplitKindNames(),
                 QStringList({"random", "user-temporal", "global-temporal", "file", "cold-items"}));
        QVERIFY(!parseRecSplitKind(QStringLiteral("temporal")));
    }

    void randomPerUser()
    {
        const Dataset data = makeData(false);
        const SplitIndices split = mustSplit(data, {RecSplitKind::Random, 0.2, 0.1, 0, 42});
        checkPartition(split, data.interactionCount());
        QVERIFY(split.coldItem.empty());
        // By hand, test = round(0.2·n) capped at n − 1, validation = round(0.1·(n − test)):
        //   n = 10: test 2, validation round(0.8) = 1, train 7     n = 1: kept in train
        //   n = 5:  test 1, validation round(0.4) = 0, train 4     n = 3: test round(0.6) = 1, validation 0
        //   n = 20: test 4, validation round(1.6) = 2, train 14    n = 0: nothing
        const auto counts = countsByUser(data, split);
        QCOMPARE(counts.at(0), (std::array<int, 3>{7, 1, 2}));
        QCOMPARE(counts.at(1), (std::array<int, 3>{1, 0, 0}));
        QCOMPARE(counts.at(2), (std::array<int, 3>{4, 0, 1}));
        QCOMPARE(counts.at(3), (std::array<int, 3>{2, 0, 1}));
        QCOMPARE(counts.at(4), (std::array<int, 3>{14, 2, 4}));
        QCOMPARE(counts.at(5), (std::array<int, 3>{0, 0, 0}));
        QCOMPARE(split.notes.size(), 1);
        QVERIFY2(split.notes[0].contains(QStringLiteral("28 train, 3 validation, 8 test")), qPrintable(split.notes[0]));
        QVERIFY2(split.notes[0].contains(QStringLiteral("users with a single interaction kept in train: 1")),
                 qPrintable(split.notes[0]));
    }

    void randomCapsSoEveryUserKeepsTrain()
    {
        // ratio 0.9: round(0.9·3) = 3 would leave user 3 nothing to train on; it is capped at n − 1 = 2.
        const Dataset data = makeData(false);
        const auto counts = countsByUser(data, mustSplit(data, {RecSplitKind::Random, 0.9, 0.5, 0, 1}));
        QCOMPARE(counts.at(3), (std::array<int, 3>{1, 0, 2}));
        QCOMPARE(counts.at(0), (std::array<int, 3>{1, 0, 9}));   // round(9) = 9, validation round(0.5) = 1 capped to 0
    }

    void randomDeterministicBySeed()
    {
        const Dataset data = makeData(false);
        const SplitIndices a = mustSplit(data, {RecSplitKind::Random, 0.2, 0.1, 0, 42});
        const SplitIndices b = mustSplit(data, {RecSplitKind::Random, 0.2, 0.1, 0, 42});
        const SplitIndices c = mustSplit(data, {RecSplitKind::Random, 0.2, 0.1, 0, 43});
        QCOMPARE(a.train, b.train);
        QCOMPARE(a.validation, b.validation);
        QCOMPARE(a.test, b.test);
        QVERIFY(a.test != c.test);
        QCOMPARE(countsByUser(data, a), countsByUser(data, c));   // same counts, other interactions
    }

    void userTemporalByRatio()
    {
        const Dataset data = makeData();
        const SplitIndices split = mustSplit(data, {RecSplitKind::UserTemporal, 0.2, 0.1, 0, 42});
        checkPartition(split, data.interactionCount());
        const auto counts = countsByUser(data, split);
        QCOMPARE(counts.at(0), (std::array<int, 3>{7, 1, 2}));
        QCOMPARE(counts.at(4), (std::array<int, 3>{14, 2, 4}));
        // Per user, every test interaction comes after every validation one, which come after every train
        // one, in (timestamp, index) order.
        for (const auto &[earlier, later] : {std::pair{&split.train, &split.validation}, std::pair{&split.train, &split.test},
                                             std::pair{&split.validation, &split.test}}) {
            for (int a : *earlier) {
                for (int b : *later) {
                    if (data.interactionUser[size_t(a)] == data.interactionUser[size_t(b)])
                        QVERIFY(when(data, a) < when(data, b));
                }
            }
        }
    }

    void userTemporalLastK()
    {
        const Dataset data = makeData();
        const SplitIndices split = mustSplit(data, {RecSplitKind::UserTemporal, 0.2, 0.1, 1, 42});
        checkPartition(split, data.interactionCount());
        // Leave-one-out: the last to test, the one before to validation; n = 1 stays in train.
        const auto counts = countsByUser(data, split);
        QCOMPARE(counts.at(0), (std::array<int, 3>{8, 1, 1}));
        QCOMPARE(counts.at(1), (std::array<int, 3>{1, 0, 0}));
        QCOMPARE(counts.at(3), (std::array<int, 3>{1, 1, 1}));
        QCOMPARE(counts.at(4), (std::array<int, 3>{18, 1, 1}));
        // The test interaction of user 4 is its latest: largest (timestamp, index).
        std::pair<qint64, int> latest{-1, -1};
        for (int i = 0; i < data.interactionCount(); ++i) {
            if (data.interactionUser[size_t(i)] == 4)
                latest = std::max(latest, when(data, i));
        }
        QVERIFY(std::find(split.test.begin(), split.test.end(), latest.second) != split.test.end());
        // Without a validation share, nothing goes to validation.
        const SplitIndices noValidation = mustSplit(data, {RecSplitKind::UserTemporal, 0.2, 0.0, 2, 42});
        QVERIFY(noValidation.validation.empty());
        QCOMPARE(countsByUser(data, noValidation).at(3), (std::array<int, 3>{1, 0, 2}));
    }

    void globalTemporal()
    {
        const Dataset data = makeData();
        const SplitIndices split = mustSplit(data, {RecSplitKind::GlobalTemporal, 0.2, 0.1, 0, 42});
        checkPartition(split, data.interactionCount());
        // 39 interactions: test round(7.8) = 8, validation round(0.1·31) = 3, train 28.
        QCOMPARE(int(split.test.size()), 8);
        QCOMPARE(int(split.validation.size()), 3);
        QCOMPARE(int(split.train.size()), 28);
        std::pair<qint64, int> lastTrain{-1, -1}, firstValidation{1 << 30, 0}, lastValidation{-1, -1}, firstTest{1 << 30, 0};
        for (int i : split.train)
            lastTrain = std::max(lastTrain, when(data, i));
        for (int i : split.validation) {
            firstValidation = std::min(firstValidation, when(data, i));
            lastValidation = std::max(lastValidation, when(data, i));
        }
        for (int i : split.test)
            firstTest = std::min(firstTest, when(data, i));
        QVERIFY(lastTrain < firstValidation);
        QVERIFY(lastValidation < firstTest);
        QVERIFY2(split.notes[0].contains(QStringLiteral("test from timestamp %1 (interaction %2)")
                                             .arg(firstTest.first)
                                             .arg(firstTest.second)),
                 qPrintable(split.notes[0]));
    }

    void temporalNeedsTimestamps()
    {
        const Dataset data = makeData(false);
        for (RecSplitKind kind : {RecSplitKind::UserTemporal, RecSplitKind::GlobalTemporal}) {
            const Result<SplitIndices> split = splitInteractions(data, {kind, 0.2, 0.1, 0, 42});
            QVERIFY(!split);
            QVERIFY2(split.error().contains(QStringLiteral("needs a timestamp for every interaction")), qPrintable(split.error()));
            QVERIFY2(split.error().contains(QStringLiteral("“tiny” has none")), qPrintable(split.error()));
        }
        Dataset partial = makeData();
        partial.timestamp.pop_back();
        const Result<SplitIndices> split = splitInteractions(partial, {RecSplitKind::GlobalTemporal, 0.2, 0.1, 0, 42});
        QVERIFY(!split);
        QVERIFY2(split.error().contains(QStringLiteral("has 38 timestamps for 39 interactions")), qPrintable(split.error()));
    }

    void fileSplitCopiedExactly()
    {
        const Dataset data = makeData(false, true);
        const SplitIndices split = mustSplit(data, {RecSplitKind::File, 0.2, 0.1, 0, 42});
        checkPartition(split, data.interactionCount());
        for (int i : split.train)
            QCOMPARE(int(data.interactionSplit[size_t(i)]), 0);
        for (int i : split.validation)
            QCOMPARE(int(data.interactionSplit[size_t(i)]), 1);
        for (int i : split.test)
            QCOMPARE(int(data.interactionSplit[size_t(i)]), 2);
        QCOMPARE(split.test.front(), 3);
        QCOMPARE(split.validation.front(), 2);

        const Result<SplitIndices> none = splitInteractions(makeData(), {RecSplitKind::File, 0.2, 0.1, 0, 42});
        QVERIFY(!none);
        QVERIFY2(none.error().contains(QStringLiteral("the dataset “tiny” has none")), qPrintable(none.error()));
        Dataset bad = makeData(false, true);
        bad.interactionSplit[5] = 3;
        const Result<SplitIndices> wrong = splitInteractions(bad, {RecSplitKind::File, 0.2, 0.1, 0, 42});
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().contains(QStringLiteral("Interaction 5 of the dataset “tiny” has split label 3; expected 0")),
                 qPrintable(wrong.error()));
    }

    void coldItems()
    {
        const Dataset data = makeData();
        const SplitIndices split = mustSplit(data, {RecSplitKind::ColdItems, 0.2, 0.1, 0, 42});
        checkPartition(split, data.interactionCount());
        QCOMPARE(int(split.coldItem.size()), 12);
        std::set<int> rated(data.interactionItem.begin(), data.interactionItem.end());
        // m rated items: round(0.2·m) test items, round(0.1·(m − test items)) validation items.
        const int m = int(rated.size());
        const int testItems = int(std::llround(0.2 * m));
        const int validationItems = int(std::llround(0.1 * (m - testItems)));
        QCOMPARE(int(std::count(split.coldItem.begin(), split.coldItem.end(), true)), testItems + validationItems);
        QVERIFY(!split.coldItem[11]);   // never rated, never chosen
        for (int i : split.train)
            QVERIFY(!split.coldItem[size_t(data.interactionItem[size_t(i)])]);
        std::set<int> testSet, validationSet;
        for (int i : split.test)
            testSet.insert(data.interactionItem[size_t(i)]);
        for (int i : split.validation)
            validationSet.insert(data.interactionItem[size_t(i)]);
        QCOMPARE(int(testSet.size()), testItems);
        QCOMPARE(int(validationSet.size()), validationItems);
        for (int item : testSet) {
            QVERIFY(split.coldItem[size_t(item)]);
            QVERIFY(!validationSet.count(item));
        }
        // Every interaction of a cold item is outside train.
        for (int i = 0; i < data.interactionCount(); ++i) {
            if (split.coldItem[size_t(data.interactionItem[size_t(i)])])
                QVERIFY(!std::binary_search(split.train.begin(), split.train.end(), i));
        }
        const SplitIndices again = mustSplit(data, {RecSplitKind::ColdItems, 0.2, 0.1, 0, 42});
        QCOMPARE(again.coldItem, split.coldItem);
        QCOMPARE(again.test, split.test);
        bool differs = false;
        for (std::uint64_t seed = 1; seed < 6 && !differs; ++seed)
            differs = mustSplit(data, {RecSplitKind::ColdItems, 0.2, 0.1, 0, seed}).coldItem != split.coldItem;
        QVERIFY(differs);
    }

    void badConfigAndData()
    {
        const Dataset data = makeData();
        const Result<SplitIndices> ratio = splitInteractions(data, {RecSplitKind::Random, 1.0, 0.1, 0, 42});
        QVERIFY(!ratio);
        QVERIFY2(ratio.error().contains(QStringLiteral("test ratio is 1; expected a number from 0 up to")), qPrintable(ratio.error()));
        const Result<SplitIndices> validation = splitInteractions(data, {RecSplitKind::Random, 0.2, -0.1, 0, 42});
        QVERIFY(!validation);
        QVERIFY(validation.error().contains(QStringLiteral("validation ratio is -0.1")));
        const Result<SplitIndices> lastK = splitInteractions(data, {RecSplitKind::UserTemporal, 0.2, 0.1, -1, 42});
        QVERIFY(!lastK);
        Dataset bad = makeData();
        bad.interactionItem[4] = 12;
        const Result<SplitIndices> range = splitInteractions(bad, {RecSplitKind::Random, 0.2, 0.1, 0, 42});
        QVERIFY(!range);
        QVERIFY2(range.error().contains(QStringLiteral("Interaction 4 of the dataset “tiny” refers to user")), qPrintable(range.error()));
        QVERIFY(range.error().contains(QStringLiteral("an item below 12")));
    }
};

QTEST_GUILESS_MAIN(RecSplitTest)
#include "test_recsplit.moc"
