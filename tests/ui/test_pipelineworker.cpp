// The pages' background worker: a job's reports and its result reach the receiver's thread in order;
// starting a new job or dropping the old one silences everything the old one still sends; Cancel lets
// the reports and the result through and says it was pressed; a job cancelled before its turn runs
// nothing; the pipeline is made once per dataset and handed to every job on it; an errand beside a
// job always reports back.

#include "ui/PipelineWorker.h"
#include "tests/TestSupport.h"

#include <QObject>
#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace fl;

namespace {

// Holds a worker thread until the test lets it go.
struct Gate
{
    std::atomic<bool> entered{false};
    std::atomic<bool> open{false};

    void wait()
    {
        entered = true;
        while (!open)
            QThread::msleep(1);
    }
};

// A receiver and its worker on the demo (the worker is destroyed first, as a page's member would be).
struct Harness
{
    Harness(std::shared_ptr<const Dataset> dataset, int threads) : worker(&receiver, threads)
    {
        worker.setDataset(std::move(dataset));
    }

    QObject receiver;
    PipelineWorker worker;
};

} // namespace

class TestPipelineWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportsThenResultOnTheReceiversThread();
    void newJobSilencesTheOldOne();
    void cancelLetsTheResultThrough();
    void cancelledBeforeItsTurnRunsNothing();
    void pipelineOncePerDataset();
    void errandReportsBesideAJob();

private:
    std::shared_ptr<const Dataset> m_demo;
};

void TestPipelineWorker::initTestCase()
{
    m_demo = test::loadDemo();
    QVERIFY(m_demo);
}

void TestPipelineWorker::reportsThenResultOnTheReceiversThread()
{
    Harness harness(m_demo, 2);
    PipelineWorker &worker = harness.worker;
    std::vector<int> reports;
    int result = -1;
    bool cancelled = true;
    bool runningInDone = true;
    QThread *workThread = nullptr;
    bool reportsOnReceiver = true;
    worker.start(
        0,
        [&](FusionPipeline &pipeline, const PipelineWorker::Job &job) {
            workThread = QThread::currentThread();
            for (int i = 1; i <= 3; ++i) {
                job.post([&, i] {
                    reportsOnReceiver = reportsOnReceiver && QThread::currentThread() == harness.receiver.thread();
                    reports.push_back(i);
                });
            }
            return int(pipeline.dataset().itemIds.size());
        },
        [&](int value, bool wasCancelled) {
            result = value;
            cancelled = wasCancelled;
            runningInDone = worker.isRunning();
        });
    QVERIFY(worker.isRunning());
    QTRY_COMPARE(result, int(m_demo->itemIds.size()));
    QCOMPARE(reports, (std::vector<int>{1, 2, 3}));
    QVERIFY(reportsOnReceiver);
    QVERIFY(workThread != nullptr && workThread != harness.receiver.thread());
    QVERIFY(!cancelled);
    QVERIFY(!runningInDone);
    QVERIFY(!worker.isRunning());

    // A job whose only output is its reports: they arrive, then done(cancelled) with no result.
    reports.clear();
    bool done = false;
    cancelled = true;
    worker.start(
        [&](FusionPipeline &, const PipelineWorker::Job &job) {
            for (int i = 4; i <= 5; ++i)
                job.post([&, i] { reports.push_back(i); });
        },
        [&](bool wasCancelled) {
            cancelled = wasCancelled;
            done = true;
        });
    QTRY_VERIFY(done);
    QCOMPARE(reports, (std::vector<int>{4, 5}));
    QVERIFY(!cancelled);
    QVERIFY(!worker.isRunning());
}

void TestPipelineWorker::newJobSilencesTheOldOne()
{
    Harness harness(m_demo, 2);
    PipelineWorker &worker = harness.worker;
    Gate gate;
    bool oldReported = false;
    bool oldDone = false;
    bool oldSawCancel = false;
    worker.start(
        0,
        [&](FusionPipeline &, const PipelineWorker::Job &job) {
            gate.wait();
            oldSawCancel = job.cancelRequested();
            job.post([&] { oldReported = true; });
            return 1;
        },
        [&](int, bool) { oldDone = true; });
    QTRY_VERIFY(gate.entered);

    int newResult = 0;
    worker.start(
        0, [](FusionPipeline &, const PipelineWorker::Job &) { return 2; }, [&](int value, bool) { newResult = value; });
    gate.open = true;
    QTRY_COMPARE(newResult, 2);
    // The old job ran to its end before the new one had the pipeline, and was told it was dropped.
    QVERIFY(oldSawCancel);
    QCoreApplication::processEvents();
    QVERIFY(!oldReported);
    QVERIFY(!oldDone);

    // drop() alone silences a job too, and leaves no job running. On one thread the errand queued after
    // the dropped job runs after it, so when the errand's result is in, the job's would be too.
    Harness one(m_demo, 1);
    PipelineWorker &single = one.worker;
    bool droppedReported = false;
    bool droppedDone = false;
    single.start(
        0,
        [&](FusionPipeline &, const PipelineWorker::Job &job) {
            job.post([&] { droppedReported = true; });
            return 3;
        },
        [&](int, bool) { droppedDone = true; });
    single.drop();
    QVERIFY(!single.isRunning());
    int last = 0;
    single.run([](FusionPipeline &) { return 4; }, [&](int value) { last = value; });
    QTRY_COMPARE(last, 4);
    QVERIFY(!droppedReported);
    QVERIFY(!droppedDone);
}

void TestPipelineWorker::cancelLetsTheResultThrough()
{
    Harness harness(m_demo, 2);
    PipelineWorker &worker = harness.worker;
    std::atomic<bool> started{false};
    std::atomic<bool> flagSet{false};
    int reports = 0;
    int result = -1;
    bool cancelled = false;
    worker.start(
        0,
        [&](FusionPipeline &, const PipelineWorker::Job &job) {
            started = true;
            while (!job.cancelRequested())
                QThread::msleep(1);
            flagSet = job.cancelFlag()->load();   // the flag the engine's loops read
            job.post([&] { ++reports; });
            return 7;
        },
        [&](int value, bool wasCancelled) {
            result = value;
            cancelled = wasCancelled;
        });
    QTRY_VERIFY(started);
    QVERIFY(!worker.cancelRequested());
    worker.cancel();
    QVERIFY(worker.cancelRequested());
    QVERIFY(worker.isRunning());   // until its result arrives
    QTRY_COMPARE(result, 7);
    QCOMPARE(reports, 1);
    QVERIFY(flagSet);
    QVERIFY(cancelled);
    QVERIFY(!worker.isRunning());
}

void TestPipelineWorker::cancelledBeforeItsTurnRunsNothing()
{
    Harness harness(m_demo, 1);
    PipelineWorker &worker = harness.worker;
    Gate gate;
    int errand = 0;
    worker.run([&](FusionPipeline &) { gate.wait(); return 1; }, [&](int value) { errand = value; });
    QTRY_VERIFY(gate.entered);

    std::atomic<bool> workRan{false};
    Result<int> result = 0;
    bool cancelled = false;
    bool done = false;
    worker.start(
        Result<int>(makeError(QStringLiteral("skipped"))),
        [&](FusionPipeline &, const PipelineWorker::Job &) {
            workRan = true;
            return Result<int>(5);
        },
        [&](const Result<int> &value, bool wasCancelled) {
            result = value;
            cancelled = wasCancelled;
            done = true;
        });
    worker.cancel();
    gate.open = true;
    QTRY_VERIFY(done);
    QCOMPARE(errand, 1);
    QVERIFY(!workRan);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), QStringLiteral("skipped"));
    QVERIFY(cancelled);
}

void TestPipelineWorker::pipelineOncePerDataset()
{
    Harness harness(m_demo, 2);
    PipelineWorker &worker = harness.worker;
    const auto pipelineOfNextJob = [&worker] {
        const FusionPipeline *seen = nullptr;
        bool done = false;
        worker.start(
            static_cast<const FusionPipeline *>(nullptr),
            [](FusionPipeline &pipeline, const PipelineWorker::Job &) { return static_cast<const FusionPipeline *>(&pipeline); },
            [&](const FusionPipeline *pipeline, bool) {
                seen = pipeline;
                done = true;
            });
        return QTest::qWaitFor([&done] { return done; }) ? seen : nullptr;
    };
    const FusionPipeline *first = pipelineOfNextJob();
    QVERIFY(first != nullptr);
    QCOMPARE(&first->dataset(), m_demo.get());
    QCOMPARE(pipelineOfNextJob(), first);
    worker.setDataset(m_demo);   // the same dataset keeps its pipeline
    QCOMPARE(pipelineOfNextJob(), first);

    const auto other = std::make_shared<const Dataset>(*m_demo);
    worker.setDataset(other);
    QVERIFY(worker.dataset() == other);
    const FusionPipeline *second = pipelineOfNextJob();
    QVERIFY(second != nullptr);
    QCOMPARE(&second->dataset(), other.get());
}

void TestPipelineWorker::errandReportsBesideAJob()
{
    Harness harness(m_demo, 2);
    PipelineWorker &worker = harness.worker;
    Gate gate;
    bool jobDone = false;
    worker.start(
        0,
        [&](FusionPipeline &, const PipelineWorker::Job &) {
            gate.wait();
            return 1;
        },
        [&](int, bool) { jobDone = true; });
    QTRY_VERIFY(gate.entered);
    int errand = 0;
    worker.run([](FusionPipeline &pipeline) { return int(pipeline.dataset().userIds.size()); }, [&](int value) { errand = value; });
    QVERIFY(worker.isRunning());   // an errand neither drops nor replaces the job
    gate.open = true;
    QTRY_VERIFY(jobDone);
    QTRY_COMPARE(errand, int(m_demo->userIds.size()));

    // An errand's result arrives even when the job beside it was dropped.
    Gate second;
    worker.start(
        0,
        [&](FusionPipeline &, const PipelineWorker::Job &) {
            second.wait();
            return 1;
        },
        [](int, bool) {});
    QTRY_VERIFY(second.entered);
    errand = 0;
    worker.run([](FusionPipeline &) { return 9; }, [&](int value) { errand = value; });
    worker.drop();
    second.open = true;
    QTRY_COMPARE(errand, 9);
}

QTEST_GUILESS_MAIN(TestPipelineWorker)
#include "test_pipelineworker.moc"
