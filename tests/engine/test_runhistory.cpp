// The run history's autosave: a window killed with SIGKILL leaves its history behind, and the next
// start finds it with every run that had finished; a window that closed cleanly leaves nothing; a
// running window's history is never offered to another.

#include "tests/TestSupport.h"

#include "engine/fusion/FusionPipeline.h"
#include "engine/training/RunDriver.h"
#include "engine/training/RunHistoryStore.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <iostream>
#include <thread>

using namespace fl;

namespace {

Experiment historyOf(int runs)
{
    Experiment e;
    e.dataset = identifyDataset(*test::loadDemo(), QStringLiteral("demo"), QStringLiteral("demo"));
    e.config.pipeline = defaultPipelineConfig(*test::loadDemo());
    FusionPipeline pipeline(test::loadDemo());
    for (int r = 0; r < runs; ++r) {
        RunConfig config = e.config;
        config.training.epochs = 5 + r;
        config.pipeline.modalities[0].weight = 0.25 * (r + 1);
        e.runs.push_back(runOnce(pipeline, config, e.dataset));
    }
    return e;
}

// The child: autosaves a history of `runs` runs, says so, and waits to be killed.
int child(const QString &folder, int runs)
{
    RunHistoryStore store(folder);
    if (!store.open())
        return 3;
    store.save(historyOf(runs));
    if (!store.flush())
        return 4;
    std::cout << "saved " << store.sessionPath().toStdString() << std::endl;
    for (;;)
        std::this_thread::sleep_for(std::chrono::seconds(1));
}

QByteArray jsonText(const Experiment &e)
{
    return QJsonDocument(experimentToJson(e)).toJson(QJsonDocument::Compact);
}

} // namespace

class TestRunHistory : public QObject
{
    Q_OBJECT

private:
    // Starts a child that autosaves `runs` runs into folder; returns once it has.
    bool startChild(QProcess &process, const QString &folder, int runs)
    {
        process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), folder, QString::number(runs)});
        if (!process.waitForStarted(10000))
            return false;
        while (!process.canReadLine()) {
            if (!process.waitForReadyRead(60000))
                return false;
        }
        return process.readLine().startsWith("saved ");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(test::loadDemo()); }

    void survivesKill()
    {
        QTemporaryDir dir;
        QProcess process;
        QVERIFY(startChild(process, dir.path(), 3));

        // While the child runs, its history is its own.
        RunHistoryStore store(dir.path());
        QVERIFY(store.open().ok());
        QVERIFY(store.orphans().empty());

        process.kill();   // SIGKILL: no chance to clean up
        QVERIFY(process.waitForFinished(10000));
        const std::vector<RunHistoryStore::Orphan> orphans = store.orphans();
        QCOMPARE(orphans.size(), size_t(1));
        QCOMPARE(orphans[0].runs, 3);
        const Result<Experiment> restored = store.load(orphans[0].path);
        QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error()));
        const Experiment expected = historyOf(3);
        QCOMPARE(restored->runs.size(), expected.runs.size());
        for (size_t r = 0; r < expected.runs.size(); ++r) {
            QCOMPARE(restored->runs[r].config.pipeline.modalities[0].weight, expected.runs[r].config.pipeline.modalities[0].weight);
            QCOMPARE(restored->runs[r].epochs.size(), expected.runs[r].epochs.size());
            for (size_t e = 0; e < expected.runs[r].epochs.size(); ++e)
                QCOMPARE(restored->runs[r].epochs[e].trainLoss, expected.runs[r].epochs[e].trainLoss);
        }
        store.discard(orphans[0].path);
        QVERIFY(store.orphans().empty());
    }

    void cleanCloseLeavesNothing()
    {
        QTemporaryDir dir;
        {
            RunHistoryStore first(dir.path());
            QVERIFY(first.open().ok());
            first.save(historyOf(1));
            QVERIFY(first.flush().ok());
            QVERIFY(QFile::exists(first.sessionPath()));
            first.closeCleanly();
            QVERIFY(!QFile::exists(first.sessionPath()));
        }
        RunHistoryStore next(dir.path());
        QVERIFY(next.open().ok());
        QVERIFY(next.orphans().empty());
    }

    // The newest snapshot wins; each write replaces the file whole.
    void newestSnapshotWins()
    {
        QTemporaryDir dir;
        RunHistoryStore store(dir.path());
        QVERIFY(store.open().ok());
        const Experiment one = historyOf(1), two = historyOf(2);
        store.save(one);
        store.save(two);
        QVERIFY(store.flush().ok());
        const Result<Experiment> onDisk = loadExperiment(store.sessionPath());
        QVERIFY(onDisk.ok());
        QCOMPARE(jsonText(*onDisk), jsonText(two));
    }

    void unwritableFolder()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        RunHistoryStore store(dir.filePath(QStringLiteral("file/autosave")));
        const Result<void> opened = store.open();
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().contains(QStringLiteral("file/autosave")), qPrintable(opened.error()));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == QLatin1String("--child"))
        return child(args[2], args[3].toInt());
    TestRunHistory test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_runhistory.moc"
