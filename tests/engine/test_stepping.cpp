// Teaching by steps: Step back restores the regression's parameters bit for bit (gradient descent
// and the mini-batch optimizers, with their moments and shuffling) over a history of 1,000 steps; the
// step's facts (loss before and after, ‖∇L‖, η‖∇L‖, 2/λ_max) against values computed from the rows;
// and the session's step back, weights snapshots and playback speed.

#include "engine/core/Random.h"
#include "engine/fusion/FusionPipeline.h"
#include "engine/training/TrainingSession.h"
#include "tests/engine/SessionTestSupport.h"

#include <Eigen/Eigenvalues>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace fl;

// Re-emits the session's signals through a queued connection (see test_session.cpp).
class SteppingProbe : public QObject
{
    Q_OBJECT

public:
    explicit SteppingProbe(TrainingSession *session)
    {
        connect(session, &TrainingSession::runPrepared, this, &SteppingProbe::runPrepared, Qt::QueuedConnection);
        connect(session, &TrainingSession::progress, this, &SteppingProbe::progress, Qt::QueuedConnection);
        connect(session, &TrainingSession::stepExplained, this, &SteppingProbe::stepExplained, Qt::QueuedConnection);
        connect(session, &TrainingSession::steppedBack, this, &SteppingProbe::steppedBack, Qt::QueuedConnection);
        connect(session, &TrainingSession::parametersChanged, this, &SteppingProbe::parametersChanged, Qt::QueuedConnection);
        connect(session, &TrainingSession::diverged, this, &SteppingProbe::diverged, Qt::QueuedConnection);
        connect(session, &TrainingSession::stateChanged, this, &SteppingProbe::stateChanged, Qt::QueuedConnection);
    }

Q_SIGNALS:
    void runPrepared(int runId, const fl::ProblemInfo &info);
    void progress(int runId, const QList<fl::EpochRecord> &epochs);
    void stepExplained(int runId, const fl::StepReport &report);
    void steppedBack(int runId, const fl::EpochRecord &restored);
    void parametersChanged(int runId, const fl::ParameterSnapshot &snapshot);
    void diverged(int runId, const QString &message);
    void stateChanged(fl::TrainingSession::State state);
};

namespace {

std::shared_ptr<const Dataset> makeDataset(int items = 50, int interactions = 600)
{
    return test::makeNumericDataset(QStringLiteral("stepping fixture"), 5, items, interactions);
}

RunConfig makeConfig(const Dataset &d, int epochs, double eta = 0.05, OptimizerKind optimizer = OptimizerKind::GradientDescent)
{
    RunConfig c;
    c.pipeline = defaultPipelineConfig(d);
    c.pipeline.op = FusionOp::Concat;
    c.training.epochs = epochs;
    c.training.learningRate = eta;
    c.training.optimizer = optimizer;
    c.training.batchSize = 64;
    return c;
}

std::shared_ptr<const TrainingProblem> makeProblem(const RunConfig &config)
{
    static std::shared_ptr<const Dataset> dataset = makeDataset();
    FusionPipeline pipeline(dataset);
    Result<std::shared_ptr<const TrainingProblem>> problem = pipeline.prepare(config.pipeline);
    return problem ? *problem : nullptr;
}

// The training rows as an explicit design matrix [F(item) 1] and targets: the loss and gradient below
// are computed from them, not from the QuadraticForm the trainer uses.
struct Rows
{
    Eigen::MatrixXd x;
    Eigen::VectorXd y;
};

Rows explicitRows(const TrainingProblem &problem)
{
    const Eigen::MatrixXd f = problem.plan->fuse(problem.weights);
    const RowSet &rows = *problem.trainRows;
    Rows r;
    r.x.resize(rows.size(), f.cols() + 1);
    for (int i = 0; i < rows.size(); ++i) {
        r.x.row(i).head(f.cols()) = f.row(rows.items[size_t(i)]);
        r.x(i, f.cols()) = 1.0;
    }
    r.y = rows.targets;
    return r;
}

double lossByHand(const Rows &r, const Eigen::VectorXd &w)
{
    return (r.y - r.x * w).squaredNorm() / (2.0 * double(r.y.size()));
}

Eigen::VectorXd gradientByHand(const Rows &r, const Eigen::VectorXd &w, double l2)
{
    Eigen::VectorXd g = r.x.transpose() * (r.x * w - r.y) / double(r.y.size());
    g.head(g.size() - 1) += l2 * w.head(w.size() - 1);
    return g;
}

bool close(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

Eigen::VectorXd toVector(const std::vector<double> &v)
{
    return Eigen::Map<const Eigen::VectorXd>(v.data(), Eigen::Index(v.size()));
}

} // namespace

class SteppingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepBackRestoresParametersBitForBit_data()
    {
        QTest::addColumn<int>("optimizer");
        QTest::newRow("gradient descent") << int(OptimizerKind::GradientDescent);
        QTest::newRow("mini-batch SGD") << int(OptimizerKind::MiniBatchSgd);
        QTest::newRow("momentum") << int(OptimizerKind::Momentum);
        QTest::newRow("adam") << int(OptimizerKind::Adam);
    }

    void stepBackRestoresParametersBitForBit()
    {
        QFETCH(int, optimizer);
        const RunConfig config = makeConfig(*makeDataset(), 100, 0.02, OptimizerKind(optimizer));
        const auto problem = makeProblem(config);
        QVERIFY(problem);
        LinearRegressionTrainer trainer(problem, config.training);
        trainer.keepHistory(TrainingSession::stepBackHistory);
        const int k = 12;
        std::vector<Eigen::VectorXd> saved{trainer.parameters()};
        std::vector<EpochRecord> records{trainer.currentRecord()};
        for (int i = 0; i < k; ++i) {
            records.push_back(trainer.step());
            saved.push_back(trainer.parameters());
        }
        QVERIFY(saved.back() != saved.front());
        for (int i = k - 1; i >= 5; --i) {
            QVERIFY(trainer.stepBack());
            QCOMPARE(trainer.epoch(), i);
            QVERIFY(trainer.parameters() == saved[size_t(i)]);   // exact, not within a tolerance
            QCOMPARE(trainer.currentRecord().trainLoss, records[size_t(i)].trainLoss);
        }
        // Forward again: the optimizer's moments, the step count and the shuffled order came back
        // too, so the same steps follow, bit for bit.
        for (int i = 6; i <= k; ++i) {
            const EpochRecord again = trainer.step();
            QCOMPARE(again.epoch, i);
            QVERIFY(trainer.parameters() == saved[size_t(i)]);
            QCOMPARE(again.trainLoss, records[size_t(i)].trainLoss);
            QCOMPARE(again.validationLoss, records[size_t(i)].validationLoss);
        }
        // One more than ever before matches an untouched trainer's.
        LinearRegressionTrainer untouched(problem, config.training);
        for (int i = 0; i <= k; ++i)
            untouched.step();
        trainer.step();
        QVERIFY(trainer.parameters() == untouched.parameters());
    }

    void historyHoldsAThousandSteps()
    {
        const RunConfig config = makeConfig(*makeDataset(), 2000, 0.02, OptimizerKind::MiniBatchSgd);
        const auto problem = makeProblem(config);
        QVERIFY(problem);
        LinearRegressionTrainer trainer(problem, config.training);
        trainer.keepHistory(TrainingSession::stepBackHistory);
        QVERIFY(TrainingSession::stepBackHistory >= 1000);
        const int steps = TrainingSession::stepBackHistory + 200;
        std::vector<Eigen::VectorXd> saved{trainer.parameters()};
        for (int i = 0; i < steps; ++i) {
            trainer.step();
            saved.push_back(trainer.parameters());
        }
        QCOMPARE(trainer.historyDepth(), TrainingSession::stepBackHistory);
        for (int back = 1; back <= TrainingSession::stepBackHistory; ++back) {
            QVERIFY(trainer.stepBack());
            if (trainer.parameters() != saved[size_t(steps - back)])
                QFAIL(qPrintable(QStringLiteral("step back %1 did not restore epoch %2").arg(back).arg(steps - back)));
        }
        QCOMPARE(trainer.epoch(), 200);
        QCOMPARE(trainer.historyDepth(), 0);
        QVERIFY(!trainer.stepBack());
        QCOMPARE(trainer.epoch(), 200);
        // Going on from the oldest state kept: the 201st epoch as it was.
        trainer.step();
        QVERIFY(trainer.parameters() == saved[201]);
    }

    void explanationMatchesTheRows_data()
    {
        QTest::addColumn<double>("l2");
        QTest::newRow("no L2") << 0.0;
        QTest::newRow("L2 0.05") << 0.05;
    }

    void explanationMatchesTheRows()
    {
        QFETCH(double, l2);
        RunConfig config = makeConfig(*makeDataset(), 100, 0.1);
        config.training.l2 = l2;
        const auto problem = makeProblem(config);
        QVERIFY(problem);
        const Rows rows = explicitRows(*problem);
        LinearRegressionTrainer trainer(problem, config.training);
        trainer.keepHistory(10);
        for (int i = 0; i < 3; ++i)
            trainer.step();
        const Eigen::VectorXd w = trainer.parameters();
        const Eigen::VectorXd g = gradientByHand(rows, w, l2);
        trainer.step();
        const StepReport report = trainer.lastStep();
        QCOMPARE(report.kind, StepReport::Kind::Forward);
        QCOMPARE(report.epoch, 4);
        QCOMPARE(report.updates, 1);
        QVERIFY(close(report.lossBefore, lossByHand(rows, w)));
        QVERIFY(close(report.lossAfter, lossByHand(rows, w - 0.1 * g)));
        QVERIFY(close(report.gradientNorm, g.norm()));
        QVERIFY(close(report.stepLength, 0.1 * g.norm()));
        const double penalty = 0.5 * l2 * w.head(w.size() - 1).squaredNorm();
        QVERIFY(close(report.objectiveBefore, lossByHand(rows, w) + penalty));
        QVERIFY(report.lossAfter < report.lossBefore || l2 > 0);
        QVERIFY(report.objectiveAfter < report.objectiveBefore);
        QCOMPARE(report.historyDepth, 4);
        // 2/λ_max of the Hessian XᵀX/N (+ λ on the weights), by an eigensolver of our own.
        Eigen::MatrixXd hessian = rows.x.transpose() * rows.x / double(rows.y.size());
        hessian.diagonal().head(hessian.rows() - 1).array() += l2;
        const double lambdaMax = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(hessian).eigenvalues().maxCoeff();
        QVERIFY(close(report.maxStableLearningRate, 2.0 / lambdaMax, 1e-7));

        // The weights chart's snapshot: W and ∇L at W.
        const ParameterSnapshot snapshot = trainer.parameterSnapshot();
        QCOMPARE(snapshot.epoch, 4);
        QVERIFY(toVector(snapshot.weights) == trainer.parameters());
        QVERIFY((toVector(snapshot.gradient) - gradientByHand(rows, trainer.parameters(), l2)).norm() < 1e-9);
        QCOMPARE(snapshot.groupNames, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(snapshot.groupOffsets, (std::vector<int>{0, 3}));
        QCOMPARE(snapshot.groupWidths, (std::vector<int>{3, 3}));

        // A step back reports the way back: from epoch 4 to 3, the losses swapped.
        QVERIFY(trainer.stepBack());
        const StepReport back = trainer.lastStep();
        QCOMPARE(back.kind, StepReport::Kind::Back);
        QCOMPARE(back.fromEpoch, 4);
        QCOMPARE(back.epoch, 3);
        QCOMPARE(back.lossBefore, report.lossAfter);
        QCOMPARE(back.lossAfter, report.lossBefore);
        QCOMPARE(back.historyDepth, 3);
    }

    void miniBatchReportsTheActualChange()
    {
        const RunConfig config = makeConfig(*makeDataset(), 100, 0.01, OptimizerKind::Adam);
        const auto problem = makeProblem(config);
        QVERIFY(problem);
        const Rows rows = explicitRows(*problem);
        LinearRegressionTrainer trainer(problem, config.training);
        trainer.step();
        const Eigen::VectorXd w = trainer.parameters();
        trainer.step();
        const StepReport report = trainer.lastStep();
        QCOMPARE(report.optimizer, OptimizerKind::Adam);
        QCOMPARE(report.updates, (problem->trainRows->size() + 63) / 64);
        QCOMPARE(report.batchSize, 64);
        QVERIFY(close(report.gradientNorm, gradientByHand(rows, w, 0).norm()));
        QVERIFY(close(report.stepLength, (trainer.parameters() - w).norm()));
        QVERIFY(close(report.lossBefore, lossByHand(rows, w)));
    }

    void tooLargeALearningRateRises()
    {
        RunConfig config = makeConfig(*makeDataset(), 100);
        const auto probe = makeProblem(config);
        QVERIFY(probe);
        const double stable = probe->train.maxStableLearningRate(0);
        config.training.learningRate = 1.2 * stable;   // η·λ_max = 2.4
        LinearRegressionTrainer trainer(makeProblem(config), config.training);
        // The component along the steepest direction grows by |1 − ηλ_max| = 1.4 per step: within a
        // few dozen steps it dominates and every step raises the loss.
        StepReport report;
        for (int i = 0; i < 60; ++i) {
            trainer.step();
            report = trainer.lastStep();
        }
        QVERIFY(report.rose());
        QVERIFY(close(report.learningRate / report.maxStableLearningRate, 1.2, 1e-12));
        QVERIFY(close(report.learningRate * 2.0 / report.maxStableLearningRate, 2.4, 1e-12));
    }

    void sessionStepsBackAndGoesOn()
    {
        TrainingSession session;
        SteppingProbe probe(&session);
        session.setDataset(makeDataset());
        QSignalSpy prepared(&probe, &SteppingProbe::runPrepared);
        QSignalSpy progress(&probe, &SteppingProbe::progress);
        QSignalSpy explained(&probe, &SteppingProbe::stepExplained);
        QSignalSpy back(&probe, &SteppingProbe::steppedBack);
        QSignalSpy parameters(&probe, &SteppingProbe::parametersChanged);
        const int id = session.start(makeConfig(*makeDataset(), 100), true);
        QTRY_COMPARE(prepared.count(), 1);
        // Prepared: the weights chart gets W = 0 and the first step's gradient before any epoch.
        QTRY_COMPARE(parameters.count(), 1);
        const ParameterSnapshot start = parameters.at(0).at(1).value<ParameterSnapshot>();
        QCOMPARE(start.epoch, 0);
        QVERIFY(toVector(start.weights).isZero(0));
        QVERIFY(toVector(start.gradient).norm() > 0);

        std::vector<std::vector<double>> weights{start.weights};
        for (int i = 1; i <= 5; ++i) {
            session.step();
            QTRY_COMPARE(parameters.count(), i + 1);
            const ParameterSnapshot s = parameters.last().at(1).value<ParameterSnapshot>();
            QCOMPARE(s.epoch, i);
            weights.push_back(s.weights);
            QTRY_COMPARE(explained.count(), i);
            QCOMPARE(explained.last().at(1).value<StepReport>().epoch, i);
        }
        QCOMPARE(explained.last().at(1).value<StepReport>().historyDepth, 5);

        session.stepBack();
        session.stepBack();
        QTRY_COMPARE(back.count(), 2);
        QCOMPARE(back.at(0).at(0).toInt(), id);
        const EpochRecord restored = back.at(1).at(1).value<EpochRecord>();
        QCOMPARE(restored.epoch, 3);
        QTRY_COMPARE(parameters.count(), 8);
        const ParameterSnapshot afterBack = parameters.last().at(1).value<ParameterSnapshot>();
        QCOMPARE(afterBack.epoch, 3);
        QVERIFY(afterBack.weights == weights[3]);   // bit for bit
        const StepReport report = explained.last().at(1).value<StepReport>();
        QCOMPARE(report.kind, StepReport::Kind::Back);
        QCOMPARE(report.fromEpoch, 4);
        QCOMPARE(report.epoch, 3);
        QCOMPARE(report.historyDepth, 3);
        QCOMPARE(session.state(), TrainingSession::State::Paused);

        // Forward again: epoch 4 arrives again, with the same loss as the first time.
        const QList<EpochRecord> first = progress.at(3).at(1).value<QList<EpochRecord>>();
        session.step();
        QTRY_COMPARE(progress.count(), 6);
        const QList<EpochRecord> again = progress.last().at(1).value<QList<EpochRecord>>();
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.front().epoch, 4);
        QCOMPARE(again.front().trainLoss, first.front().trainLoss);
    }

    void divergedRunCanStepBack()
    {
        TrainingSession session;
        SteppingProbe probe(&session);
        const auto dataset = makeDataset();
        session.setDataset(dataset);
        QSignalSpy diverged(&probe, &SteppingProbe::diverged);
        QSignalSpy back(&probe, &SteppingProbe::steppedBack);
        QSignalSpy progress(&probe, &SteppingProbe::progress);
        session.start(makeConfig(*dataset, 500, 5.0));
        QTRY_COMPARE(diverged.count(), 1);
        QTRY_COMPARE(session.state(), TrainingSession::State::Failed);
        session.stepBack();
        QTRY_COMPARE(back.count(), 1);
        const EpochRecord restored = back.at(0).at(1).value<EpochRecord>();
        QVERIFY(std::isfinite(restored.trainLoss));
        QTRY_COMPARE(session.state(), TrainingSession::State::Paused);
        // The run goes on from there: a smaller η now converges.
        session.setLearningRate(0.01);
        const qsizetype before = progress.count();
        session.step();
        QTRY_COMPARE(progress.count(), before + 1);
        const EpochRecord next = progress.last().at(1).value<QList<EpochRecord>>().front();
        QCOMPARE(next.epoch, restored.epoch + 1);
        QVERIFY(next.trainLoss < restored.trainLoss);
    }

    void playbackPacesEpochs()
    {
        TrainingSession session;
        SteppingProbe probe(&session);
        session.setDataset(makeDataset());
        QSignalSpy progress(&probe, &SteppingProbe::progress);
        session.setPlaybackSpeed(5);
        QCOMPARE(session.playbackSpeed(), 5.0);
        QElapsedTimer clock;
        clock.start();
        const int id = session.start(makeConfig(*makeDataset(), 100000));
        QTest::qWait(1200);
        session.pause();
        QTRY_COMPARE(session.state(), TrainingSession::State::Paused);
        const qint64 ms = clock.elapsed();
        QTest::qWait(50);
        int epochs = 0;
        for (const QList<QVariant> &args : progress) {
            if (args.at(0).toInt() == id)
                epochs += int(args.at(1).value<QList<EpochRecord>>().size());
        }
        // Unpaced, this run does some 10⁵ epochs a second here; at 5 a second it cannot have done more
        // than one per 200 ms begun (plus one for the pause arriving mid-epoch).
        QVERIFY2(epochs >= 1, "no epoch at all");
        QVERIFY2(epochs <= int(ms / 200) + 2, qPrintable(QStringLiteral("%1 epochs in %2 ms").arg(epochs).arg(ms)));

        // Full speed again: the remaining epochs come at once.
        session.setPlaybackSpeed(0);
        session.resume();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingSession::State::Finished, 30000);
    }

    void stepIsNeverPaced()
    {
        TrainingSession session;
        SteppingProbe probe(&session);
        session.setDataset(makeDataset());
        QSignalSpy progress(&probe, &SteppingProbe::progress);
        session.setPlaybackSpeed(0.01);   // one epoch in 100 s
        session.start(makeConfig(*makeDataset(), 100), true);
        QTRY_COMPARE(session.state(), TrainingSession::State::Paused);
        session.step();
        session.step();
        session.step();
        // Three steps, each at once (at 0.01 epochs a second the test would time out if they waited).
        QTRY_COMPARE(progress.count() > 0 ? progress.last().at(1).value<QList<EpochRecord>>().back().epoch : 0, 3);
    }
};

QTEST_GUILESS_MAIN(SteppingTest)
#include "test_stepping.moc"
