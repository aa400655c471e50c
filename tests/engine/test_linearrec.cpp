// The seed's linear regression as a recommender (LinearRecommender): gradients of the full-batch
// (by items) and mini-batch (by interactions) objectives against central differences and each other,
// one gradient-descent epoch by hand, the closed-form optimum reached by gradient descent and equal to
// the seed's own normal equations on the same rows, every optimizer lowering the loss, biases on and
// off, explain parts that add up, a clone that keeps scoring as it did, the best epoch kept, cold items
// scored by content, the factory, and a ranking run on the demo with its closed-form floor.

#include "engine/core/Random.h"
#include "engine/fusion/FusionPipeline.h"
#include "engine/models/LinearRecommender.h"
#include "engine/models/RecommenderFactory.h"
#include "engine/training/PrepareRun.h"
#include "engine/training/RecommenderRun.h"
#include "engine/training/RunTrainer.h"

#include "tests/TestSupport.h"
#include "tests/engine/RecTestSupport.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace fl;
using namespace fl::test;

Q_DECLARE_METATYPE(fl::OptimizerKind)

namespace {

// Ratings from a known linear model of the content plus user and item offsets and noise; distinct
// (user, item) pairs; items ≥ warmItems get no interactions.
Dataset syntheticDataset(const ContentFeatures &content, int users, int perUser, std::uint64_t seed,
                         int warmItems = -1, double userSpread = 0.8)
{
    const int items = int(content.fused.rows());
    if (warmItems < 0)
        warmItems = items;
    Dataset d = emptyDataset(users, items, QStringLiteral("linear"));
    Random random(seed);
    Eigen::VectorXd w(content.fused.cols());
    for (Eigen::Index j = 0; j < w.size(); ++j)
        w(j) = 0.5 * random.normal();
    std::vector<double> userOffset(static_cast<size_t>(users)), itemOffset(static_cast<size_t>(items));
    for (double &o : userOffset)
        o = userSpread * random.normal();
    for (double &o : itemOffset)
        o = 0.3 * random.normal();
    for (int u = 0; u < users; ++u) {
        for (const int i : distinctItems(random, perUser, warmItems)) {
            const double r = 3.0 + content.fused.row(i).cast<double>().dot(w) + userOffset[size_t(u)]
                + itemOffset[size_t(i)] + 0.3 * random.normal();
            addInteraction(d, u, i, std::clamp(std::round(r), 1.0, 5.0));
        }
    }
    return d;
}

RecommenderTraining trainingFor(OptimizerKind optimizer, double learningRate, double l2 = 0.01)
{
    RecommenderTraining t;
    t.optimizer = optimizer;
    t.learningRate = learningRate;
    t.batchSize = 16;
    t.l2 = l2;
    t.seed = 7;
    return t;
}

bool sameParameters(const LinearParameters &a, const LinearParameters &b)
{
    return a.weights == b.weights && a.userBias == b.userBias && a.itemBias == b.itemBias;
}

std::vector<LinearExample> examplesOf(const Dataset &d)
{
    std::vector<LinearExample> examples;
    for (int r = 0; r < d.interactionCount(); ++r)
        examples.push_back({d.interactionUser[size_t(r)], d.interactionItem[size_t(r)], float(d.rating(r))});
    return examples;
}

} // namespace

class LinearRecommenderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gradients_data()
    {
        QTest::addColumn<bool>("biases");
        QTest::newRow("no biases") << false;
        QTest::newRow("biases") << true;
    }
    // Every parameter against central differences of both objectives, which must agree with each other
    // (the full-batch one works by items, the mini-batch one by interactions). L2 on, parameters away
    // from their initial values so that every term matters.
    void gradients()
    {
        QFETCH(bool, biases);
        const int users = 5, items = 7, d = 4;
        auto content = randomContent(items, d, 3);
        const Dataset data = syntheticDataset(*content, users, 4, 11);
        LinearRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::GradientDescent, 0.1, 0.2), biases);

        LinearParameters theta = model.parameters();
        Random random(5);
        for (Eigen::Index j = 0; j < theta.weights.size(); ++j)
            theta.weights(j) = random.normal(0.0, 0.5);
        for (Eigen::Index j = 0; j < theta.userBias.size(); ++j)
            theta.userBias(j) = float(random.normal(0.0, 0.5));
        for (Eigen::Index j = 0; j < theta.itemBias.size(); ++j)
            theta.itemBias(j) = float(random.normal(0.0, 0.5));
        model.setParameters(theta);

        const std::vector<LinearExample> examples = examplesOf(data);
        LinearParameters full, batch;
        const double fullLoss = model.objective(&full);
        const double batchLoss = model.objective(examples, &batch);
        QVERIFY2(std::abs(fullLoss - batchLoss) < 1e-9 * std::max(1.0, fullLoss),
                 qPrintable(QStringLiteral("%1 vs %2").arg(fullLoss, 0, 'g', 17).arg(batchLoss, 0, 'g', 17)));
        QVERIFY((full.weights - batch.weights).cwiseAbs().maxCoeff() < 1e-9);
        QCOMPARE(full.userBias.size(), Eigen::Index(biases ? users : 0));
        QCOMPARE(full.itemBias.size(), Eigen::Index(biases ? items : 0));
        if (biases) {
            QVERIFY((full.userBias - batch.userBias).cwiseAbs().maxCoeff() < 1e-5f);
            QVERIFY((full.itemBias - batch.itemBias).cwiseAbs().maxCoeff() < 1e-5f);
        }

        int checked = 0;
        auto check = [&](const char *group, auto *value, double analytic) {
            using T = std::remove_pointer_t<decltype(value)>;
            const T saved = *value;
            const T h = T(1e-3);
            *value = saved + h;
            const T up = *value;
            model.setParameters(theta);
            const double plus = model.objective();
            *value = saved - h;
            const T down = *value;
            model.setParameters(theta);
            const double minus = model.objective();
            *value = saved;
            const double numeric = (plus - minus) / (double(up) - double(down));
            QVERIFY2(std::abs(numeric - analytic) < 1e-4 + 1e-3 * std::abs(numeric),
                     qPrintable(QStringLiteral("%1: analytic %2, numeric %3").arg(QLatin1String(group)).arg(analytic).arg(numeric)));
            ++checked;
        };
        for (Eigen::Index j = 0; j < theta.weights.size(); ++j)
            check(j < d ? "w" : "b", &theta.weights(j), full.weights(j));
        for (Eigen::Index u = 0; u < theta.userBias.size(); ++u)
            check("b_u", &theta.userBias(u), full.userBias(u));
        for (Eigen::Index i = 0; i < theta.itemBias.size(); ++i)
            check("b_i", &theta.itemBias(i), full.itemBias(i));
        QCOMPARE(checked, d + 1 + (biases ? users + items : 0));

        // A mini-batch of three examples: the gradient of the same expression over them.
        const std::vector<LinearExample> some(examples.begin(), examples.begin() + 3);
        LinearParameters g;
        model.setParameters(theta);
        model.objective(some, &g);
        for (Eigen::Index j = 0; j < theta.weights.size(); ++j) {
            const double saved = theta.weights(j);
            theta.weights(j) = saved + 1e-4;
            model.setParameters(theta);
            const double plus = model.objective(some);
            theta.weights(j) = saved - 1e-4;
            model.setParameters(theta);
            const double minus = model.objective(some);
            theta.weights(j) = saved;
            QVERIFY(std::abs((plus - minus) / 2e-4 - g.weights(j)) < 1e-6);
        }
        if (biases) {
            std::set<int> touched;
            for (const LinearExample &x : some)
                touched.insert(x.user);
            for (int u = 0; u < users; ++u) {
                if (!touched.count(u))
                    QCOMPARE(g.userBias(u), 0.0f);
            }
        }
    }

    // One full-batch epoch is θ ← θ − η∇L, and returns L before the step.
    void gradientDescentEpochByHand()
    {
        auto content = randomContent(9, 3, 8);
        const Dataset data = syntheticDataset(*content, 6, 5, 12);
        LinearRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::GradientDescent, 0.3), true);
        model.trainEpoch(0.3);
        LinearParameters g;
        const double loss = model.objective(&g);
        const LinearParameters before = model.parameters();
        QCOMPARE(model.trainEpoch(0.3), loss);
        const LinearParameters &after = model.parameters();
        QVERIFY((after.weights - (before.weights - 0.3 * g.weights)).cwiseAbs().maxCoeff() < 1e-12);
        QVERIFY((after.userBias - (before.userBias - 0.3f * g.userBias)).cwiseAbs().maxCoeff() < 1e-6f);
        QVERIFY((after.itemBias - (before.itemBias - 0.3f * g.itemBias)).cwiseAbs().maxCoeff() < 1e-6f);
    }

    // Without biases the objective is a strictly convex quadratic: gradient descent below 2/λ_max
    // converges to the normal equations' solution.
    void gradientDescentReachesTheClosedForm_data()
    {
        QTest::addColumn<double>("l2");
        QTest::newRow("no L2") << 0.0;
        QTest::newRow("L2") << 0.05;
    }
    void gradientDescentReachesTheClosedForm()
    {
        QFETCH(double, l2);
        auto content = randomContent(40, 5, 21);
        const Dataset data = syntheticDataset(*content, 30, 10, 22);
        LinearRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::GradientDescent, 0.0, l2), false);
        const double stable = model.maxStableLearningRate();
        QVERIFY(std::isfinite(stable) && stable > 0);
        const Eigen::VectorXd optimum = model.optimum();
        const double floor = model.optimumObjective();
        double previous = std::numeric_limits<double>::infinity();
        for (int epoch = 0; epoch < 3000; ++epoch) {
            const double loss = model.trainEpoch(0.9 * stable);
            QVERIFY(loss <= previous + 1e-12);
            previous = loss;
        }
        QVERIFY2((model.parameters().weights - optimum).cwiseAbs().maxCoeff() < 1e-7,
                 qPrintable(QStringLiteral("%1").arg((model.parameters().weights - optimum).cwiseAbs().maxCoeff())));
        QVERIFY(std::abs(model.objective() - floor) < 1e-10);
        QVERIFY(floor <= model.objective() + 1e-12);
        // The gradient vanishes there.
        LinearParameters g;
        LinearParameters atOptimum = model.parameters();
        atOptimum.weights = optimum;
        model.setParameters(atOptimum);
        model.objective(&g);
        QVERIFY(g.weights.cwiseAbs().maxCoeff() < 1e-10);
        // Above 2/λ_max gradient descent diverges.
        LinearRecommender fast(data, allIndices(data), content, trainingFor(OptimizerKind::GradientDescent, 0.0, l2), false);
        double loss = 0;
        for (int epoch = 0; epoch < 300; ++epoch)
            loss = fast.trainEpoch(1.2 * stable);
        QVERIFY(!(loss < 1e3));
    }

    // The objective without biases is the seed's L = 1/(2N)Σ(y − f)² + λ/2‖W‖²: on the demo's training
    // rows (one user) the closed form equals the seed regression's normal equations.
    void closedFormEqualsTheSeedRegression()
    {
        const std::shared_ptr<const Dataset> demo = test::loadDemo();
        QVERIFY(demo);
        FusionPipeline pipeline(demo);
        const PipelineConfig config = defaultPipelineConfig(*demo);
        Result<std::shared_ptr<const TrainingProblem>> prepared = pipeline.prepare(config);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error()));
        const TrainingProblem &problem = **prepared;
        auto content = std::make_shared<const ContentFeatures>(makeContentFeatures(*problem.plan, problem.weights));

        Dataset rows;
        rows.userIds << QStringLiteral("everyone");
        rows.itemIds = demo->itemIds;
        rows.itemTitles = demo->itemTitles;
        for (int r = 0; r < problem.trainRows->size(); ++r)
            addInteraction(rows, 0, problem.trainRows->items[size_t(r)], problem.trainRows->targets(r));
        for (const double l2 : {0.0, 0.1}) {
            LinearRecommender model(rows, allIndices(rows), content, trainingFor(OptimizerKind::GradientDescent, 0.01, l2), false);
            const Eigen::VectorXd seed = problem.train.optimum(l2);
            const Eigen::VectorXd ours = model.optimum();
            QCOMPARE(ours.size(), seed.size());
            QVERIFY2((ours - seed).cwiseAbs().maxCoeff() < 1e-4, qPrintable(QString::number((ours - seed).cwiseAbs().maxCoeff())));
            const double seedFloor = problem.train.loss(seed) + 0.5 * l2 * seed.head(seed.size() - 1).squaredNorm();
            QVERIFY(std::abs(model.optimumObjective() - seedFloor) < 1e-5);
            QVERIFY(std::abs(model.maxStableLearningRate() - problem.train.maxStableLearningRate(l2))
                    < 1e-4 * problem.train.maxStableLearningRate(l2));
        }
    }

    void optimizersLowerTheLoss_data()
    {
        QTest::addColumn<OptimizerKind>("optimizer");
        QTest::addColumn<bool>("biases");
        QTest::addColumn<double>("learningRate");
        for (const bool biases : {false, true}) {
            const char *b = biases ? "biases" : "no biases";
            QTest::addRow("gd %s", b) << OptimizerKind::GradientDescent << biases << 0.1;
            QTest::addRow("sgd %s", b) << OptimizerKind::MiniBatchSgd << biases << 0.02;
            QTest::addRow("momentum %s", b) << OptimizerKind::Momentum << biases << 0.005;
            QTest::addRow("adam %s", b) << OptimizerKind::Adam << biases << 0.02;
        }
    }
    void optimizersLowerTheLoss()
    {
        QFETCH(OptimizerKind, optimizer);
        QFETCH(bool, biases);
        QFETCH(double, learningRate);
        auto content = randomContent(40, 6, 31);
        const Dataset data = syntheticDataset(*content, 30, 12, 32);
        LinearRecommender model(data, allIndices(data), content, trainingFor(optimizer, learningRate), biases);
        const double first = model.trainEpoch(learningRate);
        double last = first;
        for (int epoch = 0; epoch < 60; ++epoch) {
            last = model.trainEpoch(learningRate);
            QVERIFY(std::isfinite(last));
        }
        QVERIFY2(last < 0.8 * first, qPrintable(QStringLiteral("%1 → %2").arg(first).arg(last)));
        QVERIFY(std::abs(last - model.objective()) < 0.2 * last);   // the pass's mean tracks the objective
        if (!biases)
            QVERIFY(model.objective() >= model.optimumObjective() - 1e-12);
    }

    // Users differ by a large offset: only the model with biases can learn it, and only it ranks
    // differently for different users (by bᵤ it shifts, by bᵢ it reorders warm items).
    void biasesOnAndOff()
    {
        auto content = randomContent(30, 4, 41);
        const Dataset data = syntheticDataset(*content, 25, 10, 42, -1, 1.2);
        LinearRecommender plain(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.05), false);
        LinearRecommender biased(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.05), true);
        for (int epoch = 0; epoch < 150; ++epoch) {
            plain.trainEpoch(0.05);
            biased.trainEpoch(0.05);
        }
        QVERIFY(!plain.hasBiases() && biased.hasBiases());
        QVERIFY(plain.parameters().userBias.size() == 0 && plain.parameters().itemBias.size() == 0);
        QVERIFY2(biased.objective() < 0.7 * plain.optimumObjective(),
                 qPrintable(QStringLiteral("%1 vs floor without biases %2").arg(biased.objective()).arg(plain.optimumObjective())));
        QVERIFY(std::isnan(biased.optimumObjective()));
        QVERIFY(std::isnan(biased.maxStableLearningRate()));
        QVERIFY(biased.name() != plain.name());

        Eigen::VectorXf a(30), b(30);
        plain.scoreItems(0, a);
        plain.scoreItems(1, b);
        QCOMPARE(a, b);   // no user term: one ranking for everyone
        biased.scoreItems(0, a);
        biased.scoreItems(1, b);
        const float shift = biased.parameters().userBias(0) - biased.parameters().userBias(1);
        QVERIFY(std::abs(shift) > 0.05f);
        QVERIFY((a - b).array().abs().maxCoeff() > 0.05f);
        QVERIFY(((a - b).array() - shift).abs().maxCoeff() < 1e-5f);
        for (int i = 0; i < 30; ++i)
            QVERIFY(std::abs(a(i) - biased.predict(0, i)) < 1e-5);
    }

    void explainPartsSumToTheScore_data()
    {
        QTest::addColumn<bool>("biases");
        QTest::addColumn<bool>("additive");
        QTest::newRow("additive") << false << true;
        QTest::newRow("additive, biases") << true << true;
        QTest::newRow("product (no parts), biases") << true << false;
    }
    void explainPartsSumToTheScore()
    {
        QFETCH(bool, biases);
        QFETCH(bool, additive);
        auto content = randomContent(25, 6, 51);
        if (!additive) {
            content->parts.clear();
            content->partNames.clear();
        }
        const Dataset data = syntheticDataset(*content, 15, 6, 52);
        LinearRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.05), biases);
        for (int epoch = 0; epoch < 10; ++epoch)
            model.trainEpoch(0.05);
        const QStringList expected = (additive ? content->partNames : QStringList{QStringLiteral("content")})
            + QStringList{QStringLiteral("bias")};
        QCOMPARE(model.userCount(), 15);
        QCOMPARE(model.itemCount(), 25);
        verifyExplainAddsUp(model, expected);
        // The last part, "bias", is b (+ bᵤ + bᵢ).
        const Eigen::Index d = content->fused.cols();
        for (int u = 0; u < 15; u += 4) {
            for (int i = 0; i < 25; ++i) {
                double bias = model.parameters().weights(d);
                if (biases)
                    bias += double(model.parameters().userBias(u)) + double(model.parameters().itemBias(i));
                QVERIFY(std::abs(model.explain(u, i).back().value - bias) < 1e-12);
            }
        }
        if (additive) {
            // "left" is wᵀ over the first half of the columns only.
            const Eigen::VectorXd w = model.parameters().weights.head(d);
            const double left = content->fused.row(3).head(d / 2).cast<double>().dot(w.head(d / 2));
            QVERIFY(std::abs(model.explain(0, 3)[0].value - left) < 1e-9);
        }
    }

    // The Recommendations page scores a clone while the original goes on training.
    void cloneScoresAsTheModelDidWhenCopied()
    {
        auto content = randomContent(30, 4, 61);
        const Dataset data = syntheticDataset(*content, 20, 8, 62);
        LinearRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.05), true);
        model.trainEpoch(0.05);
        const std::unique_ptr<Recommender> copy = model.clone();
        QVERIFY(dynamic_cast<const LinearRecommender *>(copy.get()));
        QCOMPARE(copy->userCount(), 20);
        QCOMPARE(copy->itemCount(), 30);
        verifyCloneIsASnapshot(model, *copy, 0.05);
    }

    void keepsTheBestEpoch()
    {
        auto content = randomContent(30, 4, 71);
        const Dataset data = syntheticDataset(*content, 20, 8, 72);
        LinearRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::MiniBatchSgd, 0.05), true);
        model.trainEpoch(0.05);
        model.saveBest();
        const LinearParameters best = model.parameters();
        Eigen::VectorXf before(30), after(30), moved(30);
        model.scoreItems(3, before);
        model.trainEpoch(0.05);
        model.scoreItems(3, moved);
        QVERIFY(!sameParameters(model.parameters(), best));
        QVERIFY(moved != before);
        model.restoreBest();
        QVERIFY(sameParameters(model.parameters(), best));
        model.scoreItems(3, after);
        QCOMPARE(after, before);
    }

    void sameSeedSameModel()
    {
        auto content = randomContent(30, 4, 81);
        const Dataset data = syntheticDataset(*content, 20, 8, 82);
        RecommenderTraining t = trainingFor(OptimizerKind::Adam, 0.02);
        LinearRecommender a(data, allIndices(data), content, t, true), b(data, allIndices(data), content, t, true);
        t.seed = 8;
        LinearRecommender c(data, allIndices(data), content, t, true);
        for (int epoch = 0; epoch < 3; ++epoch) {
            QCOMPARE(a.trainEpoch(0.02), b.trainEpoch(0.02));
            c.trainEpoch(0.02);
        }
        QVERIFY(sameParameters(a.parameters(), b.parameters()));
        QVERIFY(!sameParameters(a.parameters(), c.parameters()));
    }

    // Items 20..24 have no training interactions: their bᵢ stays 0 and they are scored by content,
    // b + bᵤ + wᵀfᵢ, so they are told apart by what they show.
    void coldItemsAreScoredByContent()
    {
        auto content = randomContent(25, 6, 91);
        const Dataset data = syntheticDataset(*content, 15, 8, 92, 20);
        for (const bool biases : {false, true}) {
            LinearRecommender model(data, allIndices(data), content, trainingFor(OptimizerKind::Adam, 0.05), biases);
            for (int epoch = 0; epoch < 40; ++epoch)
                model.trainEpoch(0.05);
            const LinearParameters &theta = model.parameters();
            const Eigen::VectorXd w = theta.weights.head(6);
            Eigen::VectorXf scores(25);
            for (int u = 0; u < 15; u += 3) {
                model.scoreItems(u, scores);
                for (int i = 20; i < 25; ++i) {
                    if (biases)
                        QCOMPARE(theta.itemBias(i), 0.0f);
                    const double expected = theta.weights(6) + (biases ? double(theta.userBias(u)) : 0.0)
                        + content->fused.row(i).cast<double>().dot(w);
                    QVERIFY(std::abs(scores(i) - expected) < 1e-5);
                }
                QVERIFY(scores(20) != scores(21));
            }
            if (biases)
                QVERIFY(!theta.itemBias.head(20).isZero(0));
        }
    }

    void factory()
    {
        auto content = randomContent(12, 4, 101);
        const Dataset data = syntheticDataset(*content, 10, 4, 102);
        SplitIndices split;
        split.train = allIndices(data);
        QCOMPARE(modelKindName(ModelKind::LinearRanking), QStringLiteral("linear"));
        QVERIFY(!recommenderKinds().contains(ModelKind::LinearRanking));   // "linear" alone is the seed's run
        for (const bool biases : {false, true}) {
            Result<std::unique_ptr<Recommender>> model = makeRecommender(ModelKind::LinearRanking, data, split, content, {}, biases);
            QVERIFY(model.ok());
            const auto *linear = dynamic_cast<const LinearRecommender *>(model->get());
            QVERIFY(linear);
            QCOMPARE(linear->hasBiases(), biases);
            QVERIFY(dynamic_cast<TrainableRecommender *>(model->get()));
        }
        QVERIFY(!makeRecommender(ModelKind::LinearRanking, data, split, nullptr).ok());
        RecommenderTraining bpr;
        bpr.loss = LossKind::Bpr;
        QVERIFY(!makeRecommender(ModelKind::LinearRanking, data, split, content, bpr).ok());
    }

    // A ranking run of the linear recommender on the demo through prepareRun: the seed's regression
    // stays what "linear" alone means; as LinearRanking the run has ranking metrics, its curve starts
    // above the closed-form floor and the summary reports it.
    void rankingRunOnTheDemo()
    {
        const std::shared_ptr<const Dataset> demo = test::loadDemo();
        QVERIFY(demo);
        FusionPipeline pipeline(demo);
        RunConfig config;
        config.pipeline = defaultPipelineConfig(*demo);
        config.training.epochs = 30;
        config.training.learningRate = 0.1;
        config.model.kind = ModelKind::Linear;

        Result<PreparedRun> seed = prepareRun(pipeline, config);
        QVERIFY(seed.ok());
        QVERIFY(dynamic_cast<LinearRunTrainer *>(seed->trainer.get()));

        config.model.kind = ModelKind::LinearRanking;
        config.model.split.kind = RecSplitKind::ColdItems;
        QVERIFY(!config.model.isLinear());
        Result<PreparedRun> run = prepareRun(pipeline, config);
        QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error()));
        auto *trainer = dynamic_cast<RecommenderRunTrainer *>(run->trainer.get());
        QVERIFY(trainer);
        QVERIFY(dynamic_cast<const LinearRecommender *>(&trainer->model()));
        QVERIFY(run->info.formula.startsWith(QStringLiteral("ŷᵤᵢ = b + wᵀfᵢ")));
        QVERIFY(std::isfinite(run->info.optimumTrainLoss) && std::isfinite(run->info.optimumValidationLoss));
        QVERIFY(run->info.initialLoss > run->info.optimumTrainLoss);
        QVERIFY(run->info.maxStableLearningRate > 0.1);
        double loss = 0;
        for (int e = 0; e < 30 && !trainer->wantsToStop(); ++e) {
            loss = trainer->step().trainLoss;
            QVERIFY(loss >= run->info.optimumTrainLoss - 1e-12);
            QVERIFY(trainer->lastMetrics().contains(QStringLiteral("ndcg@10")));
        }
        const RunSummary summary = trainer->summary(0, QStringLiteral("completed"));
        QCOMPARE(summary.optimumTrainLoss, run->info.optimumTrainLoss);
        QVERIFY(summary.trainLoss >= summary.optimumTrainLoss - 1e-12);
        for (const char *key : {"ndcg@10", "recall@20", "cold_ndcg@10", "cold_map@20"})
            QVERIFY2(summary.metrics.contains(QLatin1String(key)), key);
        QVERIFY(summary.rmse > 0 && summary.rmse < 2);
        // Held-out items are ranked by content: better than the ties a content-blind model would give.
        QVERIFY2(summary.metrics.value(QStringLiteral("cold_ndcg@10")) > 0.0,
                 qPrintable(QString::number(summary.metrics.value(QStringLiteral("cold_ndcg@10")))));

        config.model.linearBiases = true;
        Result<PreparedRun> biased = prepareRun(pipeline, config);
        QVERIFY(biased.ok());
        QVERIFY(biased->info.formula.startsWith(QStringLiteral("ŷᵤᵢ = b + bᵤ + bᵢ + wᵀfᵢ")));
        QVERIFY(std::isnan(biased->info.optimumTrainLoss));
    }
};

QTEST_GUILESS_MAIN(LinearRecommenderTest)
#include "test_linearrec.moc"
