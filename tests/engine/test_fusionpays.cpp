// Issue 5, point 7: on the built-in demo's cold-start split, the fused hybrid ranks the held-out items
// better than the hybrid on text alone, on images alone, and than the models without content.
//
// The demo's ground truth makes this so: users pick items by category, colour and style; the text names
// the category and the style but never the colour, the image shows the category and the colour but not
// the style (see DemoGenerator.h). A held-out item has no interactions, so MF and popularity have nothing
// to rank it by, and a model that sees one modality misses half of what users choose by.
//
// Every run goes through prepareRun and the RecommenderRunTrainer, as `fusionlab-cli train demo --model …
// --split cold-items` does (the README's "Does fusion pay off?" table lists the commands). The split has
// no validation items, so each run trains its fixed number of epochs and is judged at the last one.

#include "tests/TestSupport.h"

#include "engine/fusion/FusionPipeline.h"
#include "engine/training/PrepareRun.h"
#include "engine/training/RecommenderRun.h"
#include "engine/training/RunTrainer.h"
#include "tests/engine/CliTestSupport.h"

#include <QDir>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace fl;

namespace {

constexpr std::uint64_t kSeed = 42;

struct ColdResult
{
    double ndcg = 0;
    double recall = 0;
    int coldItems = 0;
};

} // namespace

class FusionPaysTest : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const Dataset> m_demo;
    std::unique_ptr<FusionPipeline> m_pipeline;

    // Trains `kind` on the cold-items split with the given modalities fused by concatenation (all of
    // them when empty) and returns the cold-start test metrics at K = 10.
    ColdResult train(ModelKind kind, const QStringList &modalities = {})
    {
        RunConfig config;
        config.pipeline = defaultPipelineConfig(*m_demo);
        config.pipeline.op = FusionOp::Concat;
        for (ModalityConfig &m : config.pipeline.modalities)
            m.enabled = modalities.isEmpty() || modalities.contains(m.name);
        config.model.kind = kind;
        config.model.loss = LossKind::Bpr;
        config.model.split.kind = RecSplitKind::ColdItems;
        config.model.split.ratio = 0.2;
        config.model.split.validationRatio = 0.0;
        config.model.split.seed = kSeed;
        config.model.ks = {10};
        config.training.optimizer = OptimizerKind::Adam;
        config.training.learningRate = 0.01;
        config.training.l2 = 0.001;
        config.training.batchSize = 256;
        config.training.epochs = 20;
        config.training.seed = kSeed;

        Result<PreparedRun> prepared = prepareRun(*m_pipeline, config);
        if (!prepared) {
            QTest::qFail(qPrintable(prepared.error()), __FILE__, __LINE__);
            return {};
        }
        auto *trainer = dynamic_cast<RecommenderRunTrainer *>(prepared->trainer.get());
        if (!trainer) {
            QTest::qFail("prepareRun did not make a RecommenderRunTrainer", __FILE__, __LINE__);
            return {};
        }
        while (trainer->epoch() < trainer->plannedEpochs() && !trainer->wantsToStop() && !trainer->divergence())
            trainer->step();
        const RunSummary summary = trainer->summary(0.0, QStringLiteral("completed"));
        ColdResult result;
        result.ndcg = summary.metrics.value(QStringLiteral("cold_ndcg@10"), -1.0);
        result.recall = summary.metrics.value(QStringLiteral("cold_recall@10"), -1.0);
        result.coldItems = int(std::count(trainer->split().coldItem.begin(), trainer->split().coldItem.end(), true));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = test::loadDemo();
        QVERIFY(m_demo);
        m_pipeline = std::make_unique<FusionPipeline>(m_demo);
    }

    void fusedHybridBeatsEachModalityAloneAndNoContent()
    {
        const ColdResult fused = train(ModelKind::Hybrid);
        const ColdResult text = train(ModelKind::Hybrid, {QStringLiteral("text")});
        const ColdResult image = train(ModelKind::Hybrid, {QStringLiteral("image")});
        const ColdResult mf = train(ModelKind::Mf);
        const ColdResult popularity = train(ModelKind::Popularity);
        qInfo("cold ndcg@10 / recall@10, seed %d: fused %.4f / %.4f, text %.4f / %.4f, image %.4f / %.4f, "
              "mf %.4f / %.4f, popularity %.4f / %.4f",
              int(kSeed), fused.ndcg, fused.recall, text.ndcg, text.recall, image.ndcg, image.recall, mf.ndcg,
              mf.recall, popularity.ndcg, popularity.recall);

        // 20% of the demo items that have interactions are held out of training entirely.
        std::vector<bool> rated(size_t(m_demo->itemCount()), false);
        for (const int item : m_demo->interactionItem)
            rated[size_t(item)] = true;
        const int ratedItems = int(std::count(rated.begin(), rated.end(), true));
        QCOMPARE(fused.coldItems, int(std::lround(0.2 * ratedItems)));
        QVERIFY(fused.coldItems >= 100);
        for (const ColdResult *r : {&fused, &text, &image, &mf, &popularity}) {
            QVERIFY(r->ndcg >= 0.0 && r->ndcg <= 1.0);
            QVERIFY(r->recall >= 0.0 && r->recall <= 1.0);
        }

        // Without content every held-out item scores the same for a user: the order is arbitrary
        // (0.05–0.07 over seeds 1–5 and 42). Each content model is far above.
        QVERIFY2(mf.ndcg < 0.1 && popularity.ndcg < 0.1, qPrintable(QStringLiteral("%1 %2").arg(mf.ndcg).arg(popularity.ndcg)));
        QVERIFY2(text.ndcg > 0.15 && image.ndcg > 0.15, qPrintable(QStringLiteral("%1 %2").arg(text.ndcg).arg(image.ndcg)));

        // The point of the issue: fusion pays off. The fused model was 18–27% above the better single
        // modality over seeds 1–5, 10–30% over seeds 1–10, 15.5% at this seed; 8% leaves room for
        // floating-point differences between machines, not for a broken fusion.
        const double bestSingle = std::max(text.ndcg, image.ndcg);
        QVERIFY2(fused.ndcg > 1.08 * bestSingle,
                 qPrintable(QStringLiteral("fused %1, text %2, image %3").arg(fused.ndcg).arg(text.ndcg).arg(image.ndcg)));
        QVERIFY(fused.ndcg > mf.ndcg + 0.1);
        QVERIFY(fused.ndcg > popularity.ndcg + 0.1);
        QVERIFY(fused.recall > std::max({text.recall, image.recall, mf.recall, popularity.recall}));
    }

    // On real data (ml-latest-small, skipped when absent), with every default: on cold items the
    // content model fusing text, genres and year beats each of text and genres alone in each of seeds
    // 1–3 — the ordering that held in every seed of the README's comparison (fused 0.122–0.169, text
    // 0.079–0.095, genres 0.064–0.098 over seeds 1–5).
    void fusionPaysOnMovieLensColdItems()
    {
        const QString folder = QStringLiteral(FUSIONLAB_SHARED_DIR "/data/ml-latest-small");
        FUSIONLAB_SKIP_SLOW_UNDER_SANITIZER();
        if (!QDir(folder).exists())
            QSKIP("ml-latest-small is not available on this machine");
        auto coldNdcg = [&](int seed, const QString &modalities) {
            QStringList arguments{QStringLiteral("train"), folder, QStringLiteral("--model"), QStringLiteral("content"),
                                  QStringLiteral("--split"), QStringLiteral("cold-items"), QStringLiteral("--seed"),
                                  QString::number(seed), QStringLiteral("--json")};
            if (!modalities.isEmpty())
                arguments << QStringLiteral("--modalities") << modalities;
            const test::CliRun run = test::runCli(arguments);
            const QList<QJsonObject> lines = test::jsonLines(run.out);
            return run.exitCode == 0 && !lines.isEmpty() ? lines.back()[QStringLiteral("cold_ndcg@10")].toDouble(-1) : -1.0;
        };
        for (int seed = 1; seed <= 3; ++seed) {
            const double fused = coldNdcg(seed, QString());
            const double text = coldNdcg(seed, QStringLiteral("text"));
            const double genres = coldNdcg(seed, QStringLiteral("genres"));
            QVERIFY2(text > 0 && genres > 0 && fused > std::max(text, genres),
                     qPrintable(QStringLiteral("seed %1: fused %2, text %3, genres %4").arg(seed).arg(fused).arg(text).arg(genres)));
        }
    }
};

QTEST_GUILESS_MAIN(FusionPaysTest)
#include "test_fusionpays.moc"
