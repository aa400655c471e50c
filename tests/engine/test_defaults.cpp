// Each model's defaults are defined once (engine/models/ModelDefaults.h): the CLI given `--model KIND` and
// nothing else trains with exactly them, and with them every learned ranking model that tells users
// apart beats popularity on MovieLens (ml-latest-small, skipped when absent).

#include "engine/models/ModelDefaults.h"
#include "engine/models/RecommenderFactory.h"
#include "tests/TestSupport.h"
#include "tests/engine/CliTestSupport.h"

#include <QDir>
#include <QJsonObject>
#include <QTest>

using namespace fl;
using namespace fl::test;

namespace {

QJsonObject summaryOf(const QStringList &arguments)
{
    const CliRun run = runCli(arguments);
    if (run.exitCode != 0) {
        qWarning("%s", qPrintable(run.err));
        return {};
    }
    const QList<QJsonObject> lines = jsonLines(run.out);
    return lines.isEmpty() ? QJsonObject() : lines.back();
}

} // namespace

class DefaultsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theSeedKeepsItsLoop()
    {
        const ModelDefaults d = modelDefaults(ModelKind::Linear);
        QCOMPARE(d.optimizer, OptimizerKind::GradientDescent);
        QCOMPARE(d.learningRate, 0.01);
        QCOMPARE(d.epochs, 200);
        QCOMPARE(d.l2, 0.0);
        QCOMPARE(d.fusion, FusionOp::Sum);
        const TrainingConfig t = defaultTraining(d, 7);
        QCOMPARE(t.seed, std::uint64_t(7));
        QCOMPARE(t.optimizer, TrainingConfig{}.optimizer);
        QCOMPARE(t.batchSize, TrainingConfig{}.batchSize);
        // As a recommender it keeps the seed's features, F = αE₁ + βE₂, and ranks with Adam.
        const ModelDefaults ranking = modelDefaults(ModelKind::LinearRanking);
        QCOMPARE(ranking.fusion, FusionOp::Sum);
        QCOMPARE(ranking.optimizer, OptimizerKind::Adam);
        QCOMPARE(ranking.loss, LossKind::Squared);
    }

    void rankingModelsHaveTheirOwn()
    {
        for (ModelKind kind : {ModelKind::Mf, ModelKind::Hybrid, ModelKind::Content, ModelKind::Mlp}) {
            const ModelDefaults d = modelDefaults(kind);
            QCOMPARE(d.loss, LossKind::Bpr);
            QCOMPARE(d.optimizer, OptimizerKind::Adam);
            QCOMPARE(d.fusion, FusionOp::Concat);
            QCOMPARE(d.patience, 10);
        }
        QCOMPARE(modelDefaults(ModelKind::Mlp).batchSize, 256);
        QCOMPARE(modelDefaults(ModelKind::Svr).loss, LossKind::Squared);
        QCOMPARE(modelDefaults(ModelKind::Svr).learningRate, 0.003);
    }

    // `train demo --model KIND` with nothing else reports the settings it trained with: the engine's
    // defaults, for every model.
    void theCliTrainsWithTheDefaults()
    {
        for (ModelKind kind : QList<ModelKind>{ModelKind::Linear} + recommenderKinds()) {
            const ModelDefaults d = modelDefaults(kind);
            const QString name = modelKindName(kind);
            const QJsonObject s = summaryOf({QStringLiteral("train"), QStringLiteral("demo"), QStringLiteral("--model"), name,
                                             QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--json")});
            QVERIFY2(!s.isEmpty(), qPrintable(name));
            QCOMPARE(s[QStringLiteral("optimizer")].toString(), optimizerName(d.optimizer));
            QCOMPARE(s[QStringLiteral("lr")].toDouble(), d.learningRate);
            QCOMPARE(s[QStringLiteral("fusion")].toString(), fusionOpName(d.fusion));
            if (kind != ModelKind::Linear)
                QCOMPARE(s[QStringLiteral("loss")].toString(), d.loss == LossKind::Bpr ? QStringLiteral("bpr") : QStringLiteral("squared"));
        }
    }

    // With their defaults, the learned models that tell users apart beat popularity on the warm split
    // of real MovieLens data (seed 1; over seeds 1–3 see the README).
    void learnedModelsBeatPopularityOnMovieLens()
    {
        const QString folder = QStringLiteral(FUSIONLAB_SHARED_DIR "/data/ml-latest-small");
        FUSIONLAB_SKIP_SLOW_UNDER_SANITIZER();
        if (!QDir(folder).exists())
            QSKIP("ml-latest-small is not available on this machine");
        auto ndcg = [&](const QString &kind) {
            const QJsonObject s = summaryOf({QStringLiteral("train"), folder, QStringLiteral("--model"), kind, QStringLiteral("--split"),
                                             QStringLiteral("random"), QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--json")});
            return s[QStringLiteral("ndcg@10")].toDouble(-1);
        };
        const double popularity = ndcg(QStringLiteral("popularity"));
        QVERIFY(popularity > 0.1);
        for (const QString &kind : {QStringLiteral("mf"), QStringLiteral("hybrid"), QStringLiteral("content"), QStringLiteral("mlp"),
                                    QStringLiteral("svr")}) {
            const double value = ndcg(kind);
            QVERIFY2(value > popularity, qPrintable(QStringLiteral("%1: ndcg@10 %2, popularity %3").arg(kind).arg(value).arg(popularity)));
        }
    }
};

QTEST_GUILESS_MAIN(DefaultsTest)
#include "test_defaults.moc"
