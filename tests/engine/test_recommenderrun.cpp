// A recommendation model's run (RecommenderRunTrainer): the BPR validation loss on fixed held-out pairs
// checked by hand, the summary's training loss taken at the kept epoch, a run that early stopping
// ended going on when asked to, items missing a modality left out of every part of the split, RMSE and
// MAE only for models that predict ratings, and NaN with a note for the metrics of an empty part.

#include "engine/fusion/FusionPipeline.h"
#include "engine/models/RecommenderFactory.h"
#include "engine/training/PrepareRun.h"
#include "engine/training/RecommenderRun.h"
#include "engine/training/RunTrainer.h"

#include "tests/engine/RecTestSupport.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace fl;
using fl::test::addInteraction;

namespace {

// Users 0..users−1 over `items` items; user u has items u..u+4 (mod items) in train, u+5 in validation
// and u+6 in test, by the dataset's own split.
std::shared_ptr<Dataset> ringDataset(int users, int items)
{
    auto d = std::make_shared<Dataset>(test::emptyDataset(users, items, QStringLiteral("ring")));
    for (int u = 0; u < users; ++u) {
        for (int k = 0; k < 5; ++k)
            addInteraction(*d, u, (u + k) % items, 1, 0);
        addInteraction(*d, u, (u + 5) % items, 1, 1);
        addInteraction(*d, u, (u + 6) % items, 1, 2);
    }
    return d;
}

struct Run
{
    std::shared_ptr<Dataset> dataset;
    std::shared_ptr<const SplitIndices> split;
    std::unique_ptr<RecommenderRunTrainer> trainer;
};

// The run, or one without a trainer (and the failure recorded) when the split or the model cannot be made.
Run makeRun(std::shared_ptr<Dataset> dataset, LossKind loss, int patience)
{
    RunConfig config;
    config.model.kind = ModelKind::Mf;
    config.model.loss = loss;
    config.model.split.kind = RecSplitKind::File;
    config.model.patience = patience;
    config.model.factors = 4;
    config.training.optimizer = OptimizerKind::Adam;
    config.training.learningRate = 0.05;
    config.training.l2 = 1e-4;
    config.training.epochs = 50;
    Result<SplitIndices> split = splitInteractions(*dataset, config.model.split);
    if (!split.ok()) {
        QTest::qFail(qPrintable(split.error()), __FILE__, __LINE__);
        return {};
    }
    auto shared = std::make_shared<const SplitIndices>(std::move(split).value());
    RecommenderTraining training;
    training.loss = loss;
    training.factors = config.model.factors;
    training.optimizer = config.training.optimizer;
    training.learningRate = config.training.learningRate;
    training.l2 = config.training.l2;
    Result<std::unique_ptr<Recommender>> model = makeRecommender(config.model.kind, *dataset, *shared, nullptr, training);
    if (!model.ok()) {
        QTest::qFail(qPrintable(model.error()), __FILE__, __LINE__);
        return {};
    }
    Run run{dataset, shared, nullptr};
    run.trainer = std::make_unique<RecommenderRunTrainer>(dataset, shared, std::move(model).value(), config);
    return run;
}

} // namespace

class RecommenderRunTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // With 8 items, user u has 7 of them: the only negative a validation pair can get is item u+7, so
    // the loss is −ln σ(x̂(u, u+5) − x̂(u, u+7)) averaged over the users, at every epoch.
    void bprValidationLossOnFixedPairs()
    {
        Run run = makeRun(ringDataset(8, 8), LossKind::Bpr, 0);
        QVERIFY(run.trainer);
        for (int epoch = 1; epoch <= 3; ++epoch) {
            const EpochRecord record = run.trainer->step();
            const std::unique_ptr<Recommender> model = run.trainer->snapshot().model->clone();
            double expected = 0;
            for (int u = 0; u < 8; ++u) {
                const double x = model->predict(u, (u + 5) % 8) - model->predict(u, (u + 7) % 8);
                expected += -std::log(1.0 / (1.0 + std::exp(-x)));
            }
            expected /= 8;
            QVERIFY(std::isfinite(record.validationLoss));
            QVERIFY2(std::abs(record.validationLoss - expected) < 1e-9,
                     qPrintable(QStringLiteral("%1 vs %2").arg(record.validationLoss).arg(expected)));
        }
    }

    // The summary describes the kept (best) epoch, so its training loss is that epoch's.
    void summaryTrainLossIsTheKeptEpochs()
    {
        Run run = makeRun(ringDataset(30, 40), LossKind::Squared, 0);
        QVERIFY(run.trainer);
        std::vector<double> losses;
        for (int epoch = 0; epoch < 12; ++epoch)
            losses.push_back(run.trainer->step().trainLoss);
        const int best = run.trainer->bestEpoch();
        QVERIFY(best >= 1 && best <= 12);
        const RunSummary summary = run.trainer->summary(1.0, QStringLiteral("completed"));
        QCOMPARE(summary.bestEpoch, best);
        QCOMPARE(summary.trainLoss, losses[size_t(best - 1)]);
        QVERIFY(std::isfinite(summary.validationLoss));
    }

    // Early stopping ends a run; stepping it again trains on with a fresh patience rather than
    // stopping after one epoch.
    void goesOnAfterEarlyStopping()
    {
        Run run = makeRun(ringDataset(30, 40), LossKind::Bpr, 2);
        QVERIFY(run.trainer);
        int epochs = 0;
        while (!run.trainer->wantsToStop() && epochs < 500) {
            run.trainer->step();
            ++epochs;
        }
        QVERIFY(run.trainer->wantsToStop());
        QCOMPARE(run.trainer->epoch(), epochs);
        run.trainer->step();
        QVERIFY(!run.trainer->wantsToStop());   // one epoch without improvement is within patience 2
        QCOMPARE(run.trainer->epoch(), epochs + 1);
    }

    // "Leave out" drops the interactions of items missing a fused modality from train, validation and
    // test alike — for a model without content too, so that every model is judged on the same ones.
    void leaveOutDropsItemsMissingAModality_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("mf") << int(ModelKind::Mf);
        QTest::newRow("hybrid") << int(ModelKind::Hybrid);
    }

    void leaveOutDropsItemsMissingAModality()
    {
        QFETCH(int, kind);
        std::shared_ptr<Dataset> dataset = ringDataset(30, 40);
        ModalitySource price;
        price.name = QStringLiteral("price");
        price.kind = ModalityKind::Numeric;
        price.values.resize(40, 1);
        price.missing.assign(40, false);
        for (int i = 0; i < 40; ++i)
            price.values(i, 0) = 10 + i;
        for (int i = 0; i < 4; ++i) {
            price.missing[size_t(i)] = true;
            price.values(i, 0) = std::numeric_limits<double>::quiet_NaN();
        }
        dataset->modalities.push_back(price);
        FusionPipeline pipeline(dataset);
        RunConfig config;
        config.pipeline = defaultPipelineConfig(*dataset);
        config.pipeline.missing = MissingPolicy::LeaveOut;
        config.model.kind = ModelKind(kind);
        config.model.split.kind = RecSplitKind::Random;
        config.training.optimizer = OptimizerKind::Adam;
        Result<PreparedRun> prepared = prepareRun(pipeline, config);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error()));
        const auto *run = dynamic_cast<const RecommenderRunTrainer *>(prepared->trainer.get());
        QVERIFY(run);
        const SplitIndices &split = run->split();
        size_t kept = 0;
        for (const std::vector<int> *part : {&split.train, &split.validation, &split.test}) {
            for (const int index : *part)
                QVERIFY(dataset->interactionItem[size_t(index)] >= 4);
            kept += part->size();
        }
        size_t expected = 0;
        for (const int item : dataset->interactionItem)
            expected += item >= 4 ? 1 : 0;
        QCOMPARE(kept, expected);
        QVERIFY(prepared->info.notes.join(QLatin1Char(' ')).contains(QStringLiteral("Leaving out 4 items")));
    }

    // RMSE and MAE mean something only for a model that predicts ratings: a number for MF fitted to
    // ratings, NaN (null) with a note for popularity, random and a factor model trained by BPR.
    void ratingErrorsOnlyForRatingPredictors_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("bpr");
        QTest::addColumn<bool>("predicts");
        QTest::addColumn<QString>("why");
        QTest::newRow("popularity") << int(ModelKind::Popularity) << false << false << QStringLiteral("Popularity ranks items and does not predict ratings");
        QTest::newRow("random") << int(ModelKind::Random) << false << false << QStringLiteral("Random ranks items and does not predict ratings");
        QTest::newRow("mf squared") << int(ModelKind::Mf) << false << true << QString();
        QTest::newRow("mf bpr") << int(ModelKind::Mf) << true << false << QStringLiteral("trained with BPR");
    }

    void ratingErrorsOnlyForRatingPredictors()
    {
        QFETCH(int, kind);
        QFETCH(bool, bpr);
        QFETCH(bool, predicts);
        QFETCH(QString, why);
        FusionPipeline pipeline(ringDataset(30, 40));
        RunConfig config;
        config.model.kind = ModelKind(kind);
        config.model.loss = bpr ? LossKind::Bpr : LossKind::Squared;
        config.model.split.kind = RecSplitKind::File;
        config.model.factors = 4;
        config.training.optimizer = OptimizerKind::Adam;
        config.training.epochs = 3;
        Result<PreparedRun> prepared = prepareRun(pipeline, config);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error()));
        RunTrainer &trainer = *prepared->trainer;
        for (int epoch = 0; epoch < trainer.plannedEpochs(); ++epoch)
            trainer.step();
        const RunSummary summary = trainer.summary(1.0, QStringLiteral("completed"));
        const QString notes = prepared->info.notes.join(QLatin1Char('\n'));
        QVERIFY(std::isfinite(summary.metrics.value(QStringLiteral("ndcg@10"), std::nan(""))));
        if (predicts) {
            QVERIFY(std::isfinite(summary.rmse) && std::isfinite(summary.mae));
            QVERIFY2(!notes.contains(QStringLiteral("RMSE")), qPrintable(notes));
        } else {
            QVERIFY2(std::isnan(summary.rmse) && std::isnan(summary.mae), qPrintable(QString::number(summary.mae)));
            QVERIFY2(notes.contains(QStringLiteral("RMSE and MAE are not reported")) && notes.contains(why), qPrintable(notes));
        }
    }

    // Without a test part there is nothing to rank: every test metric is NaN, and the notes say why; an
    // empty validation part is noted too (no early stopping).
    void emptyPartsAreNaNWithANote()
    {
        FusionPipeline pipeline(ringDataset(30, 40));
        RunConfig config;
        config.model.kind = ModelKind::Popularity;
        config.model.split.kind = RecSplitKind::Random;
        config.model.split.ratio = 0;
        config.model.split.validationRatio = 0;
        Result<PreparedRun> prepared = prepareRun(pipeline, config);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error()));
        prepared->trainer->step();
        const RunSummary summary = prepared->trainer->summary(1.0, QStringLiteral("completed"));
        QCOMPARE(summary.metrics.size(), 10);   // five metrics at K = 10 and 20
        for (auto it = summary.metrics.cbegin(); it != summary.metrics.cend(); ++it)
            QVERIFY2(std::isnan(it.value()), qPrintable(it.key()));
        const QString notes = prepared->info.notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QStringLiteral("The test part is empty")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("The validation part is empty")), qPrintable(notes));
    }
};

QTEST_GUILESS_MAIN(RecommenderRunTest)
#include "test_recommenderrun.moc"
