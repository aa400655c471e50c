// Learned fusion weights in the window: the Fusion dock's check box edits the configuration and is
// off (with the reason) where the weights cannot be learned; the learned values of a real run show as
// markers on the sliders at their own values and under the formula, and in the Formulas dock; the
// support-vector regression's tube share is live there too.

#include "engine/data/DatasetImport.h"
#include "engine/training/PrepareRun.h"
#include "engine/training/RunTrainer.h"
#include "ui/FormulaPanel.h"
#include "ui/ModalitiesPanel.h"
#include "ui/WeightSlider.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <numeric>

using namespace fl;

namespace {

bool anyLabelContains(const QWidget &widget, const QString &text)
{
    for (const QLabel *label : widget.findChildren<QLabel *>()) {
        if (label->text().contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestLearnedWeights : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        Result<Dataset> demo = importDataset(QStringLiteral("demo"));
        QVERIFY2(demo, qPrintable(demo ? QString() : demo.error()));
        m_demo = std::make_shared<const Dataset>(std::move(*demo));
    }

    void checkBoxEditsTheConfiguration()
    {
        ModalitiesPanel panel;
        panel.setDataset(*m_demo, defaultPipelineConfig(*m_demo));
        QSignalSpy edited(&panel, &ModalitiesPanel::configEdited);
        QVERIFY(panel.learnBox()->isEnabled());
        QVERIFY(!panel.learnBox()->isChecked());
        panel.learnBox()->setChecked(true);
        QCOMPARE(edited.count(), 1);
        QVERIFY(edited.last().at(0).value<PipelineConfig>().learnWeights);
        QVERIFY(panel.config().learnWeights);

        // The product has no mix to learn; a model that cannot learn them says so.
        panel.operatorBox()->setCurrentIndex(panel.operatorBox()->findData(int(FusionOp::Product)));
        QVERIFY(!panel.learnBox()->isEnabled());
        QVERIFY(panel.learnBox()->toolTip().contains(QStringLiteral("product")));
        panel.operatorBox()->setCurrentIndex(panel.operatorBox()->findData(int(FusionOp::Concat)));
        QVERIFY(panel.learnBox()->isEnabled());
        panel.setLearningAvailable(false, QStringLiteral("not this model"));
        QVERIFY(!panel.learnBox()->isEnabled());
        QCOMPARE(panel.learnBox()->toolTip(), QStringLiteral("not this model"));
        panel.setLearningAvailable(true);
        QVERIFY(panel.learnBox()->isEnabled());
    }

    // A real run of the regression with learned weights: its last epoch's weights go to the dock, each
    // marker at its own value, in the enabled modalities' order (a switched-off one has none).
    void markersFollowARealRun()
    {
        PipelineConfig pipeline = defaultPipelineConfig(*m_demo);
        pipeline.learnWeights = true;
        pipeline.modalities[1].enabled = false;   // image off: the learned weights are text's and price's
        RunConfig config;
        config.pipeline = pipeline;
        config.training.optimizer = OptimizerKind::Adam;
        config.training.learningRate = 0.05;
        config.training.epochs = 20;
        FusionPipeline fusion(m_demo);
        Result<PreparedRun> run = prepareRun(fusion, config);
        QVERIFY2(run, qPrintable(run ? QString() : run.error()));
        EpochRecord last;
        for (int epoch = 0; epoch < config.training.epochs; ++epoch)
            last = run->trainer->step();
        QCOMPARE(last.fusionWeights.size(), size_t(2));
        QVERIFY(std::abs(last.fusionWeights[0] + last.fusionWeights[1] - 1.0) < 1e-9);   // 0.5 + 0.5 kept
        QVERIFY(std::abs(last.fusionWeights[0] - 0.5) > 1e-3);

        ModalitiesPanel panel;
        panel.setDataset(*m_demo, pipeline);
        panel.resize(420, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setLearnedWeights(last.fusionWeights);
        auto *text = static_cast<WeightSlider *>(panel.weightSlider(0));
        auto *image = static_cast<WeightSlider *>(panel.weightSlider(1));
        auto *price = static_cast<WeightSlider *>(panel.weightSlider(2));
        const int steps = ModalitiesPanel::sliderSteps;
        QCOMPARE(text->marker(), std::optional<int>(int(std::lround(last.fusionWeights[0] / ModalitiesPanel::maxWeight * steps))));
        QCOMPARE(image->marker(), std::nullopt);
        QCOMPARE(price->marker(), std::optional<int>(int(std::lround(last.fusionWeights[1] / ModalitiesPanel::maxWeight * steps))));
        // Drawn where the handle would stand at that value: inside the slider, ordered like the values.
        QVERIFY(text->markerX().has_value() && *text->markerX() > 0 && *text->markerX() < text->width());
        QCOMPARE(last.fusionWeights[0] < last.fusionWeights[1], *text->markerX() < *price->markerX());
        QVERIFY(anyLabelContains(panel, QStringLiteral("learned: α = %1").arg(last.fusionWeights[0], 0, 'f', 2)));
        QVERIFY(anyLabelContains(panel, QStringLiteral("γ = %1").arg(last.fusionWeights[1], 0, 'f', 2)));
        // The slider's handle stays at the chosen weight.
        QCOMPARE(text->value(), steps / 4);

        FormulaPanel formulas;
        formulas.setConfig(config);
        formulas.setEpoch(last);
        const QString shown = formulas.text();
        QVERIFY2(shown.contains(QStringLiteral("Learned weights")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("γ = <b>%1</b>").arg(QString::number(last.fusionWeights[1], 'g', 3))), qPrintable(shown));

        // A new run clears the markers.
        panel.setLearnedWeights({});
        QCOMPARE(text->marker(), std::nullopt);
        QVERIFY(!anyLabelContains(panel, QStringLiteral("learned:")));
    }

    void svrTubeShareIsLive()
    {
        RunConfig config;
        config.pipeline = defaultPipelineConfig(*m_demo);
        config.model.kind = ModelKind::Svr;
        config.training.optimizer = OptimizerKind::Adam;
        config.training.learningRate = 0.003;
        config.training.epochs = 3;
        FusionPipeline fusion(m_demo);
        Result<PreparedRun> run = prepareRun(fusion, config);
        QVERIFY2(run, qPrintable(run ? QString() : run.error()));
        const EpochRecord record = run->trainer->step();
        QVERIFY(record.insideTube >= 0 && record.insideTube <= 1);
        FormulaPanel formulas;
        formulas.setConfig(config);
        formulas.setEpoch(record);
        const QString shown = formulas.text();
        QVERIFY2(shown.contains(QStringLiteral("inside the tube: <b>%1%</b>").arg(100.0 * record.insideTube, 0, 'f', 1)), qPrintable(shown));
    }

private:
    std::shared_ptr<const Dataset> m_demo;
};

QTEST_MAIN(TestLearnedWeights)
#include "test_learnedweights.moc"
