// FusionPipeline on the built-in demo: caching (moving a weight never re-embeds or re-reads rows),
// and the demo's promise that text-only, image-only and fused models measurably differ.

#include "engine/FusionPipeline.h"
#include "engine/ManifestLoader.h"

#include <QTest>

using namespace fl;

class FusionPipelineTest : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const Dataset> m_demo;

    double optimumValidationLoss(FusionPipeline &pipeline, const QStringList &enabled, FusionOp op = FusionOp::Sum)
    {
        PipelineConfig config = defaultPipelineConfig(pipeline.dataset());
        config.op = op;
        for (ModalityConfig &m : config.modalities)
            m.enabled = enabled.contains(m.name);
        Result<std::shared_ptr<const TrainingProblem>> problem = pipeline.prepare(config);
        if (!problem)
            qFatal("%s", qPrintable(problem.error()));
        return describeProblem(**problem, 0.0).optimumValidationLoss;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<Dataset> demo = loadDataset(QStringLiteral("demo"));
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error()));
        m_demo = std::make_shared<const Dataset>(std::move(demo).value());
    }

    void embeddingsAreCached()
    {
        FusionPipeline pipeline(m_demo);
        PipelineConfig config = defaultPipelineConfig(*m_demo);
        auto first = pipeline.embedding(config.modalities[0]);
        auto second = pipeline.embedding(config.modalities[0]);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->get(), second->get());
        config.modalities[0].text.width = 16;
        auto narrower = pipeline.embedding(config.modalities[0]);
        QVERIFY(narrower.ok());
        QVERIFY(narrower->get() != first->get());
        QCOMPARE((*narrower)->width(), 16);
        // Standardised: every column has mean 0 and unit variance over the items.
        const Eigen::MatrixXd &v = (*first)->values;
        QVERIFY(v.colwise().mean().cwiseAbs().maxCoeff() < 1e-9);
        QVERIFY(((v.array().square().colwise().mean()) - 1.0).abs().maxCoeff() < 1e-9);
    }

    void movingAWeightReusesThePlan()
    {
        FusionPipeline pipeline(m_demo);
        PipelineConfig config = defaultPipelineConfig(*m_demo);
        auto a = pipeline.prepare(config);
        config.modalities[1].weight = 0.9;
        auto b = pipeline.prepare(config);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE((*a)->plan.get(), (*b)->plan.get());
        QCOMPARE((*a)->trainRows.get(), (*b)->trainRows.get());
        QVERIFY((*a)->train.gram != (*b)->train.gram);
        // The statistics for the new weights equal those of the explicit fused matrix.
        const Eigen::MatrixXd f = (*b)->plan->fuse((*b)->weights);
        Eigen::MatrixXd x(f.rows(), f.cols() + 1);
        x << f, Eigen::VectorXd::Ones(f.rows());
        Eigen::VectorXd counts = Eigen::VectorXd::Zero(f.rows());
        for (int item : (*b)->trainRows->items)
            counts(item) += 1;
        const Eigen::MatrixXd gram = x.transpose() * counts.asDiagonal() * x;
        QVERIFY(((*b)->train.gram - gram).cwiseAbs().maxCoeff() < 1e-8 * gram.cwiseAbs().maxCoeff());
        QCOMPARE((*b)->trainRows->size() + (*b)->validationRows->size(), m_demo->interactionCount());
    }

    void fusionMeasurablyHelpsOnTheDemo()
    {
        FusionPipeline pipeline(m_demo);
        const double textOnly = optimumValidationLoss(pipeline, {QStringLiteral("text")});
        const double imageOnly = optimumValidationLoss(pipeline, {QStringLiteral("image")});
        const double textImage = optimumValidationLoss(pipeline, {QStringLiteral("text"), QStringLiteral("image")}, FusionOp::Concat);
        const double all = optimumValidationLoss(pipeline, {QStringLiteral("text"), QStringLiteral("image"), QStringLiteral("price")},
                                                 FusionOp::Concat);
        qInfo("best validation loss: text %.4f, image %.4f, text+image %.4f, all three %.4f", textOnly, imageOnly, textImage, all);
        // Each modality alone misses what only the other carries (style in the text, colour in the
        // pixels): fusing them lowers the best reachable validation loss by a clear margin.
        QVERIFY(textImage < 0.95 * textOnly);
        QVERIFY(textImage < 0.95 * imageOnly);
        QVERIFY(std::abs(textOnly - imageOnly) > 0.02 * std::min(textOnly, imageOnly));
        QVERIFY(all <= textImage * 1.01);
    }

    void errors()
    {
        FusionPipeline pipeline(m_demo);
        PipelineConfig config = defaultPipelineConfig(*m_demo);
        for (ModalityConfig &m : config.modalities)
            m.enabled = false;
        QVERIFY(!pipeline.prepare(config).ok());
        ModalityConfig unknown;
        unknown.name = QStringLiteral("sound");
        auto e = pipeline.embedding(unknown);
        QVERIFY(!e.ok());
        QVERIFY(e.error().contains(QStringLiteral("sound")));
    }
};

QTEST_GUILESS_MAIN(FusionPipelineTest)
#include "test_pipeline.moc"
