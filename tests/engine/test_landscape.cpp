// The α–β landscape on the demo: closed-form cells equal the optimum of a separately prepared problem,
// gradient-descent cells equal a real trainer run of the same epochs (diverging cells included), trained
// cells equal runOnce with those weights, best() and the CSV, the request checks and cancellation.

#include "tests/TestSupport.h"

#include "engine/training/Landscape.h"

#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace fl;

namespace {

bool close(double a, double b, double relative)
{
    return std::abs(a - b) <= relative * std::max({1.0, std::abs(a), std::abs(b)});
}

RunConfig regressionConfig(const Dataset &dataset)
{
    RunConfig config;
    config.pipeline = defaultPipelineConfig(dataset);   // text, image, price at 0.5
    config.training.l2 = 0.001;
    config.training.learningRate = 0.05;
    return config;
}

LandscapeRequest request(const RunConfig &config, int xSteps, int ySteps)
{
    LandscapeRequest r;
    r.config = config;
    r.x = LandscapeAxis{QStringLiteral("text"), 0.0, 2.0, xSteps};
    r.y = LandscapeAxis{QStringLiteral("image"), 0.25, 1.5, ySteps};
    return r;
}

PipelineConfig withWeights(PipelineConfig config, const LandscapeRequest &r, double x, double y)
{
    config.modality(r.x.modality)->weight = x;
    config.modality(r.y.modality)->weight = y;
    return config;
}

} // namespace

class LandscapeTest : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const Dataset> m_demo;
    DatasetIdentity m_identity;

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = test::loadDemo();
        QVERIFY(m_demo);
        m_identity = identifyDataset(*m_demo, QStringLiteral("demo"));
    }

    void axisValues()
    {
        const LandscapeAxis axis{QStringLiteral("text"), -1.0, 1.0, 5};
        QCOMPARE(axis.value(0), -1.0);
        QCOMPARE(axis.value(1), -0.5);
        QCOMPARE(axis.value(2), 0.0);
        QCOMPARE(axis.value(4), 1.0);
        const LandscapeAxis single{QStringLiteral("text"), 0.7, 2.0, 1};
        QCOMPARE(single.value(0), 0.7);
    }

    void metricDirection()
    {
        QVERIFY(!metricHigherIsBetter(QStringLiteral("val_loss")));
        QVERIFY(!metricHigherIsBetter(QStringLiteral("train_loss")));
        QVERIFY(!metricHigherIsBetter(QStringLiteral("rmse")));
        QVERIFY(!metricHigherIsBetter(QStringLiteral("mae")));
        QVERIFY(!metricHigherIsBetter(QStringLiteral("val_floor")));
        QVERIFY(metricHigherIsBetter(QStringLiteral("ndcg@10")));
        QVERIFY(metricHigherIsBetter(QStringLiteral("cold_recall@20")));
    }

    void requestChecks()
    {
        const RunConfig config = regressionConfig(*m_demo);
        QVERIFY(checkLandscapeRequest(request(config, 3, 3)).ok());

        LandscapeRequest same = request(config, 3, 3);
        same.y.modality = QStringLiteral("text");
        const Result<void> refused = checkLandscapeRequest(same);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("text")), qPrintable(refused.error()));
        FusionPipeline pipeline(m_demo);
        QVERIFY(!closedFormLandscape(pipeline, same).ok());
        QVERIFY(!trainedLandscape(pipeline, same, m_identity, 2).ok());

        LandscapeRequest unknown = request(config, 3, 3);
        unknown.x.modality = QStringLiteral("audio");
        QVERIFY(checkLandscapeRequest(unknown).error().contains(QLatin1String("audio")));

        LandscapeRequest off = request(config, 3, 3);
        off.config.pipeline.modality(QStringLiteral("image"))->enabled = false;
        QVERIFY(checkLandscapeRequest(off).error().contains(QLatin1String("image")));

        QVERIFY(!checkLandscapeRequest(request(config, 0, 3)).ok());
        QVERIFY(!checkLandscapeRequest(request(config, 3, 1002)).ok());
        LandscapeRequest infinite = request(config, 3, 3);
        infinite.y.high = std::numeric_limits<double>::infinity();
        QVERIFY(!checkLandscapeRequest(infinite).ok());

        // The regression has no ranking metrics; a ranking model has them at its cut-offs, cold ones
        // only with held-out items.
        LandscapeRequest ranking = request(config, 3, 3);
        ranking.metric = QStringLiteral("ndcg@10");
        QVERIFY(checkLandscapeRequest(ranking).error().contains(QLatin1String("ndcg@10")));
        QVERIFY(!closedFormLandscape(pipeline, ranking).ok());
        ranking.config.model.kind = ModelKind::Hybrid;
        QVERIFY(checkLandscapeRequest(ranking).ok());
        ranking.metric = QStringLiteral("cold_ndcg@10");
        QVERIFY(!checkLandscapeRequest(ranking).ok());
        ranking.config.model.split.kind = RecSplitKind::ColdItems;
        QVERIFY(checkLandscapeRequest(ranking).ok());
        ranking.metric = QStringLiteral("ndcg@7");
        QVERIFY(!checkLandscapeRequest(ranking).ok());
        // The statistics give losses only: a closed form of rmse is refused.
        LandscapeRequest rmse = request(config, 3, 3);
        rmse.metric = QStringLiteral("rmse");
        QVERIFY(checkLandscapeRequest(rmse).ok());
        QVERIFY(!closedFormLandscape(pipeline, rmse).ok());
    }

    void closedFormCellsEqualSeparateProblems()
    {
        const RunConfig config = regressionConfig(*m_demo);
        const LandscapeRequest r = request(config, 4, 3);
        FusionPipeline pipeline(m_demo);
        Result<Landscape> landscape = closedFormLandscape(pipeline, r);
        QVERIFY2(landscape.ok(), qPrintable(landscape.ok() ? QString() : landscape.error()));
        QVERIFY(landscape->closedForm);
        QVERIFY(!landscape->higherIsBetter);
        QCOMPARE(landscape->filled, 12);
        QCOMPARE(int(landscape->cells.size()), 12);

        FusionPipeline separate(m_demo);
        double lowest = std::numeric_limits<double>::infinity();
        int lowestIndex = -1;
        for (int iy = 0; iy < 3; ++iy) {
            for (int ix = 0; ix < 4; ++ix) {
                const LandscapeCell &cell = landscape->at(ix, iy);
                QCOMPARE(cell.ix, ix);
                QCOMPARE(cell.iy, iy);
                QCOMPARE(cell.x, r.x.value(ix));
                QCOMPARE(cell.y, r.y.value(iy));
                QCOMPARE(cell.status, QStringLiteral("completed"));
                auto problem = separate.prepare(withWeights(config.pipeline, r, cell.x, cell.y));
                QVERIFY(problem.ok());
                const Eigen::VectorXd w = (*problem)->train.optimum(config.training.l2);
                const double validation = (*problem)->validation.loss(w);
                QVERIFY2(close(cell.value, validation, 1e-9), qPrintable(QStringLiteral("%1 vs %2").arg(cell.value, 0, 'g', 17).arg(validation, 0, 'g', 17)));
                QVERIFY(close(cell.validationLoss, validation, 1e-9));
                QVERIFY(close(cell.trainLoss, (*problem)->train.loss(w), 1e-9));
                if (validation < lowest) {
                    lowest = validation;
                    lowestIndex = iy * 4 + ix;
                }
            }
        }
        // The weights matter: the grid is not flat.
        QVERIFY(landscape->at(0, 0).value != landscape->at(3, 2).value);
        QCOMPARE(landscape->best(), lowestIndex);

        // One line per cell plus the header; the first cell's numbers as written.
        const QList<QByteArray> lines = landscape->toCsv().trimmed().split('\n');
        QCOMPARE(lines.size(), 13);
        QCOMPARE(lines[0], QByteArray("text,image,val_loss,train_loss,val_loss,status"));
        const QList<QByteArray> first = lines[1].split(',');
        QCOMPARE(first.size(), 6);
        QCOMPARE(first[0].toDouble(), 0.0);
        QCOMPARE(first[1].toDouble(), 0.25);
        QCOMPARE(first[2].toDouble(), landscape->at(0, 0).value);
        QCOMPARE(first[5], QByteArray("completed"));
    }

    void gradientDescentCellsEqualTrainerRuns()
    {
        RunConfig config = regressionConfig(*m_demo);
        const int epochs = 25;
        LandscapeRequest r = request(config, 3, 3);
        r.x.high = 3.0;
        r.y.high = 3.0;
        r.gdEpochs = epochs;
        // An η between the largest stable step of the lightest and of the heaviest weights: some cells
        // converge, the heavy ones diverge.
        FusionPipeline separate(m_demo);
        auto light = separate.prepare(withWeights(config.pipeline, r, r.x.low, r.y.low));
        auto heavy = separate.prepare(withWeights(config.pipeline, r, r.x.high, r.y.high));
        QVERIFY(light.ok() && heavy.ok());
        const double lightLimit = (*light)->train.maxStableLearningRate(config.training.l2);
        const double heavyLimit = (*heavy)->train.maxStableLearningRate(config.training.l2);
        QVERIFY(heavyLimit < lightLimit);
        r.config.training.learningRate = 0.9 * lightLimit;
        QVERIFY(r.config.training.learningRate > 1.5 * heavyLimit);

        FusionPipeline pipeline(m_demo);
        Result<Landscape> landscape = closedFormLandscape(pipeline, r);
        QVERIFY2(landscape.ok(), qPrintable(landscape.ok() ? QString() : landscape.error()));
        int diverged = 0, completed = 0;
        for (const LandscapeCell &cell : landscape->cells) {
            auto problem = separate.prepare(withWeights(config.pipeline, r, cell.x, cell.y));
            QVERIFY(problem.ok());
            TrainingConfig training = r.config.training;
            training.epochs = epochs;
            LinearRegressionTrainer trainer(*problem, training);
            for (int e = 0; e < epochs && !trainer.divergence(); ++e)
                trainer.step();
            if (trainer.divergence()) {
                ++diverged;
                QCOMPARE(cell.status, QStringLiteral("diverged"));
                QVERIFY(std::isnan(cell.value));
                // The losses where the run stopped, at the same epoch.
                QVERIFY(close(cell.trainLoss, (*problem)->train.loss(trainer.parameters()), 1e-12));
            } else {
                ++completed;
                QCOMPARE(cell.status, QStringLiteral("completed"));
                const double validation = (*problem)->validation.loss(trainer.parameters());
                QVERIFY2(close(cell.value, validation, 1e-12), qPrintable(QStringLiteral("%1 vs %2").arg(cell.value, 0, 'g', 17).arg(validation, 0, 'g', 17)));
                QVERIFY(close(cell.trainLoss, (*problem)->train.loss(trainer.parameters()), 1e-12));
                // After 25 epochs the run is still above its optimum.
                QVERIFY(cell.trainLoss > (*problem)->train.loss((*problem)->train.optimum(training.l2)));
            }
        }
        QVERIFY(diverged > 0);
        QVERIFY(completed > 0);
        QVERIFY(landscape->best() >= 0);
        QCOMPARE(landscape->cells[size_t(landscape->best())].status, QStringLiteral("completed"));
    }

    void trainedRegressionCellsEqualTheGradientDescentLandscape()
    {
        RunConfig config = regressionConfig(*m_demo);
        config.training.epochs = 12;
        LandscapeRequest r = request(config, 2, 2);
        FusionPipeline pipeline(m_demo);
        Result<Landscape> trained = trainedLandscape(pipeline, r, m_identity, 2);
        QVERIFY2(trained.ok(), qPrintable(trained.ok() ? QString() : trained.error()));
        QVERIFY(!trained->closedForm);
        QCOMPARE(trained->filled, 4);
        r.gdEpochs = 12;
        Result<Landscape> descent = closedFormLandscape(pipeline, r);
        QVERIFY(descent.ok());
        for (size_t i = 0; i < trained->cells.size(); ++i) {
            const LandscapeCell &cell = trained->cells[i];
            QCOMPARE(cell.status, QStringLiteral("completed"));
            QCOMPARE(cell.record.summary.epochs, 12);
            QCOMPARE(cell.record.info.weights[0], cell.x);
            QCOMPARE(cell.record.info.weights[1], cell.y);
            QVERIFY(close(cell.value, descent->cells[i].value, 1e-12));
            QVERIFY(close(cell.trainLoss, descent->cells[i].trainLoss, 1e-12));
        }
    }

    void trainedCellsEqualSingleRuns()
    {
        RunConfig config = regressionConfig(*m_demo);
        config.model.kind = ModelKind::Hybrid;
        config.model.factors = 8;
        config.model.validationUsers = 200;
        config.training.optimizer = OptimizerKind::Adam;
        config.training.learningRate = 0.01;
        config.training.epochs = 3;
        config.training.seed = 7;
        config.model.split.seed = 7;
        LandscapeRequest r = request(config, 2, 2);
        r.x.high = 1.5;
        r.metric = QStringLiteral("ndcg@10");
        FusionPipeline pipeline(m_demo);
        int reported = 0;
        Result<Landscape> landscape = trainedLandscape(pipeline, r, m_identity, 2, [&reported](const LandscapeCell &cell) {
            ++reported;
            if (cell.status.isEmpty())
                qFatal("a reported cell has no status");
        });
        QVERIFY2(landscape.ok(), qPrintable(landscape.ok() ? QString() : landscape.error()));
        QCOMPARE(reported, 4);
        QCOMPARE(landscape->filled, 4);
        QVERIFY(landscape->higherIsBetter);

        FusionPipeline separate(m_demo);
        int bestIndex = -1;
        for (size_t i = 0; i < landscape->cells.size(); ++i) {
            const LandscapeCell &cell = landscape->cells[i];
            RunConfig single = config;
            single.pipeline = withWeights(config.pipeline, r, cell.x, cell.y);
            const RunRecord record = runOnce(separate, single, m_identity);
            QCOMPARE(cell.status, record.status);
            const QMap<QString, double> values = record.summaryValues();
            QVERIFY(std::isfinite(values.value(QStringLiteral("ndcg@10"))));
            QCOMPARE(cell.value, values.value(QStringLiteral("ndcg@10")));
            QCOMPARE(cell.validationLoss, values.value(QStringLiteral("val_loss")));
            QCOMPARE(cell.record.summaryValues().value(QStringLiteral("recall@10")), values.value(QStringLiteral("recall@10")));
            if (bestIndex < 0 || cell.value > landscape->cells[size_t(bestIndex)].value)
                bestIndex = int(i);
        }
        QCOMPARE(landscape->best(), bestIndex);
        // The weights reach the model: the cells differ.
        QVERIFY(landscape->cells[0].value != landscape->cells[3].value);
    }

    void bestSkipsEmptyAndFailedCells()
    {
        Landscape landscape;
        landscape.request.x.steps = 4;
        landscape.request.y.steps = 1;
        landscape.cells.resize(4);
        const double values[] = {0.3, std::numeric_limits<double>::quiet_NaN(), 0.7, 0.9};
        const char *statuses[] = {"completed", "diverged", "completed", ""};
        for (int i = 0; i < 4; ++i) {
            landscape.cells[size_t(i)].value = values[i];
            landscape.cells[size_t(i)].status = QString::fromLatin1(statuses[i]);
        }
        landscape.higherIsBetter = true;
        QCOMPARE(landscape.best(), 2);    // 0.9 is not finished
        landscape.higherIsBetter = false;
        QCOMPARE(landscape.best(), 0);
        for (LandscapeCell &cell : landscape.cells)
            cell.status.clear();
        QCOMPARE(landscape.best(), -1);
    }

    void cancellation()
    {
        const RunConfig config = regressionConfig(*m_demo);
        FusionPipeline pipeline(m_demo);
        LandscapeRequest big = request(config, 101, 101);
        int calls = 0;
        Result<Landscape> stopped = closedFormLandscape(pipeline, big, [&calls](double fraction) {
            ++calls;
            return fraction < 0.35;
        });
        QVERIFY(!stopped.ok());
        QVERIFY(calls > 1);
        // "… cancelled after N of 10201 cells": it stopped early.
        const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("(\\d+) of 10201")).match(stopped.error());
        QVERIFY2(match.hasMatch(), qPrintable(stopped.error()));
        QVERIFY(match.captured(1).toInt() < 101 * 101);

        RunConfig trainedConfig = config;
        trainedConfig.training.epochs = 5;
        std::atomic<bool> cancel{false};
        int finished = 0;
        Result<Landscape> partial = trainedLandscape(pipeline, request(trainedConfig, 5, 5), m_identity, 1,
                                                     [&](const LandscapeCell &) {
                                                         if (++finished == 2)
                                                             cancel = true;
                                                     },
                                                     &cancel);
        QVERIFY(partial.ok());
        QCOMPARE(partial->filled, 2);
        int withStatus = 0;
        for (const LandscapeCell &cell : partial->cells)
            withStatus += cell.status.isEmpty() ? 0 : 1;
        QCOMPARE(withStatus, 2);
    }
};

QTEST_GUILESS_MAIN(LandscapeTest)
#include "test_landscape.moc"
