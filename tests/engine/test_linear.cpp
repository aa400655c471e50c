// The seed's linear regression: sufficient statistics against the rows, gradients against finite
// differences, gradient descent against the closed-form optimum, SGD, divergence, and the split.

#include "engine/core/Random.h"
#include "engine/data/Split.h"
#include "engine/models/LinearRegression.h"

#include <Eigen/QR>
#include <QTest>

using namespace fl;

namespace {

Eigen::MatrixXd randomMatrix(int rows, int cols, std::uint64_t seed)
{
    Random random(seed);
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = random.normal();
    return m;
}

// A plan over `items` items and rows that reference items repeatedly, with targets from a known model.
struct Fixture
{
    std::shared_ptr<FusionPlan> plan;
    std::shared_ptr<RowSet> rows;
    std::shared_ptr<RowSet> heldOut;
    std::vector<double> weights;
    Eigen::MatrixXd f;   // explicit F
    Eigen::MatrixXd x;   // one row per training row: [F(item), 1]
};

Fixture makeFixture(FusionOp op, std::uint64_t seed, int items = 60, int rows = 400, int dim = 3)
{
    Fixture fx;
    fx.plan = std::make_shared<FusionPlan>();
    fx.plan->op = op;
    fx.plan->modalityNames = {QStringLiteral("a"), QStringLiteral("b")};
    fx.plan->blocks = {randomMatrix(items, dim, seed), randomMatrix(items, dim, seed + 1)};
    if (op == FusionOp::Concat) {
        fx.plan->offsets = {0, dim};
        fx.plan->width = 2 * dim;
    } else if (op == FusionOp::Sum) {
        fx.plan->offsets = {0, 0};
        fx.plan->width = dim;
    } else {
        fx.plan->blocks = {fx.plan->blocks[0].cwiseProduct(fx.plan->blocks[1])};
        fx.plan->offsets = {0};
        fx.plan->width = dim;
    }
    fx.weights = {0.7, 1.3};
    fx.f = fx.plan->fuse(fx.weights);
    Random random(seed + 2);
    const Eigen::VectorXd trueW = randomMatrix(fx.plan->width, 1, seed + 3).col(0);
    auto makeRows = [&](int n) {
        auto set = std::make_shared<RowSet>();
        set->targets.resize(n);
        for (int r = 0; r < n; ++r) {
            const int item = int(random.below(std::uint64_t(items)));
            set->items.push_back(item);
            set->targets(r) = fx.f.row(item).dot(trueW) + 3.0 + 0.3 * random.normal();
        }
        return set;
    };
    fx.rows = makeRows(rows);
    fx.heldOut = makeRows(rows / 4);
    fx.x.resize(rows, fx.plan->width + 1);
    for (int r = 0; r < rows; ++r) {
        fx.x.row(r).head(fx.plan->width) = fx.f.row(fx.rows->items[size_t(r)]);
        fx.x(r, fx.plan->width) = 1.0;
    }
    return fx;
}

std::shared_ptr<const TrainingProblem> makeProblem(const Fixture &fx)
{
    auto p = std::make_shared<TrainingProblem>();
    p->plan = fx.plan;
    p->weights = fx.weights;
    p->trainRows = fx.rows;
    p->validationRows = fx.heldOut;
    p->train = BlockStatistics(*fx.plan, *fx.rows).assemble(*fx.plan, fx.weights);
    p->validation = BlockStatistics(*fx.plan, *fx.heldOut).assemble(*fx.plan, fx.weights);
    return p;
}

// The loss straight from its definition: 1/(2N)·Σ(y − f)² + λ/2·‖W‖².
double directLoss(const Fixture &fx, const Eigen::VectorXd &w, double l2)
{
    const Eigen::VectorXd e = fx.x * w - fx.rows->targets;
    return e.squaredNorm() / (2.0 * fx.rows->size()) + 0.5 * l2 * w.head(w.size() - 1).squaredNorm();
}

void compareRelative(double actual, double expected, double tolerance)
{
    QVERIFY2(std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected)),
             qPrintable(QStringLiteral("%1 vs %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

} // namespace

class LinearRegressionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statisticsMatchTheRows_data()
    {
        QTest::addColumn<int>("op");
        QTest::newRow("sum") << int(FusionOp::Sum);
        QTest::newRow("product") << int(FusionOp::Product);
        QTest::newRow("concat") << int(FusionOp::Concat);
    }

    void statisticsMatchTheRows()
    {
        QFETCH(int, op);
        const Fixture fx = makeFixture(FusionOp(op), 5);
        const QuadraticForm q = BlockStatistics(*fx.plan, *fx.rows).assemble(*fx.plan, fx.weights);
        const Eigen::MatrixXd gram = fx.x.transpose() * fx.x;
        QVERIFY((q.gram - gram).cwiseAbs().maxCoeff() < 1e-9 * gram.cwiseAbs().maxCoeff());
        const Eigen::VectorXd moment = fx.x.transpose() * fx.rows->targets;
        QVERIFY((q.moment - moment).cwiseAbs().maxCoeff() < 1e-9 * moment.cwiseAbs().maxCoeff());
        compareRelative(q.sumSquares, fx.rows->targets.squaredNorm(), 1e-12);
        QCOMPARE(q.count, double(fx.rows->size()));
        const Eigen::VectorXd w = randomMatrix(q.dimension(), 1, 9).col(0);
        compareRelative(q.loss(w), directLoss(fx, w, 0.0), 1e-10);
    }

    void reweightingNeedsNoNewPass()
    {
        // Statistics gathered once serve every α, β: compare with statistics built for the new weights.
        const Fixture fx = makeFixture(FusionOp::Sum, 17);
        const BlockStatistics stats(*fx.plan, *fx.rows);
        const std::vector<double> other{-0.4, 2.5};
        const QuadraticForm q = stats.assemble(*fx.plan, other);
        Eigen::MatrixXd x(fx.rows->size(), fx.plan->width + 1);
        const Eigen::MatrixXd f = fx.plan->fuse(other);
        for (int r = 0; r < fx.rows->size(); ++r)
            x.row(r) << f.row(fx.rows->items[size_t(r)]), 1.0;
        QVERIFY((q.gram - x.transpose() * x).cwiseAbs().maxCoeff() < 1e-9 * q.gram.cwiseAbs().maxCoeff());
    }

    void gradientMatchesFiniteDifferences_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<double>("l2");
        QTest::newRow("sum") << int(FusionOp::Sum) << 0.0;
        QTest::newRow("sum+l2") << int(FusionOp::Sum) << 0.3;
        QTest::newRow("product") << int(FusionOp::Product) << 0.0;
        QTest::newRow("concat+l2") << int(FusionOp::Concat) << 0.05;
    }

    void gradientMatchesFiniteDifferences()
    {
        QFETCH(int, op);
        QFETCH(double, l2);
        for (std::uint64_t seed : {1u, 2u, 3u}) {
            const Fixture fx = makeFixture(FusionOp(op), seed);
            const QuadraticForm q = BlockStatistics(*fx.plan, *fx.rows).assemble(*fx.plan, fx.weights);
            const Eigen::VectorXd w = randomMatrix(q.dimension(), 1, seed + 40).col(0);
            const Eigen::VectorXd g = q.gradient(w, l2);
            for (int j = 0; j < q.dimension(); ++j) {
                const double h = 1e-6;
                Eigen::VectorXd plus = w, minus = w;
                plus(j) += h;
                minus(j) -= h;
                const double numeric = (directLoss(fx, plus, l2) - directLoss(fx, minus, l2)) / (2 * h);
                QVERIFY2(std::abs(g(j) - numeric) <= 1e-6 * std::max(1.0, std::abs(numeric)),
                         qPrintable(QStringLiteral("component %1: %2 vs %3").arg(j).arg(g(j)).arg(numeric)));
            }
        }
    }

    void closedFormIsLeastSquares()
    {
        const Fixture fx = makeFixture(FusionOp::Concat, 8);
        const QuadraticForm q = BlockStatistics(*fx.plan, *fx.rows).assemble(*fx.plan, fx.weights);
        const Eigen::VectorXd reference = fx.x.colPivHouseholderQr().solve(fx.rows->targets);
        QVERIFY((q.optimum(0.0) - reference).cwiseAbs().maxCoeff() < 1e-9);
        // With L2, the optimum zeroes the gradient of the regularised loss.
        QVERIFY(q.gradient(q.optimum(0.5), 0.5).norm() < 1e-10);
    }

    void gradientDescentReachesTheClosedForm()
    {
        for (std::uint64_t seed : {21u, 22u, 23u}) {
            const Fixture fx = makeFixture(FusionOp::Sum, seed);
            auto problem = makeProblem(fx);
            const double l2 = 0.01;
            const Eigen::VectorXd optimum = problem->train.optimum(l2);
            TrainingConfig config;
            config.l2 = l2;
            config.learningRate = problem->train.maxStableLearningRate(l2) / 2.0;   // η = 1/λ_max
            LinearRegressionTrainer trainer(problem, config);
            // Below the stable rate the regularised objective falls every epoch.
            auto objective = [&](const EpochRecord &r) {
                const Eigen::VectorXd &w = trainer.parameters();
                return r.trainLoss + 0.5 * l2 * w.head(w.size() - 1).squaredNorm();
            };
            double previous = trainer.initialLoss();
            for (int e = 0; e < 3000; ++e) {
                const EpochRecord r = trainer.step();
                QVERIFY(objective(r) <= previous + 1e-12);
                previous = objective(r);
            }
            QCOMPARE(trainer.epoch(), 3000);
            QVERIFY2((trainer.parameters() - optimum).cwiseAbs().maxCoeff() < 1e-6,
                     qPrintable(QString::number((trainer.parameters() - optimum).cwiseAbs().maxCoeff())));
            QVERIFY(!trainer.divergence());
        }
    }

    void epochFollowsTheSeedUpdate()
    {
        // One epoch is W ← W − η∇L with ∇L = Xᵀ(XW − y)/N, computed here straight from the rows.
        const Fixture fx = makeFixture(FusionOp::Concat, 30);
        TrainingConfig config;
        config.learningRate = 0.05;
        LinearRegressionTrainer trainer(makeProblem(fx), config);
        Eigen::VectorXd w = Eigen::VectorXd::Zero(fx.x.cols());
        for (int e = 0; e < 5; ++e) {
            w -= config.learningRate * fx.x.transpose() * (fx.x * w - fx.rows->targets) / fx.rows->size();
            const EpochRecord r = trainer.step();
            QCOMPARE(r.epoch, e + 1);
            QVERIFY((trainer.parameters() - w).cwiseAbs().maxCoeff() < 1e-12);
            compareRelative(r.trainLoss, directLoss(fx, w, 0.0), 1e-10);
        }
    }

    void learningRateChangesBetweenEpochs()
    {
        const Fixture fx = makeFixture(FusionOp::Sum, 31);
        TrainingConfig config;
        config.learningRate = 0.01;
        LinearRegressionTrainer trainer(makeProblem(fx), config);
        QCOMPARE(trainer.step().learningRate, 0.01);
        trainer.setLearningRate(0.2);
        QCOMPARE(trainer.step().learningRate, 0.2);
    }

    void miniBatchSgdConverges()
    {
        const Fixture fx = makeFixture(FusionOp::Sum, 41, 60, 2000);
        auto problem = makeProblem(fx);
        TrainingConfig config;
        config.optimizer = OptimizerKind::MiniBatchSgd;
        config.batchSize = 32;
        config.learningRate = 0.05;
        config.seed = 7;
        LinearRegressionTrainer a(problem, config), b(problem, config);
        for (int e = 0; e < 60; ++e) {
            a.step();
            b.step();
        }
        QCOMPARE(a.parameters(), b.parameters());   // same seed, same run
        const double floor = problem->train.loss(problem->train.optimum(0));
        const double reached = problem->train.loss(a.parameters());
        QVERIFY2(reached < floor * 1.02, qPrintable(QStringLiteral("%1 vs floor %2").arg(reached).arg(floor)));
        config.seed = 8;
        LinearRegressionTrainer c(problem, config);
        c.step();
        QVERIFY(c.parameters() != LinearRegressionTrainer(problem, config).parameters());
    }

    void momentumAndAdamUpdates()
    {
        // Momentum: v₁ = g, v₂ = μv₁ + g. θ = 0, g = (1, −2), η = 0.1, μ = 0.9.
        Eigen::VectorXd theta = Eigen::VectorXd::Zero(2);
        const Eigen::VectorXd g = (Eigen::VectorXd(2) << 1.0, -2.0).finished();
        ParameterUpdater momentum(OptimizerKind::Momentum, 2, 0.9);
        momentum.apply(theta, g, 0.1);
        momentum.apply(theta, g, 0.1);
        QVERIFY((theta - (-0.1 * g - 0.1 * 1.9 * g)).norm() < 1e-15);
        // Adam's first bias-corrected step is η·g/(|g| + ε) per coordinate: −η·sign(g).
        theta.setZero();
        ParameterUpdater adam(OptimizerKind::Adam, 2);
        adam.apply(theta, g, 0.01);
        QVERIFY(std::abs(theta(0) + 0.01) < 1e-9 && std::abs(theta(1) - 0.01) < 1e-9);
        // The second step with the same gradient moves the same amount again.
        adam.apply(theta, g, 0.01);
        QVERIFY(std::abs(theta(0) + 0.02) < 1e-9 && std::abs(theta(1) - 0.02) < 1e-9);
        QCOMPARE(optimizerFromName(QStringLiteral("Adam")), std::optional<OptimizerKind>(OptimizerKind::Adam));
        QCOMPARE(optimizerName(OptimizerKind::Momentum), QStringLiteral("momentum"));
    }

    void momentumAndAdamReachTheClosedForm()
    {
        const Fixture fx = makeFixture(FusionOp::Sum, 41, 60, 2000);
        auto problem = makeProblem(fx);
        const double floor = problem->train.loss(problem->train.optimum(0));
        for (OptimizerKind kind : {OptimizerKind::Momentum, OptimizerKind::Adam}) {
            TrainingConfig config;
            config.optimizer = kind;
            config.batchSize = 64;
            config.learningRate = kind == OptimizerKind::Adam ? 0.01 : 0.005;
            config.seed = 7;
            LinearRegressionTrainer trainer(problem, config);
            for (int e = 0; e < 150; ++e)
                trainer.step();
            const double reached = problem->train.loss(trainer.parameters());
            QVERIFY2(reached < floor * 1.02, qPrintable(QStringLiteral("%1: %2 vs floor %3").arg(optimizerName(kind)).arg(reached).arg(floor)));
        }
    }

    void divergenceStopsWithAMessage()
    {
        const Fixture fx = makeFixture(FusionOp::Sum, 51);
        auto problem = makeProblem(fx);
        TrainingConfig config;
        config.learningRate = 3.0 * problem->train.maxStableLearningRate(0);
        LinearRegressionTrainer trainer(problem, config);
        int epochs = 0;
        while (!trainer.divergence() && epochs < 1000) {
            trainer.step();
            ++epochs;
        }
        QVERIFY(trainer.divergence());
        QVERIFY(epochs < 100);
        const QString message = *trainer.divergence();
        QVERIFY(message.contains(QStringLiteral("diverged at epoch %1").arg(epochs)));
        QVERIFY(message.contains(QStringLiteral("η = %1").arg(config.learningRate, 0, 'g', 4)));
        // The way out: the largest stable η of gradient descent, and half of it to try.
        const double limit = problem->train.maxStableLearningRate(0);
        QVERIFY2(message.contains(QStringLiteral("stable only for η < %1; try η = %2").arg(limit, 0, 'g', 3).arg(0.5 * limit, 0, 'g', 2)),
                 qPrintable(message));
        const Eigen::VectorXd frozen = trainer.parameters();
        trainer.step();
        QCOMPARE(trainer.epoch(), epochs);
        QCOMPARE(trainer.parameters(), frozen);

        // Just below the stable rate nothing diverges.
        config.learningRate = 0.95 * problem->train.maxStableLearningRate(0);
        LinearRegressionTrainer stable(problem, config);
        for (int e = 0; e < 500; ++e)
            stable.step();
        QVERIFY(!stable.divergence());
    }

    void metricsAgreeWithTheLoss()
    {
        const Fixture fx = makeFixture(FusionOp::Sum, 61);
        auto problem = makeProblem(fx);
        const Eigen::VectorXd w = problem->train.optimum(0);
        const RegressionMetrics m = evaluateRegression(*fx.plan, fx.weights, w, *fx.rows);
        compareRelative(m.rmse, std::sqrt(2.0 * problem->train.loss(w)), 1e-10);
        const Eigen::VectorXd e = fx.x * w - fx.rows->targets;
        compareRelative(m.mae, e.cwiseAbs().mean(), 1e-10);
    }

    void splitIsDeterministicAndDisjoint()
    {
        const Split a = randomSplit(1000, SplitConfig{0.2, 42});
        const Split b = randomSplit(1000, SplitConfig{0.2, 42});
        const Split c = randomSplit(1000, SplitConfig{0.2, 43});
        QCOMPARE(a.validation, b.validation);
        QVERIFY(a.validation != c.validation);
        QCOMPARE(a.validation.size(), size_t(200));
        QCOMPARE(a.train.size(), size_t(800));
        std::vector<int> all = a.train;
        all.insert(all.end(), a.validation.begin(), a.validation.end());
        std::sort(all.begin(), all.end());
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(all[size_t(i)], i);
    }
};

QTEST_GUILESS_MAIN(LinearRegressionTest)
#include "test_linear.moc"
