// The neural network on fused content (MlpRecommender): every parameter block's gradient against central
// differences in double precision (squared loss and BPR, biases and user vectors on and off,
// mini-batches), one gradient-descent epoch by hand, He/Xavier initial scales, every optimizer lowering
// the loss, a nonlinear target that the linear regression cannot fit and the network can (on warm and on
// unseen items), two groups of users with opposite tastes that only the user vectors can tell apart,
// dropout only in training, explain parts that add up, a clone that keeps scoring as it did, the best
// epoch kept, the same seed giving the same network, cold items scored by content, the settings' parsing
// and checks, and a run on the demo's fused features.

#include "engine/core/Random.h"
#include "engine/data/DatasetImport.h"
#include "engine/data/RecSplit.h"
#include "engine/evaluation/RankingMetrics.h"
#include "engine/fusion/FusionPipeline.h"
#include "engine/models/LinearRecommender.h"
#include "engine/models/MlpRecommender.h"
#include "engine/models/PopularityModel.h"
#include "engine/models/RecommenderFactory.h"

#include "tests/TestSupport.h"
#include "tests/engine/RecTestSupport.h"

#include <QFileInfo>
#include <QTest>

#include <cmath>
#include <set>

using namespace fl;
using namespace fl::test;

Q_DECLARE_METATYPE(fl::OptimizerKind)
Q_DECLARE_METATYPE(fl::LossKind)

namespace {

// Ratings from target(fᵢ) plus user offsets and noise, on distinct (user, item) pairs; items ≥ warmItems
// get no interactions. Ratings are not rounded, so that a good fit can be told from a poor one.
template<typename Target>
Dataset syntheticDataset(const ContentFeatures &content, int users, int perUser, std::uint64_t seed, Target target,
                         int warmItems = -1, double userSpread = 0.5, double noise = 0.1)
{
    const int items = int(content.fused.rows());
    if (warmItems < 0)
        warmItems = items;
    Dataset d = emptyDataset(users, items, QStringLiteral("mlp"));
    Random random(seed);
    std::vector<double> userOffset(static_cast<size_t>(users));
    for (double &o : userOffset)
        o = userSpread * random.normal();
    for (int u = 0; u < users; ++u) {
        for (const int i : distinctItems(random, perUser, warmItems)) {
            const Eigen::VectorXd f = content.fused.row(i).cast<double>().transpose();
            addInteraction(d, u, i, 3.0 + target(f) + userOffset[size_t(u)] + noise * random.normal());
        }
    }
    return d;
}

double linearTarget(const Eigen::VectorXd &f)
{
    return 0.4 * f(0) - 0.3 * f(1) + 0.2 * f(2);
}

// No linear function of f approximates it: its best linear fit on N(0, I) features is the constant
// E[target] (f₀f₁ and |f₂| are uncorrelated with every fⱼ).
double nonlinearTarget(const Eigen::VectorXd &f)
{
    return 1.2 * f(0) * f(1) + 0.8 * (std::abs(f(2)) - 0.8);
}

RecommenderTraining trainingFor(OptimizerKind optimizer, double learningRate, double l2 = 0.01,
                                LossKind loss = LossKind::Squared)
{
    RecommenderTraining t;
    t.loss = loss;
    t.optimizer = optimizer;
    t.learningRate = learningRate;
    t.batchSize = 16;
    t.l2 = l2;
    t.seed = 7;
    return t;
}

MlpSettings settingsWith(std::vector<int> hidden, bool biases, double dropout = 0, bool userFactors = false)
{
    MlpSettings s;
    s.hidden = std::move(hidden);
    s.biases = biases;
    s.dropout = dropout;
    s.userFactors = userFactors;
    return s;
}

bool sameParameters(const MlpParameters &a, const MlpParameters &b)
{
    return a.weights == b.weights && a.biases == b.biases && a.globalBias == b.globalBias
        && a.userBias == b.userBias && a.itemBias == b.itemBias && a.userFactors == b.userFactors;
}

// Pearson correlation of two equally long vectors.
double correlation(const Eigen::VectorXd &a, const Eigen::VectorXd &b)
{
    const Eigen::ArrayXd x = a.array() - a.mean(), y = b.array() - b.mean();
    return (x * y).sum() / std::sqrt((x * x).sum() * (y * y).sum());
}

std::vector<MlpExample> ratingsOf(const Dataset &d)
{
    std::vector<MlpExample> examples;
    for (int r = 0; r < d.interactionCount(); ++r)
        examples.push_back({d.interactionUser[size_t(r)], d.interactionItem[size_t(r)], -1, float(d.rating(r))});
    return examples;
}

// For every positive, one item the user has not rated (the next one up, cyclically).
std::vector<MlpExample> triplesOf(const Dataset &d)
{
    std::vector<MlpExample> examples;
    for (int r = 0; r < d.interactionCount(); ++r) {
        const int u = d.interactionUser[size_t(r)];
        int j = d.interactionItem[size_t(r)];
        for (;;) {
            j = (j + 1) % d.itemCount();
            bool seen = false;
            for (int s = 0; s < d.interactionCount(); ++s)
                seen = seen || (d.interactionUser[size_t(s)] == u && d.interactionItem[size_t(s)] == j);
            if (!seen)
                break;
        }
        examples.push_back({u, d.interactionItem[size_t(r)], j, float(d.rating(r))});
    }
    return examples;
}

// √(mean (predict − r)²) over the interactions whose item passes `use`.
template<typename Use>
double rmseOver(const Recommender &model, const Dataset &d, Use use)
{
    double sum = 0;
    int n = 0;
    for (int r = 0; r < d.interactionCount(); ++r) {
        const int i = d.interactionItem[size_t(r)];
        if (!use(i))
            continue;
        const double e = model.predict(d.interactionUser[size_t(r)], i) - d.rating(r);
        sum += e * e;
        ++n;
    }
    return std::sqrt(sum / std::max(1, n));
}

} // namespace

class MlpRecommenderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gradients_data()
    {
        QTest::addColumn<bool>("biases");
        QTest::addColumn<LossKind>("loss");
        QTest::addColumn<std::vector<int>>("hidden");
        QTest::addColumn<bool>("personal");
        QTest::newRow("squared, no biases") << false << LossKind::Squared << std::vector<int>{5, 3} << false;
        QTest::newRow("squared, biases") << true << LossKind::Squared << std::vector<int>{5, 3} << false;
        QTest::newRow("squared, one hidden layer") << true << LossKind::Squared << std::vector<int>{6} << false;
        QTest::newRow("squared, no hidden layer") << true << LossKind::Squared << std::vector<int>{} << false;
        QTest::newRow("bpr, no biases") << false << LossKind::Bpr << std::vector<int>{5, 3} << false;
        QTest::newRow("bpr, biases") << true << LossKind::Bpr << std::vector<int>{5, 3} << false;
        QTest::newRow("squared, user vectors") << false << LossKind::Squared << std::vector<int>{5, 3} << true;
        QTest::newRow("squared, user vectors, biases") << true << LossKind::Squared << std::vector<int>{5, 3} << true;
        QTest::newRow("squared, user vectors, no hidden layer") << true << LossKind::Squared << std::vector<int>{} << true;
        QTest::newRow("bpr, user vectors, biases") << true << LossKind::Bpr << std::vector<int>{5, 3} << true;
        QTest::newRow("bpr, user vectors, one hidden layer") << false << LossKind::Bpr << std::vector<int>{6} << true;
    }
    // Every parameter of every block against central differences of objective(examples). The network's
    // parameters are doubles (h = 1e-6); the row biases are floats, so their differences are taken with
    // h = 1e-3 and the tolerance follows. L2 on, parameters away from their initial values (layer biases,
    // row biases and user vectors non-zero) so that every term matters.
    void gradients()
    {
        QFETCH(bool, biases);
        QFETCH(LossKind, loss);
        QFETCH(std::vector<int>, hidden);
        QFETCH(bool, personal);
        const int users = 5, items = 7, d = 4;
        auto content = randomContent(items, d, 3);
        const Dataset data = syntheticDataset(*content, users, 3, 11, linearTarget);
        MlpRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::GradientDescent, 0.1, 0.2, loss),
                             settingsWith(hidden, biases, 0, personal));
        const int width = hidden.empty() ? d : hidden.back();
        QCOMPARE(model.factorWidth(), width);
        QCOMPARE(model.parameters().userFactors.rows(), Eigen::Index(personal ? users : 0));
        QCOMPARE(model.parameters().userFactors.cols(), Eigen::Index(personal ? width : 0));
        QVERIFY(model.parameters().userFactors.isZero(0));
        QCOMPARE(int(model.parameters().weights.size()), int(hidden.size()) + 1);
        QCOMPARE(model.parameters().biases.size(), hidden.size());

        MlpParameters theta = model.parameters();
        Random random(5);
        for (Eigen::VectorXd &c : theta.biases) {
            for (Eigen::Index j = 0; j < c.size(); ++j)
                c(j) = random.normal(0.0, 0.3);
        }
        theta.globalBias = 0.7;
        for (Eigen::Index j = 0; j < theta.userBias.size(); ++j)
            theta.userBias(j) = float(random.normal(0.0, 0.5));
        for (Eigen::Index j = 0; j < theta.itemBias.size(); ++j)
            theta.itemBias(j) = float(random.normal(0.0, 0.5));
        for (Eigen::Index j = 0; j < theta.userFactors.size(); ++j)
            theta.userFactors.data()[j] = float(random.normal(0.0, 0.5));
        model.setParameters(theta);

        const std::vector<MlpExample> examples = loss == LossKind::Bpr ? triplesOf(data) : ratingsOf(data);
        MlpParameters g;
        model.objective(examples, &g);
        QCOMPARE(g.weights.size(), theta.weights.size());
        QCOMPARE(g.userBias.size(), Eigen::Index(biases ? users : 0));
        QCOMPARE(g.itemBias.size(), Eigen::Index(biases ? items : 0));
        QCOMPARE(g.userFactors.rows(), theta.userFactors.rows());
        QCOMPARE(g.userFactors.cols(), theta.userFactors.cols());

        int checked = 0;
        auto check = [&](const QString &where, auto *value, double analytic) {
            using T = std::remove_pointer_t<decltype(value)>;
            const bool isFloat = std::is_same_v<T, float>;
            const T saved = *value;
            const T h = isFloat ? T(1e-3) : T(1e-6);
            *value = saved + h;
            const T up = *value;
            model.setParameters(theta);
            const double plus = model.objective(examples);
            *value = saved - h;
            const T down = *value;
            model.setParameters(theta);
            const double minus = model.objective(examples);
            *value = saved;
            const double numeric = (plus - minus) / (double(up) - double(down));
            const double tolerance = isFloat ? 1e-4 + 1e-3 * std::abs(numeric) : 1e-7 + 1e-6 * std::abs(numeric);
            QVERIFY2(std::abs(numeric - analytic) < tolerance,
                     qPrintable(QStringLiteral("%1: analytic %2, numeric %3").arg(where).arg(analytic, 0, 'g', 12).arg(numeric, 0, 'g', 12)));
            ++checked;
        };
        int expected = 0;
        for (size_t l = 0; l < theta.weights.size(); ++l) {
            for (Eigen::Index j = 0; j < theta.weights[l].size(); ++j)
                check(QStringLiteral("W%1[%2]").arg(l + 1).arg(j), theta.weights[l].data() + j, g.weights[l].data()[j]);
            expected += int(theta.weights[l].size());
        }
        for (size_t l = 0; l < theta.biases.size(); ++l) {
            for (Eigen::Index j = 0; j < theta.biases[l].size(); ++j)
                check(QStringLiteral("c%1[%2]").arg(l + 1).arg(j), &theta.biases[l](j), g.biases[l](j));
            expected += int(theta.biases[l].size());
        }
        check(QStringLiteral("b"), &theta.globalBias, g.globalBias);
        for (Eigen::Index u = 0; u < theta.userBias.size(); ++u)
            check(QStringLiteral("b_u[%1]").arg(u), &theta.userBias(u), g.userBias(u));
        for (Eigen::Index i = 0; i < theta.itemBias.size(); ++i)
            check(QStringLiteral("b_i[%1]").arg(i), &theta.itemBias(i), g.itemBias(i));
        for (Eigen::Index u = 0; u < theta.userFactors.rows(); ++u) {
            for (Eigen::Index k = 0; k < theta.userFactors.cols(); ++k)
                check(QStringLiteral("p_u[%1][%2]").arg(u).arg(k), &theta.userFactors(u, k), g.userFactors(u, k));
        }
        QCOMPARE(checked, expected + 1 + (biases ? users + items : 0) + (personal ? users * width : 0));
        if (personal)
            QVERIFY(!g.userFactors.isZero(0));
        if (loss == LossKind::Bpr) {
            QCOMPARE(g.globalBias, 0.0);   // b and bᵤ cancel in the difference
            if (biases)
                QVERIFY(g.userBias.isZero(0));
        }

        // A mini-batch of three examples: the gradient of the same expression over them, zero for the
        // user biases it does not touch.
        const std::vector<MlpExample> some(examples.begin(), examples.begin() + 3);
        MlpParameters part;
        model.setParameters(theta);
        model.objective(some, &part);
        for (Eigen::Index j = 0; j < theta.weights[0].size(); ++j) {
            double &value = theta.weights[0].data()[j];
            const double saved = value;
            value = saved + 1e-6;
            model.setParameters(theta);
            const double plus = model.objective(some);
            value = saved - 1e-6;
            model.setParameters(theta);
            const double minus = model.objective(some);
            value = saved;
            QVERIFY(std::abs((plus - minus) / 2e-6 - part.weights[0].data()[j]) < 1e-6);
        }
        if (biases) {
            std::set<int> touched;
            for (const MlpExample &x : some)
                touched.insert(x.user);
            for (int u = 0; u < users; ++u) {
                if (!touched.count(u))
                    QCOMPARE(part.userBias(u), 0.0f);
            }
        }
        if (personal) {
            std::set<int> touched;
            for (const MlpExample &x : some)
                touched.insert(x.user);
            for (int u = 0; u < users; ++u)
                QCOMPARE(part.userFactors.row(u).isZero(0), !touched.count(u));
        }
    }

    // objective() over the training interactions is objective(examples) over the same ratings; the
    // initial g is the network's forward pass, computed here by hand.
    void forwardPassAndFullObjective()
    {
        auto content = randomContent(9, 3, 8);
        const Dataset data = syntheticDataset(*content, 6, 5, 12, linearTarget);
        MlpRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.01),
                             settingsWith({4, 2}, true));
        MlpParameters theta = model.parameters();
        theta.biases[0] << 0.1, -0.2, 0.3, 0.05;
        theta.biases[1] << -0.1, 0.2;
        model.setParameters(theta);
        for (int i = 0; i < 9; ++i) {
            const Eigen::VectorXd f = content->fused.row(i).cast<double>().transpose();
            const Eigen::VectorXd h1 = (theta.weights[0] * f + theta.biases[0]).cwiseMax(0.0);
            const Eigen::VectorXd h2 = (theta.weights[1] * h1 + theta.biases[1]).cwiseMax(0.0);
            const double g = (theta.weights[2] * h2)(0);
            QVERIFY(std::abs(model.contentScores()(i) - g) < 1e-12);
            QVERIFY(std::abs(model.predict(2, i) - (theta.globalBias + g)) < 1e-12);   // biases start at 0
        }
        MlpParameters full, batch;
        QCOMPARE(model.objective(&full), model.objective(ratingsOf(data), &batch));
        QVERIFY(sameParameters(full, batch));
        // b starts at the mean training rating.
        QVERIFY(std::abs(theta.globalBias - data.rating.mean()) < 1e-6);
    }

    void gradientDescentEpochByHand_data()
    {
        QTest::addColumn<bool>("personal");
        QTest::newRow("shared") << false;
        QTest::newRow("user vectors") << true;
    }
    // One full-batch epoch is θ ← θ − η∇L on every block, and returns L before the step.
    void gradientDescentEpochByHand()
    {
        QFETCH(bool, personal);
        auto content = randomContent(9, 3, 8);
        const Dataset data = syntheticDataset(*content, 6, 5, 12, nonlinearTarget);
        MlpRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::GradientDescent, 0.3),
                             settingsWith({5, 4}, true, 0, personal));
        model.trainEpoch(0.3);
        MlpParameters g;
        const double loss = model.objective(&g);
        const MlpParameters before = model.parameters();
        QVERIFY(std::abs(model.trainEpoch(0.3) - loss) < 1e-12);
        const MlpParameters &after = model.parameters();
        for (size_t l = 0; l < before.weights.size(); ++l)
            QVERIFY((after.weights[l] - (before.weights[l] - 0.3 * g.weights[l])).cwiseAbs().maxCoeff() < 1e-12);
        for (size_t l = 0; l < before.biases.size(); ++l)
            QVERIFY((after.biases[l] - (before.biases[l] - 0.3 * g.biases[l])).cwiseAbs().maxCoeff() < 1e-12);
        QVERIFY(std::abs(after.globalBias - (before.globalBias - 0.3 * g.globalBias)) < 1e-12);
        QVERIFY((after.userBias - (before.userBias - 0.3f * g.userBias)).cwiseAbs().maxCoeff() < 1e-6f);
        QVERIFY((after.itemBias - (before.itemBias - 0.3f * g.itemBias)).cwiseAbs().maxCoeff() < 1e-6f);
        QVERIFY(!g.userBias.isZero(0) && !g.biases[0].isZero(0));
        if (personal) {
            QVERIFY(!before.userFactors.isZero(0) && !g.userFactors.isZero(0));   // moved from 0 in the first epoch
            QVERIFY((after.userFactors - (before.userFactors - 0.3f * g.userFactors)).cwiseAbs().maxCoeff() < 1e-6f);
        }
    }

    // With user vectors, h(fᵢ) is the last hidden layer's output (fᵢ itself without hidden layers) and
    // scoring, predict and explain add pᵤᵀh(fᵢ) to what the shared network gives; computed here by hand.
    void personalScoreByHand_data()
    {
        QTest::addColumn<std::vector<int>>("hidden");
        QTest::newRow("two hidden layers") << std::vector<int>{4, 2};
        QTest::newRow("no hidden layer") << std::vector<int>{};
    }
    void personalScoreByHand()
    {
        QFETCH(std::vector<int>, hidden);
        auto content = randomContent(9, 3, 8);
        const Dataset data = syntheticDataset(*content, 6, 5, 12, linearTarget);
        MlpRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.01),
                             settingsWith(hidden, true, 0, true));
        MlpParameters theta = model.parameters();
        Random random(21);
        for (Eigen::VectorXd &c : theta.biases) {
            for (Eigen::Index j = 0; j < c.size(); ++j)
                c(j) = random.normal(0.0, 0.3);
        }
        for (Eigen::Index j = 0; j < theta.userBias.size(); ++j)
            theta.userBias(j) = float(random.normal(0.0, 0.5));
        for (Eigen::Index j = 0; j < theta.itemBias.size(); ++j)
            theta.itemBias(j) = float(random.normal(0.0, 0.5));
        for (Eigen::Index j = 0; j < theta.userFactors.size(); ++j)
            theta.userFactors.data()[j] = float(random.normal(0.0, 0.5));
        model.setParameters(theta);
        Eigen::VectorXf scores(9);
        for (int u = 0; u < 6; ++u) {
            model.scoreItems(u, scores);
            const Eigen::VectorXd p = theta.userFactors.row(u).transpose().cast<double>();
            for (int i = 0; i < 9; ++i) {
                Eigen::VectorXd h = content->fused.row(i).cast<double>().transpose();
                for (size_t l = 0; l < hidden.size(); ++l)
                    h = (theta.weights[l] * h + theta.biases[l]).cwiseMax(0.0);
                QVERIFY((model.hiddenOutputs().col(i) - h).cwiseAbs().maxCoeff() < 1e-12);
                const double shared = (theta.weights.back() * h)(0);
                const double personal = p.dot(h);
                const double bias = theta.globalBias + double(theta.userBias(u)) + double(theta.itemBias(i));
                QVERIFY(std::abs(model.predict(u, i) - (bias + shared + personal)) < 1e-9);
                QVERIFY(std::abs(scores(i) - (bias + shared + personal)) < 1e-4);
                const auto parts = model.explain(u, i);
                QCOMPARE(parts.size(), size_t(3));
                QVERIFY(std::abs(parts[0].value - shared) < 1e-12);
                QCOMPARE(parts[1].part, QStringLiteral("personal"));
                QVERIFY(std::abs(parts[1].value - personal) < 1e-9);
                QVERIFY(std::abs(parts[2].value - bias) < 1e-9);
            }
        }
    }

    // Two groups of users with opposite tastes: users 0–9 rate items with high f₀ high, users 10–19 rate
    // them low (squared loss), or interact only with items of positive, resp. negative f₀ (BPR). Shared
    // weights can only split the difference (every user gets the same ranking up to bᵤ); with user vectors
    // each group's scores follow its own taste, and the squared loss fits the ratings far better.
    void userVectorsTellOppositeTastesApart_data()
    {
        QTest::addColumn<LossKind>("loss");
        QTest::newRow("squared") << LossKind::Squared;
        QTest::newRow("bpr") << LossKind::Bpr;
    }
    void userVectorsTellOppositeTastesApart()
    {
        QFETCH(LossKind, loss);
        const int users = 20, items = 80;
        auto content = randomContent(items, 4, 131);
        Dataset data = emptyDataset(users, items, QStringLiteral("tastes"));
        Random random(132);
        for (int u = 0; u < users; ++u) {
            const double sign = u < 10 ? 1.0 : -1.0;
            for (const int i : distinctItems(random, 30, items)) {
                const double f0 = content->fused(i, 0);
                if (loss == LossKind::Bpr && sign * f0 <= 0)
                    continue;
                addInteraction(data, u, i, 3.0 + sign * 1.5 * f0 + 0.1 * random.normal());
            }
        }
        const RecommenderTraining t = trainingFor(OptimizerKind::Adam, 0.02, 1e-3, loss);
        MlpRecommender shared(data, allIndices(data), content, t, settingsWith({8}, true, 0, false));
        MlpRecommender personal(data, allIndices(data), content, t, settingsWith({8}, true, 0, true));
        for (int epoch = 0; epoch < 150; ++epoch) {
            shared.trainEpoch(0.02);
            personal.trainEpoch(0.02);
        }
        const Eigen::VectorXd f0 = content->fused.col(0).cast<double>();
        Eigen::VectorXf scores(items);
        for (int u = 0; u < users; ++u) {
            const double sign = u < 10 ? 1.0 : -1.0;
            personal.scoreItems(u, scores);
            const double mine = correlation(scores.cast<double>(), f0);
            QVERIFY2(sign * mine > 0.6, qPrintable(QStringLiteral("user %1: correlation %2").arg(u).arg(mine)));
            shared.scoreItems(u, scores);
            const double theirs = correlation(scores.cast<double>(), f0);
            shared.scoreItems(0, scores);
            QVERIFY(std::abs(theirs - correlation(scores.cast<double>(), f0)) < 1e-4);   // one ranking for all
        }
        if (loss == LossKind::Squared) {
            auto all = [](int) { return true; };
            const double sharedError = rmseOver(shared, data, all), personalError = rmseOver(personal, data, all);
            QVERIFY2(sharedError > 1.0 && personalError < 0.3 * sharedError,
                     qPrintable(QStringLiteral("%1 vs %2").arg(personalError).arg(sharedError)));
        }
    }

    // He for the ReLU layers (variance 2/fan_in), Xavier/Glorot for the linear output (2/(fan_in + 1)),
    // zero layer biases.
    void initialScales()
    {
        auto content = randomContent(20, 300, 9);
        const Dataset data = syntheticDataset(*content, 4, 3, 10, linearTarget);
        MlpRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.01),
                             settingsWith({200, 150}, false));
        const MlpParameters &theta = model.parameters();
        const std::vector<double> expected = {2.0 / 300, 2.0 / 200, 2.0 / 151};
        for (size_t l = 0; l < 3; ++l) {
            const Eigen::ArrayXd w = Eigen::Map<const Eigen::ArrayXd>(theta.weights[l].data(), theta.weights[l].size());
            const double mean = w.mean();
            const double variance = (w - mean).square().mean();
            // 60,000 and 30,000 draws: the sample variance is within 3 % of the true one; the output
            // layer's 150 draws within 40 %.
            const double tolerance = l < 2 ? 0.03 : 0.4;
            QVERIFY2(std::abs(variance / expected[l] - 1) < tolerance,
                     qPrintable(QStringLiteral("layer %1: variance %2, expected %3").arg(l + 1).arg(variance).arg(expected[l])));
        }
        QCOMPARE(theta.weights[0].rows(), Eigen::Index(200));
        QCOMPARE(theta.weights[0].cols(), Eigen::Index(300));
        QCOMPARE(theta.weights[2].rows(), Eigen::Index(1));
        QVERIFY(theta.biases[0].isZero(0) && theta.biases[1].isZero(0));
    }

    void optimizersLowerTheLoss_data()
    {
        QTest::addColumn<OptimizerKind>("optimizer");
        QTest::addColumn<LossKind>("loss");
        QTest::addColumn<bool>("biases");
        QTest::addColumn<double>("learningRate");
        QTest::addColumn<bool>("personal");
        for (const bool personal : {false, true}) {
            for (const bool biases : {false, true}) {
                const QByteArray b = QByteArray(biases ? "biases" : "no biases") + (personal ? ", user vectors" : "");
                QTest::addRow("gd %s", b.constData()) << OptimizerKind::GradientDescent << LossKind::Squared << biases << 0.05 << personal;
                QTest::addRow("sgd %s", b.constData()) << OptimizerKind::MiniBatchSgd << LossKind::Squared << biases << 0.01 << personal;
                QTest::addRow("momentum %s", b.constData()) << OptimizerKind::Momentum << LossKind::Squared << biases << 0.002 << personal;
                QTest::addRow("adam %s", b.constData()) << OptimizerKind::Adam << LossKind::Squared << biases << 0.005 << personal;
                QTest::addRow("adam bpr %s", b.constData()) << OptimizerKind::Adam << LossKind::Bpr << biases << 0.005 << personal;
            }
        }
    }
    void optimizersLowerTheLoss()
    {
        QFETCH(OptimizerKind, optimizer);
        QFETCH(LossKind, loss);
        QFETCH(bool, biases);
        QFETCH(double, learningRate);
        QFETCH(bool, personal);
        auto content = randomContent(40, 6, 31);
        const Dataset data = syntheticDataset(*content, 30, 12, 32, nonlinearTarget);
        MlpRecommender model(data, allIndices(data), content, trainingFor(optimizer, learningRate, 0.001, loss),
                             settingsWith({16, 8}, biases, 0, personal));
        const double initial = model.objective();
        double last = model.trainEpoch(learningRate);
        for (int epoch = 0; epoch < 80; ++epoch) {
            last = model.trainEpoch(learningRate);
            QVERIFY(std::isfinite(last));
        }
        const double final = model.objective();
        QVERIFY2(final < 0.8 * initial, qPrintable(QStringLiteral("%1 → %2").arg(initial).arg(final)));
        if (loss == LossKind::Squared)
            QVERIFY(std::abs(last - final) < 0.3 * final);   // the pass's mean tracks the objective
    }

    // The rating is a nonlinear function of the content (a product and an absolute value): the linear
    // regression's best fit is about the constant, the network fits it, on the training items and on items
    // it never saw. Both without biases (with them, bᵢ alone could memorise each warm item's target).
    void fitsANonlinearTargetTheLinearModelCannot()
    {
        auto content = randomContent(240, 4, 41);
        const int warm = 200;
        const Dataset data = syntheticDataset(*content, 60, 40, 42, nonlinearTarget, warm, 0.0, 0.1);
        RecommenderTraining t = trainingFor(OptimizerKind::Adam, 0.01, 1e-4);
        t.batchSize = 64;
        LinearRecommender linear(data, allIndices(data), content, t, false);
        LinearParameters best = linear.parameters();
        best.weights = linear.optimum();
        linear.setParameters(best);
        MlpRecommender mlp(data, allIndices(data), content, t, settingsWith({32, 16}, false));
        for (int epoch = 0; epoch < 150; ++epoch)
            mlp.trainEpoch(0.01);

        auto warmItem = [&](int i) { return i < warm; };
        const double linearTrain = rmseOver(linear, data, warmItem);
        const double mlpTrain = rmseOver(mlp, data, warmItem);
        QVERIFY2(linearTrain > 0.6, qPrintable(QString::number(linearTrain)));   // about the target's spread
        QVERIFY2(mlpTrain < 0.5 * linearTrain, qPrintable(QStringLiteral("%1 vs %2").arg(mlpTrain).arg(linearTrain)));

        // Unseen items: the target without noise against the content score.
        double linearCold = 0, mlpCold = 0;
        for (int i = warm; i < 240; ++i) {
            const double truth = 3.0 + nonlinearTarget(content->fused.row(i).cast<double>().transpose());
            linearCold += std::pow(linear.predict(0, i) - truth, 2);
            mlpCold += std::pow(mlp.predict(0, i) - truth, 2);
        }
        QVERIFY2(mlpCold < 0.5 * linearCold, qPrintable(QStringLiteral("%1 vs %2").arg(mlpCold).arg(linearCold)));
    }

    // Dropout thins the network in training epochs only: it changes what training does, but scoring,
    // predict and objective() use the whole network, and the loss still falls.
    void dropoutOnlyInTraining()
    {
        auto content = randomContent(40, 6, 51);
        const Dataset data = syntheticDataset(*content, 30, 12, 52, nonlinearTarget);
        const RecommenderTraining t = trainingFor(OptimizerKind::Adam, 0.005, 0.001);
        MlpRecommender dropped(data, allIndices(data), content, t, settingsWith({16, 8}, true, 0.3));
        MlpRecommender whole(data, allIndices(data), content, t, settingsWith({16, 8}, true, 0.0));
        QVERIFY(sameParameters(dropped.parameters(), whole.parameters()));   // dropout does not change the start
        QCOMPARE(dropped.objective(), whole.objective());
        const double initial = dropped.objective();
        for (int epoch = 0; epoch < 60; ++epoch) {
            dropped.trainEpoch(0.005);
            whole.trainEpoch(0.005);
        }
        QVERIFY(!sameParameters(dropped.parameters(), whole.parameters()));
        QVERIFY(dropped.objective() < 0.8 * initial);
        // No dropout at scoring: two calls agree, and scores are b + bᵤ + bᵢ + g(fᵢ) of the whole network.
        whole.setParameters(dropped.parameters());
        QCOMPARE(dropped.objective(), whole.objective());
        Eigen::VectorXf a(40), b(40);
        dropped.scoreItems(3, a);
        dropped.scoreItems(3, b);
        QCOMPARE(a, b);
        whole.scoreItems(3, b);
        QCOMPARE(a, b);
    }

    void explainPartsSumToTheScore_data()
    {
        QTest::addColumn<bool>("biases");
        QTest::addColumn<bool>("personal");
        QTest::newRow("no biases") << false << false;
        QTest::newRow("biases") << true << false;
        QTest::newRow("user vectors") << false << true;
        QTest::newRow("user vectors, biases") << true << true;
    }
    void explainPartsSumToTheScore()
    {
        QFETCH(bool, biases);
        QFETCH(bool, personal);
        auto content = randomContent(25, 6, 61);
        const Dataset data = syntheticDataset(*content, 15, 6, 62, nonlinearTarget);
        MlpRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.01),
                             settingsWith({8}, biases, 0, personal));
        for (int epoch = 0; epoch < 10; ++epoch)
            model.trainEpoch(0.01);
        QCOMPARE(model.userCount(), 15);
        QCOMPARE(model.itemCount(), 25);
        verifyExplainAddsUp(model, personal ? QStringList{QStringLiteral("content"), QStringLiteral("personal"), QStringLiteral("bias")}
                                            : QStringList{QStringLiteral("content"), QStringLiteral("bias")});
        const MlpParameters &theta = model.parameters();
        for (int u = 0; u < 15; u += 4) {
            for (int i = 0; i < 25; ++i) {
                const auto parts = model.explain(u, i);
                QCOMPARE(parts[0].value, model.contentScores()(i));
                double bias = theta.globalBias;
                if (biases)
                    bias += double(theta.userBias(u)) + double(theta.itemBias(i));
                QVERIFY(std::abs(parts.back().value - bias) < 1e-12);
                if (personal) {
                    const double mine = model.hiddenOutputs().col(i).dot(theta.userFactors.row(u).transpose().cast<double>());
                    QVERIFY(mine != 0);
                    QVERIFY(std::abs(parts[1].value - mine) < 1e-12);
                }
            }
        }
    }

    // The Recommendations page scores a clone while the original goes on training.
    void cloneScoresAsTheModelDidWhenCopied()
    {
        auto content = randomContent(30, 4, 71);
        const Dataset data = syntheticDataset(*content, 20, 8, 72, nonlinearTarget);
        MlpRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.01),
                             settingsWith({8, 4}, true, 0, true));
        model.trainEpoch(0.01);
        const std::unique_ptr<Recommender> copy = model.clone();
        QVERIFY(dynamic_cast<const MlpRecommender *>(copy.get()));
        QCOMPARE(copy->userCount(), 20);
        QCOMPARE(copy->itemCount(), 30);
        verifyCloneIsASnapshot(model, *copy, 0.01);
    }

    void keepsTheBestEpoch()
    {
        auto content = randomContent(30, 4, 81);
        const Dataset data = syntheticDataset(*content, 20, 8, 82, nonlinearTarget);
        MlpRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::MiniBatchSgd, 0.02),
                             settingsWith({8, 4}, true, 0.2));
        model.trainEpoch(0.02);
        model.saveBest();
        const MlpParameters best = model.parameters();
        Eigen::VectorXf before(30), after(30), moved(30);
        model.scoreItems(3, before);
        model.trainEpoch(0.02);
        model.scoreItems(3, moved);
        QVERIFY(!sameParameters(model.parameters(), best));
        QVERIFY(moved != before);
        model.restoreBest();
        QVERIFY(sameParameters(model.parameters(), best));
        model.scoreItems(3, after);
        QCOMPARE(after, before);
    }

    // The seed drives the initial weights, the batch order, the BPR negatives and the dropout masks.
    void sameSeedSameModel_data()
    {
        QTest::addColumn<LossKind>("loss");
        QTest::addColumn<double>("dropout");
        QTest::newRow("squared") << LossKind::Squared << 0.0;
        QTest::newRow("squared, dropout") << LossKind::Squared << 0.3;
        QTest::newRow("bpr, dropout") << LossKind::Bpr << 0.3;
    }
    void sameSeedSameModel()
    {
        QFETCH(LossKind, loss);
        QFETCH(double, dropout);
        auto content = randomContent(30, 4, 91);
        const Dataset data = syntheticDataset(*content, 20, 8, 92, nonlinearTarget);
        RecommenderTraining t = trainingFor(OptimizerKind::Adam, 0.01, 0.01, loss);
        const MlpSettings s = settingsWith({8, 4}, true, dropout, true);
        MlpRecommender a(data, allIndices(data), content, t, s), b(data, allIndices(data), content, t, s);
        t.seed = 8;
        MlpRecommender c(data, allIndices(data), content, t, s);
        QVERIFY(!sameParameters(a.parameters(), c.parameters()));
        for (int epoch = 0; epoch < 3; ++epoch) {
            QCOMPARE(a.trainEpoch(0.01), b.trainEpoch(0.01));
            c.trainEpoch(0.01);
        }
        QVERIFY(sameParameters(a.parameters(), b.parameters()));
    }

    // Items 20..24 have no training interactions: their bᵢ stays 0 and they are scored by content,
    // b + bᵤ + (w + pᵤ)ᵀh(fᵢ); BPR's negatives never come from them either.
    void coldItemsAreScoredByContent_data()
    {
        QTest::addColumn<LossKind>("loss");
        QTest::newRow("squared") << LossKind::Squared;
        QTest::newRow("bpr") << LossKind::Bpr;
    }
    void coldItemsAreScoredByContent()
    {
        QFETCH(LossKind, loss);
        auto content = randomContent(25, 6, 101);
        const Dataset data = syntheticDataset(*content, 15, 8, 102, nonlinearTarget, 20);
        MlpRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.01, 0.01, loss),
                             settingsWith({8}, true, 0, true));
        for (int epoch = 0; epoch < 30; ++epoch)
            model.trainEpoch(0.01);
        const MlpParameters &theta = model.parameters();
        Eigen::VectorXf scores(25);
        for (int u = 0; u < 15; u += 3) {
            model.scoreItems(u, scores);
            for (int i = 20; i < 25; ++i) {
                QCOMPARE(theta.itemBias(i), 0.0f);
                const double expected = theta.globalBias + double(theta.userBias(u)) + model.contentScores()(i)
                    + model.hiddenOutputs().col(i).dot(theta.userFactors.row(u).transpose().cast<double>());
                QVERIFY(std::abs(scores(i) - expected) < 1e-5);
            }
            QVERIFY(scores(20) != scores(21));
        }
        QVERIFY(!theta.itemBias.head(20).isZero(0));
        if (loss == LossKind::Bpr) {
            QCOMPARE(theta.globalBias, 0.0);
            QVERIFY(theta.userBias.isZero(0));
        }
    }

    void settings()
    {
        Result<std::vector<int>> widths = parseHiddenWidths(QStringLiteral("64,32"));
        QVERIFY(widths.ok());
        QCOMPARE(*widths, (std::vector<int>{64, 32}));
        QCOMPARE(*parseHiddenWidths(QStringLiteral(" 128 , 64, 16 ")), (std::vector<int>{128, 64, 16}));
        QCOMPARE(*parseHiddenWidths(QStringLiteral("8 4")), (std::vector<int>{8, 4}));
        QVERIFY(parseHiddenWidths(QStringLiteral("")).value().empty());
        QVERIFY(parseHiddenWidths(QStringLiteral("none")).value().empty());
        for (const char *bad : {"64,0", "64,-3", "sixty", "64,32.5", "5000"}) {
            const Result<std::vector<int>> r = parseHiddenWidths(QLatin1String(bad));
            QVERIFY2(!r.ok(), bad);
            QVERIFY(r.error().contains(QStringLiteral("64,32")));
        }
        QCOMPARE(hiddenWidthsText({64, 32}), QStringLiteral("64, 32"));
        QCOMPARE(hiddenWidthsText({}), QStringLiteral("none"));

        QVERIFY(checkMlpSettings({}).ok());
        QCOMPARE(MlpSettings{}.hidden, (std::vector<int>{64, 32}));
        QVERIFY(checkMlpSettings(settingsWith({64, 0}, true)).error().contains(QStringLiteral("'0'")));
        QVERIFY(checkMlpSettings(settingsWith({8}, true, 0.5)).ok());
        QVERIFY(!checkMlpSettings(settingsWith({8}, true, 1.0)).ok());
        QVERIFY(!checkMlpSettings(settingsWith({8}, true, -0.1)).ok());
        QVERIFY(!checkMlpSettings(settingsWith({8}, true, std::nan(""))).ok());

        QVERIFY(MlpSettings{}.userFactors);
        QCOMPARE(mlpFormula({}), QStringLiteral("ŷᵤᵢ = b + bᵤ + bᵢ + (W₃ + pᵤᵀ)·ReLU(W₂·ReLU(W₁fᵢ + c₁) + c₂)"));
        QCOMPARE(mlpFormula(settingsWith({64, 32}, true)), QStringLiteral("ŷᵤᵢ = b + bᵤ + bᵢ + W₃·ReLU(W₂·ReLU(W₁fᵢ + c₁) + c₂)"));
        QCOMPARE(mlpFormula(settingsWith({}, false, 0, true), LossKind::Bpr), QStringLiteral("x̂ᵤᵢ = (W₁ + pᵤᵀ)fᵢ"));
        QCOMPARE(mlpFormula(settingsWith({8}, false)), QStringLiteral("ŷᵤᵢ = b + W₂·ReLU(W₁fᵢ + c₁)"));
        QCOMPARE(mlpFormula(settingsWith({}, true), LossKind::Bpr), QStringLiteral("x̂ᵤᵢ = bᵢ + W₁fᵢ"));
        QCOMPARE(mlpFormula(settingsWith(std::vector<int>(10, 4), false)).count(QStringLiteral("ReLU")), 10);
        QVERIFY(mlpFormula(settingsWith(std::vector<int>(10, 4), false)).startsWith(QStringLiteral("ŷᵤᵢ = b + W₁₁·ReLU(W₁₀·")));

        auto content = randomContent(10, 4, 111);
        const Dataset data = syntheticDataset(*content, 5, 3, 112, linearTarget);
        MlpRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.01), settingsWith({64, 32}, true));
        QVERIFY(model.name().contains(QStringLiteral("64, 32")));
        QVERIFY(!model.name().contains(QStringLiteral("user vectors")));
        QVERIFY(model.hasBiases());
        QVERIFY(!model.hasUserFactors());
        QCOMPARE(model.dimension(), 4);
        MlpRecommender personal(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.01), MlpSettings{});
        QVERIFY(personal.name().contains(QStringLiteral("user vectors")));
        QVERIFY(personal.hasUserFactors());
        QCOMPARE(personal.factorWidth(), 32);
    }

    // On the demo's fused features (the default fusion) and a random split, the network with biases
    // predicts validation ratings better than the training mean does, and ranks well enough to find some
    // of the users' held-out items.
    void demo()
    {
        const std::shared_ptr<const Dataset> demo = test::loadDemo();
        QVERIFY(demo);
        FusionPipeline pipeline(demo);
        Result<FusedItems> fused = pipeline.fuse(defaultPipelineConfig(*demo));
        QVERIFY2(fused.ok(), qPrintable(fused.ok() ? QString() : fused.error()));
        auto content = std::make_shared<const ContentFeatures>(makeContentFeatures(*fused->plan, fused->weights));
        Result<SplitIndices> split = splitInteractions(*demo, RecSplitConfig{});
        QVERIFY(split.ok());
        RecommenderTraining t;
        t.optimizer = OptimizerKind::Adam;
        t.learningRate = 0.003;
        t.batchSize = 256;
        t.seed = 3;
        MlpRecommender model(*demo, split->train, content, t, MlpSettings{});
        double previous = model.objective();
        const double initial = previous;
        for (int epoch = 0; epoch < 20; ++epoch)
            model.trainEpoch(t.learningRate);
        QVERIFY(model.objective() < initial);

        double mean = 0;
        for (const int index : split->train)
            mean += demo->rating(index);
        mean /= double(split->train.size());
        double constant = 0;
        for (const int index : split->validation)
            constant += std::pow(demo->rating(index) - mean, 2);
        constant = std::sqrt(constant / double(split->validation.size()));
        Result<RatingErrors> errors = ratingErrors(*demo, model, split->validation);
        QVERIFY(errors.ok());
        QVERIFY2(errors->rmse < 0.95 * constant, qPrintable(QStringLiteral("%1 vs %2").arg(errors->rmse).arg(constant)));

        Result<RankingReport> ranking =
            evaluateRanking(*demo, model, split->validation, excludedInteractions(*split, EvaluationPart::Validation));
        QVERIFY(ranking.ok());
        QVERIFY(ranking->value(QStringLiteral("ndcg"), 10) > 0);
    }
    // On ml-latest-small (skipped when absent), warm split with seed 1: the network with user vectors and
    // BPR (Adam, η = 0.01, batches of 256; the measured defaults), its epoch picked by validation ndcg@10
    // with patience 10 as the trainer does, ranks the test part better than popularity (measured: 0.198
    // against 0.180 in a -march=native build, 0.189 in a portable one, whose rounding takes training
    // elsewhere; without user vectors 0.174, below popularity). No margin beyond "better": the two
    // builds of the same code and seed already differ by 5%.
    void beatsPopularityOnMovieLens()
    {
        const QString folder = QStringLiteral(FUSIONLAB_SHARED_DIR "/data/ml-latest-small");
        FUSIONLAB_SKIP_SLOW_UNDER_SANITIZER();
        if (!QFileInfo::exists(folder + QStringLiteral("/ratings.csv")))
            QSKIP("ml-latest-small is not available on this machine");
        Result<Dataset> loaded = importDataset(folder);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error()));
        const auto data = std::make_shared<const Dataset>(std::move(loaded).value());
        FusionPipeline pipeline(data);
        Result<FusedItems> fused = pipeline.fuse(defaultPipelineConfig(*data));
        QVERIFY2(fused.ok(), qPrintable(fused.ok() ? QString() : fused.error()));
        auto content = std::make_shared<const ContentFeatures>(makeContentFeatures(*fused->plan, fused->weights));
        RecSplitConfig splitConfig;
        splitConfig.seed = 1;
        Result<SplitIndices> split = splitInteractions(*data, splitConfig);
        QVERIFY(split.ok());
        RecommenderTraining t;
        t.loss = LossKind::Bpr;
        t.learningRate = 0.01;
        t.batchSize = 256;
        t.seed = 1;
        MlpRecommender model(*data, split->train, content, t, MlpSettings{});
        const std::vector<int> validationExcluded = excludedInteractions(*split, EvaluationPart::Validation);
        double best = -1;
        for (int epoch = 0, since = 0; epoch < 40 && since < 10; ++epoch) {
            model.trainEpoch(t.learningRate);
            const double ndcg = evaluateRanking(*data, model, split->validation, validationExcluded)->value(QStringLiteral("ndcg"), 10);
            if (ndcg > best) {
                best = ndcg;
                since = 0;
                model.saveBest();
            } else {
                ++since;
            }
        }
        model.restoreBest();
        const std::vector<int> testExcluded = excludedInteractions(*split, EvaluationPart::Test);
        const double mine = evaluateRanking(*data, model, split->test, testExcluded)->value(QStringLiteral("ndcg"), 10);
        const PopularityModel popularity(*data, split->train);
        const double baseline = evaluateRanking(*data, popularity, split->test, testExcluded)->value(QStringLiteral("ndcg"), 10);
        QVERIFY2(mine > baseline, qPrintable(QStringLiteral("%1 vs popularity %2").arg(mine).arg(baseline)));
    }
};

QTEST_GUILESS_MAIN(MlpRecommenderTest)
#include "test_mlp.moc"
