// Ranking metrics against values computed by hand, ties in a seeded random order (and what ties by index
// would have inflated), NaN for an empty part, exclusion of known items, the rating threshold, K beyond
// the candidates, the cold-start report, RMSE/MAE, thread-count independence (and agreement with a
// full-sort reference on a random model with many ties), and the TSV exports read back.

#include "engine/core/Random.h"
#include "engine/data/RecSplit.h"
#include "engine/evaluation/RankingMetrics.h"
#include "engine/models/RandomModel.h"

#include "tests/engine/RecTestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace fl;

namespace {

// Scores from a table: user u's score for item i is table(u, i); predict() returns the same number.
class TableModel : public Recommender
{
public:
    explicit TableModel(Eigen::MatrixXf table) : m_table(std::move(table)) {}
    QString name() const override { return QStringLiteral("table"); }
    int userCount() const override { return int(m_table.rows()); }
    int itemCount() const override { return int(m_table.cols()); }
    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override { scores = m_table.row(user).transpose(); }
    double predict(int user, int item) const override { return m_table(user, item); }
    std::vector<ScoreContribution> explain(int, int) const override { return {}; }
    std::unique_ptr<Recommender> clone() const override { return std::make_unique<TableModel>(*this); }

private:
    Eigen::MatrixXf m_table;
};

struct Row
{
    int user;
    int item;
    double rating;
    qint64 time = -1;   // −1: no timestamp
};

Dataset makeDataset(int users, int items, const std::vector<Row> &rows)
{
    Dataset data = test::emptyDataset(users, items, QStringLiteral("hand"));
    for (const Row &row : rows) {
        test::addInteraction(data, row.user, row.item, row.rating);
        if (row.time >= 0)
            data.timestamp.push_back(row.time);
    }
    return data;
}

// The hand-computed case: 4 users, 10 items.
//   user 0 scores 0.9 0.1 0.8 0.3 0.7 0.2 0.6 0.5 0.4 0.0; train item 0; test items 2 (5★), 6 (4★), 9 (2★)
//     ranking without item 0: 2 4 6 7 8 3 5 1 9 (9 candidates), hits at ranks 1, 3 and 9
//   user 1 scores 0.0 0.9 0.8 0.1 0.2 0.95 0.3 0.4 0.5 0.6; train item 5; test item 2 (3★)
//     ranking without item 5: 1 2 9 8 7 6 4 3 0, hit at rank 2
//   user 2: train item 3 only — no test item, skipped
//   user 3: nothing at all — skipped
struct HandCase
{
    Dataset data;
    TableModel model;
    std::vector<int> train;
    std::vector<int> test;
};

HandCase handCase()
{
    Eigen::MatrixXf table = Eigen::MatrixXf::Zero(4, 10);
    table.row(0) << 0.9f, 0.1f, 0.8f, 0.3f, 0.7f, 0.2f, 0.6f, 0.5f, 0.4f, 0.0f;
    table.row(1) << 0.0f, 0.9f, 0.8f, 0.1f, 0.2f, 0.95f, 0.3f, 0.4f, 0.5f, 0.6f;
    Dataset data = makeDataset(4, 10, {{0, 0, 4}, {0, 2, 5}, {1, 5, 4}, {0, 6, 4}, {1, 2, 3}, {2, 3, 5}, {0, 9, 2}});
    return {std::move(data), TableModel(table), {0, 2, 5}, {1, 3, 4, 6}};
}

const double kLog3 = std::log2(3.0);
const double kIdcg3 = 1.0 + 1.0 / kLog3 + 0.5;   // 1/log2(2) + 1/log2(3) + 1/log2(4) = 2.1309298

RankingReport mustEvaluate(const Result<RankingReport> &report)
{
    if (!report)
        qFatal("evaluation failed: %s", qPrintable(report.error()));
    return report.value();
}

void compareMetric(const RankingReport &report, const char *metric, int k, double expected)
{
    const QString key = QStringLiteral("%1@%2").arg(QLatin1String(metric)).arg(k);
    QVERIFY2(report.metrics.contains(key), qPrintable(key));
    const double actual = report.metrics.value(key);
    QVERIFY2(std::abs(actual - expected) < 1e-9, qPrintable(QStringLiteral("%1 = %2, expected %3").arg(key).arg(actual, 0, 'g', 12).arg(expected, 0, 'g', 12)));
}

// The order the evaluator documents for tied items: seededHash(seededHash(seed, −1, −1), user, item)
// ascending, then the item index.
std::vector<int> tieOrder(std::vector<int> items, int user, std::uint64_t seed)
{
    const std::uint64_t derived = seededHash(seed, -1, -1);
    std::sort(items.begin(), items.end(), [&](int a, int b) {
        const std::uint64_t ha = seededHash(derived, user, a), hb = seededHash(derived, user, b);
        return ha != hb ? ha < hb : a < b;
    });
    return items;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

// The reference: every metric by a full sort of the candidates (ties in the documented hash order),
// straight from the definitions.
QMap<QString, double> referenceMetrics(const Dataset &data, const Eigen::MatrixXf &table, const std::vector<int> &test,
                                       const std::vector<int> &excluded, const std::vector<int> &ks, std::uint64_t seed)
{
    QMap<QString, double> sums;
    int users = 0;
    for (int u = 0; u < data.userCount(); ++u) {
        std::vector<char> known(size_t(data.itemCount()), 0), relevant(size_t(data.itemCount()), 0);
        for (int i : excluded)
            if (data.interactionUser[size_t(i)] == u)
                known[size_t(data.interactionItem[size_t(i)])] = 1;
        int relevantCount = 0;
        for (int i : test) {
            const int item = data.interactionItem[size_t(i)];
            if (data.interactionUser[size_t(i)] == u && !known[size_t(item)] && !relevant[size_t(item)]) {
                relevant[size_t(item)] = 1;
                ++relevantCount;
            }
        }
        if (relevantCount == 0)
            continue;
        ++users;
        std::vector<int> candidates;
        for (int item = 0; item < data.itemCount(); ++item)
            if (!known[size_t(item)])
                candidates.push_back(item);
        std::vector<int> order = tieOrder(candidates, u, seed);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return table(u, a) > table(u, b); });
        for (int k : ks) {
            double hits = 0, dcg = 0, ap = 0, idcg = 0;
            for (int r = 1; r <= std::min(k, int(order.size())); ++r) {
                if (relevant[size_t(order[size_t(r - 1)])]) {
                    ++hits;
                    dcg += 1.0 / std::log2(r + 1.0);
                    ap += hits / r;
                }
            }
            for (int r = 1; r <= std::min(k, relevantCount); ++r)
                idcg += 1.0 / std::log2(r + 1.0);
            const QString at = QStringLiteral("@%1").arg(k);
            sums[QStringLiteral("precision") + at] += hits / k;
            sums[QStringLiteral("recall") + at] += hits / relevantCount;
            sums[QStringLiteral("ndcg") + at] += dcg / idcg;
            sums[QStringLiteral("hit") + at] += hits > 0 ? 1.0 : 0.0;
            sums[QStringLiteral("map") + at] += ap / std::min(k, relevantCount);
        }
    }
    for (auto it = sums.begin(); it != sums.end(); ++it)
        it.value() /= users;
    return sums;
}

} // namespace

class MetricsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputed()
    {
        const HandCase c = handCase();
        RankingConfig config;
        config.ks = {10, 3, 5};
        const RankingReport report = mustEvaluate(evaluateRanking(c.data, c.model, c.test, c.train, config));
        QCOMPARE(report.ks, (std::vector<int>{3, 5, 10}));
        QCOMPARE(report.usersEvaluated, 2);
        QCOMPARE(report.usersSkipped, 2);
        QCOMPARE(report.candidateItems, 10);
        QCOMPARE(report.metrics.size(), 15);
        // K = 3. User 0: list 2 4 6, hits at 1 and 3 of |R| = 3:
        //   P = 2/3, R = 2/3, HR = 1, DCG = 1/log2(2) + 1/log2(4) = 1.5, IDCG = 2.1309298 → NDCG = 0.7039180,
        //   AP = (1/1 + 2/3) / min(3, 3) = 5/9.
        // User 1: list 1 2 9, hit at 2 of |R| = 1: P = 1/3, R = 1, HR = 1, NDCG = (1/log2 3) / 1 = 0.6309298,
        //   AP = (1/2) / 1 = 0.5.
        compareMetric(report, "precision", 3, (2.0 / 3 + 1.0 / 3) / 2);
        compareMetric(report, "recall", 3, (2.0 / 3 + 1.0) / 2);
        compareMetric(report, "hit", 3, 1.0);
        compareMetric(report, "ndcg", 3, (1.5 / kIdcg3 + 1.0 / kLog3) / 2);
        compareMetric(report, "map", 3, (5.0 / 9 + 0.5) / 2);
        // K = 5 (more than user 0's three test items): user 0 list 2 4 6 7 8 — the same two hits, P = 2/5,
        //   IDCG over min(3, 5) = 3 items; user 1: P = 1/5, the rest as at K = 3.
        compareMetric(report, "precision", 5, (0.4 + 0.2) / 2);
        compareMetric(report, "recall", 5, (2.0 / 3 + 1.0) / 2);
        compareMetric(report, "ndcg", 5, (1.5 / kIdcg3 + 1.0 / kLog3) / 2);
        compareMetric(report, "map", 5, (5.0 / 9 + 0.5) / 2);
        // K = 10, more than the 9 candidates: user 0's list has all 9, hits at 1, 3 and 9:
        //   P = 3/10 (still ÷ K), R = 1, DCG = 1.5 + 1/log2(10), AP = (1 + 2/3 + 3/9) / 3 = 2/3.
        compareMetric(report, "precision", 10, (0.3 + 0.1) / 2);
        compareMetric(report, "recall", 10, 1.0);
        compareMetric(report, "hit", 10, 1.0);
        compareMetric(report, "ndcg", 10, ((1.5 + 1.0 / std::log2(10.0)) / kIdcg3 + 1.0 / kLog3) / 2);
        compareMetric(report, "map", 10, (2.0 / 3 + 0.5) / 2);
        QCOMPARE(report.value(QStringLiteral("map"), 10), report.metrics.value(QStringLiteral("map@10")));
    }

    void trainItemsExcluded()
    {
        const HandCase c = handCase();
        const std::vector<int> trainOfUser0{0};
        QCOMPARE(topK(c.model, 0, 3, trainOfUser0), (std::vector<int>{2, 4, 6}));
        QCOMPARE(topK(c.model, 0, 3), (std::vector<int>{0, 2, 4}));
        QCOMPARE(topK(c.model, 0, 3, std::vector<int>{-1, 0, 10}), (std::vector<int>{2, 4, 6}));
        QCOMPARE(int(topK(c.model, 0, 50, trainOfUser0).size()), 9);
        QVERIFY(topK(c.model, 0, 0).empty());
        QVERIFY(topK(c.model, 7, 3).empty());
        const std::vector<ScoredItem> scored = topKScored(c.model, 1, 2, std::vector<int>{5});
        QCOMPARE(scored.size(), size_t(2));
        QCOMPARE(scored[0].item, 1);
        QCOMPARE(scored[0].score, 0.9f);
        QCOMPARE(scored[1].item, 2);
    }

    void validationExcludedOnTest()
    {
        // Validation item 4 of user 0 (score 0.7): evaluating on test it is known, so user 0's list at K = 3
        // becomes 2 6 7 with hits at 1 and 2: NDCG = (1 + 1/log2 3) / IDCG₃ = 0.7653606, AP = (1 + 1)/3.
        HandCase c = handCase();
        c.data.interactionUser.push_back(0);
        c.data.interactionItem.push_back(4);
        c.data.rating.conservativeResize(8);
        c.data.rating(7) = 3;
        SplitIndices split;
        split.train = c.train;
        split.validation = {7};
        split.test = c.test;
        QCOMPARE(excludedInteractions(split, EvaluationPart::Test), (std::vector<int>{0, 2, 5, 7}));
        QCOMPARE(excludedInteractions(split, EvaluationPart::Validation), c.train);
        RankingConfig config;
        config.ks = {3};
        const RankingReport onTest = mustEvaluate(evaluateRanking(c.data, c.model, split.test,
                                                                  excludedInteractions(split, EvaluationPart::Test), config));
        compareMetric(onTest, "ndcg", 3, ((1.0 + 1.0 / kLog3) / kIdcg3 + 1.0 / kLog3) / 2);
        compareMetric(onTest, "map", 3, (2.0 / 3 + 0.5) / 2);
        // A test item the user already has in train cannot be recommended and is not relevant: user 2's
        // test interaction with its own train item 3 leaves it without relevant items.
        c.data.interactionUser.push_back(2);
        c.data.interactionItem.push_back(3);
        c.data.rating.conservativeResize(9);
        c.data.rating(8) = 5;
        split.test.push_back(8);
        const RankingReport repeat = mustEvaluate(evaluateRanking(c.data, c.model, split.test, c.train, config));
        QCOMPARE(repeat.usersEvaluated, 2);
    }

    void tiesInSeededRandomOrder()
    {
        // Items 0, 1, 2, 4 tie at 0.5 behind item 3 (0.9) and before item 5 (0.1); the tied ones come in
        // the documented hash order. The relevant item 2 is at rank p = 2 + its place among the ties.
        Eigen::MatrixXf table(1, 6);
        table << 0.5f, 0.5f, 0.5f, 0.9f, 0.5f, 0.1f;
        const TableModel model(table);
        std::vector<int> expected{3};
        for (int item : tieOrder({0, 1, 2, 4}, 0, kDefaultTieSeed))
            expected.push_back(item);
        expected.push_back(5);
        QCOMPARE(topK(model, 0, 6), expected);
        QCOMPARE(topK(model, 0, 2), (std::vector<int>{3, expected[1]}));
        const int p = int(std::find(expected.begin(), expected.end(), 2) - expected.begin()) + 1;
        const Dataset data = makeDataset(1, 6, {{0, 2, 1}});
        RankingConfig config;
        config.ks = {3, 4};
        const RankingReport report = mustEvaluate(evaluateRanking(data, model, {0}, {}, config));
        compareMetric(report, "hit", 3, p <= 3 ? 1.0 : 0.0);
        compareMetric(report, "ndcg", 3, p <= 3 ? 1.0 / std::log2(p + 1.0) : 0.0);
        compareMetric(report, "hit", 4, p <= 4 ? 1.0 : 0.0);
        compareMetric(report, "ndcg", 4, p <= 4 ? 1.0 / std::log2(p + 1.0) : 0.0);
        compareMetric(report, "map", 4, p <= 4 ? 1.0 / p : 0.0);

        // Another seed, another order, the same for the evaluator, topK and writeTopK. Over 400 seeds the
        // relevant item takes each of the four tied places about equally often (100 each, sd 8.7).
        int places[4] = {0, 0, 0, 0};
        for (std::uint64_t seed = 1; seed <= 400; ++seed) {
            config.tieSeed = seed;
            config.ks = {2, 3, 4, 5};
            const std::vector<int> ties = tieOrder({0, 1, 2, 4}, 0, seed);
            const int place = int(std::find(ties.begin(), ties.end(), 2) - ties.begin());
            ++places[place];
            const RankingReport seeded = mustEvaluate(evaluateRanking(data, model, {0}, {}, config));
            for (int k = 2; k <= 5; ++k)
                QCOMPARE(seeded.value(QStringLiteral("hit"), k), place + 2 <= k ? 1.0 : 0.0);
            if (seed <= 5)
                QCOMPARE(topK(model, 0, 5, {}, seed), (std::vector<int>{3, ties[0], ties[1], ties[2], ties[3]}));
        }
        for (int count : places)
            QVERIFY2(count > 70 && count < 130, qPrintable(QString::number(count)));

        // All equal: the hash order whatever K, the same for every K; NaN ranks last (as −∞).
        Eigen::MatrixXf flat = Eigen::MatrixXf::Zero(1, 40);
        flat(0, 1) = std::numeric_limits<float>::quiet_NaN();
        std::vector<int> others;
        for (int item = 0; item < 40; ++item)
            if (item != 1)
                others.push_back(item);
        const std::vector<int> order = tieOrder(others, 0, kDefaultTieSeed);
        QCOMPARE(topK(TableModel(flat), 0, 3), (std::vector<int>(order.begin(), order.begin() + 3)));
        QCOMPARE(topK(TableModel(flat), 0, 40).back(), 1);
        QVERIFY(order[0] != 0 || order[1] != 2 || order[2] != 3);   // not the index order
    }

    // A model that scores every item alike, with the relevant items at the lowest indices: ties by index
    // would give ndcg@10 = 1; in a random order the mean over users and seeds is the closed form
    // E = (R/n)·Σ_{r≤10} 1/log2(r + 1) ÷ IDCG_R, here with n = 30 candidates and R = 2.
    void tiesByIndexWouldInflate()
    {
        const int users = 200, items = 30;
        std::vector<Row> rows;
        for (int u = 0; u < users; ++u) {
            rows.push_back({u, 0, 5});
            rows.push_back({u, 1, 5});
        }
        const Dataset data = makeDataset(users, items, rows);
        const TableModel model(Eigen::MatrixXf::Zero(users, items));
        std::vector<int> test(rows.size());
        std::iota(test.begin(), test.end(), 0);
        double dcg = 0;
        for (int r = 1; r <= 10; ++r)
            dcg += 1.0 / std::log2(r + 1.0);
        const double expected = (2.0 / items) * dcg / (1.0 + 1.0 / kLog3);   // 0.2835
        RankingConfig config;
        config.ks = {10};
        double sum = 0;
        const int seeds = 20;
        for (int seed = 1; seed <= seeds; ++seed) {
            config.tieSeed = std::uint64_t(seed);
            const double ndcg = mustEvaluate(evaluateRanking(data, model, test, {}, config)).value(QStringLiteral("ndcg"), 10);
            QVERIFY(ndcg < 0.5);
            sum += ndcg;
        }
        QVERIFY2(std::abs(sum / seeds - expected) < 0.01,
                 qPrintable(QStringLiteral("mean ndcg@10 %1, expected %2").arg(sum / seeds).arg(expected)));
    }

    // A part without a user to evaluate has no metrics to report: NaN, not 0.
    void emptyTargetGivesNaN()
    {
        const HandCase c = handCase();
        RankingConfig config;
        config.ks = {3, 5};
        const RankingReport report = mustEvaluate(evaluateRanking(c.data, c.model, {}, c.train, config));
        QCOMPARE(report.usersEvaluated, 0);
        QCOMPARE(report.metrics.size(), 10);
        for (auto it = report.metrics.cbegin(); it != report.metrics.cend(); ++it)
            QVERIFY2(std::isnan(it.value()), qPrintable(it.key()));
    }

    void ratingThreshold()
    {
        // Relevant only with rating ≥ 4: user 0 keeps items 2 and 6 (|R| = 2), user 1 (3★) is skipped.
        // K = 3, user 0: list 2 4 6, hits at 1 and 3: P = 2/3, R = 1, NDCG = 1.5 / (1 + 1/log2 3) = 0.9197208,
        //   AP = (1 + 2/3) / min(2, 3) = 5/6.
        const HandCase c = handCase();
        RankingConfig config;
        config.ks = {3};
        config.useThreshold = true;
        config.ratingThreshold = 4.0;
        const RankingReport report = mustEvaluate(evaluateRanking(c.data, c.model, c.test, c.train, config));
        QCOMPARE(report.usersEvaluated, 1);
        QCOMPARE(report.usersSkipped, 3);
        compareMetric(report, "precision", 3, 2.0 / 3);
        compareMetric(report, "recall", 3, 1.0);
        compareMetric(report, "ndcg", 3, 1.5 / (1.0 + 1.0 / kLog3));
        compareMetric(report, "map", 3, 5.0 / 6);
    }

    void coldStart()
    {
        // Cold items 2 and 9. User 0: candidates 2 (0.8), 9 (0.0), both relevant: P@3 = 2/3, R = NDCG = AP = 1.
        // User 1: candidates 2 (0.8), 9 (0.6), relevant 2 at rank 1: P@3 = 1/3, R = NDCG = AP = 1.
        const HandCase c = handCase();
        std::vector<bool> cold(10, false);
        cold[2] = cold[9] = true;
        RankingConfig config;
        config.ks = {1, 3};
        const RankingReport report = mustEvaluate(evaluateColdStart(c.data, c.model, c.test, c.train, cold, config));
        QCOMPARE(report.candidateItems, 2);
        QCOMPARE(report.usersEvaluated, 2);
        compareMetric(report, "precision", 3, 0.5);
        compareMetric(report, "recall", 3, 1.0);
        compareMetric(report, "ndcg", 3, 1.0);
        compareMetric(report, "map", 3, 1.0);
        // K = 1: user 0 has item 2 first (1 of 2 relevant), user 1 item 2 (its only one).
        compareMetric(report, "recall", 1, (0.5 + 1.0) / 2);
        compareMetric(report, "ndcg", 1, 1.0);
        const Result<RankingReport> none = evaluateColdStart(c.data, c.model, c.test, c.train, std::vector<bool>(10, false), config);
        QVERIFY(!none);
        QVERIFY2(none.error().contains(QStringLiteral("found 0 cold items")), qPrintable(none.error()));
    }

    void ratingErrorsOnKnownNumbers()
    {
        // User 0's test interactions: predictions 0.8, 0.6, 0.0 for ratings 5, 4, 2 — errors −4.2, −3.4, −2:
        // RMSE = √((17.64 + 11.56 + 4) / 3) = √(33.2 / 3) = 3.3266600, MAE = 9.6 / 3 = 3.2.
        const HandCase c = handCase();
        const Result<RatingErrors> errors = ratingErrors(c.data, c.model, {1, 3, 6});
        QVERIFY(errors);
        QCOMPARE(errors->count, 3);
        QVERIFY(std::abs(errors->rmse - std::sqrt(33.2 / 3)) < 1e-6);   // float scores: 0.8f ≠ 0.8
        QVERIFY(std::abs(errors->mae - 3.2) < 1e-6);
        QVERIFY(!ratingErrors(c.data, c.model, {}));
        const Result<RatingErrors> bad = ratingErrors(c.data, c.model, {1, 70});
        QVERIFY(!bad);
        QVERIFY2(bad.error().contains(QStringLiteral("include index 70; expected indices from 0 to 6")), qPrintable(bad.error()));
    }

    void badInputs()
    {
        const HandCase c = handCase();
        RankingConfig config;
        config.ks = {0, 5};
        const Result<RankingReport> k = evaluateRanking(c.data, c.model, c.test, c.train, config);
        QVERIFY(!k);
        QVERIFY2(k.error().contains(QStringLiteral("cut-offs K are “0, 5”")), qPrintable(k.error()));
        const TableModel small(Eigen::MatrixXf::Zero(4, 9));
        const Result<RankingReport> shape = evaluateRanking(c.data, small, c.test, c.train);
        QVERIFY(!shape);
        QVERIFY2(shape.error().contains(QStringLiteral("knows 4 users and 9 items; expected the dataset's 4 users and 10 items")),
                 qPrintable(shape.error()));
        const Result<RankingReport> index = evaluateRanking(c.data, c.model, c.test, {-1});
        QVERIFY(!index);
        QVERIFY(index.error().contains(QStringLiteral("excluded interactions include index -1")));
    }

    void threadCountIndependentAndMatchesFullSort()
    {
        // 60 users × 300 items, scores rounded to 0.05 so that ties are everywhere, a random split.
        const int users = 60, items = 300;
        Random random(11);
        Eigen::MatrixXf table(users, items);
        for (Eigen::Index i = 0; i < table.size(); ++i)
            table.data()[i] = float(std::round(random.uniform() * 20.0) / 20.0);
        std::vector<Row> rows;
        for (int u = 0; u < users; ++u) {
            const int n = int(random.below(30));
            for (int k = 0; k < n; ++k)
                rows.push_back({u, int(random.below(std::uint64_t(items))), double(1 + random.below(5))});
        }
        const Dataset data = makeDataset(users, items, rows);
        const SplitIndices split = splitInteractions(data, {RecSplitKind::Random, 0.3, 0.0, 0, 5}).value();
        const TableModel model(table);
        RankingConfig config;
        config.ks = {1, 5, 10, 20};
        std::optional<RankingReport> first;
        for (int threads : {1, 2, 3, 8}) {
            config.threads = threads;
            const RankingReport report = mustEvaluate(evaluateRanking(data, model, split.test, split.train, config));
            if (!first) {
                first = report;
                continue;
            }
            QCOMPARE(report.metrics, first->metrics);   // exactly, not within a tolerance
            QCOMPARE(report.usersEvaluated, first->usersEvaluated);
        }
        QVERIFY(first->usersEvaluated > 40);
        const QMap<QString, double> reference = referenceMetrics(data, table, split.test, split.train, config.ks,
                                                                 config.tieSeed);
        QCOMPARE(reference.keys(), first->metrics.keys());
        for (const QString &key : reference.keys())
            QVERIFY2(std::abs(reference[key] - first->metrics[key]) < 1e-12, qPrintable(key));
    }

    void writeTopKReadBack()
    {
        const HandCase c = handCase();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("top.tsv"));
        QVERIFY(writeTopK(path, c.data, c.model, {1, 0}, 3, c.train));
        QCOMPARE(readAll(path), QByteArray("user\trank\titem\tscore\n"
                                           "u1\t1\ti1\t0.9\n"
                                           "u1\t2\ti2\t0.8\n"
                                           "u1\t3\ti9\t0.6\n"
                                           "u0\t1\ti2\t0.8\n"
                                           "u0\t2\ti4\t0.7\n"
                                           "u0\t3\ti6\t0.6\n"));
        const Result<void> badUser = writeTopK(path, c.data, c.model, {4}, 3, c.train);
        QVERIFY(!badUser);
        QVERIFY2(badUser.error().contains(QStringLiteral("User index 4 is out of range; expected 0 to 3")), qPrintable(badUser.error()));
        Dataset tabbed = c.data;
        tabbed.itemIds[3] = QStringLiteral("a\tb");
        const Result<void> tab = writeTopK(path, tabbed, c.model, {0}, 3, c.train);
        QVERIFY(!tab);
        QVERIFY(tab.error().contains(QStringLiteral("holds a tab or a line break")));
    }

    void writeSplitReadBack()
    {
        Dataset data = makeDataset(2, 3, {{0, 1, 4.5, 1700000000}, {1, 2, 3, 1700000100}, {0, 0, 1, 1600000000}, {1, 1, 2.25, 5}});
        SplitIndices split;
        split.train = {0, 3};
        split.validation = {};
        split.test = {1, 2};
        split.coldItem = {false, false, true};
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("split"));
        QVERIFY(writeSplit(out, data, split));
        QCOMPARE(readAll(out + QStringLiteral("/train.tsv")),
                 QByteArray("user\titem\trating\ttimestamp\nu0\ti1\t4.5\t1700000000\nu1\ti1\t2.25\t5\n"));
        QCOMPARE(readAll(out + QStringLiteral("/valid.tsv")), QByteArray("user\titem\trating\ttimestamp\n"));
        QCOMPARE(readAll(out + QStringLiteral("/test.tsv")),
                 QByteArray("user\titem\trating\ttimestamp\nu1\ti2\t3\t1700000100\nu0\ti0\t1\t1600000000\n"));
        QCOMPARE(readAll(out + QStringLiteral("/cold_items.tsv")), QByteArray("item\ni2\n"));
        data.timestamp.clear();
        split.coldItem.clear();
        const QString untimed = dir.filePath(QStringLiteral("untimed"));
        QVERIFY(writeSplit(untimed, data, split));
        QCOMPARE(readAll(untimed + QStringLiteral("/train.tsv")), QByteArray("user\titem\trating\ttimestamp\nu0\ti1\t4.5\t\nu1\ti1\t2.25\t\n"));
        QVERIFY(!QFile::exists(untimed + QStringLiteral("/cold_items.tsv")));
    }
};

QTEST_GUILESS_MAIN(MetricsTest)
#include "test_metrics.moc"
