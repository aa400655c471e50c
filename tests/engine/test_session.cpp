// TrainingSession: the engine thread's start, pause, step, resume, stop, live η changes from another
// thread, superseded runs, divergence, bounded progress rate and a clean shutdown mid-run.

#include "engine/core/Random.h"
#include "engine/training/TrainingSession.h"
#include "tests/engine/SessionTestSupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <thread>

using namespace fl;

// Re-emits the session's signals through a queued connection, the hop a receiver living in another
// thread would take. The session itself emits on its own (this) thread, never on the engine thread:
// test_sessionstress checks that.
class SessionProbe : public QObject
{
    Q_OBJECT

public:
    explicit SessionProbe(TrainingSession *session)
    {
        connect(session, &TrainingSession::runPrepared, this, &SessionProbe::runPrepared, Qt::QueuedConnection);
        connect(session, &TrainingSession::progress, this, &SessionProbe::progress, Qt::QueuedConnection);
        connect(session, &TrainingSession::learningRateChanged, this, &SessionProbe::learningRateChanged, Qt::QueuedConnection);
        connect(session, &TrainingSession::finished, this, &SessionProbe::finished, Qt::QueuedConnection);
        connect(session, &TrainingSession::diverged, this, &SessionProbe::diverged, Qt::QueuedConnection);
        connect(session, &TrainingSession::failed, this, &SessionProbe::failed, Qt::QueuedConnection);
        connect(session, &TrainingSession::stateChanged, this, &SessionProbe::stateChanged, Qt::QueuedConnection);
        connect(session, &TrainingSession::metrics, this, &SessionProbe::metrics, Qt::QueuedConnection);
        connect(session, &TrainingSession::modelSnapshot, this, &SessionProbe::modelSnapshot, Qt::QueuedConnection);
    }

Q_SIGNALS:
    void runPrepared(int runId, const fl::ProblemInfo &info);
    void progress(int runId, const QList<fl::EpochRecord> &epochs);
    void learningRateChanged(int runId, int fromEpoch, double learningRate);
    void finished(int runId, const fl::RunSummary &summary);
    void diverged(int runId, const QString &message);
    void failed(int runId, const QString &message);
    void stateChanged(fl::TrainingSession::State state);
    void metrics(int runId, int epoch, const QMap<QString, double> &values);
    void modelSnapshot(int runId, const fl::ModelSnapshot &snapshot);
};

namespace {

std::shared_ptr<const Dataset> makeDataset(int items = 50, int interactions = 600)
{
    return test::makeNumericDataset(QStringLiteral("session fixture"), 3, items, interactions);
}

RunConfig makeConfig(const Dataset &d, int epochs, double eta = 0.05)
{
    RunConfig c;
    c.pipeline = defaultPipelineConfig(d);
    c.training.epochs = epochs;
    c.training.learningRate = eta;
    return c;
}

QList<EpochRecord> records(const QSignalSpy &spy, int runId)
{
    QList<EpochRecord> all;
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).toInt() == runId)
            all += args.at(1).value<QList<EpochRecord>>();
    }
    return all;
}

} // namespace

class TrainingSessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsToCompletionWithEveryEpoch()
    {
        TrainingSession session;
        SessionProbe probe(&session);
        session.setDataset(makeDataset());
        QSignalSpy prepared(&probe, &SessionProbe::runPrepared);
        QSignalSpy progress(&probe, &SessionProbe::progress);
        QSignalSpy finished(&probe, &SessionProbe::finished);
        const int id = session.start(makeConfig(*makeDataset(), 300));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(prepared.count(), 1);
        QCOMPARE(prepared.at(0).at(0).toInt(), id);
        const ProblemInfo info = prepared.at(0).at(1).value<ProblemInfo>();
        QCOMPARE(info.modalityNames, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(info.optimumTrainLoss > 0 && info.optimumTrainLoss < info.initialLoss);
        const QList<EpochRecord> all = records(progress, id);
        QCOMPARE(all.size(), 300);
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all[i].epoch, i + 1);
        const RunSummary summary = finished.at(0).at(1).value<RunSummary>();
        QCOMPARE(summary.epochs, 300);
        QCOMPARE(summary.reason, QStringLiteral("completed"));
        QCOMPARE(summary.trainLoss, all.back().trainLoss);
        QVERIFY(summary.trainLoss >= summary.optimumTrainLoss - 1e-12);
        QTRY_COMPARE(session.state(), TrainingSession::State::Finished);
    }

    void progressRateIsBounded()
    {
        TrainingSession session;
        SessionProbe probe(&session);
        session.setDataset(makeDataset());
        QSignalSpy progress(&probe, &SessionProbe::progress);
        QSignalSpy finished(&probe, &SessionProbe::finished);
        QElapsedTimer clock;
        clock.start();
        const int id = session.start(makeConfig(*makeDataset(), 200000, 0.01));
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
        const qint64 elapsed = clock.elapsed();
        // Every epoch arrives, in few batches: no more than one per 33 ms plus the final flush.
        QCOMPARE(records(progress, id).size(), 200000);
        QVERIFY2(progress.count() <= elapsed / TrainingSession::progressIntervalMs + 2,
                 qPrintable(QStringLiteral("%1 batches in %2 ms").arg(progress.count()).arg(elapsed)));
    }

    void pauseStepResumeStop()
    {
        TrainingSession session;
        SessionProbe probe(&session);
        session.setDataset(makeDataset());
        QSignalSpy progress(&probe, &SessionProbe::progress);
        QSignalSpy finished(&probe, &SessionProbe::finished);
        QSignalSpy states(&probe, &SessionProbe::stateChanged);
        const int id = session.start(makeConfig(*makeDataset(), 1000000, 0.001), true);
        QTRY_COMPARE(session.state(), TrainingSession::State::Paused);
        QTest::qWait(100);
        QCOMPARE(records(progress, id).size(), 0);   // prepared, waiting for a step

        for (int k = 1; k <= 3; ++k) {
            session.step();
            QTRY_COMPARE(records(progress, id).size(), k);
            QCOMPARE(records(progress, id).back().epoch, k);
        }
        QTest::qWait(150);
        QCOMPARE(records(progress, id).size(), 3);   // a step is exactly one epoch
        QCOMPARE(session.state(), TrainingSession::State::Paused);

        session.resume();
        QTRY_VERIFY(records(progress, id).size() > 10);
        session.pause();
        QTRY_COMPARE(session.state(), TrainingSession::State::Paused);
        const int atPause = records(progress, id).size();
        QTest::qWait(200);
        QCOMPARE(records(progress, id).size(), atPause);   // paused: no new points
        const QList<EpochRecord> all = records(progress, id);
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all[i].epoch, i + 1);

        session.stop();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(1).value<RunSummary>().reason, QStringLiteral("stopped"));
        QTRY_COMPARE(session.state(), TrainingSession::State::Idle);
    }

    void learningRateChangesFromAnotherThread()
    {
        TrainingSession session;
        SessionProbe probe(&session);
        session.setDataset(makeDataset());
        QSignalSpy progress(&probe, &SessionProbe::progress);
        QSignalSpy changed(&probe, &SessionProbe::learningRateChanged);
        const int id = session.start(makeConfig(*makeDataset(), 1000000, 0.001), true);
        QTRY_COMPARE(session.state(), TrainingSession::State::Paused);
        session.step();
        session.step();
        QTRY_COMPARE(records(progress, id).size(), 2);
        std::thread other([&session] { session.setLearningRate(0.02); });
        other.join();
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toInt(), id);
        QCOMPARE(changed.at(0).at(1).toInt(), 3);   // takes effect from the next epoch
        QCOMPARE(changed.at(0).at(2).toDouble(), 0.02);
        session.step();
        QTRY_COMPARE(records(progress, id).size(), 3);
        const QList<EpochRecord> all = records(progress, id);
        QCOMPARE(all[0].learningRate, 0.001);
        QCOMPARE(all[1].learningRate, 0.001);
        QCOMPARE(all[2].learningRate, 0.02);
    }

    void newRunSupersedesTheOld()
    {
        TrainingSession session;
        SessionProbe probe(&session);
        session.setDataset(makeDataset());
        QSignalSpy prepared(&probe, &SessionProbe::runPrepared);
        QSignalSpy progress(&probe, &SessionProbe::progress);
        QSignalSpy finished(&probe, &SessionProbe::finished);
        RunConfig config = makeConfig(*makeDataset(), 1000000, 0.001);
        const int first = session.start(config);
        QTRY_VERIFY(!records(progress, first).isEmpty());
        config.pipeline.modalities[0].weight = 0.9;   // α moved: a new run
        const int second = session.start(config);
        QVERIFY(second > first);
        QTRY_VERIFY(!records(progress, second).isEmpty());
        // The old run ended as superseded before the new one was prepared; nothing of it came after.
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), first);
        QCOMPARE(finished.at(0).at(1).value<RunSummary>().reason, QStringLiteral("superseded"));
        bool sawSecond = false;
        for (const QList<QVariant> &args : progress) {
            sawSecond = sawSecond || args.at(0).toInt() == second;
            if (sawSecond)
                QCOMPARE(args.at(0).toInt(), second);
        }
        QCOMPARE(prepared.last().at(1).value<ProblemInfo>().weights.front(), 0.9);
        QCOMPARE(records(progress, second).front().epoch, 1);
    }

    void divergenceFailsTheRun()
    {
        TrainingSession session;
        SessionProbe probe(&session);
        session.setDataset(makeDataset());
        QSignalSpy failed(&probe, &SessionProbe::diverged);
        QSignalSpy errors(&probe, &SessionProbe::failed);
        const int id = session.start(makeConfig(*makeDataset(), 100000, 50.0));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toInt(), id);
        QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("η = 50")));
        QTRY_COMPARE(session.state(), TrainingSession::State::Failed);
        QCOMPARE(errors.count(), 0);
    }

    void engineErrorsArriveAsMessages()
    {
        TrainingSession session;
        SessionProbe probe(&session);
        QSignalSpy failed(&probe, &SessionProbe::failed);
        session.start(makeConfig(*makeDataset(), 10));   // no dataset yet
        QTRY_COMPARE(failed.count(), 1);
        session.setDataset(makeDataset());
        RunConfig config = makeConfig(*makeDataset(), 10);
        for (ModalityConfig &m : config.pipeline.modalities)
            m.enabled = false;
        session.start(config);
        QTRY_COMPARE(failed.count(), 2);
        QVERIFY(failed.at(1).at(1).toString().contains(QStringLiteral("at least one modality")));
    }

    // A ranking model reports validation metrics every epoch and hands out a scoring copy whenever it
    // pauses or ends; the copy does not move when the run trains on.
    void rankingRunReportsMetricsAndSnapshots()
    {
        TrainingSession session;
        SessionProbe probe(&session);
        const auto dataset = makeDataset();
        session.setDataset(dataset);
        QSignalSpy metrics(&probe, &SessionProbe::metrics);
        QSignalSpy snapshots(&probe, &SessionProbe::modelSnapshot);
        QSignalSpy finished(&probe, &SessionProbe::finished);
        RunConfig config = makeConfig(*dataset, 6, 0.02);
        config.model.kind = ModelKind::Hybrid;
        config.model.patience = 0;
        const int id = session.start(config, true);
        session.step();
        QTRY_COMPARE(snapshots.count(), 1);
        QCOMPARE(metrics.count(), 1);
        QCOMPARE(metrics.at(0).at(1).toInt(), 1);
        const auto firstValues = metrics.at(0).at(2).value<QMap<QString, double>>();
        QVERIFY(firstValues.contains(QStringLiteral("ndcg@10")));
        const ModelSnapshot first = snapshots.at(0).at(1).value<ModelSnapshot>();
        QCOMPARE(snapshots.at(0).at(0).toInt(), id);
        QVERIFY(first);
        QCOMPARE(first.epoch, 1);
        QCOMPARE(first.model->itemCount(), 50);
        QCOMPARE(first.model->userCount(), 10);
        QVERIFY(!first.split->train.empty());
        Eigen::VectorXf before(50);
        first.model->scoreItems(2, before);

        session.resume();
        QTRY_COMPARE(finished.count(), 1);
        QTRY_COMPARE(snapshots.count(), 2);
        QCOMPARE(metrics.count(), 6);
        const ModelSnapshot last = snapshots.at(1).at(1).value<ModelSnapshot>();
        QCOMPARE(last.epoch, 6);
        Eigen::VectorXf again(50), trained(50);
        first.model->scoreItems(2, again);
        QCOMPARE(again, before);
        last.model->scoreItems(2, trained);
        QVERIFY(trained != before);
    }

    // The seed's regression has no ranking model: no metrics, no snapshot.
    void linearRunHasNoSnapshot()
    {
        TrainingSession session;
        SessionProbe probe(&session);
        session.setDataset(makeDataset());
        QSignalSpy snapshots(&probe, &SessionProbe::modelSnapshot);
        QSignalSpy metrics(&probe, &SessionProbe::metrics);
        QSignalSpy finished(&probe, &SessionProbe::finished);
        session.start(makeConfig(*makeDataset(), 20));
        QTRY_COMPARE(finished.count(), 1);
        QCoreApplication::processEvents();
        QCOMPARE(snapshots.count(), 0);
        QCOMPARE(metrics.count(), 0);
    }

    void destroyedWhileRunning()
    {
        auto session = std::make_unique<TrainingSession>();
        auto probe = std::make_unique<SessionProbe>(session.get());
        session->setDataset(makeDataset());
        QSignalSpy progress(probe.get(), &SessionProbe::progress);
        session->start(makeConfig(*makeDataset(), 100000000, 0.001));
        QTRY_VERIFY(progress.count() > 0);
        session.reset();   // must stop the thread and return
        QVERIFY(true);
    }

    // Signals arrive on the session's own thread, so a receiver may delete the session (a window
    // closing on a result): the rest of the batch being delivered is dropped, not sent from freed memory.
    void deletedByAReceiver()
    {
        auto session = std::make_unique<TrainingSession>();
        TrainingSession *raw = session.get();
        int progressAfterDeletion = 0;
        bool deleted = false;
        connect(raw, &TrainingSession::progress, raw, [&](int, const QList<EpochRecord> &) {
            QCOMPARE(QThread::currentThread(), QCoreApplication::instance()->thread());
            if (deleted)
                ++progressAfterDeletion;
            else {
                deleted = true;
                session.reset();
            }
        });
        session->setDataset(makeDataset());
        session->start(makeConfig(*makeDataset(), 100000000, 0.001));
        QTRY_VERIFY(deleted);
        QTest::qWait(100);
        QCOMPARE(progressAfterDeletion, 0);
    }
};

QTEST_GUILESS_MAIN(TrainingSessionTest)
#include "test_session.moc"
