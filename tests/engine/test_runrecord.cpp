// Run records, the run driver and experiment files: parameters and curves survive JSON exactly, the
// driver's record equals the trainer's own epochs, its stop rules, the dataset identity and what it
// says changed, differing parameters, and an experiment saved by `train` re-run by `run` line for line.

#include "CliTestSupport.h"
#include "tests/TestSupport.h"

#include "engine/fusion/FusionPipeline.h"
#include "engine/training/Experiment.h"
#include "engine/training/PrepareRun.h"
#include "engine/training/RunDriver.h"
#include "engine/training/RunRecord.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace fl;

namespace {

RunConfig demoConfig(int epochs = 20)
{
    RunConfig config;
    config.pipeline = defaultPipelineConfig(*test::loadDemo());
    config.training.epochs = epochs;
    return config;
}

RunConfig unusualConfig()
{
    RunConfig c = demoConfig(37);
    c.pipeline.op = FusionOp::Concat;
    c.pipeline.commonWidth = 7;
    c.pipeline.missing = MissingPolicy::ZeroWithIndicator;
    c.pipeline.split = {0.31, 99};
    c.pipeline.modalities[0].weight = 1.25;
    c.pipeline.modalities[1].enabled = false;
    c.pipeline.modalities[0].text.width = 12;
    c.pipeline.modalities[0].text.tokenizer.removeStopWords = false;
    c.pipeline.modalities[0].text.tfidf.sublinearTf = true;
    c.pipeline.modalities[1].image.kind = ImageFeatureKind::Both;
    c.training = {0.0123, 37, OptimizerKind::Adam, 64, 0.002, 7};
    c.model.kind = ModelKind::Hybrid;
    c.model.loss = LossKind::Bpr;
    c.model.factors = 8;
    c.model.split.kind = RecSplitKind::ColdItems;
    c.model.split.ratio = 0.25;
    c.model.split.seed = 12345678901234567ULL;   // beyond 2⁵³: written as a string
    c.model.ks = {5, 50};
    c.model.useThreshold = true;
    c.model.threshold = 3.5;
    c.model.patience = 4;
    c.model.monitor = QStringLiteral("ndcg@5");
    return c;
}

QByteArray jsonText(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestRunRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(test::loadDemo()); }

    void configRoundTrip()
    {
        const RunConfig c = unusualConfig();
        const QJsonObject json = runConfigToJson(c);
        const Result<RunConfig> back = runConfigFromJson(json);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error()));
        QCOMPARE(jsonText(runConfigToJson(*back)), jsonText(json));
        QCOMPARE(back->model.split.seed, 12345678901234567ULL);
        QCOMPARE(back->pipeline.modalities[1].enabled, false);
        QCOMPARE(back->training.learningRate, 0.0123);
        QCOMPARE(back->model.threshold, 3.5);
        QVERIFY(json.value("model").toObject().value("split").toObject().value("seed").isString());
    }

    void configErrors_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("optimizer") << "training" << "optimizer" << QJsonValue("lbfgs") << "'config.training.optimizer' should be gd, sgd, momentum or adam, not \"lbfgs\"";
        QTest::newRow("epochs fraction") << "training" << "epochs" << QJsonValue(1.5) << "'config.training.epochs' should be a whole number";
        QTest::newRow("lr negative") << "training" << "lr" << QJsonValue(-1) << "'config.training.lr' should be a number from";
        QTest::newRow("model kind") << "model" << "kind" << QJsonValue("svm") << "'config.model.kind' should be linear or one of";
        QTest::newRow("fusion") << "pipeline" << "fusion" << QJsonValue("mean") << "'config.pipeline.fusion' should be sum, product or concat";
    }

    void configErrors()
    {
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QJsonObject json = runConfigToJson(demoConfig());
        QJsonObject part = json.value(section).toObject();
        part.insert(key, value);
        json.insert(section, part);
        const Result<RunConfig> back = runConfigFromJson(json);
        QVERIFY(!back.ok());
        QVERIFY2(back.error().contains(message), qPrintable(back.error()));
    }

    // The driver's record holds exactly the epochs the trainer produces on its own.
    void driverRecordsEveryEpoch()
    {
        FusionPipeline pipeline(test::loadDemo());
        const RunConfig config = demoConfig(25);
        const DatasetIdentity identity = identifyDataset(*test::loadDemo(), QStringLiteral("demo"));
        const RunRecord record = runOnce(pipeline, config, identity);
        QCOMPARE(record.status, QStringLiteral("completed"));
        QCOMPARE(int(record.epochs.size()), 25);

        Result<PreparedRun> prepared = prepareRun(pipeline, config);
        QVERIFY(prepared.ok());
        for (int e = 0; e < 25; ++e) {
            const EpochRecord r = prepared->trainer->step();
            QCOMPARE(record.epochs[size_t(e)].epoch, r.epoch);
            QCOMPARE(record.epochs[size_t(e)].trainLoss, r.trainLoss);          // bit for bit
            QCOMPARE(record.epochs[size_t(e)].validationLoss, r.validationLoss);
        }
        QCOMPARE(record.summary.epochs, 25);
        QCOMPARE(record.summary.trainLoss, record.epochs.back().trainLoss);
        QCOMPARE(record.dataset.hash, identity.hash);
        QVERIFY(std::isfinite(record.info.optimumTrainLoss));
        QCOMPARE(record.summaryValues().value("floor"), record.info.optimumTrainLoss);
        QVERIFY(record.started.isValid());
    }

    void driverStopRules()
    {
        FusionPipeline pipeline(test::loadDemo());
        const DatasetIdentity identity = identifyDataset(*test::loadDemo());

        RunConfig diverging = demoConfig(50);
        diverging.training.learningRate = 50;
        const RunRecord diverged = runOnce(pipeline, diverging, identity);
        QCOMPARE(diverged.status, QStringLiteral("diverged"));
        QVERIFY(diverged.message.contains(QStringLiteral("η")));
        QVERIFY(diverged.epochs.size() < 50);

        RunConfig ranking = demoConfig(200);
        ranking.model.kind = ModelKind::Mf;
        ranking.training.optimizer = OptimizerKind::Adam;
        ranking.training.learningRate = 0.05;
        ranking.model.patience = 2;
        const RunRecord early = runOnce(pipeline, ranking, identity);
        QCOMPARE(early.status, QStringLiteral("early stop"));
        QVERIFY(early.summary.bestEpoch > 0);
        QCOMPARE(early.metricEpochs.size(), early.epochs.size());
        QVERIFY(early.metricCurves.contains(QStringLiteral("ndcg@10")));
        QCOMPARE(early.metricCurves.value(QStringLiteral("ndcg@10")).size(), early.metricEpochs.size());
        // The summary's test metrics are the ones the Runs table shows.
        QCOMPARE(early.summaryValues().value("ndcg@10"), early.summary.metrics.value("ndcg@10"));

        int calls = 0;
        RunCallbacks cancelAfterThree;
        cancelAfterThree.cancelled = [&] { return ++calls > 3; };
        const RunRecord cancelled = runOnce(pipeline, demoConfig(100), identity, cancelAfterThree);
        QCOMPARE(cancelled.status, QStringLiteral("cancelled"));
        QCOMPARE(int(cancelled.epochs.size()), 3);

        RunConfig broken = demoConfig();
        for (ModalityConfig &m : broken.pipeline.modalities)
            m.enabled = false;
        const RunRecord failed = runOnce(pipeline, broken, identity);
        QCOMPARE(failed.status, QStringLiteral("failed"));
        QVERIFY(!failed.message.isEmpty());
    }

    // A very long run keeps a bounded curve: every epoch up to the cap, then every 2nd, 4th …
    void longCurvesAreThinned()
    {
        FusionPipeline pipeline(test::loadDemo());
        const int epochs = RunRecord::kMaxCurvePoints * 2 + 1000;
        const RunRecord record = runOnce(pipeline, demoConfig(epochs), identifyDataset(*test::loadDemo()));
        QCOMPARE(record.status, QStringLiteral("completed"));
        QVERIFY(record.epochs.size() < size_t(RunRecord::kMaxCurvePoints));
        QVERIFY(record.epochs.size() > size_t(RunRecord::kMaxCurvePoints / 4));
        const int stride = record.epochs[1].epoch - record.epochs[0].epoch;
        QVERIFY(stride >= 2);
        for (size_t i = 1; i < record.epochs.size(); ++i)
            QCOMPARE(record.epochs[i].epoch - record.epochs[i - 1].epoch, stride);
        QCOMPARE(record.summary.epochs, epochs);
    }

    void recordRoundTrip()
    {
        FusionPipeline pipeline(test::loadDemo());
        RunConfig ranking = demoConfig(4);
        ranking.model.kind = ModelKind::Hybrid;
        ranking.training.optimizer = OptimizerKind::Adam;
        RunRecord record = runOnce(pipeline, ranking, identifyDataset(*test::loadDemo(), QStringLiteral("demo"), QStringLiteral("demo")));
        record.name = QStringLiteral("hybrid, 4 epochs");
        record.starred = true;
        const Result<RunRecord> back = RunRecord::fromJson(record.toJson());
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error()));
        QCOMPARE(jsonText(back->toJson()), jsonText(record.toJson()));
        QCOMPARE(back->epochs.size(), record.epochs.size());
        for (size_t i = 0; i < record.epochs.size(); ++i)
            QCOMPARE(back->epochs[i].trainLoss, record.epochs[i].trainLoss);
        QCOMPARE(back->metricCurves, record.metricCurves);
        QCOMPARE(back->summary.metrics, record.summary.metrics);
        QCOMPARE(back->started, record.started);
        QCOMPARE(back->label(), QStringLiteral("hybrid, 4 epochs"));
        // A value that cannot be computed stays unknown (null in JSON), never 0.
        QVERIFY(std::isnan(back->summaryValues().value("floor")));
    }

    void datasetIdentity()
    {
        const Dataset &demo = *test::loadDemo();
        const DatasetIdentity a = identifyDataset(demo);
        QCOMPARE(identifyDataset(demo).hash, a.hash);
        QCOMPARE(a.interactions, 15000);
        QVERIFY(describeDatasetChanges(a, a).isEmpty());

        Dataset changed = demo;
        changed.rating[7] += 1;
        const DatasetIdentity b = identifyDataset(changed);
        QVERIFY(b.hash != a.hash);
        QCOMPARE(b.itemsHash, a.itemsHash);
        QCOMPARE(describeDatasetChanges(a, b),
                 QStringList{QStringLiteral("Interactions: the same number (15,000), but different content.")});

        Dataset fewer = demo;
        fewer.interactionUser.pop_back();
        fewer.interactionItem.pop_back();
        fewer.rating.conservativeResize(fewer.rating.size() - 1);
        if (!fewer.timestamp.empty())
            fewer.timestamp.pop_back();
        fewer.modalities[1].missing[3] = !fewer.modalities[1].missing[3];
        const QStringList changes = describeDatasetChanges(a, identifyDataset(fewer));
        QVERIFY2(changes.contains(QStringLiteral("Interactions: 15,000 then, 14,999 now.")), qPrintable(changes.join('\n')));
        QVERIFY2(changes.contains(QStringLiteral("Modality '%1' changed.").arg(demo.modalities[1].name)), qPrintable(changes.join('\n')));

        const DatasetIdentity back = DatasetIdentity::fromJson(a.toJson());
        QCOMPARE(back.hash, a.hash);
        QCOMPARE(back.modalityHashes, a.modalityHashes);
    }

    void differingParameters()
    {
        RunRecord a, b, c;
        a.config = b.config = c.config = demoConfig();
        b.config.pipeline.modalities[0].weight = 1.2;
        c.config.pipeline.modalities[1].enabled = false;
        const std::vector<ParameterColumn> columns = fl::differingParameters({&a, &b, &c});
        QStringList keys;
        for (const ParameterColumn &col : columns)
            keys << col.key;
        const QString text = test::loadDemo()->modalities[0].name, image = test::loadDemo()->modalities[1].name;
        QCOMPARE(keys, (QStringList{"modality:" + image, "weight:" + text, "weight:" + image}));
        QCOMPARE(columns[0].values, (QStringList{"on", "on", "off"}));
        QCOMPARE(columns[1].title, QStringLiteral("α (%1)").arg(text));
        QCOMPARE(columns[1].values, (QStringList{"0.5", "1.2", "0.5"}));
        QCOMPARE(columns[2].values, (QStringList{"0.5", "0.5", "—"}));
        QVERIFY(fl::differingParameters({&a, &a}).empty());
    }

    void experimentFiles()
    {
        QTemporaryDir dir;
        FusionPipeline pipeline(test::loadDemo());
        Experiment e;
        e.dataset = identifyDataset(*test::loadDemo(), QStringLiteral("demo"), QStringLiteral("demo"));
        e.config = unusualConfig();
        e.runs.push_back(runOnce(pipeline, demoConfig(6), e.dataset));
        e.notes = QStringLiteral("数据 — notes");
        const QString path = dir.filePath(QStringLiteral("e.json"));
        QVERIFY(saveExperiment(path, e).ok());
        const Result<Experiment> back = loadExperiment(path);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error()));
        QCOMPARE(jsonText(experimentToJson(*back)), jsonText(experimentToJson(e)));

        // A failed write names the path and leaves the previous file as it was.
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const Result<void> failed = saveExperiment(dir.filePath(QStringLiteral("file/e.json")), e);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(QStringLiteral("file/e.json")), qPrintable(failed.error()));

        QJsonObject newer = experimentToJson(e);
        newer.insert(QStringLiteral("version"), Experiment::kFormatVersion + 1);
        const Result<Experiment> refused = experimentFromJson(newer, path);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("newer FusionLab")), qPrintable(refused.error()));
        QVERIFY(!experimentFromJson(QJsonObject{{"format", "something else"}}).ok());

        QFile garbage(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("{\"format\": ");
        garbage.close();
        const Result<Experiment> bad = loadExperiment(garbage.fileName());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(QStringLiteral("bad.json")) && bad.error().contains(QStringLiteral("not valid JSON")),
                 qPrintable(bad.error()));
    }

    // `train --save-experiment` then `run FILE --json` prints the same per-epoch lines, bit for bit.
    void cliSavesAndReruns_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("regression") << QStringList{"--epochs", "30", "--alpha", "0.8"};
        QTest::newRow("sgd") << QStringList{"--epochs", "5", "--optimizer", "sgd", "--seed", "3"};
        QTest::newRow("hybrid") << QStringList{"--model", "hybrid", "--optimizer", "adam", "--epochs", "3", "--split", "cold-items"};
    }

    void cliSavesAndReruns()
    {
        QFETCH(QStringList, options);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run.json"));
        const test::CliRun train = test::runCli(QStringList{"train", "demo", "--json", "--save-experiment", file} + options);
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
        const test::CliRun rerun = test::runCli({"run", file, "--json"});
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
        QVERIFY2(rerun.err.isEmpty(), qPrintable(rerun.err));   // same data: no warning
        auto epochLines = [](const QByteArray &out) {
            QList<QByteArray> lines;
            for (const QByteArray &line : out.split('\n')) {
                if (line.contains("\"event\":\"epoch\""))
                    lines << line;
            }
            return lines;
        };
        QVERIFY(!epochLines(train.out).isEmpty());
        QCOMPARE(epochLines(rerun.out), epochLines(train.out));

        const Result<Experiment> saved = loadExperiment(file);
        QVERIFY(saved.ok());
        QCOMPARE(saved->runs.size(), size_t(1));
        QCOMPARE(int(saved->runs[0].epochs.size()), int(epochLines(train.out).size()));
    }

    void cliWarnsWhenTheDataChanged()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("demo"));
        QCOMPARE(test::runCli({"export-demo", data}).exitCode, 0);
        const QString file = dir.filePath(QStringLiteral("e.json"));
        QCOMPARE(test::runCli({"train", data, "--epochs", "3", "--save-experiment", file}).exitCode, 0);
        QFile ratings(data + QStringLiteral("/ratings.csv"));
        QVERIFY(ratings.open(QIODevice::ReadOnly));
        QByteArray csv = ratings.readAll();
        ratings.close();
        csv.truncate(csv.lastIndexOf('\n', csv.size() - 2) + 1);   // one rating fewer
        QVERIFY(test::writeFile(ratings.fileName(), csv));
        const test::CliRun rerun = test::runCli({"run", file, "--json"});
        QCOMPARE(rerun.exitCode, 0);
        QVERIFY2(rerun.err.contains(QStringLiteral("is not the data the experiment was saved with"))
                     && rerun.err.contains(QStringLiteral("Interactions: 15,000 then, 14,999 now.")),
                 qPrintable(rerun.err));
    }
};

QTEST_GUILESS_MAIN(TestRunRecord)
#include "test_runrecord.moc"
