// The Recommendations panel with a fake Recommender whose scores and contributions are known: the top K
// equals a reference computed here (a full sort of the items outside the user's training history),
// contributions sum to the score and the bar segments follow the parts in order and sign, the history
// lists exactly the user's training items (newest first, capped), switching users updates both, cold
// items carry a badge, K changes, clear(), a model that does not fit, a dataset without images, the
// demo with thumbnails arriving, background work applying only the newest request, and 60k users.
//
// FUSIONLAB_SCREENSHOT_DIR=/some/dir makes screenshot() save the panel at 1100×750 there.

#include "engine/data/ManifestLoader.h"
#include "engine/data/Split.h"
#include "engine/models/Recommender.h"
#include "ui/ContributionBar.h"
#include "ui/RecommendationsPanel.h"

#include "tests/TestSupport.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QListView>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <set>

using namespace fl;

namespace {

using fl::test::loadDemo;

using Panel = RecommendationsPanel;
using PartsFn = std::function<std::vector<ScoreContribution>(int user, int item)>;

// Scores are the sum of the parts PartsFn gives; explain() returns them as they are.
class FakeRecommender : public Recommender
{
public:
    FakeRecommender(int users, int items, PartsFn parts)
        : m_users(users)
        , m_items(items)
        , m_parts(std::move(parts))
    {
    }

    QString name() const override { return QStringLiteral("fake"); }
    int userCount() const override { return m_users; }
    int itemCount() const override { return m_items; }

    void scoreItems(int user, Eigen::Ref<Eigen::VectorXf> scores) const override
    {
        for (int i = 0; i < m_items; ++i)
            scores[i] = float(predict(user, i));
    }

    double predict(int user, int item) const override
    {
        double sum = 0;
        for (const ScoreContribution &c : m_parts(user, item))
            sum += c.value;
        return sum;
    }

    std::vector<ScoreContribution> explain(int user, int item) const override { return m_parts(user, item); }
    std::unique_ptr<Recommender> clone() const override { return std::make_unique<FakeRecommender>(*this); }

private:
    int m_users;
    int m_items;
    PartsFn m_parts;
};

// Parts that are multiples of 1/8 plus item/1024: exact in float, so the model's float scores and the
// reference's double sums agree, and no two items of a small dataset tie.
std::vector<ScoreContribution> dyadicParts(int u, int i)
{
    auto v = [](int x) { return double(x % 13 - 5) / 8.0; };  // −5/8 .. 7/8: some negative
    return {{QStringLiteral("text"), v(3 * u + 5 * i + 1)},
            {QStringLiteral("image"), v(7 * u + 2 * i + 4)},
            {QStringLiteral("price"), v(u + 11 * i + 7)},
            {QStringLiteral("collaborative"), v(5 * u + 3 * i)},
            {QStringLiteral("bias"), -0.25 + double(i) / 1024.0}};
}

// A deterministic number in [0, 1) from a few integers (splitmix64).
double noise(std::uint64_t a, std::uint64_t b, std::uint64_t c)
{
    std::uint64_t z = a * 0x9E3779B97F4A7C15ull + b * 0xBF58476D1CE4E5B9ull + c * 0x94D049BB133111EBull + 0x1234567ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return double(z >> 11) / double(1ull << 53);
}

struct Rated
{
    int user;
    int item;
    double rating;
    qint64 time = 0;
};

std::shared_ptr<Dataset> makeDataset(int items, int users, const std::vector<Rated> &interactions, bool timestamps)
{
    auto d = std::make_shared<Dataset>();
    d->name = QStringLiteral("tiny");
    for (int i = 0; i < items; ++i) {
        d->itemIds << QStringLiteral("i%1").arg(i);
        d->itemTitles << QStringLiteral("Item number %1").arg(i);
    }
    for (int u = 0; u < users; ++u)
        d->userIds << QStringLiteral("u%1").arg(u);
    d->rating.resize(Eigen::Index(interactions.size()));
    for (size_t k = 0; k < interactions.size(); ++k) {
        d->interactionUser.push_back(interactions[k].user);
        d->interactionItem.push_back(interactions[k].item);
        d->rating[Eigen::Index(k)] = interactions[k].rating;
        if (timestamps)
            d->timestamp.push_back(interactions[k].time);
    }
    return d;
}

// 6 users × 40 items; user u < 5 rated items (u·7 + 3j) mod 40 for j < 6 + u, at shuffled times. User 5
// has 45 interactions with 20 distinct items (more than the history strip lists). Interactions with index % 4 == 3 are
// held out of training (not history, still candidates).
struct Tiny
{
    std::shared_ptr<Dataset> dataset;
    std::vector<int> train;

    static Tiny make(bool timestamps = true)
    {
        std::vector<Rated> rated;
        for (int u = 0; u < 6; ++u) {
            const int count = u == 5 ? 40 : 6 + u;
            for (int j = 0; j < count; ++j)
                rated.push_back({u, u == 5 ? j % 20 : (u * 7 + 3 * j) % 40, double(1 + (u + j) % 5), qint64(1'700'000'000 + ((j * 7919) % 97) * 3600)});
        }
        // User 5 also has five older interactions with items it rated again later.
        for (int j = 0; j < 5; ++j)
            rated.push_back({5, j, 3.0, qint64(1'600'000'000 + j)});
        Tiny t;
        t.dataset = makeDataset(40, 6, rated, timestamps);
        for (int k = 0; k < int(rated.size()); ++k) {
            if (k % 4 != 3 || rated[size_t(k)].user == 5)
                t.train.push_back(k);
        }
        return t;
    }

    std::multiset<int> trainItems(int user) const
    {
        std::multiset<int> items;
        for (int k : train) {
            if (dataset->interactionUser[size_t(k)] == user)
                items.insert(dataset->interactionItem[size_t(k)]);
        }
        return items;
    }

    int distinctTrainItems(int user) const
    {
        const std::multiset<int> items = trainItems(user);
        return int(std::set<int>(items.begin(), items.end()).size());
    }
};

// The reference: every item outside the user's training items, fully sorted by score (ties by index).
std::vector<int> referenceTopK(const Recommender &model, const std::multiset<int> &history, int user, int k)
{
    std::vector<std::pair<double, int>> all;
    for (int i = 0; i < model.itemCount(); ++i) {
        if (!history.count(i))
            all.push_back({model.predict(user, i), i});
    }
    std::sort(all.begin(), all.end(), [](auto a, auto b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::vector<int> top;
    for (int r = 0; r < std::min<int>(k, int(all.size())); ++r)
        top.push_back(all[size_t(r)].second);
    return top;
}

std::vector<int> shownItems(const Panel &panel)
{
    std::vector<int> items;
    for (const Panel::Recommendation &r : panel.recommendations())
        items.push_back(r.item);
    return items;
}

QVariant cell(const QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->index(row, column).data(role);
}

// A believable model for the demo: five parts, some negative, cold items explained by content only.
std::shared_ptr<const Recommender> demoModel(const Dataset &demo, std::vector<bool> cold)
{
    return std::make_shared<FakeRecommender>(demo.userCount(), demo.itemCount(), [cold](int u, int i) {
        const bool isCold = size_t(i) < cold.size() && cold[size_t(i)];
        const double text = -0.25 + 0.9 * noise(u, i, 1) + (isCold ? 0.45 : 0.0);
        const double image = -0.35 + 0.8 * noise(u, i, 2) + (isCold ? 0.35 : 0.0);
        const double price = -0.45 + 0.6 * noise(7, i, 3);
        const double collaborative = isCold ? 0.0 : -0.5 + 1.4 * noise(u, i, 4);
        const double bias = -0.3 + 0.5 * noise(u, 0, 5) + 0.2 * noise(0, i, 6);
        return std::vector<ScoreContribution>{{QStringLiteral("text"), text},
                                              {QStringLiteral("image"), image},
                                              {QStringLiteral("price"), price},
                                              {QStringLiteral("collaborative"), collaborative},
                                              {QStringLiteral("bias"), bias}};
    });
}

struct DemoSetup
{
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const Recommender> model;
    std::vector<int> train;
    std::vector<bool> cold;
};

DemoSetup demoSetup()
{
    DemoSetup s;
    s.dataset = loadDemo();
    s.cold.assign(size_t(s.dataset->itemCount()), false);
    for (int i = 0; i < s.dataset->itemCount(); i += 20)
        s.cold[size_t(i)] = true;
    const Split split = randomSplit(s.dataset->interactionCount(), SplitConfig{});
    for (int k : split.train) {
        if (!s.cold[size_t(s.dataset->interactionItem[size_t(k)])])
            s.train.push_back(k);
    }
    s.model = demoModel(*s.dataset, s.cold);
    return s;
}

void settle()
{
    QThreadPool::globalInstance()->waitForDone();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

} // namespace

class TestRecommendationsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noModelAsksForTraining()
    {
        Panel panel;
        QVERIFY2(panel.messageText().contains(QStringLiteral("Train a model first")), qPrintable(panel.messageText()));
        QCOMPARE(panel.currentUser(), -1);
        QVERIFY(panel.recommendations().empty());
        QCOMPARE(panel.recommendationsModel()->rowCount(), 0);
        QCOMPARE(panel.historyModel()->rowCount(), 0);
        QCOMPARE(panel.k(), 10);
        // Harmless without a model.
        panel.nextUser();
        panel.previousUser();
        panel.randomUser();
        panel.setCurrentUser(3);
        QCOMPARE(panel.currentUser(), -1);
    }

    void topKExcludesHistory()
    {
        const Tiny tiny = Tiny::make();
        auto model = std::make_shared<FakeRecommender>(6, 40, dyadicParts);
        Panel panel;
        panel.setModel(tiny.dataset, model, tiny.train);
        QVERIFY(panel.messageText().isEmpty());
        QCOMPARE(panel.currentUser(), 0);
        for (int u = 0; u < 6; ++u) {
            panel.setCurrentUser(u);
            QCOMPARE(panel.currentUser(), u);
            const std::vector<int> expected = referenceTopK(*model, tiny.trainItems(u), u, 10);
            QCOMPARE(shownItems(panel), expected);
            for (int item : shownItems(panel))
                QVERIFY(!tiny.trainItems(u).count(item));
            // What the table shows.
            const QAbstractItemModel *m = panel.recommendationsModel();
            QCOMPARE(m->rowCount(), 10);
            for (int r = 0; r < 10; ++r) {
                QCOMPARE(cell(m, r, Panel::RankColumn).toInt(), r + 1);
                QCOMPARE(cell(m, r, Panel::TitleColumn).toString(), QStringLiteral("Item number %1").arg(expected[size_t(r)]));
                QCOMPARE(cell(m, r, 0, Panel::ItemRole).toInt(), expected[size_t(r)]);
                QCOMPARE(cell(m, r, Panel::ScoreColumn).toString(),
                         QLocale().toString(model->predict(u, expected[size_t(r)]), 'f', 3));
            }
        }

        // Interactions held out of training are candidates: user 0's held-out item can be recommended.
        const int heldOut = tiny.dataset->interactionItem[3];
        QCOMPARE(tiny.dataset->interactionUser[3], 0);
        QVERIFY(!tiny.trainItems(0).count(heldOut));
        panel.setCurrentUser(0);
        panel.setK(40);
        const std::vector<int> all = shownItems(panel);
        QCOMPARE(std::count(all.begin(), all.end(), heldOut), std::ptrdiff_t(1));
        QCOMPARE(int(all.size()), 40 - tiny.distinctTrainItems(0));
    }

    void literalTopK()
    {
        // Score = item index for everyone; user 0 had items 11 and 9: the top 3 are 10, 8, 7.
        auto d = makeDataset(12, 2, {{0, 11, 5}, {0, 9, 4}, {1, 0, 3}}, false);
        auto model = std::make_shared<FakeRecommender>(2, 12, [](int, int i) {
            return std::vector<ScoreContribution>{{QStringLiteral("collaborative"), double(i) + 1}, {QStringLiteral("bias"), -1.0}};
        });
        Panel panel;
        panel.setK(3);
        panel.setModel(d, model, {0, 1, 2});
        QCOMPARE(shownItems(panel), (std::vector<int>{10, 8, 7}));
        panel.setCurrentUser(1);
        QCOMPARE(shownItems(panel), (std::vector<int>{11, 10, 9}));
    }

    void contributionsAndSegments()
    {
        const Tiny tiny = Tiny::make();
        auto model = std::make_shared<FakeRecommender>(6, 40, dyadicParts);
        Panel panel;
        panel.resize(1100, 750);
        panel.setModel(tiny.dataset, model, tiny.train);
        panel.setCurrentUser(2);
        const auto &rows = panel.recommendations();
        QCOMPARE(int(rows.size()), 10);

        ContributionScale scale;
        for (const auto &r : rows)
            scale.include(r.parts);
        QVERIFY(scale.negative > 0 && scale.positive > 0);
        const QRectF area(0, 0, 500, 20);
        const double zero = contributionZeroX(scale, area);
        QVERIFY(zero > area.left() && zero < area.right());
        const double unit = area.width() / (scale.negative + scale.positive);

        for (size_t r = 0; r < rows.size(); ++r) {
            const auto &row = rows[r];
            // The parts are the model's explanation, and they sum to the score.
            const std::vector<ScoreContribution> expected = dyadicParts(2, row.item);
            QCOMPARE(int(row.parts.size()), int(expected.size()));
            double sum = 0;
            for (size_t p = 0; p < expected.size(); ++p) {
                QCOMPARE(row.parts[p].part, expected[p].part);
                QCOMPARE(row.parts[p].value, expected[p].value);
                sum += row.parts[p].value;
            }
            QVERIFY(std::abs(sum - row.score) < 1e-5);

            // One segment per non-zero part, in the parts' order; positives rightwards from the zero
            // line, negatives leftwards, each as wide as its value on the shared scale.
            const std::vector<ContributionSegment> segments = layoutContributions(row.parts, scale, area);
            std::vector<ScoreContribution> nonZero;
            for (const auto &c : row.parts) {
                if (c.value != 0)
                    nonZero.push_back(c);
            }
            QCOMPARE(segments.size(), nonZero.size());
            double right = zero;
            double left = zero;
            for (size_t s = 0; s < segments.size(); ++s) {
                const ContributionSegment &seg = segments[s];
                QCOMPARE(seg.part, nonZero[s].part);
                QCOMPARE(seg.value, nonZero[s].value);
                QVERIFY(std::abs(seg.rect.width() - std::abs(seg.value) * unit) < 1e-9);
                if (seg.value > 0) {
                    QVERIFY(std::abs(seg.rect.left() - right) < 1e-9);
                    right = seg.rect.right();
                } else {
                    QVERIFY(std::abs(seg.rect.right() - left) < 1e-9);
                    left = seg.rect.left();
                }
            }
            QVERIFY(left >= area.left() - 1e-9 && right <= area.right() + 1e-9);

            // The tooltip has each part and the score.
            const QString tip = cell(panel.recommendationsModel(), int(r), Panel::ContributionsColumn, Qt::ToolTipRole).toString();
            for (const auto &c : row.parts) {
                QVERIFY2(tip.contains(contributionPartName(c.part)), qPrintable(tip));
                QVERIFY2(tip.contains(signedNumber(c.value, 4)), qPrintable(tip));
            }
            QVERIFY2(tip.contains(QLocale().toString(row.score, 'f', 4)), qPrintable(tip));
        }
        // The widest rows reach the ends of the area.
        bool reachesRight = false;
        bool reachesLeft = false;
        for (const auto &row : rows) {
            for (const auto &seg : layoutContributions(row.parts, scale, area)) {
                reachesRight = reachesRight || std::abs(seg.rect.right() - area.right()) < 1e-6;
                reachesLeft = reachesLeft || std::abs(seg.rect.left() - area.left()) < 1e-6;
            }
        }
        QVERIFY(reachesLeft && reachesRight);

        // The legend names the parts in order of first appearance, each with one colour.
        QCOMPARE(panel.legendParts(), (QStringList{QStringLiteral("text"), QStringLiteral("image"), QStringLiteral("price"),
                                                   QStringLiteral("collaborative"), QStringLiteral("bias")}));
        ContributionPalette palette;
        QSet<QRgb> colours;
        for (const QString &part : panel.legendParts())
            colours.insert(palette.color(part).rgb());
        QCOMPARE(colours.size(), 5);
        QCOMPARE(palette.color(QStringLiteral("text")), palette.color(QStringLiteral("text")));
        QVERIFY(panel.legendText().contains(QStringLiteral("collaborative")));

        // A zero part gets no segment; an all-zero scale no bars.
        QCOMPARE(layoutContributions({{QStringLiteral("text"), 0.0}, {QStringLiteral("bias"), 1.0}}, scale, area).size(), size_t(1));
        QVERIFY(layoutContributions({{QStringLiteral("text"), 1.0}}, ContributionScale{}, area).empty());

        // The bars are painted: the table shows each part's colour.
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QImage shot = panel.recommendationsView()->viewport()->grab().toImage();
        const QRect firstBar = panel.recommendationsView()->visualRect(panel.recommendationsModel()->index(0, Panel::ContributionsColumn));
        QSet<QRgb> painted;
        for (int y = firstBar.top(); y <= firstBar.bottom(); ++y) {
            for (int x = firstBar.left(); x <= firstBar.right(); ++x)
                painted.insert(shot.pixel(x, y) & 0xffffff);
        }
        for (const auto &c : rows[0].parts) {
            if (std::abs(c.value) * unit * firstBar.width() / area.width() > 4)
                QVERIFY2(painted.contains(palette.color(c.part).rgb() & 0xffffff), qPrintable(c.part));
        }
    }

    void historyListsTrainingItems()
    {
        const Tiny tiny = Tiny::make();
        auto model = std::make_shared<FakeRecommender>(6, 40, dyadicParts);
        Panel panel;
        panel.setModel(tiny.dataset, model, tiny.train);
        for (int u = 0; u < 5; ++u) {
            panel.setCurrentUser(u);
            const std::vector<int> listed = panel.historyItems();
            QCOMPARE(std::multiset<int>(listed.begin(), listed.end()), tiny.trainItems(u));
            QCOMPARE(panel.historyTotal(), int(tiny.trainItems(u).size()));
            QVERIFY(panel.historyMoreText().isEmpty());
            // Newest first.
            const QAbstractItemModel *m = panel.historyModel();
            for (int r = 1; r < m->rowCount(); ++r)
                QVERIFY(cell(m, r - 1, 0, Panel::TimestampRole).toLongLong() >= cell(m, r, 0, Panel::TimestampRole).toLongLong());
            // Titles and ratings.
            for (int r = 0; r < m->rowCount(); ++r) {
                const int item = cell(m, r, 0, Panel::ItemRole).toInt();
                QCOMPARE(cell(m, r, 0).toString(), QStringLiteral("Item number %1").arg(item));
                QVERIFY(cell(m, r, 0, Qt::ToolTipRole).toString().contains(QStringLiteral("rated")));
            }
        }
        // 45 training interactions: the newest 40 are listed, "and 5 more".
        panel.setCurrentUser(5);
        QCOMPARE(panel.historyTotal(), 45);
        QCOMPARE(panel.historyModel()->rowCount(), 40);
        QCOMPARE(panel.historyMoreText(), QStringLiteral("and 5 more"));
        std::multiset<qint64> allTimes;
        for (int k : tiny.train) {
            if (tiny.dataset->interactionUser[size_t(k)] == 5)
                allTimes.insert(tiny.dataset->timestamp[size_t(k)]);
        }
        const qint64 oldestListed = cell(panel.historyModel(), 39, 0, Panel::TimestampRole).toLongLong();
        QCOMPARE(std::count_if(allTimes.begin(), allTimes.end(), [&](qint64 t) { return t < oldestListed; }), 5);
        // Its top K still excludes all 45 (items 0..4 included).
        for (int item : shownItems(panel))
            QVERIFY(!tiny.trainItems(5).count(item));

        // Without timestamps: the dataset's order, and no timestamps reported.
        const Tiny plain = Tiny::make(false);
        panel.setModel(plain.dataset, model, plain.train);
        panel.setCurrentUser(1);
        QVERIFY(!cell(panel.historyModel(), 0, 0, Panel::TimestampRole).isValid());
        std::vector<int> inOrder;
        for (int k : plain.train) {
            if (plain.dataset->interactionUser[size_t(k)] == 1)
                inOrder.push_back(plain.dataset->interactionItem[size_t(k)]);
        }
        QCOMPARE(panel.historyItems(), inOrder);
    }

    void switchingUsersUpdatesBoth()
    {
        const Tiny tiny = Tiny::make();
        auto model = std::make_shared<FakeRecommender>(6, 40, dyadicParts);
        Panel panel;
        panel.setModel(tiny.dataset, model, tiny.train);
        QSignalSpy changed(&panel, &Panel::currentUserChanged);
        QSignalSpy ready(&panel, &Panel::recommendationsReady);

        panel.nextUser();
        QCOMPARE(panel.currentUser(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(panel.userBox()->currentIndex(), 1);
        QCOMPARE(panel.userBox()->currentText(), QStringLiteral("u1"));
        auto listed = panel.historyItems();
        QCOMPARE(std::multiset<int>(listed.begin(), listed.end()), tiny.trainItems(1));
        QCOMPARE(shownItems(panel), referenceTopK(*model, tiny.trainItems(1), 1, 10));

        // The combo box, as a user would pick.
        panel.userBox()->setCurrentIndex(3);
        QCOMPARE(panel.currentUser(), 3);
        QCOMPARE(panel.currentUserId(), QStringLiteral("u3"));
        listed = panel.historyItems();
        QCOMPARE(std::multiset<int>(listed.begin(), listed.end()), tiny.trainItems(3));
        QCOMPARE(shownItems(panel), referenceTopK(*model, tiny.trainItems(3), 3, 10));

        panel.previousUser();
        QCOMPARE(panel.currentUser(), 2);
        panel.setCurrentUserId(QStringLiteral("u5"));
        QCOMPARE(panel.currentUser(), 5);
        panel.nextUser();  // the last user: stays
        QCOMPARE(panel.currentUser(), 5);
        panel.setCurrentUserId(QStringLiteral("nobody"));
        QCOMPARE(panel.currentUser(), 5);
        for (int i = 0; i < 10; ++i) {
            const int before = panel.currentUser();
            panel.randomUser();
            QVERIFY(panel.currentUser() != before);
            QVERIFY(panel.currentUser() >= 0 && panel.currentUser() < 6);
            QCOMPARE(shownItems(panel), referenceTopK(*model, tiny.trainItems(panel.currentUser()), panel.currentUser(), 10));
        }

        // The choice survives a new model when its id exists (here at another index), else the first user.
        panel.setCurrentUserId(QStringLiteral("u4"));
        auto renamed = std::make_shared<Dataset>(*tiny.dataset);
        std::reverse(renamed->userIds.begin(), renamed->userIds.end());  // u4 is now index 1
        panel.setModel(renamed, model, tiny.train);
        QCOMPARE(panel.currentUserId(), QStringLiteral("u4"));
        QCOMPARE(panel.currentUser(), 1);
        auto others = std::make_shared<Dataset>(*tiny.dataset);
        for (QString &id : others->userIds)
            id.prepend(QLatin1Char('x'));
        panel.setModel(others, model, tiny.train);
        QCOMPARE(panel.currentUser(), 0);
    }

    void coldItemsCarryBadge()
    {
        const Tiny tiny = Tiny::make();
        auto model = std::make_shared<FakeRecommender>(6, 40, dyadicParts);
        Panel panel;
        panel.resize(1100, 750);
        panel.setModel(tiny.dataset, model, tiny.train);
        panel.setCurrentUser(0);
        const std::vector<int> items = shownItems(panel);
        std::vector<bool> cold(40, false);
        cold[size_t(items[1])] = true;
        cold[size_t(items[4])] = true;
        panel.setModel(tiny.dataset, model, tiny.train, cold);
        QCOMPARE(shownItems(panel), items);
        const QAbstractItemModel *m = panel.recommendationsModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            const bool expected = r == 1 || r == 4;
            QCOMPARE(cell(m, r, Panel::TitleColumn, Panel::ColdRole).toBool(), expected);
            QCOMPARE(panel.recommendations()[size_t(r)].cold, expected);
            QCOMPARE(cell(m, r, Panel::TitleColumn, Qt::ToolTipRole).toString().contains(QStringLiteral("Cold-start")), expected);
        }
        // The badge is painted in the cold rows' title cells only (dark pill, white text).
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTableView *view = panel.recommendationsView();
        const QImage shot = view->viewport()->grab().toImage();
        auto darkPixels = [&](int row) {
            const QRect rect = view->visualRect(m->index(row, Panel::TitleColumn));
            int dark = 0;
            for (int y = rect.top(); y <= rect.bottom(); ++y) {
                for (int x = rect.left(); x <= rect.right(); ++x)
                    dark += QColor(shot.pixel(x, y)) == QColor(45, 45, 45);
            }
            return dark;
        };
        QVERIFY(darkPixels(1) > 100);
        QVERIFY(darkPixels(4) > 100);
        // (Antialiased title text may hit the badge's grey in a few pixels.)
        QVERIFY(darkPixels(0) < 20);
        QVERIFY(darkPixels(2) < 20);
    }

    void changingK()
    {
        const Tiny tiny = Tiny::make();
        auto model = std::make_shared<FakeRecommender>(6, 40, dyadicParts);
        Panel panel;
        panel.setModel(tiny.dataset, model, tiny.train);
        panel.setCurrentUser(2);
        QSignalSpy ready(&panel, &Panel::recommendationsReady);
        panel.setK(3);
        QCOMPARE(panel.k(), 3);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(shownItems(panel), referenceTopK(*model, tiny.trainItems(2), 2, 3));
        QCOMPARE(panel.findChild<QSpinBox *>(QStringLiteral("kBox"))->value(), 3);
        panel.findChild<QSpinBox *>(QStringLiteral("kBox"))->setValue(15);
        QCOMPARE(panel.k(), 15);
        QCOMPARE(shownItems(panel), referenceTopK(*model, tiny.trainItems(2), 2, 15));
        // More than there are candidates: all of them.
        panel.setK(1000);
        const int candidates = 40 - tiny.distinctTrainItems(2);
        QCOMPARE(int(panel.recommendations().size()), candidates);
        panel.setK(0);  // clamped
        QCOMPARE(panel.k(), 1);
        QCOMPARE(panel.recommendations().size(), size_t(1));
        // K survives a user change and a new model.
        panel.nextUser();
        QCOMPARE(panel.recommendations().size(), size_t(1));
    }

    void clearAndMismatch()
    {
        const Tiny tiny = Tiny::make();
        auto model = std::make_shared<FakeRecommender>(6, 40, dyadicParts);
        Panel panel;
        panel.setModel(tiny.dataset, model, tiny.train);
        QVERIFY(!panel.recommendations().empty());
        panel.clear();
        QVERIFY(panel.messageText().contains(QStringLiteral("Train a model first")));
        QVERIFY(panel.recommendations().empty());
        QCOMPARE(panel.historyModel()->rowCount(), 0);
        QCOMPARE(panel.currentUser(), -1);
        QVERIFY(panel.legendText().isEmpty());
        panel.setModel(tiny.dataset, nullptr, tiny.train);
        QVERIFY(panel.messageText().contains(QStringLiteral("Train a model first")));

        // A model of another dataset.
        auto wrong = std::make_shared<FakeRecommender>(6, 39, dyadicParts);
        panel.setModel(tiny.dataset, wrong, tiny.train);
        QVERIFY2(panel.messageText().contains(QStringLiteral("does not fit")), qPrintable(panel.messageText()));
        QCOMPARE(panel.currentUser(), -1);
        QVERIFY(panel.recommendations().empty());
        panel.setModel(tiny.dataset, model, tiny.train);
        QVERIFY(panel.messageText().isEmpty());
        QCOMPARE(panel.recommendations().size(), size_t(10));

        // Out-of-range training indices are ignored.
        std::vector<int> bad = tiny.train;
        bad.push_back(-1);
        bad.push_back(100000);
        panel.setModel(tiny.dataset, model, bad);
        QCOMPARE(panel.historyTotal(), int(tiny.trainItems(0).size()));
    }

    void datasetWithoutImages()
    {
        const Tiny tiny = Tiny::make();
        QVERIFY(tiny.dataset->modalities.empty());
        auto model = std::make_shared<FakeRecommender>(6, 40, dyadicParts);
        Panel panel;
        panel.resize(1100, 750);
        panel.setModel(tiny.dataset, model, tiny.train);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.recommendationsView()->isColumnHidden(Panel::ThumbnailColumn));
        QCOMPARE(cell(panel.historyModel(), 0, 0, Panel::ThumbnailStateRole).toInt(), int(Panel::ThumbnailState::NoImage));
        QCOMPARE(cell(panel.recommendationsModel(), 0, Panel::ThumbnailColumn, Panel::ThumbnailStateRole).toInt(),
                 int(Panel::ThumbnailState::NoImage));
        QVERIFY(!panel.grab().isNull());
        // Rows stay tall enough for their text.
        QVERIFY(panel.recommendationsView()->rowHeight(0) >= panel.recommendationsView()->fontMetrics().height());
    }

    void demoThumbnailsArrive()
    {
        const DemoSetup s = demoSetup();
        QVERIFY(s.dataset);
        Panel panel;
        panel.resize(1100, 750);
        panel.setModel(s.dataset, s.model, s.train, s.cold);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(!panel.recommendationsView()->isColumnHidden(Panel::ThumbnailColumn));
        const QAbstractItemModel *top = panel.recommendationsModel();
        const QAbstractItemModel *history = panel.historyModel();
        QTRY_COMPARE_WITH_TIMEOUT(cell(top, 0, Panel::ThumbnailColumn, Panel::ThumbnailStateRole).toInt(),
                                  int(Panel::ThumbnailState::Ready), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(history, 0, 0, Panel::ThumbnailStateRole).toInt(), int(Panel::ThumbnailState::Ready), 20000);
        const QImage image = cell(top, 0, Panel::ThumbnailColumn, Qt::DecorationRole).value<QImage>();
        QVERIFY(!image.isNull());
        QVERIFY(image.width() <= 40 * panel.devicePixelRatioF() && image.height() <= 40 * panel.devicePixelRatioF());
        // The demo's top K, its history, and its titles.
        const int user = panel.currentUser();
        std::multiset<int> trained;
        for (int k : s.train) {
            if (s.dataset->interactionUser[size_t(k)] == user)
                trained.insert(s.dataset->interactionItem[size_t(k)]);
        }
        QCOMPARE(shownItems(panel), referenceTopK(*s.model, trained, user, 10));
        QCOMPARE(panel.historyTotal(), int(trained.size()));
        QCOMPARE(cell(top, 0, Panel::TitleColumn).toString(), s.dataset->itemTitles[shownItems(panel)[0]]);
    }

    void backgroundAppliesNewestOnly()
    {
        const Tiny tiny = Tiny::make();
        auto model = std::make_shared<FakeRecommender>(6, 40, dyadicParts);
        Panel panel;
        panel.setAsyncItemThreshold(0);
        QSignalSpy ready(&panel, &Panel::recommendationsReady);
        panel.setModel(tiny.dataset, model, tiny.train);
        QVERIFY(panel.isBusy());
        QVERIFY(panel.recommendations().empty());
        panel.setCurrentUser(1);
        panel.setCurrentUser(2);
        panel.setCurrentUser(3);
        // History follows at once; the table when the newest request is done.
        auto listed = panel.historyItems();
        QCOMPARE(std::multiset<int>(listed.begin(), listed.end()), tiny.trainItems(3));
        QTRY_VERIFY(!panel.isBusy());
        settle();
        QCOMPARE(ready.count(), 1);
        QCOMPARE(panel.currentUser(), 3);
        QCOMPARE(shownItems(panel), referenceTopK(*model, tiny.trainItems(3), 3, 10));

        // clear() while running: the late result is not applied.
        panel.setCurrentUser(4);
        QVERIFY(panel.isBusy());
        panel.clear();
        QTRY_VERIFY(!panel.isBusy());
        settle();
        QVERIFY(panel.recommendations().empty());
        QCOMPARE(ready.count(), 1);
    }

    void largeCatalogueRunsInBackground()
    {
        // 30k items: above the default threshold.
        const int items = 30000;
        std::vector<Rated> rated;
        for (int u = 0; u < 20; ++u) {
            for (int j = 0; j < 30; ++j)
                rated.push_back({u, (u * 997 + j * 131) % items, 4.0, qint64(j)});
        }
        auto d = makeDataset(items, 20, rated, true);
        std::vector<int> train(rated.size());
        std::iota(train.begin(), train.end(), 0);
        auto model = std::make_shared<FakeRecommender>(20, items, [](int u, int i) {
            return std::vector<ScoreContribution>{{QStringLiteral("collaborative"), noise(u, i, 1)}, {QStringLiteral("bias"), -0.1}};
        });
        Panel panel;
        QCOMPARE(panel.asyncItemThreshold(), 20000);
        panel.setModel(d, model, train);
        QVERIFY(panel.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(panel.recommendations().size(), size_t(10), 20000);
        std::multiset<int> trained;
        for (const Rated &r : rated) {
            if (r.user == 0)
                trained.insert(r.item);
        }
        QCOMPARE(shownItems(panel), referenceTopK(*model, trained, 0, 10));
    }

    void manyUsersStayFast()
    {
        const int users = 60000;
        std::vector<Rated> rated;
        for (int u = 0; u < users; ++u)
            rated.push_back({u, u % 50, 3.0, qint64(u)});
        auto d = makeDataset(50, users, rated, true);
        std::vector<int> train(rated.size());
        std::iota(train.begin(), train.end(), 0);
        auto model = std::make_shared<FakeRecommender>(users, 50, dyadicParts);
        Panel panel;
        panel.resize(1100, 750);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QElapsedTimer timer;
        timer.start();
        panel.setModel(d, model, train);
        QCoreApplication::processEvents();
        const qint64 setModelMs = timer.restart();
        panel.userBox()->showPopup();
        QCoreApplication::processEvents();
        const qint64 popupMs = timer.restart();
        panel.userBox()->hidePopup();
        QCompleter *completer = panel.userBox()->completer();
        QVERIFY(completer);
        timer.restart();
        completer->setCompletionPrefix(QStringLiteral("5999"));
        const int matches = completer->completionCount();
        const qint64 completeMs = timer.restart();
        for (int i = 0; i < 20; ++i)
            panel.nextUser();
        const qint64 switchMs = timer.elapsed();
        qInfo("60k users: setModel %lld ms, popup %lld ms, completer %lld ms, 20 user switches %lld ms", setModelMs, popupMs,
              completeMs, switchMs);
        // u5999, u15999 … u55999 (6) and u59990 … u59999 (10).
        QCOMPARE(matches, 16);
        QCOMPARE(panel.currentUser(), 20);
        QVERIFY2(setModelMs < 1500, qPrintable(QString::number(setModelMs)));
        QVERIFY2(popupMs < 1500, qPrintable(QString::number(popupMs)));
        QVERIFY2(completeMs < 1000, qPrintable(QString::number(completeMs)));
    }

    void screenshot()
    {
        const DemoSetup s = demoSetup();
        QVERIFY(s.dataset);
        Panel panel;
        panel.resize(1100, 750);
        panel.setModel(s.dataset, s.model, s.train, s.cold);
        // A user whose top 10 includes a cold item, to show the badge.
        for (int u = 0; u < s.dataset->userCount(); ++u) {
            panel.setCurrentUser(u);
            const auto &rows = panel.recommendations();
            if (std::any_of(rows.begin(), rows.end(), [](const auto &r) { return r.cold; }))
                break;
        }
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(cell(panel.recommendationsModel(), 9, Panel::ThumbnailColumn, Panel::ThumbnailStateRole).toInt()
                                     == int(Panel::ThumbnailState::Ready), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(cell(panel.historyModel(), 0, 0, Panel::ThumbnailStateRole).toInt() == int(Panel::ThumbnailState::Ready),
                                 20000);
        settle();
        const QImage shot = panel.grab().toImage();
        QCOMPARE(shot.size(), QSize(1100, 750) * panel.devicePixelRatioF());
        const QByteArray dir = qgetenv("FUSIONLAB_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        const QDir out(QString::fromLocal8Bit(dir));
        QDir().mkpath(out.path());
        QVERIFY(shot.save(out.filePath(QStringLiteral("recommendations.png"))));

        // Without images, and before any model.
        const Tiny tiny = Tiny::make();
        panel.setModel(tiny.dataset, std::make_shared<FakeRecommender>(6, 40, dyadicParts), tiny.train, {});
        panel.setCurrentUser(5);
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("recommendations-noimages.png"))));
        panel.clear();
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("recommendations-nomodel.png"))));
    }
};

QTEST_MAIN(TestRecommendationsPanel)
#include "test_recommendationspanel.moc"
