// Learned fusion weights (FusionWeights.h): the softmax parameterisation, the exact gradients of the
// regression's data loss and of the hybrid's objective with respect to the weights (against central
// differences), gradient descent and mini-batch SGD taking the same step, step back, and learning
// finding the modality the targets depend on.

#include "RecTestSupport.h"

#include "engine/core/Random.h"
#include "engine/models/FactorModel.h"
#include "engine/models/FusionWeights.h"
#include "engine/models/LinearRegression.h"

#include <QTest>

using namespace fl;
using namespace fl::test;

namespace {

Eigen::MatrixXd normalMatrix(int rows, int cols, Random &random)
{
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = random.normal();
    return m;
}

// Two modalities of width `dim` over `items` items; the targets depend on modality 0 only (through
// its block times `signal`), plus noise. Sum or concatenation.
struct Problem
{
    std::shared_ptr<FusionPlan> plan;
    std::shared_ptr<RowSet> train;
    std::shared_ptr<RowSet> validation;
};

Problem makeProblem(FusionOp op, std::uint64_t seed, int items = 80, int rows = 600, int dim = 4)
{
    Random random(seed);
    Problem p;
    p.plan = std::make_shared<FusionPlan>();
    p.plan->op = op;
    p.plan->modalityNames = {QStringLiteral("signal"), QStringLiteral("noise")};
    p.plan->blocks = {normalMatrix(items, dim, random), normalMatrix(items, dim, random)};
    p.plan->offsets = op == FusionOp::Concat ? std::vector<int>{0, dim} : std::vector<int>{0, 0};
    p.plan->width = op == FusionOp::Concat ? 2 * dim : dim;
    const Eigen::VectorXd signal = normalMatrix(dim, 1, random).col(0);
    auto makeRows = [&](int n) {
        auto set = std::make_shared<RowSet>();
        set->targets.resize(n);
        for (int r = 0; r < n; ++r) {
            const int item = int(random.below(std::uint64_t(items)));
            set->items.push_back(item);
            set->targets(r) = 2.0 + p.plan->blocks[0].row(item).dot(signal) + 0.2 * random.normal();
        }
        return set;
    };
    p.train = makeRows(rows);
    p.validation = makeRows(rows / 4);
    return p;
}

std::shared_ptr<const TrainingProblem> trainingProblem(const Problem &p, const std::vector<double> &weights, bool learn)
{
    auto t = std::make_shared<TrainingProblem>();
    t->plan = p.plan;
    t->weights = weights;
    t->trainRows = p.train;
    t->validationRows = p.validation;
    auto train = std::make_shared<const BlockStatistics>(*p.plan, *p.train);
    auto validation = std::make_shared<const BlockStatistics>(*p.plan, *p.validation);
    t->train = train->assemble(*p.plan, weights);
    t->validation = validation->assemble(*p.plan, weights);
    t->learnWeights = learn;
    t->trainStatistics = train;
    t->validationStatistics = validation;
    return t;
}

double sum(const std::vector<double> &v)
{
    return std::accumulate(v.begin(), v.end(), 0.0);
}

} // namespace

class TestFusionWeights : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAtTheChosenWeights()
    {
        const LearnedFusionWeights w({0.2, 0.5, 0.3}, OptimizerKind::GradientDescent);
        QCOMPARE(w.size(), 3);
        QCOMPARE(w.scale(), 1.0);
        for (size_t k = 0; k < 3; ++k)
            QVERIFY(std::abs(w.weights()[k] - std::vector<double>{0.2, 0.5, 0.3}[k]) < 1e-12);

        // A zero starts at the smallest share (a softmax cannot be 0), and the sum is still the chosen one.
        const LearnedFusionWeights zero({0.0, 2.0}, OptimizerKind::Adam);
        QVERIFY(zero.weights()[0] > 0);
        QVERIFY(std::abs(zero.weights()[0] / 2.0 - LearnedFusionWeights::kMinimumShare) < 1e-4);
        QVERIFY(std::abs(sum(zero.weights()) - 2.0) < 1e-12);
        QCOMPARE(zero.initialWeights(), zero.weights());
    }

    void refusesWhatCannotBeLearned()
    {
        QVERIFY(learnedWeightsProblem(FusionOp::Product, {0.5, 0.5}).has_value());
        QVERIFY(learnedWeightsProblem(FusionOp::Sum, {0.5, -0.1}).has_value());
        QVERIFY(learnedWeightsProblem(FusionOp::Concat, {0.0, 0.0}).has_value());
        QVERIFY(learnedWeightsProblem(FusionOp::Concat, {0.5, std::nan("")}).has_value());
        QVERIFY(!learnedWeightsProblem(FusionOp::Sum, {0.0, 0.7}).has_value());
    }

    // ∂L/∂θ from ∂L/∂α against central differences in θ of L(α(θ)) = Σₖ cₖαₖ² + dₖαₖ; the sum of the
    // weights stays s whatever θ does.
    void softmaxChainRule()
    {
        LearnedFusionWeights w({0.3, 0.9, 0.3}, OptimizerKind::GradientDescent);
        const double c[] = {1.5, -0.7, 2.0}, d[] = {0.3, 1.1, -0.4};
        auto loss = [&](const std::vector<double> &a) {
            double l = 0;
            for (size_t k = 0; k < a.size(); ++k)
                l += c[k] * a[k] * a[k] + d[k] * a[k];
            return l;
        };
        std::vector<double> dL(3);
        for (size_t k = 0; k < 3; ++k)
            dL[k] = 2 * c[k] * w.weights()[k] + d[k];
        const Eigen::VectorXd analytic = w.thetaGradient(dL);
        const Eigen::VectorXd theta = w.theta();
        const double h = 1e-6;
        for (Eigen::Index j = 0; j < 3; ++j) {
            Eigen::VectorXd t = theta;
            t(j) += h;
            w.setTheta(t);
            const double plus = loss(w.weights());
            QVERIFY(std::abs(sum(w.weights()) - 1.5) < 1e-12);
            t(j) -= 2 * h;
            w.setTheta(t);
            const double minus = loss(w.weights());
            QVERIFY2(std::abs((plus - minus) / (2 * h) - analytic(j)) < 1e-7,
                     qPrintable(QStringLiteral("θ%1: %2 vs %3").arg(j).arg((plus - minus) / (2 * h)).arg(analytic(j))));
        }
    }

    void regressionWeightGradient_data()
    {
        QTest::addColumn<FusionOp>("op");
        QTest::addRow("sum") << FusionOp::Sum;
        QTest::addRow("concat") << FusionOp::Concat;
    }
    // BlockStatistics::weightGradient against central differences of the assembled data loss in α.
    void regressionWeightGradient()
    {
        QFETCH(FusionOp, op);
        const Problem p = makeProblem(op, 7);
        const BlockStatistics stats(*p.plan, *p.train);
        Random random(3);
        const Eigen::VectorXd w = normalMatrix(p.plan->width + 1, 1, random).col(0);
        const std::vector<double> alpha{0.8, 0.35};
        const std::vector<double> analytic = stats.weightGradient(*p.plan, alpha, w);
        QCOMPARE(analytic.size(), size_t(2));
        const double h = 1e-6;
        for (size_t k = 0; k < 2; ++k) {
            std::vector<double> plus = alpha, minus = alpha;
            plus[k] += h;
            minus[k] -= h;
            const double numeric = (stats.assemble(*p.plan, plus).loss(w) - stats.assemble(*p.plan, minus).loss(w)) / (2 * h);
            QVERIFY2(std::abs(numeric - analytic[k]) < 1e-6 * std::max(1.0, std::abs(numeric)),
                     qPrintable(QStringLiteral("α%1: %2 vs %3").arg(k).arg(analytic[k], 0, 'g', 12).arg(numeric, 0, 'g', 12)));
        }
    }

    // One mini-batch holding every row is one full-batch step: plain SGD with a batch of N must move W
    // and the weights exactly as gradient descent does (the SGD path's per-row gradient of α against
    // the statistics' closed form).
    void sgdWithOneBatchIsGradientDescent()
    {
        const Problem p = makeProblem(FusionOp::Concat, 11);
        TrainingConfig config;
        config.learningRate = 0.05;
        config.l2 = 0.01;
        config.optimizer = OptimizerKind::GradientDescent;
        LinearRegressionTrainer gd(trainingProblem(p, {0.6, 0.4}, true), config);
        config.optimizer = OptimizerKind::MiniBatchSgd;
        config.batchSize = p.train->size();
        LinearRegressionTrainer sgd(trainingProblem(p, {0.6, 0.4}, true), config);
        QVERIFY(gd.learnsWeights() && sgd.learnsWeights());
        for (int epoch = 0; epoch < 3; ++epoch) {
            gd.step();
            sgd.step();
        }
        QVERIFY((gd.parameters() - sgd.parameters()).norm() < 1e-9);
        for (size_t k = 0; k < 2; ++k)
            QVERIFY(std::abs(gd.fusionWeights()[k] - sgd.fusionWeights()[k]) < 1e-12);
        QVERIFY(std::abs(gd.fusionWeights()[0] - 0.6) > 1e-4);   // they did move
    }

    void learnsTheInformativeModality_data()
    {
        QTest::addColumn<FusionOp>("op");
        QTest::addColumn<OptimizerKind>("optimizer");
        QTest::addRow("concat adam") << FusionOp::Concat << OptimizerKind::Adam;
        QTest::addRow("concat gd") << FusionOp::Concat << OptimizerKind::GradientDescent;
        QTest::addRow("sum adam") << FusionOp::Sum << OptimizerKind::Adam;
    }
    // The targets depend on modality 0 alone: starting from equal weights, learning moves weight to it,
    // keeps the sum, and reaches a lower validation loss than the fixed weights in as many epochs.
    void learnsTheInformativeModality()
    {
        QFETCH(FusionOp, op);
        QFETCH(OptimizerKind, optimizer);
        const Problem p = makeProblem(op, 5);
        TrainingConfig config;
        config.optimizer = optimizer;
        config.learningRate = optimizer == OptimizerKind::Adam ? 0.05 : 0.1;
        config.batchSize = 64;
        config.l2 = 0.01;
        LinearRegressionTrainer learned(trainingProblem(p, {0.5, 0.5}, true), config);
        LinearRegressionTrainer fixed(trainingProblem(p, {0.5, 0.5}, false), config);
        QVERIFY(!fixed.learnsWeights());
        EpochRecord l, f;
        for (int epoch = 0; epoch < 150; ++epoch) {
            l = learned.step();
            f = fixed.step();
        }
        QCOMPARE(l.fusionWeights, learned.fusionWeights());
        QVERIFY(f.fusionWeights.empty());
        QVERIFY2(learned.fusionWeights()[0] > 0.6, qPrintable(QString::number(learned.fusionWeights()[0])));
        QVERIFY(std::abs(sum(learned.fusionWeights()) - 1.0) < 1e-12);
        QVERIFY2(l.validationLoss < f.validationLoss,
                 qPrintable(QStringLiteral("learned %1, fixed %2").arg(l.validationLoss).arg(f.validationLoss)));
        // The losses reported are those of the learned weights: recomputed from scratch.
        const QuadraticForm at = BlockStatistics(*p.plan, *p.validation).assemble(*p.plan, learned.fusionWeights());
        QVERIFY(std::abs(at.loss(learned.parameters()) - l.validationLoss) < 1e-9);
    }

    // Step back puts the weights back with W, bit for bit, and the step after it is the one undone.
    void stepBackRestoresTheWeights()
    {
        const Problem p = makeProblem(FusionOp::Concat, 9);
        TrainingConfig config;
        config.optimizer = OptimizerKind::Adam;
        config.learningRate = 0.05;
        config.batchSize = 50;
        LinearRegressionTrainer trainer(trainingProblem(p, {0.5, 0.5}, true), config);
        trainer.keepHistory(5);
        trainer.step();
        const std::vector<double> before = trainer.fusionWeights();
        const EpochRecord next = trainer.step();
        QVERIFY(next.fusionWeights != before);
        QVERIFY(trainer.stepBack());
        QCOMPARE(trainer.fusionWeights(), before);
        const EpochRecord again = trainer.step();
        QCOMPARE(again.fusionWeights, next.fusionWeights);
        QCOMPARE(again.trainLoss, next.trainLoss);
    }

    // The hybrid's ∂L/∂θ (through ∂L/∂α) against central differences of its objective in θ.
    void hybridWeightGradient()
    {
        const int users = 5, items = 6, d = 4;
        Dataset data = emptyDataset(users, items);
        Random random(17);
        for (int u = 0; u < users; ++u) {
            for (int i = 0; i < items; i += 1 + u % 2)
                addInteraction(data, u, i, 1.0 + double(random.below(5)));
        }
        auto content = randomContent(items, d, 4);
        // Parts made with weights 0.4 and 1.2: fused = 0.4·left + 1.2·right.
        content->parts[0] *= 0.4f;
        content->parts[1] *= 1.2f;
        content->fused = content->parts[0] + content->parts[1];
        content->partWeights = {0.4, 1.2};
        RecommenderTraining t;
        t.loss = LossKind::Squared;
        t.factors = 3;
        t.l2 = 0.05;
        t.learnWeights = true;
        FactorModel model(data, allIndices(data), FactorVariant::Hybrid, content, t);
        QCOMPARE(model.learnedWeights().size(), 2);
        std::vector<FactorExample> examples;
        for (int r = 0; r < data.interactionCount(); ++r)
            examples.push_back({data.interactionUser[size_t(r)], data.interactionItem[size_t(r)], -1, float(data.rating(r))});
        // Move the weights away from their start and give β (the content bias) a value, so that every
        // term of the gradient matters.
        FactorParameters theta = model.parameters();
        for (Eigen::Index j = 0; j < theta.w.size(); ++j)
            theta.w.data()[j] = float(random.normal(0.0, 0.5));
        model.setParameters(theta);
        Eigen::VectorXd start(2);
        start << 0.3, -0.2;
        model.setLearnedTheta(start);

        std::vector<double> weightGradient;
        model.objective(examples, nullptr, &weightGradient);
        QCOMPARE(weightGradient.size(), size_t(2));
        const Eigen::VectorXd analytic = model.learnedWeights().thetaGradient(weightGradient);
        const double h = 1e-3;
        for (Eigen::Index j = 0; j < 2; ++j) {
            Eigen::VectorXd plus = start, minus = start;
            plus(j) += h;
            minus(j) -= h;
            model.setLearnedTheta(plus);
            const double up = model.objective(examples);
            model.setLearnedTheta(minus);
            const double down = model.objective(examples);
            const double numeric = (up - down) / (2 * h);
            QVERIFY2(std::abs(numeric - analytic(j)) < 2e-3 + 1e-2 * std::abs(numeric),
                     qPrintable(QStringLiteral("θ%1: analytic %2, numeric %3").arg(j).arg(analytic(j)).arg(numeric)));
        }
        model.setLearnedTheta(start);

        // Training moves the weights, keeps their sum, and the scores follow the moved features.
        const std::vector<double> before = model.learnedFusionWeights();
        model.trainEpoch(0.05);
        const std::vector<double> after = model.learnedFusionWeights();
        QVERIFY(std::abs(after[0] - before[0]) > 1e-6);
        QVERIFY(std::abs(sum(after) - 1.6) < 1e-9);
        verifyExplainAddsUp(model, {QStringLiteral("bias"), QStringLiteral("collaborative"), QStringLiteral("left"),
                                    QStringLiteral("right")});
    }
};

QTEST_GUILESS_MAIN(TestFusionWeights)
#include "test_fusionweights.moc"
