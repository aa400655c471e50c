// FusionPipeline on the built-in demo: caching (moving a weight never re-embeds or re-reads rows),
// and the demo's promise that text-only, image-only and fused models measurably differ.

#include "engine/data/ManifestLoader.h"
#include "engine/fusion/FusionPipeline.h"

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

    void missingIndicatorMatrix()
    {
        // Three items, one missing: its row becomes zeros, and the flag column (1, 0, 0 for the
        // missing first item) is standardised: share 1/3, sd sqrt(2/9).
        ModalityMatrix m;
        m.values.resize(3, 2);
        m.values << 5, 6, 1, 2, -1, -2;
        m.missing = {true, false, false};
        const ModalityMatrix flagged = withMissingIndicator(m);
        QCOMPARE(flagged.width(), 3);
        QCOMPARE(flagged.values(0, 0), 0.0);
        QCOMPARE(flagged.values(0, 1), 0.0);
        QCOMPARE(flagged.values(1, 0), 1.0);
        QCOMPARE(flagged.values(2, 1), -2.0);
        const double sd = std::sqrt(2.0 / 9.0);
        QVERIFY(std::abs(flagged.values(0, 2) - (2.0 / 3.0) / sd) < 1e-12);
        QVERIFY(std::abs(flagged.values(1, 2) - (-1.0 / 3.0) / sd) < 1e-12);
        // Nothing missing: unchanged.
        m.missing = {false, false, false};
        QCOMPARE(withMissingIndicator(m).values, m.values);
    }

    void missingDataPolicies()
    {
        // Four items with a numeric modality; item "c" has no value. Ratings: a×3, b×2, c×4, d×1.
        auto data = std::make_shared<Dataset>();
        data->name = QStringLiteral("policies");
        data->itemIds = data->itemTitles = QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")};
        data->userIds = QStringList{QStringLiteral("u")};
        const std::vector<int> items{0, 0, 0, 1, 1, 2, 2, 2, 2, 3};
        data->interactionItem = items;
        data->interactionUser.assign(items.size(), 0);
        data->rating = Eigen::VectorXd::LinSpaced(Eigen::Index(items.size()), 1, 5);
        ModalitySource price;
        price.name = QStringLiteral("price");
        price.kind = ModalityKind::Numeric;
        price.values.resize(4, 1);
        price.values << 1, 2, 0, 4;
        price.missing = {false, false, true, false};
        data->modalities.push_back(price);

        FusionPipeline pipeline(data);
        PipelineConfig config = defaultPipelineConfig(*data);
        config.split.validationFraction = 0.2;

        auto rows = [&](MissingPolicy policy) {
            config.missing = policy;
            Result<std::shared_ptr<const TrainingProblem>> problem = pipeline.prepare(config);
            if (!problem)
                qFatal("%s", qPrintable(problem.error()));
            return *problem;
        };
        const auto mean = rows(MissingPolicy::MeanImpute);
        QCOMPARE(mean->trainRows->size() + mean->validationRows->size(), 10);
        QCOMPARE(mean->plan->width, 1);

        const auto flagged = rows(MissingPolicy::ZeroWithIndicator);
        QCOMPARE(flagged->plan->width, 2);
        QCOMPARE(flagged->trainRows->size() + flagged->validationRows->size(), 10);

        const auto leftOut = rows(MissingPolicy::LeaveOut);
        QCOMPARE(leftOut->trainRows->size() + leftOut->validationRows->size(), 6);
        for (const int item : leftOut->trainRows->items)
            QVERIFY(item != 2);
        for (const int item : leftOut->validationRows->items)
            QVERIFY(item != 2);
        const QStringList notes = describeProblem(*leftOut, 0).notes;
        QVERIFY2(notes.join(u'\n').contains(QStringLiteral("Left out 4 of 10 interactions, those of the 1 item(s)")),
                 qPrintable(notes.join(u'\n')));

        // Every rated item missing: a clear message rather than an empty fit.
        auto empty = std::make_shared<Dataset>(*data);
        empty->modalities[0].missing.assign(4, true);
        FusionPipeline none(empty);
        config.missing = MissingPolicy::LeaveOut;
        Result<std::shared_ptr<const TrainingProblem>> problem = none.prepare(config);
        QVERIFY(!problem);
        QVERIFY2(problem.error().contains(QStringLiteral("leaves no training interactions")), qPrintable(problem.error()));
    }

    void missingPolicyNames()
    {
        for (MissingPolicy policy : {MissingPolicy::MeanImpute, MissingPolicy::ZeroWithIndicator, MissingPolicy::LeaveOut})
            QCOMPARE(parseMissingPolicy(missingPolicyName(policy)), std::optional<MissingPolicy>(policy));
        QVERIFY(!parseMissingPolicy(QStringLiteral("median")));
    }
};

QTEST_GUILESS_MAIN(FusionPipelineTest)
#include "test_pipeline.moc"
