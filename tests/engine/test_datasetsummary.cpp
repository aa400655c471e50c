// The dataset summary behind the browser, against values worked out by hand on small datasets built
// here: counts and means per item and user, histogram bins, long-tail order and top-20% share,
// modality coverage from the missing masks, timestamps, implicit feedback, continuous ratings, one
// item, no interactions, and indices out of range.

#include "engine/data/DatasetSummary.h"

#include <QtTest>

#include <cmath>

using namespace fl;

namespace {

struct Rated
{
    int user;
    int item;
    double rating;
    qint64 time;
};

Dataset makeDataset(const QStringList &items, const QStringList &users, const QList<Rated> &interactions)
{
    Dataset d;
    d.name = QStringLiteral("hand-made");
    d.itemIds = items;
    d.itemTitles = items;
    d.userIds = users;
    d.rating.resize(interactions.size());
    for (qsizetype k = 0; k < interactions.size(); ++k) {
        d.interactionUser.push_back(interactions[k].user);
        d.interactionItem.push_back(interactions[k].item);
        d.rating[k] = interactions[k].rating;
        d.timestamp.push_back(interactions[k].time);
    }
    return d;
}

// Items a b c d e, users u1 u2 u3:
//   a: u1 5, u2 4, u3 2   → 3 ratings, mean 11/3
//   b: u1 3               → 1 rating, mean 3
//   c: u2 4, u1 5         → 2 ratings, mean 4.5
//   d, e: none
//   u1: 5 3 5 → 13/3; u2: 4 4 → 4; u3: 2 → 2
Dataset shop()
{
    Dataset d = makeDataset({"a", "b", "c", "d", "e"}, {"u1", "u2", "u3"},
                            {{0, 0, 5, 300}, {0, 1, 3, 100}, {1, 0, 4, 250}, {2, 0, 2, 500}, {1, 2, 4, 200}, {0, 2, 5, 400}});
    ModalitySource text;
    text.name = QStringLiteral("text");
    text.kind = ModalityKind::Text;
    text.texts = QStringList{"x", "", "y", "z", "w"};
    text.missing = {false, true, false, false, false};
    ModalitySource image;
    image.name = QStringLiteral("image");
    image.kind = ModalityKind::Image;
    image.imagePaths = QStringList{"", "", "c.png", "d.png", ""};
    image.missing = {true, true, false, false, true};
    ModalitySource price;  // no mask at all: every item has it
    price.name = QStringLiteral("price");
    price.kind = ModalityKind::Numeric;
    price.values = Eigen::MatrixXd::Ones(5, 1);
    d.modalities = {text, image, price};
    return d;
}

} // namespace

class TestDatasetSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAndMeans()
    {
        const DatasetSummary s = summarize(shop());
        QVERIFY(s.complete);
        QCOMPARE(s.items, 5);
        QCOMPARE(s.users, 3);
        QCOMPARE(s.interactions, qint64(6));
        QCOMPARE(s.density, 6.0 / 15.0);
        QCOMPARE(s.itemRatingCount, (std::vector<int>{3, 1, 2, 0, 0}));
        QCOMPARE(s.userRatingCount, (std::vector<int>{3, 2, 1}));
        QCOMPARE(s.itemRatingMean.size(), size_t(5));
        QCOMPARE(s.itemRatingMean[0], 11.0 / 3.0);
        QCOMPARE(s.itemRatingMean[1], 3.0);
        QCOMPARE(s.itemRatingMean[2], 4.5);
        QVERIFY(std::isnan(s.itemRatingMean[3]));
        QVERIFY(std::isnan(s.itemRatingMean[4]));
        QCOMPARE(s.userRatingMean, (std::vector<double>{13.0 / 3.0, 4.0, 2.0}));
        QCOMPARE(s.itemsWithoutInteractions, 2);
        QCOMPARE(s.usersWithoutInteractions, 0);
        QCOMPARE(s.ratingMin, 2.0);
        QCOMPARE(s.ratingMax, 5.0);
        QCOMPARE(s.ratingMean, 23.0 / 6.0);
        QVERIFY(!s.implicitFeedback);
        QVERIFY(s.hasTimestamps);
        QCOMPARE(s.firstTimestamp, qint64(100));
        QCOMPARE(s.lastTimestamp, qint64(500));
    }

    void histogramHasOneBinPerDistinctRating()
    {
        const DatasetSummary s = summarize(shop());
        QVERIFY(!s.histogramBinned);
        QCOMPARE(s.histogram.size(), size_t(4));
        const double values[] = {2, 3, 4, 5};
        const qint64 counts[] = {1, 1, 2, 2};
        for (size_t b = 0; b < 4; ++b) {
            QCOMPARE(s.histogram[b].low, values[b]);
            QCOMPARE(s.histogram[b].high, values[b]);
            QCOMPARE(s.histogram[b].count, counts[b]);
        }
    }

    void longTailOrdersItemsByPopularity()
    {
        const DatasetSummary s = summarize(shop());
        // a (3), c (2), b (1), then d and e (0) in index order.
        QCOMPARE(s.popularityOrder, (std::vector<int>{0, 2, 1, 3, 4}));
        QCOMPARE(s.popularityCounts, (std::vector<int>{3, 2, 1, 0, 0}));
        QCOMPARE(s.topItems, 1);  // 20% of 5
        QCOMPARE(s.topShare, 0.5);  // a's 3 of 6
    }

    void topTwentyPercentRoundsUp()
    {
        // 6 items: the top 20% is ceil(1.2) = 2 items. Counts 4 3 1 1 1 0 → (4 + 3) / 10.
        const Dataset d = makeDataset({"a", "b", "c", "d", "e", "f"}, {"u"},
                                      {{0, 1, 1, 0}, {0, 1, 1, 0}, {0, 1, 1, 0}, {0, 0, 1, 0}, {0, 0, 1, 0},
                                       {0, 0, 1, 0}, {0, 0, 1, 0}, {0, 2, 1, 0}, {0, 3, 1, 0}, {0, 4, 1, 0}});
        const DatasetSummary s = summarize(d);
        QCOMPARE(s.topItems, 2);
        QCOMPARE(s.popularityOrder, (std::vector<int>{0, 1, 2, 3, 4, 5}));
        QCOMPARE(s.popularityCounts, (std::vector<int>{4, 3, 1, 1, 1, 0}));
        QCOMPARE(s.topShare, 0.7);
    }

    void coverageFollowsMissingMasks()
    {
        const DatasetSummary s = summarize(shop());
        QCOMPARE(s.coverage.size(), size_t(3));
        QCOMPARE(s.coverage[0].name, QStringLiteral("text"));
        QCOMPARE(s.coverage[0].kind, ModalityKind::Text);
        QCOMPARE(s.coverage[0].present, 4);
        QCOMPARE(s.coverage[0].total, 5);
        QCOMPARE(s.coverage[0].fraction, 0.8);
        QCOMPARE(s.coverage[1].name, QStringLiteral("image"));
        QCOMPARE(s.coverage[1].present, 2);
        QCOMPARE(s.coverage[1].fraction, 0.4);
        QCOMPARE(s.coverage[2].name, QStringLiteral("price"));
        QCOMPARE(s.coverage[2].present, 5);
        QCOMPARE(s.coverage[2].fraction, 1.0);
    }

    void implicitFeedback()
    {
        const Dataset d = makeDataset({"a", "b"}, {"u1", "u2"}, {{0, 0, 1, 0}, {1, 0, 1, 0}, {1, 1, 1, 0}});
        const DatasetSummary s = summarize(d);
        QVERIFY(s.implicitFeedback);
        QCOMPARE(s.histogram.size(), size_t(1));
        QCOMPARE(s.histogram[0].low, 1.0);
        QCOMPARE(s.histogram[0].count, qint64(3));
        QCOMPARE(s.ratingMin, 1.0);
        QCOMPARE(s.ratingMax, 1.0);
        QCOMPARE(s.itemRatingCount, (std::vector<int>{2, 1}));
        QCOMPARE(s.itemRatingMean, (std::vector<double>{1.0, 1.0}));
        QCOMPARE(s.topItems, 1);
        QCOMPARE(s.topShare, 2.0 / 3.0);
    }

    void interactionsWithoutRatingsAreImplicit()
    {
        Dataset d = makeDataset({"a"}, {"u"}, {{0, 0, 1, 0}, {0, 0, 1, 0}});
        d.rating.resize(0);
        d.timestamp.clear();
        const DatasetSummary s = summarize(d);
        QCOMPARE(s.interactions, qint64(2));
        QCOMPARE(s.itemRatingCount, (std::vector<int>{2}));
        QVERIFY(std::isnan(s.itemRatingMean[0]));
        QVERIFY(std::isnan(s.ratingMin));
        QVERIFY(s.histogram.empty());
        QVERIFY(s.implicitFeedback);
        QVERIFY(!s.hasTimestamps);
    }

    void oneItem()
    {
        const Dataset d = makeDataset({"only"}, {"u1", "u2"}, {{0, 0, 4, 7}, {1, 0, 2, 9}});
        const DatasetSummary s = summarize(d);
        QCOMPARE(s.items, 1);
        QCOMPARE(s.itemRatingCount, (std::vector<int>{2}));
        QCOMPARE(s.itemRatingMean, (std::vector<double>{3.0}));
        QCOMPARE(s.popularityOrder, (std::vector<int>{0}));
        QCOMPARE(s.topItems, 1);
        QCOMPARE(s.topShare, 1.0);
        QCOMPARE(s.density, 1.0);
        QCOMPARE(s.histogram.size(), size_t(2));
        QCOMPARE(s.firstTimestamp, qint64(7));
        QCOMPARE(s.lastTimestamp, qint64(9));
        QVERIFY(s.coverage.empty());
    }

    void noInteractions()
    {
        Dataset d = makeDataset({"a", "b"}, {}, {});
        d.timestamp.clear();
        const DatasetSummary s = summarize(d);
        QCOMPARE(s.interactions, qint64(0));
        QCOMPARE(s.density, 0.0);
        QCOMPARE(s.itemRatingCount, (std::vector<int>{0, 0}));
        QCOMPARE(s.itemsWithoutInteractions, 2);
        QVERIFY(s.histogram.empty());
        QVERIFY(!s.implicitFeedback);
        QCOMPARE(s.topShare, 0.0);
        QVERIFY(!s.hasTimestamps);

        const DatasetSummary empty = summarize(Dataset());
        QCOMPARE(empty.items, 0);
        QCOMPARE(empty.topItems, 0);
        QVERIFY(empty.popularityOrder.empty());
    }

    void continuousRatingsAreBinned()
    {
        // 100 distinct ratings 0, 1, …, 99: 20 bins of width 4.95 holding 5 values each.
        QList<Rated> rated;
        for (int r = 0; r < 100; ++r)
            rated.append({0, 0, double(r), 0});
        const DatasetSummary s = summarize(makeDataset({"a"}, {"u"}, rated));
        QVERIFY(s.histogramBinned);
        QCOMPARE(s.histogram.size(), size_t(DatasetSummary::kContinuousBins));
        QCOMPARE(s.histogram.front().low, 0.0);
        QCOMPARE(s.histogram.back().high, 99.0);
        qint64 total = 0;
        for (const RatingBin &bin : s.histogram) {
            QCOMPARE(bin.count, qint64(5));
            total += bin.count;
        }
        QCOMPARE(total, qint64(100));
    }

    void badIndicesAndRatingsAreSkipped()
    {
        Dataset d = makeDataset({"a", "b"}, {"u"},
                                {{0, 0, 4, 0}, {0, 5, 3, 0}, {-1, 1, 3, 0}, {0, 1, std::nan(""), 0}, {0, 1, 2, 0}});
        const DatasetSummary s = summarize(d);
        QCOMPARE(s.interactions, qint64(3));
        QCOMPARE(s.itemRatingCount, (std::vector<int>{1, 2}));
        QCOMPARE(s.itemRatingMean, (std::vector<double>{4.0, 2.0}));
        QCOMPARE(s.userRatingCount, (std::vector<int>{3}));
        QCOMPARE(s.userRatingMean, (std::vector<double>{3.0}));
        QCOMPARE(s.histogram.size(), size_t(2));
    }

    void progressReachesTheEnd()
    {
        double last = -1;
        const DatasetSummary s = summarize(shop(), [&last](double fraction) {
            last = fraction;
            return true;
        });
        QVERIFY(s.complete);
        QCOMPARE(last, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestDatasetSummary)
#include "test_datasetsummary.moc"
