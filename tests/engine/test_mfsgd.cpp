// Per-example SGD for plain matrix factorisation (FactorSgd, FactorModel's "sgd" with batch size 1):
// an epoch against a naive per-example SGD written here from the formulas, visiting the ratings in the
// documented order (the grid's blocks by the epoch's schedule, a block's ratings by the longer side's
// position, μ per lane within a stratum); the schedule visiting every block once with no shared rows
// inside a stratum; the same result on 1, 2 and 4 threads; same seed, same model; the loss falling on
// a low-rank problem; and which configurations take this path.

#include "engine/core/Random.h"
#include "engine/models/FactorModel.h"
#include "engine/models/FactorSgd.h"

#include "tests/engine/RecTestSupport.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace fl;
using namespace fl::test;

namespace {

std::vector<FactorRating> randomRatings(int users, int items, int count, std::uint64_t seed)
{
    Random random(seed);
    std::vector<FactorRating> ratings;
    for (int r = 0; r < count; ++r)
        ratings.push_back({int(random.below(std::uint64_t(users))), int(random.below(std::uint64_t(items))),
                           float(1 + random.below(5))});
    return ratings;
}

FactorParameters randomParameters(int users, int items, int factors, std::uint64_t seed)
{
    Random random(seed);
    FactorParameters theta;
    theta.mu = 3.0f;
    theta.users = RowMajorMatrixXf(users, factors + 1);
    theta.items = RowMajorMatrixXf(items, factors + 1);
    for (RowMajorMatrixXf *m : {&theta.users, &theta.items}) {
        for (Eigen::Index j = 0; j < m->size(); ++j)
            m->data()[j] = 0.1f * float(random.normal());
    }
    return theta;
}

// One epoch of per-example SGD done the slow, obvious way, in the order the header of FactorSgd.h
// describes; returns the sum of the examples' losses before their steps.
double referenceEpoch(FactorParameters &theta, const std::vector<FactorRating> &ratings, const FactorSgd &sgd,
                      const FactorSgdSchedule &plan, float eta, float lambda)
{
    const int blocks = plan.blocks;
    const Eigen::Index k = theta.users.cols() - 1;
    std::vector<std::vector<int>> byBlock(size_t(blocks) * size_t(blocks));
    for (int r = 0; r < int(ratings.size()); ++r)
        byBlock[size_t(sgd.userBlock(ratings[size_t(r)].user) * blocks + sgd.itemBlock(ratings[size_t(r)].item))].push_back(r);
    auto runPosition = [&](int r) {
        return sgd.runsByUser() ? sgd.userPosition(ratings[size_t(r)].user) : sgd.itemPosition(ratings[size_t(r)].item);
    };
    for (std::vector<int> &block : byBlock)
        std::stable_sort(block.begin(), block.end(), [&](int a, int b) { return runPosition(a) < runPosition(b); });

    double loss = 0;
    for (int s = 0; s < blocks; ++s) {
        std::vector<float> laneMu(FactorSgd::kLanes, theta.mu);
        std::vector<double> laneCount(FactorSgd::kLanes, 0.0);
        for (int lane = 0; lane < FactorSgd::kLanes; ++lane) {
            for (int position = lane; position < blocks; position += FactorSgd::kLanes) {
                const auto [userBlock, itemBlock] = plan.at(s, position);
                for (const int r : byBlock[size_t(userBlock * blocks + itemBlock)]) {
                    const FactorRating &x = ratings[size_t(r)];
                    float &mu = laneMu[size_t(lane)];
                    const Eigen::VectorXf p = theta.users.row(x.user).transpose();
                    const Eigen::VectorXf q = theta.items.row(x.item).transpose();
                    const float error = mu + p(k) + q(k) + p.head(k).dot(q.head(k)) - x.rating;
                    loss += 0.5 * double(error) * error
                            + 0.5 * double(lambda) * (double(p.squaredNorm()) + double(q.squaredNorm()) + double(mu) * mu);
                    Eigen::VectorXf dp = lambda * p, dq = lambda * q;
                    dp.head(k) += error * q.head(k);
                    dp(k) += error;
                    dq.head(k) += error * p.head(k);
                    dq(k) += error;
                    theta.users.row(x.user) = (p - eta * dp).transpose();
                    theta.items.row(x.item) = (q - eta * dq).transpose();
                    mu -= eta * (error + lambda * mu);
                    laneCount[size_t(lane)] += 1;
                }
            }
        }
        double weighted = 0, total = 0;
        for (int lane = 0; lane < FactorSgd::kLanes; ++lane) {
            weighted += laneCount[size_t(lane)] * laneMu[size_t(lane)];
            total += laneCount[size_t(lane)];
        }
        if (total > 0)
            theta.mu = float(weighted / total);
    }
    return loss;
}

// Users rate items from a hidden rank-2 model (distinct pairs, ratings 1..5).
Dataset lowRankDataset(int users, int items, int perUser, std::uint64_t seed)
{
    Dataset d = emptyDataset(users, items);
    Random random(seed);
    Eigen::MatrixXd a(users, 2), b(items, 2);
    for (Eigen::Index j = 0; j < a.size(); ++j)
        a.data()[j] = random.normal();
    for (Eigen::Index j = 0; j < b.size(); ++j)
        b.data()[j] = random.normal();
    for (int u = 0; u < users; ++u) {
        for (const int i : distinctItems(random, perUser, items))
            addInteraction(d, u, i, std::clamp(std::round(3.0 + a.row(u).dot(b.row(i)) + 0.3 * random.normal()), 1.0, 5.0));
    }
    return d;
}

RecommenderTraining exampleSgd(int factors, double learningRate = 0.02)
{
    RecommenderTraining t;
    t.loss = LossKind::Squared;
    t.optimizer = OptimizerKind::MiniBatchSgd;
    t.batchSize = 1;
    t.learningRate = learningRate;
    t.l2 = 0.01;
    t.factors = factors;
    t.seed = 5;
    return t;
}

bool sameParameters(const FactorParameters &a, const FactorParameters &b)
{
    return a.mu == b.mu && a.users == b.users && a.items == b.items;
}

double trainingRmse(const FactorModel &model, const Dataset &data)
{
    double sum = 0;
    for (int r = 0; r < data.interactionCount(); ++r) {
        const double e = model.predict(data.interactionUser[size_t(r)], data.interactionItem[size_t(r)]) - data.rating(r);
        sum += e * e;
    }
    return std::sqrt(sum / data.interactionCount());
}

} // namespace

class TestMfSgd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void epochMatchesNaiveSgd_data()
    {
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("ratings");
        QTest::addColumn<int>("factors");
        QTest::addColumn<int>("expectedBlocks");
        QTest::addColumn<int>("threads");
        // k = 8 and 32 take the fixed-size kernels, k = 20 (padded to 24) the general one; more items
        // than users sorts blocks by item; 3,000 items at k = 32 need an 8 × 8 grid.
        QTest::newRow("k=8 users>items") << 50 << 30 << 1500 << 8 << 4 << 1;
        QTest::newRow("k=20 items>users") << 25 << 70 << 1200 << 20 << 4 << 2;
        QTest::newRow("k=32 8x8 grid") << 4000 << 3000 << 30000 << 32 << 8 << 2;
    }
    void epochMatchesNaiveSgd()
    {
        QFETCH(int, users);
        QFETCH(int, items);
        QFETCH(int, ratings);
        QFETCH(int, factors);
        QFETCH(int, expectedBlocks);
        QFETCH(int, threads);
        const std::vector<FactorRating> data = randomRatings(users, items, ratings, 3);
        Random random(11);
        FactorSgd sgd(data, users, items, factors, random);
        QCOMPARE(sgd.blocks(), expectedBlocks);
        QCOMPARE(sgd.runsByUser(), users >= items);

        FactorParameters theta = randomParameters(users, items, factors, 4);
        FactorParameters reference = theta;
        sgd.load(theta);
        const float eta = 0.01f, lambda = 0.05f;
        for (int epoch = 0; epoch < 2; ++epoch) {
            Random ahead = random;   // the draws epoch() is about to make
            const FactorSgdSchedule plan = sgd.schedule(ahead);
            const double expectedLoss = referenceEpoch(reference, data, sgd, plan, eta, lambda);
            const double loss = sgd.epoch(theta.mu, eta, lambda, random, threads);
            QVERIFY2(std::abs(loss - expectedLoss) < 1e-5 * expectedLoss,
                     qPrintable(QStringLiteral("%1 vs %2").arg(loss).arg(expectedLoss)));
        }
        sgd.store(theta);
        const FactorParameters initial = randomParameters(users, items, factors, 4);
        QVERIFY((reference.users - initial.users).cwiseAbs().maxCoeff() > 1e-3);   // the steps moved things
        QVERIFY(std::abs(reference.mu - initial.mu) > 1e-4);
        // Float sums in another order: agreement to rounding, far below one step.
        const float tolerance = 2e-5f;
        QVERIFY2((theta.users - reference.users).cwiseAbs().maxCoeff() < tolerance,
                 qPrintable(QString::number((theta.users - reference.users).cwiseAbs().maxCoeff())));
        QVERIFY2((theta.items - reference.items).cwiseAbs().maxCoeff() < tolerance,
                 qPrintable(QString::number((theta.items - reference.items).cwiseAbs().maxCoeff())));
        QVERIFY(std::abs(theta.mu - reference.mu) < tolerance);
    }

    void scheduleVisitsEveryBlockOnceWithoutSharedRows()
    {
        const std::vector<FactorRating> data = randomRatings(4000, 3000, 5000, 7);
        Random random(2);
        FactorSgd sgd(data, 4000, 3000, 32, random);
        const int blocks = sgd.blocks();
        QCOMPARE(blocks, 8);
        // The relabelling is a permutation cutting each side into equal ranges.
        std::vector<int> perBlock(size_t(blocks), 0);
        std::set<int> positions;
        for (int u = 0; u < 4000; ++u) {
            positions.insert(sgd.userPosition(u));
            ++perBlock[size_t(sgd.userBlock(u))];
        }
        QCOMPARE(int(positions.size()), 4000);
        QCOMPARE(*std::min_element(perBlock.begin(), perBlock.end()), 500);
        QCOMPARE(*std::max_element(perBlock.begin(), perBlock.end()), 500);
        for (int epoch = 0; epoch < 3; ++epoch) {
            const FactorSgdSchedule plan = sgd.schedule(random);
            std::set<std::pair<int, int>> visited;
            for (int s = 0; s < blocks; ++s) {
                std::set<int> userBlocks, itemBlocks;
                for (int r = 0; r < blocks; ++r) {
                    const auto block = plan.at(s, r);
                    visited.insert(block);
                    userBlocks.insert(block.first);
                    itemBlocks.insert(block.second);
                }
                QCOMPARE(int(userBlocks.size()), blocks);
                QCOMPARE(int(itemBlocks.size()), blocks);
            }
            QCOMPARE(int(visited.size()), blocks * blocks);
        }
    }

    void threadsDoNotChangeTheResult()
    {
        Dataset data = lowRankDataset(300, 200, 20, 8);
        const RecommenderTraining t = exampleSgd(8);
        FactorModel one(data, allIndices(data), FactorVariant::Collaborative, nullptr, t);
        FactorModel two(data, allIndices(data), FactorVariant::Collaborative, nullptr, t);
        FactorModel four(data, allIndices(data), FactorVariant::Collaborative, nullptr, t);
        one.setThreads(1);
        two.setThreads(2);
        four.setThreads(4);
        for (int epoch = 0; epoch < 3; ++epoch) {
            const double a = one.trainEpoch(t.learningRate);
            QCOMPARE(two.trainEpoch(t.learningRate), a);
            QCOMPARE(four.trainEpoch(t.learningRate), a);
        }
        QVERIFY(sameParameters(one.parameters(), two.parameters()));
        QVERIFY(sameParameters(one.parameters(), four.parameters()));
    }

    void sameSeedSameModel()
    {
        Dataset data = lowRankDataset(60, 40, 10, 9);
        RecommenderTraining t = exampleSgd(4);
        FactorModel a(data, allIndices(data), FactorVariant::Collaborative, nullptr, t);
        FactorModel b(data, allIndices(data), FactorVariant::Collaborative, nullptr, t);
        t.seed = 6;
        FactorModel c(data, allIndices(data), FactorVariant::Collaborative, nullptr, t);
        a.setThreads(2);
        for (int epoch = 0; epoch < 3; ++epoch) {
            QCOMPARE(a.trainEpoch(0.02), b.trainEpoch(0.02));
            c.trainEpoch(0.02);
        }
        QVERIFY(sameParameters(a.parameters(), b.parameters()));
        QVERIFY(!sameParameters(a.parameters(), c.parameters()));
    }

    void lossFallsOnALowRankProblem()
    {
        Dataset data = lowRankDataset(200, 150, 30, 10);
        const RecommenderTraining t = exampleSgd(4, 0.02);
        FactorModel model(data, allIndices(data), FactorVariant::Collaborative, nullptr, t);
        QVERIFY(model.usesExampleSgd());
        const double rmseBefore = trainingRmse(model, data);
        const double first = model.trainEpoch(t.learningRate);
        double last = first;
        for (int epoch = 0; epoch < 30; ++epoch) {
            last = model.trainEpoch(t.learningRate);
            QVERIFY(std::isfinite(last));
        }
        QVERIFY2(last < 0.5 * first, qPrintable(QStringLiteral("%1 → %2").arg(first).arg(last)));
        // The data's noise is 0.3 plus rounding to whole stars; the rank-2 signal has a spread near 1.4.
        const double rmseAfter = trainingRmse(model, data);
        QVERIFY2(rmseAfter < 0.6 && rmseAfter < 0.5 * rmseBefore,
                 qPrintable(QStringLiteral("%1 → %2").arg(rmseBefore).arg(rmseAfter)));
    }

    // After setParameters or restoreBest the next epoch starts from those parameters, not from the
    // packed copy of the last epoch.
    void restoredParametersAreTrainedFrom()
    {
        Dataset data = lowRankDataset(200, 150, 30, 12);
        const RecommenderTraining t = exampleSgd(4, 0.05);
        FactorModel restarted(data, allIndices(data), FactorVariant::Collaborative, nullptr, t);
        FactorModel continued(data, allIndices(data), FactorVariant::Collaborative, nullptr, t);
        const FactorParameters initial = restarted.parameters();
        const double first = restarted.trainEpoch(t.learningRate);
        QCOMPARE(continued.trainEpoch(t.learningRate), first);
        for (int epoch = 0; epoch < 5; ++epoch) {
            restarted.trainEpoch(t.learningRate);
            continued.trainEpoch(t.learningRate);
        }
        restarted.restoreBest();   // the initial parameters, saved by the constructor
        QVERIFY(sameParameters(restarted.parameters(), initial));
        const double again = restarted.trainEpoch(t.learningRate);
        const double later = continued.trainEpoch(t.learningRate);
        QVERIFY2(std::abs(again - first) < 0.05 * first && later < 0.8 * again,
                 qPrintable(QStringLiteral("%1, %2, %3").arg(first).arg(again).arg(later)));
    }

    void onlyPlainSgdOfOneTakesThisPath()
    {
        Dataset data = lowRankDataset(30, 20, 5, 13);
        auto content = randomContent(20, 3, 1);
        auto uses = [&](FactorVariant variant, LossKind loss, OptimizerKind optimizer, int batch) {
            RecommenderTraining t = exampleSgd(4);
            t.loss = loss;
            t.optimizer = optimizer;
            t.batchSize = batch;
            return FactorModel(data, allIndices(data), variant, content, t).usesExampleSgd();
        };
        QVERIFY(uses(FactorVariant::Collaborative, LossKind::Squared, OptimizerKind::MiniBatchSgd, 1));
        QVERIFY(!uses(FactorVariant::Collaborative, LossKind::Squared, OptimizerKind::MiniBatchSgd, 2));
        QVERIFY(!uses(FactorVariant::Collaborative, LossKind::Squared, OptimizerKind::Adam, 1));
        QVERIFY(!uses(FactorVariant::Collaborative, LossKind::Bpr, OptimizerKind::MiniBatchSgd, 1));
        QVERIFY(!uses(FactorVariant::Hybrid, LossKind::Squared, OptimizerKind::MiniBatchSgd, 1));
        QVERIFY(!uses(FactorVariant::ContentOnly, LossKind::Squared, OptimizerKind::MiniBatchSgd, 1));
    }
};

QTEST_GUILESS_MAIN(TestMfSgd)
#include "test_mfsgd.moc"
