// Modality ablation: the subsets for one, two and three modalities, the rows' statistics by hand, the
// default metric, runs that equal single runs with the same subset and seed, and cancellation.

#include "tests/TestSupport.h"

#include "engine/training/Ablation.h"
#include "engine/training/Landscape.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace fl;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

AblationRun run(int subset, std::uint64_t seed, double value)
{
    AblationRun r;
    r.subset = subset;
    r.seed = seed;
    r.value = value;
    return r;
}

} // namespace

class AblationTest : public QObject
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

    void subsetsOfOneModality()
    {
        const std::vector<AblationSubset> s = ablationSubsets({QStringLiteral("text")});
        QCOMPARE(int(s.size()), 1);
        QCOMPARE(s[0].modalities, QStringList{QStringLiteral("text")});
        QCOMPARE(s[0].kind, QStringLiteral("all"));
        QCOMPARE(s[0].label, QStringLiteral("all"));
        QVERIFY(ablationSubsets({}).empty());
    }

    void subsetsOfTwoModalities()
    {
        // "all but text" is "image alone", and "all but image" is "text alone": each appears once.
        const std::vector<AblationSubset> s = ablationSubsets({QStringLiteral("text"), QStringLiteral("image")});
        QCOMPARE(int(s.size()), 3);
        QCOMPARE(s[0].modalities, QStringList{QStringLiteral("text")});
        QCOMPARE(s[0].label, QStringLiteral("text alone"));
        QCOMPARE(s[1].modalities, QStringList{QStringLiteral("image")});
        QCOMPARE(s[1].kind, QStringLiteral("alone"));
        QCOMPARE(s[2].modalities, (QStringList{QStringLiteral("text"), QStringLiteral("image")}));
        QCOMPARE(s[2].kind, QStringLiteral("all"));
    }

    void subsetsOfThreeModalities()
    {
        const QStringList all{QStringLiteral("text"), QStringLiteral("image"), QStringLiteral("price")};
        const std::vector<AblationSubset> s = ablationSubsets(all);
        QCOMPARE(int(s.size()), 7);
        const QList<QStringList> expected{{QStringLiteral("text")},
                                          {QStringLiteral("image")},
                                          {QStringLiteral("price")},
                                          {QStringLiteral("image"), QStringLiteral("price")},
                                          {QStringLiteral("text"), QStringLiteral("price")},
                                          {QStringLiteral("text"), QStringLiteral("image")},
                                          all};
        const QStringList labels{QStringLiteral("text alone"), QStringLiteral("image alone"), QStringLiteral("price alone"),
                                 QStringLiteral("all but text"), QStringLiteral("all but image"),
                                 QStringLiteral("all but price"), QStringLiteral("all")};
        const QStringList kinds{QStringLiteral("alone"), QStringLiteral("alone"), QStringLiteral("alone"),
                                QStringLiteral("all-but"), QStringLiteral("all-but"), QStringLiteral("all-but"),
                                QStringLiteral("all")};
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(s[size_t(i)].modalities, expected[i]);
            QCOMPARE(s[size_t(i)].label, labels[i]);
            QCOMPARE(s[size_t(i)].kind, kinds[i]);
        }
    }

    void rowsByHand()
    {
        Ablation a;
        a.metric = QStringLiteral("val_loss");
        a.subsets = ablationSubsets({QStringLiteral("text"), QStringLiteral("image")});
        a.runs = {run(0, 2, 1.0), run(2, 1, 0.5), run(0, 1, 3.0), run(1, 1, kNaN), run(2, 2, 0.75), run(1, 2, 2.0),
                  run(0, 3, 2.0)};
        const std::vector<AblationRow> rows = a.rows();
        QCOMPARE(int(rows.size()), 3);
        // text alone: seeds 1, 2, 3 → 3, 1, 2
        QCOMPARE(rows[0].values, (std::vector<double>{3.0, 1.0, 2.0}));
        QCOMPARE(rows[0].mean, 2.0);
        QCOMPARE(rows[0].min, 1.0);
        QCOMPARE(rows[0].max, 3.0);
        QCOMPARE(rows[0].deltaToAll, 2.0 - 0.625);
        // image alone: the NaN run is dropped
        QCOMPARE(rows[1].values, std::vector<double>{2.0});
        QCOMPARE(rows[1].mean, 2.0);
        QCOMPARE(rows[1].deltaToAll, 2.0 - 0.625);
        QCOMPARE(rows[2].mean, 0.625);
        QCOMPARE(rows[2].min, 0.5);
        QCOMPARE(rows[2].max, 0.75);
        QCOMPARE(rows[2].deltaToAll, 0.0);

        const QList<QByteArray> lines = a.toCsv().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], QByteArray("subset,modalities,val_loss_mean,val_loss_min,val_loss_max,delta_to_all,n"));
        QCOMPARE(lines[1], QByteArray("text alone,text,2,1,3,1.375,3"));
        QCOMPARE(lines[3], QByteArray("all,text+image,0.625,0.5,0.75,0,2"));

        // Without a value for "all" the deltas are unknown.
        a.runs = {run(0, 1, 1.0)};
        const std::vector<AblationRow> partial = a.rows();
        QCOMPARE(partial[0].mean, 1.0);
        QVERIFY(std::isnan(partial[0].deltaToAll));
        QVERIFY(std::isnan(partial[2].mean));
        QVERIFY(partial[2].values.empty());
    }

    // One run's config: only the subset's modalities on, the seed in all three places a train run
    // takes it from, everything else as in the base.
    void runConfigOfASubset()
    {
        RunConfig base;
        base.pipeline.modalities = {ModalityConfig{}, ModalityConfig{}, ModalityConfig{}};
        base.pipeline.modalities[0].name = QStringLiteral("text");
        base.pipeline.modalities[1].name = QStringLiteral("image");
        base.pipeline.modalities[2].name = QStringLiteral("price");
        for (ModalityConfig &m : base.pipeline.modalities)
            m.enabled = true;
        base.training.learningRate = 0.05;
        base.training.seed = 1;
        base.pipeline.split.seed = 2;
        base.model.split.seed = 3;
        const RunConfig config = ablationRunConfig(base, {QStringLiteral("price"), QStringLiteral("text")}, 9);
        QCOMPARE(config.pipeline.modalities[0].enabled, true);
        QCOMPARE(config.pipeline.modalities[1].enabled, false);
        QCOMPARE(config.pipeline.modalities[2].enabled, true);
        QCOMPARE(config.training.seed, std::uint64_t(9));
        QCOMPARE(config.pipeline.split.seed, std::uint64_t(9));
        QCOMPARE(config.model.split.seed, std::uint64_t(9));
        QCOMPARE(config.training.learningRate, 0.05);
        QCOMPARE(config.pipeline.modalities[2].name, QStringLiteral("price"));
    }

    void defaultMetric()
    {
        RunConfig config;
        QCOMPARE(defaultRunMetric(config), QStringLiteral("val_loss"));
        config.model.kind = ModelKind::Hybrid;
        config.model.monitor = QStringLiteral("ndcg@20");
        QCOMPARE(defaultRunMetric(config), QStringLiteral("ndcg@20"));
        config.model.split.kind = RecSplitKind::ColdItems;
        QCOMPARE(defaultRunMetric(config), QStringLiteral("cold_ndcg@20"));
        config.model.kind = ModelKind::LinearRanking;
        QCOMPARE(defaultRunMetric(config), QStringLiteral("cold_ndcg@20"));
    }

    void regressionRunsEqualSingleRuns()
    {
        AblationRequest request;
        request.config.pipeline = defaultPipelineConfig(*m_demo);
        request.config.training.epochs = 15;
        request.config.training.learningRate = 0.05;
        request.seeds = 2;
        request.firstSeed = 5;
        FusionPipeline pipeline(m_demo);
        int reported = 0;
        Result<Ablation> ablation = runAblation(pipeline, request, m_identity, 2, [&reported](const AblationRun &) { ++reported; });
        QVERIFY2(ablation.ok(), qPrintable(ablation.ok() ? QString() : ablation.error()));
        QCOMPARE(ablation->metric, QStringLiteral("val_loss"));
        QVERIFY(!ablation->higherIsBetter);
        QCOMPARE(int(ablation->subsets.size()), 7);
        QCOMPARE(ablation->planned, 14);
        QCOMPARE(int(ablation->runs.size()), 14);
        QCOMPARE(reported, 14);

        FusionPipeline separate(m_demo);
        std::map<std::pair<int, std::uint64_t>, double> expected;
        for (int s = 0; s < 7; ++s) {
            for (std::uint64_t seed : {5u, 6u}) {
                const RunRecord record = runOnce(separate, ablationRunConfig(request.config, ablation->subsets[size_t(s)].modalities, seed), m_identity);
                QCOMPARE(record.status, QStringLiteral("completed"));
                expected[{s, seed}] = record.summaryValues().value(QStringLiteral("val_loss"));
            }
        }
        for (const AblationRun &r : ablation->runs) {
            QCOMPARE(r.value, (expected[{r.subset, r.seed}]));
            QCOMPARE(r.record.info.modalityNames, ablation->subsets[size_t(r.subset)].modalities);
        }
        // Another seed is another split: the values differ.
        QVERIFY((expected[{6, 5}] != expected[{6, 6}]));

        const std::vector<AblationRow> rows = ablation->rows();
        for (int s = 0; s < 7; ++s) {
            const double a = expected[{s, 5}], b = expected[{s, 6}];
            QCOMPARE(rows[size_t(s)].values, (std::vector<double>{a, b}));
            QCOMPARE(rows[size_t(s)].mean, (a + b) / 2);
            QCOMPARE(rows[size_t(s)].min, std::min(a, b));
            QCOMPARE(rows[size_t(s)].max, std::max(a, b));
            const double all = (expected[{6, 5}] + expected[{6, 6}]) / 2;
            QCOMPARE(rows[size_t(s)].deltaToAll, (a + b) / 2 - all);
        }
    }

    void rankingRunsEqualSingleRuns()
    {
        AblationRequest request;
        request.config.pipeline = defaultPipelineConfig(*m_demo);
        request.config.pipeline.modality(QStringLiteral("price"))->enabled = false;
        request.config.model.kind = ModelKind::Hybrid;
        request.config.model.factors = 8;
        request.config.model.validationUsers = 200;
        request.config.training.optimizer = OptimizerKind::Adam;
        request.config.training.epochs = 2;
        request.seeds = 2;
        FusionPipeline pipeline(m_demo);
        Result<Ablation> ablation = runAblation(pipeline, request, m_identity, 2);
        QVERIFY2(ablation.ok(), qPrintable(ablation.ok() ? QString() : ablation.error()));
        QCOMPARE(ablation->metric, QStringLiteral("ndcg@10"));
        QVERIFY(ablation->higherIsBetter);
        QCOMPARE(int(ablation->runs.size()), 3 * 2);
        FusionPipeline separate(m_demo);
        for (const AblationRun &r : ablation->runs) {
            const RunRecord record = runOnce(separate, ablationRunConfig(request.config, ablation->subsets[size_t(r.subset)].modalities, r.seed), m_identity);
            QVERIFY(std::isfinite(r.value));
            QCOMPARE(r.value, record.summaryValues().value(QStringLiteral("ndcg@10")));
        }
    }

    void refusalsAndCancellation()
    {
        AblationRequest request;
        request.config.pipeline = defaultPipelineConfig(*m_demo);
        for (ModalityConfig &m : request.config.pipeline.modalities)
            m.enabled = false;
        FusionPipeline pipeline(m_demo);
        QVERIFY(!runAblation(pipeline, request, m_identity, 1).ok());
        request.config.pipeline = defaultPipelineConfig(*m_demo);
        request.seeds = 0;
        QVERIFY(!runAblation(pipeline, request, m_identity, 1).ok());

        request.seeds = 1;
        request.metric = QStringLiteral("ndcg@10");   // the regression has none
        QVERIFY(runAblation(pipeline, request, m_identity, 1).error().contains(QLatin1String("ndcg@10")));
        request.metric.clear();

        request.seeds = 3;
        request.config.training.epochs = 5;
        std::atomic<bool> cancel{false};
        Result<Ablation> stopped = runAblation(pipeline, request, m_identity, 1, [&cancel](const AblationRun &) { cancel = true; }, &cancel);
        QVERIFY(stopped.ok());
        QCOMPARE(stopped->planned, 21);
        QCOMPARE(int(stopped->runs.size()), 1);
    }
};

QTEST_GUILESS_MAIN(AblationTest)
#include "test_ablation.moc"
