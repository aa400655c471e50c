// TrainingSession under fire: 10,000 seeded random commands from the GUI's thread while the engine
// trains (start, start paused, pause, resume, step, step back, stop, η changes including diverging
// ones, epoch limits, playback speeds, dataset switches, and the event loop running in between).
// Nothing may crash or deadlock, every signal must arrive on the session's thread in an order that
// makes sense, and when the commands end the session must settle in a state the signals agree with.
// CI also runs this suite under ThreadSanitizer (.ci/run).

#include "engine/core/Random.h"
#include "engine/training/TrainingSession.h"
#include "tests/TestSupport.h"
#include "tests/engine/SessionTestSupport.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <cmath>
#include <map>
#include <set>

using namespace fl;

namespace {

// Checks every signal as it arrives and keeps what the final check needs. A broken invariant is kept
// as a sentence (QVERIFY cannot fail from inside a slot).
class Observer : public QObject
{
public:
    explicit Observer(TrainingSession *session)
        : m_session(session)
    {
        connect(session, &TrainingSession::stateChanged, this, [this](TrainingSession::State s) {
            onThread("stateChanged");
            lastState = s;
            ++stateChanges;
        });
        connect(session, &TrainingSession::runPrepared, this, [this](int runId, const ProblemInfo &) {
            seeRun(runId, "runPrepared");
            prepared.insert(runId);
            lastEpoch[runId] = 0;
        });
        connect(session, &TrainingSession::progress, this, [this](int runId, const QList<EpochRecord> &epochs) {
            seeRun(runId, "progress");
            if (!prepared.contains(runId))
                fail(QStringLiteral("progress of run %1 before it was prepared").arg(runId));
            for (const EpochRecord &r : epochs) {
                const int expected = lastEpoch[runId] + 1;
                if (r.epoch != expected)
                    fail(QStringLiteral("run %1: epoch %2 after epoch %3").arg(runId).arg(r.epoch).arg(expected - 1));
                lastEpoch[runId] = r.epoch;
                ++epochsSeen;
            }
        });
        connect(session, &TrainingSession::steppedBack, this, [this](int runId, const EpochRecord &restored) {
            seeRun(runId, "steppedBack");
            if (restored.epoch != lastEpoch[runId] - 1)
                fail(QStringLiteral("run %1 stepped back from epoch %2 to %3").arg(runId).arg(lastEpoch[runId]).arg(restored.epoch));
            lastEpoch[runId] = restored.epoch;
            ++stepsBack;
        });
        connect(session, &TrainingSession::learningRateChanged, this, [this](int runId, int fromEpoch, double) {
            seeRun(runId, "learningRateChanged");
            // Progress comes in batches, so η and metrics may run ahead of it, never behind.
            if (fromEpoch <= lastEpoch[runId])
                fail(QStringLiteral("run %1: η changes from epoch %2 after epoch %3").arg(runId).arg(fromEpoch).arg(lastEpoch[runId]));
        });
        connect(session, &TrainingSession::metrics, this, [this](int runId, int epoch, const QMap<QString, double> &) {
            seeRun(runId, "metrics");
            if (epoch <= lastEpoch[runId])
                fail(QStringLiteral("run %1: metrics of epoch %2 after epoch %3").arg(runId).arg(epoch).arg(lastEpoch[runId]));
        });
        connect(session, &TrainingSession::runRecorded, this, [this](int runId, const RunRecord &record) {
            seeRun(runId, "runRecorded");
            recorded.insert(runId);
            ++statuses[record.status];
        });
        connect(session, &TrainingSession::diverged, this, [this](int runId, const QString &message) {
            seeRun(runId, "diverged");
            if (message.isEmpty())
                fail(QStringLiteral("run %1 diverged without a message").arg(runId));
        });
        connect(session, &TrainingSession::failed, this, [this](int runId, const QString &message) {
            seeRun(runId, "failed");
            failures << message;
        });
        connect(session, &TrainingSession::finished, this, [this](int runId, const RunSummary &) { seeRun(runId, "finished"); });
        connect(session, &TrainingSession::modelSnapshot, this, [this](int runId, const ModelSnapshot &s) {
            seeRun(runId, "modelSnapshot");
            if (!s || s.epoch != lastEpoch[runId])
                fail(QStringLiteral("run %1: a snapshot of epoch %2 after epoch %3").arg(runId).arg(s.epoch).arg(lastEpoch[runId]));
        });
        connect(session, &TrainingSession::parametersChanged, this, [this](int runId, const ParameterSnapshot &) {
            seeRun(runId, "parametersChanged");
        });
        connect(session, &TrainingSession::stepExplained, this, [this](int runId, const StepReport &) { seeRun(runId, "stepExplained"); });
        connect(session, &TrainingSession::preparing, this, [this](int runId, double f) {
            seeRun(runId, "preparing");
            if (!(f >= 0 && f <= 1))
                fail(QStringLiteral("run %1 prepared %2 of itself").arg(runId).arg(f));
        });
    }

    QStringList problems;
    std::set<int> prepared;
    std::set<int> recorded;
    std::map<int, int> lastEpoch;
    std::map<QString, int> statuses;
    QStringList failures;
    TrainingSession::State lastState = TrainingSession::State::Idle;
    int stateChanges = 0;
    int epochsSeen = 0;
    int stepsBack = 0;
    int lastRunId = 0;
    int emissions = 0;

private:
    void fail(const QString &problem)
    {
        if (problems.size() < 20)   // the first few say what went wrong; thousands would drown them
            problems << problem;
    }
    void onThread(const char *signal)
    {
        ++emissions;
        if (QThread::currentThread() != m_session->thread())
            fail(QStringLiteral("%1 arrived on another thread").arg(QLatin1String(signal)));
    }
    // Runs are taken one after the other: a signal never names a run older than the last one heard of.
    void seeRun(int runId, const char *signal)
    {
        onThread(signal);
        if (runId < lastRunId)
            fail(QStringLiteral("%1 of run %2 after run %3").arg(QLatin1String(signal)).arg(runId).arg(lastRunId));
        lastRunId = std::max(lastRunId, runId);
    }

    TrainingSession *m_session;
};

RunConfig randomConfig(const Dataset &d, Random &random)
{
    RunConfig c;
    c.pipeline = defaultPipelineConfig(d);
    c.training.epochs = 1 + int(random.below(60));
    static const double etas[] = {0.001, 0.02, 0.1, 0.5, 40.0};   // 40 diverges on these features
    c.training.learningRate = etas[random.below(5)];
    static const OptimizerKind optimizers[] = {OptimizerKind::GradientDescent, OptimizerKind::MiniBatchSgd,
                                               OptimizerKind::Momentum, OptimizerKind::Adam};
    c.training.optimizer = optimizers[random.below(4)];
    static const ModelKind kinds[] = {ModelKind::Linear, ModelKind::Linear, ModelKind::Hybrid,
                                      ModelKind::Mf,     ModelKind::Content, ModelKind::Popularity};
    c.model.kind = kinds[random.below(6)];
    c.model.factors = 4;
    c.model.patience = int(random.below(3));
    return c;
}

} // namespace

class SessionStressTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenThousandRandomCommands()
    {
        const std::shared_ptr<const Dataset> datasets[] = {test::makeNumericDataset(QStringLiteral("stress a"), 11, 40, 500),
                                                           test::makeNumericDataset(QStringLiteral("stress b"), 12, 30, 300)};
        TrainingSession session;
        Observer observer(&session);
        Random random(2026);
        int current = 0;
        session.setDataset(datasets[current]);
        int starts = 0;
        int checkpoints = 0;
        std::set<int> issued;
        std::map<QString, int> commands;

        constexpr int commandCount = 10000;
        constexpr int checkpointEvery = 100;
        for (int i = 0; i < commandCount; ++i) {
            if (i % checkpointEvery == checkpointEvery - 1) {
                // Every hundred commands the engine gets a run it must take all the way, however slow
                // the machine (a sanitizer, a busy CI): a checkpoint start supersedes what ran, trains
                // two epochs and steps one back, or with η = 40 diverges. This makes the counts below
                // independent of timing.
                RunConfig config;
                config.pipeline = defaultPipelineConfig(*datasets[current]);
                config.training.epochs = 1000;
                const bool diverge = (i / checkpointEvery) % 10 == 0;
                config.training.learningRate = diverge ? 40.0 : 0.05;
                const int id = session.start(config, true);
                issued.insert(id);
                ++starts;
                ++checkpoints;
                if (diverge) {
                    session.resume();
                    QTRY_VERIFY_WITH_TIMEOUT(observer.recorded.contains(id), 60000);
                    QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingSession::State::Failed, 60000);
                } else {
                    session.step();
                    session.step();
                    QTRY_COMPARE_WITH_TIMEOUT(observer.lastEpoch[id], 2, 60000);
                    session.stepBack();
                    QTRY_COMPARE_WITH_TIMEOUT(observer.lastEpoch[id], 1, 60000);
                    QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingSession::State::Paused, 60000);
                }
                continue;
            }
            const std::uint64_t pick = random.below(100);
            if (pick < 4) {
                const bool paused = random.below(2) == 0;
                const int id = session.start(randomConfig(*datasets[current], random), paused);
                QVERIFY2(issued.empty() || id > *issued.rbegin(), "run ids grow");
                issued.insert(id);
                ++starts;
                ++commands[paused ? QStringLiteral("start paused") : QStringLiteral("start")];
            } else if (pick < 16) {
                session.pause();
                ++commands[QStringLiteral("pause")];
            } else if (pick < 30) {
                session.resume();
                ++commands[QStringLiteral("resume")];
            } else if (pick < 48) {
                session.step();
                ++commands[QStringLiteral("step")];
            } else if (pick < 58) {
                session.stepBack();
                ++commands[QStringLiteral("step back")];
            } else if (pick < 60) {
                session.stop();
                ++commands[QStringLiteral("stop")];
            } else if (pick < 68) {
                static const double etas[] = {0.0005, 0.01, 0.05, 0.3, 80.0, 1e300};
                session.setLearningRate(etas[random.below(6)]);
                ++commands[QStringLiteral("η")];
            } else if (pick < 73) {
                session.setEpochLimit(int(random.below(80)));
                ++commands[QStringLiteral("epoch limit")];
            } else if (pick < 76) {
                static const double speeds[] = {0, 0, 500, 2000};
                session.setPlaybackSpeed(speeds[random.below(4)]);
                ++commands[QStringLiteral("speed")];
            } else if (pick < 78) {
                current = 1 - current;
                session.setDataset(datasets[current]);
                ++commands[QStringLiteral("dataset")];
            } else {
                // The event loop turns, as it does between a user's clicks: now and then long enough
                // for the engine to finish an epoch or a run.
                if (random.below(4) == 0)
                    QTest::qWait(1 + int(random.below(3)));
                else
                    QCoreApplication::processEvents();
                ++commands[QStringLiteral("events")];
            }
        }

        // Settle: the last command stops everything, and the session must come to rest.
        session.stop();
        QTRY_VERIFY_WITH_TIMEOUT(session.state() == TrainingSession::State::Idle && observer.lastState == TrainingSession::State::Idle, 60000);
        // Quiet: no signal comes after rest.
        const int before = observer.emissions;
        QTest::qWait(200);
        QCOMPARE(observer.emissions, before);

        qInfo("%s", qPrintable(QStringLiteral("commands: %1runs prepared %2, epochs %3, steps back %4, state changes %5; ends: %6")
                                   .arg(test::tally(commands)).arg(observer.prepared.size()).arg(observer.epochsSeen)
                                   .arg(observer.stepsBack).arg(observer.stateChanges).arg(test::tally(observer.statuses))));
        QVERIFY2(observer.problems.isEmpty(), qPrintable(observer.problems.join(QLatin1Char('\n'))));
        QCOMPARE(session.currentRunId(), starts);
        // Every run that was prepared ended with a record, and every prepared run was one asked for.
        for (int id : observer.prepared) {
            QVERIFY2(issued.contains(id), qPrintable(QStringLiteral("run %1 was never started").arg(id)));
            QVERIFY2(observer.recorded.contains(id), qPrintable(QStringLiteral("run %1 has no record").arg(id)));
        }
        // The engine was really exercised: the checkpoints alone prepare 100 runs, train at least 190
        // epochs, step back 90 times, diverge 10 times and are superseded or stopped 89 times (the random
        // commands add to these as fast as the machine lets them).
        QCOMPARE(checkpoints, commandCount / checkpointEvery);
        QVERIFY(observer.prepared.size() >= size_t(checkpoints));
        QVERIFY(observer.epochsSeen >= 190);
        QVERIFY(observer.stepsBack >= 90);
        QVERIFY(observer.statuses[QStringLiteral("superseded")] + observer.statuses[QStringLiteral("stopped")] >= 89);
        QVERIFY(observer.statuses[QStringLiteral("diverged")] >= 10);
        // Failures are messages, never crashes: the only ones expected are none.
        QVERIFY2(observer.failures.isEmpty(), qPrintable(observer.failures.join(QLatin1Char('\n'))));

        // And the session still works: a clean run on the current dataset trains to its end.
        RunConfig clean;
        clean.pipeline = defaultPipelineConfig(*datasets[current]);
        clean.training.epochs = 25;
        clean.training.learningRate = 0.05;
        session.setPlaybackSpeed(0);
        const int last = session.start(clean);
        QTRY_VERIFY_WITH_TIMEOUT(session.state() == TrainingSession::State::Finished, 30000);
        QTRY_COMPARE(observer.lastEpoch[last], 25);
    }
};

QTEST_GUILESS_MAIN(SessionStressTest)
#include "test_sessionstress.moc"
