// The engine's query behind the Recommendations page (UserRecommendations.h): a user's history, newest
// first, and the model's top K among the items they did not have, with each score's parts. Checked on
// a hand-made model whose scores are written out, ties and NaN included.

#include "RecTestSupport.h"

#include "engine/evaluation/UserRecommendations.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace fl;
using namespace fl::test;

namespace {

// Scores item i of user u as table[u][i]; explain() splits each score into "base" 1 and "rest".
class TableModel : public Recommender
{
public:
    explicit TableModel(std::vector<std::vector<float>> table) : m_table(std::move(table)) {}

    QString name() const override { return QStringLiteral("table"); }
    int userCount() const override { return int(m_table.size()); }
    int itemCount() const override { return m_table.empty() ? 0 : int(m_table.front().size()); }
    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override
    {
        for (int i = 0; i < itemCount(); ++i)
            scores[i] = m_table[size_t(user)][size_t(i)];
    }
    double predict(int user, int item) const override { return m_table[size_t(user)][size_t(item)]; }
    std::vector<ScoreContribution> explain(int user, int item) const override
    {
        return {{QStringLiteral("base"), 1.0}, {QStringLiteral("rest"), predict(user, item) - 1.0}};
    }
    std::unique_ptr<Recommender> clone() const override { return std::make_unique<TableModel>(*this); }

private:
    std::vector<std::vector<float>> m_table;
};

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::vector<int> itemsOf(const UserRecommendations &r)
{
    std::vector<int> items;
    for (const Recommendation &row : r.rows)
        items.push_back(row.item);
    return items;
}

} // namespace

class TestUserRecommendations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void topKLeavesOutTheHistoryAndNaN()
    {
        //                 i0    i1   i2   i3   i4    i5
        const TableModel model({{0.5f, 3.0f, kNaN, 2.0f, 2.0f, 4.0f}});
        const std::vector<bool> cold{false, false, false, false, true, false};
        // i5, the best, is in the history; i2 has no score. i3 and i4 tie: item order.
        const UserRecommendations r = recommendForUser(model, 0, 3, std::vector<int>{5}, cold);
        QCOMPARE(r.user, 0);
        QCOMPARE(r.k, 3);
        QCOMPARE(r.candidates, 4);   // i0, i1, i3, i4
        QCOMPARE(itemsOf(r), (std::vector<int>{1, 3, 4}));
        QCOMPARE(r.rows[0].score, 3.0);
        QCOMPARE(r.rows[2].cold, true);
        QCOMPARE(r.rows[1].cold, false);
        // The parts are the model's explain(), summing to the score.
        QCOMPARE(r.rows[0].parts.size(), size_t(2));
        QCOMPARE(r.rows[0].parts[0].part, QStringLiteral("base"));
        QCOMPARE(r.rows[0].parts[0].value + r.rows[0].parts[1].value, 3.0);
    }

    void kBeyondTheCandidatesAndUsersOutOfRange()
    {
        const TableModel model({{1.0f, 2.0f, 3.0f}, {3.0f, 2.0f, 1.0f}});
        QCOMPARE(itemsOf(recommendForUser(model, 1, 10, std::vector<int>{0, 7, -1}, {})), (std::vector<int>{1, 2}));
        QCOMPARE(recommendForUser(model, 1, 10, std::vector<int>{}, {}).candidates, 3);
        QVERIFY(recommendForUser(model, 2, 3, std::vector<int>{}, {}).rows.empty());
        QVERIFY(recommendForUser(model, -1, 3, std::vector<int>{}, {}).rows.empty());
        QVERIFY(recommendForUser(model, 0, 0, std::vector<int>{}, {}).rows.empty());
    }

    void historiesNewestFirst()
    {
        Dataset d = emptyDataset(3, 4);
        addInteraction(d, 0, 0, 4.0);   // t 0: at 100
        addInteraction(d, 1, 1, 2.0);   // t 1: at 50
        addInteraction(d, 0, 2, 5.0);   // t 2: at 300
        addInteraction(d, 0, 3, 3.0);   // t 3: at 100, the same time as t 0 and a later line
        addInteraction(d, 1, 0, 1.0);   // t 4: not in training
        d.timestamp = {100, 50, 300, 100, 10};
        const UserHistories h = UserHistories::build(d, {0, 1, 2, 3, 99, -4});
        QVERIFY(h.hasTimestamps());
        QVERIFY(!h.isImplicit());
        QCOMPARE(h.userCount(), 3);
        QCOMPARE(h.items(0), (std::vector<int>{2, 3, 0}));   // 300, then the later line at 100
        QCOMPARE(h.of(0)[0].rating, 5.0);
        QCOMPARE(h.of(0)[0].timestamp, qint64(300));
        QCOMPARE(h.items(1), (std::vector<int>{1}));
        QCOMPARE(h.count(2), 0);
        QCOMPARE(h.count(3), 0);    // out of range: empty
        QCOMPARE(h.count(-1), 0);
    }

    void historiesWithoutTimestampsKeepTheDatasetsOrder()
    {
        Dataset d = emptyDataset(1, 3);
        addInteraction(d, 0, 2, 1.0);
        addInteraction(d, 0, 0, 1.0);
        addInteraction(d, 0, 1, 1.0);
        const UserHistories h = UserHistories::build(d, allIndices(d));
        QVERIFY(!h.hasTimestamps());
        QVERIFY(h.isImplicit());   // every rating the same: clicks
        QCOMPARE(h.items(0), (std::vector<int>{2, 0, 1}));
        QCOMPARE(h.of(0)[1].timestamp, qint64(1));   // the interaction's index stands in
    }
};

QTEST_GUILESS_MAIN(TestUserRecommendations)
#include "test_userrecommendations.moc"
