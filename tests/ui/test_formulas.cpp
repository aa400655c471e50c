// The Formulas dock and the modality letters: formulas written without combining characters (a hat
// drawn by Qt on the wrong glyph turned the loss into ½(rᵤᵢ − rᵤᵢ)²), the text embedding written as the
// article's E = W·Vᵀ with the loaded data's shapes, every letter and Eₖ staying with its modality when
// another one is switched off (the panel, the Fusion dock and the engine's formula), and the term the
// user changed last highlighted.

#include "engine/data/DatasetImport.h"
#include "engine/embedding/TextEmbedder.h"
#include "engine/fusion/Fusion.h"
#include "engine/fusion/FusionPipeline.h"
#include "ui/FormulaPanel.h"
#include "ui/ModalitiesPanel.h"

#include <QCheckBox>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace fl;

namespace {

bool hasCombiningMark(const QString &text)
{
    for (const QChar c : text) {
        const auto category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining || category == QChar::Mark_Enclosing)
            return true;
    }
    return false;
}

int modalityIndex(const PipelineConfig &config, const QString &name)
{
    for (size_t k = 0; k < config.modalities.size(); ++k) {
        if (config.modalities[k].name == name)
            return int(k);
    }
    return -1;
}

} // namespace

class TestFormulas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noCombiningCharacters_data();
    void noCombiningCharacters();
    void engineFormulaKeepsTheLetters();
    void panelKeepsTheLetters();
    void fusionDockKeepsTheLetters();
    void textEmbeddingWithItsShapes();
    void changedTermIsHighlighted();

private:
    std::shared_ptr<const Dataset> m_demo;
};

void TestFormulas::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
    Result<Dataset> demo = importDataset(QStringLiteral("demo"));
    QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error()));
    m_demo = std::make_shared<const Dataset>(std::move(demo).value());
    QCOMPARE(int(m_demo->modalities.size()), 3);   // text, image, price
}

void TestFormulas::noCombiningCharacters_data()
{
    QTest::addColumn<int>("model");
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<int>("loss");
    QTest::newRow("regression") << int(ModelKind::Linear) << int(OptimizerKind::GradientDescent) << int(LossKind::Squared);
    QTest::newRow("mf sgd") << int(ModelKind::Mf) << int(OptimizerKind::MiniBatchSgd) << int(LossKind::Squared);
    QTest::newRow("mf adam bpr") << int(ModelKind::Mf) << int(OptimizerKind::Adam) << int(LossKind::Bpr);
    QTest::newRow("hybrid momentum") << int(ModelKind::Hybrid) << int(OptimizerKind::Momentum) << int(LossKind::Squared);
    QTest::newRow("content adam") << int(ModelKind::Content) << int(OptimizerKind::Adam) << int(LossKind::Squared);
}

void TestFormulas::noCombiningCharacters()
{
    QFETCH(int, model);
    QFETCH(int, optimizer);
    QFETCH(int, loss);
    RunConfig config;
    config.pipeline = defaultPipelineConfig(*m_demo);
    config.model.kind = ModelKind(model);
    config.model.loss = LossKind(loss);
    config.training.optimizer = OptimizerKind(optimizer);
    FormulaPanel panel;
    panel.setConfig(config);
    const QString text = panel.text();
    QVERIFY2(!hasCombiningMark(text), qPrintable(text));
    if (ModelKind(model) != ModelKind::Linear) {
        // The prediction keeps its hat (precomposed ŷ), and the loss compares it with the rating.
        QVERIFY2(text.contains(QStringLiteral("ŷ<sub>ui</sub>")), qPrintable(text));
        if (LossKind(loss) == LossKind::Squared)
            QVERIFY2(text.contains(QStringLiteral("½(ŷ<sub>ui</sub> − r<sub>ui</sub>)²")), qPrintable(text));
    }
    if (OptimizerKind(optimizer) == OptimizerKind::Adam) {
        // Adam's bias-corrected moments written out rather than as m̂ and v̂.
        QVERIFY2(text.contains(QStringLiteral("m / (1 − β<sub>1</sub><sup>t</sup>)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("√(v / (1 − β<sub>2</sub><sup>t</sup>))")), qPrintable(text));
    }
    QVERIFY(text.contains(QStringLiteral("<b>Update</b>: ")));
}

void TestFormulas::engineFormulaKeepsTheLetters()
{
    QCOMPARE(fusionOpFormula(FusionOp::Sum, std::vector<int>{0, 2}), QStringLiteral("F = α·E₁ + γ·E₃"));
    QCOMPARE(fusionOpFormula(FusionOp::Sum, std::vector<int>{1}), QStringLiteral("F = β·E₂"));
    QCOMPARE(fusionOpFormula(FusionOp::Concat, std::vector<int>{1, 2}), QStringLiteral("F = [β·E₂, γ·E₃]"));
    // The count form is the indices 0 … n−1.
    QCOMPARE(fusionOpFormula(FusionOp::Sum, 2), QStringLiteral("F = α·E₁ + β·E₂"));

    // Through the pipeline: the image switched off, price keeps γ and E₃.
    FusionPipeline pipeline(m_demo);
    PipelineConfig config = defaultPipelineConfig(*m_demo);
    config.modalities[size_t(modalityIndex(config, QStringLiteral("image")))].enabled = false;
    Result<std::shared_ptr<const TrainingProblem>> problem = pipeline.prepare(config);
    QVERIFY2(problem.ok(), qPrintable(problem.ok() ? QString() : problem.error()));
    const ProblemInfo info = describeProblem(**problem, 0.0);
    const int text = modalityIndex(config, QStringLiteral("text"));
    const int price = modalityIndex(config, QStringLiteral("price"));
    QCOMPARE(info.formula, fusionOpFormula(FusionOp::Sum, std::vector<int>{text, price}));
    QVERIFY2(info.formula.contains(fusionWeightSymbol(price)), qPrintable(info.formula));
    QCOMPARE(int(info.sources.size()), 2);
    QCOMPARE(info.sources[0].index, text);
    QCOMPARE(info.sources[1].index, price);
}

void TestFormulas::panelKeepsTheLetters()
{
    RunConfig config;
    config.pipeline = defaultPipelineConfig(*m_demo);
    const int text = modalityIndex(config.pipeline, QStringLiteral("text"));
    const int image = modalityIndex(config.pipeline, QStringLiteral("image"));
    const int price = modalityIndex(config.pipeline, QStringLiteral("price"));
    QCOMPARE(text, 0);
    FormulaPanel panel;
    panel.setConfig(config);
    QVERIFY2(panel.text().contains(QStringLiteral("F = αE<sub>1</sub> + βE<sub>2</sub> + γE<sub>3</sub>")), qPrintable(panel.text()));

    config.pipeline.modalities[size_t(image)].enabled = false;
    panel.setConfig(config);
    const QString after = panel.text();
    QVERIFY2(after.contains(QStringLiteral("F = αE<sub>1</sub> + γE<sub>3</sub>")), qPrintable(after));
    QVERIFY2(after.contains(QStringLiteral("E<sub>1</sub> = text (α)")), qPrintable(after));
    QVERIFY2(after.contains(QStringLiteral("E<sub>3</sub> = price (γ)")), qPrintable(after));
    QVERIFY2(!after.contains(QStringLiteral("E<sub>2</sub> = price")), qPrintable(after));
    Q_UNUSED(price);
}

void TestFormulas::fusionDockKeepsTheLetters()
{
    ModalitiesPanel panel;
    const PipelineConfig config = defaultPipelineConfig(*m_demo);
    panel.setDataset(*m_demo, config);
    const int image = modalityIndex(config, QStringLiteral("image"));
    const int price = modalityIndex(config, QStringLiteral("price"));
    auto symbolOf = [&panel](int modality) {
        // The letter's label sits in the row of the modality's slider.
        const QWidget *slider = panel.weightSlider(modality);
        for (QLabel *label : panel.findChildren<QLabel *>()) {
            if (label->geometry().isValid() && label->text().endsWith(QStringLiteral(" =")) && label->parentWidget() == slider->parentWidget()
                && std::abs(label->geometry().center().y() - slider->geometry().center().y()) <= 6)
                return label->text();
        }
        return QString();
    };
    panel.resize(400, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(symbolOf(price), QStringLiteral("γ ="));
    panel.enabledBox(image)->setChecked(false);
    QVERIFY(!panel.config().modalities[size_t(image)].enabled);
    QTest::qWait(20);
    QCOMPARE(symbolOf(0), QStringLiteral("α ="));
    QCOMPARE(symbolOf(price), QStringLiteral("γ ="));
    bool shown = false;
    for (QLabel *label : panel.findChildren<QLabel *>())
        shown = shown || label->text().startsWith(QStringLiteral("F = α·E₁ + γ·E₃"));
    QVERIFY(shown);
}

void TestFormulas::textEmbeddingWithItsShapes()
{
    FusionPipeline pipeline(m_demo);
    RunConfig config;
    config.pipeline = defaultPipelineConfig(*m_demo);
    Result<std::shared_ptr<const TrainingProblem>> problem = pipeline.prepare(config.pipeline);
    QVERIFY2(problem.ok(), qPrintable(problem.ok() ? QString() : problem.error()));
    const ProblemInfo info = describeProblem(**problem, 0.0);

    // The text matrix embedded on its own: its rows and width, and W's vocabulary from its description.
    const ModalityConfig &textConfig = config.pipeline.modalities[0];
    Result<std::shared_ptr<const ModalityMatrix>> e = pipeline.embedding(textConfig);
    QVERIFY(e.ok());
    const ModalityMatrix &text = **e;
    const QRegularExpressionMatch terms = QRegularExpression(QStringLiteral("TF-IDF over ([0-9,]+) terms")).match(text.description);
    QVERIFY2(terms.hasMatch(), qPrintable(text.description));
    const int vocabulary = terms.captured(1).remove(QLatin1Char(',')).toInt();
    QVERIFY(vocabulary > text.width());
    // W's rows: the items with text (not marked missing, not blank).
    int withText = 0;
    const ModalitySource *source = m_demo->modality(QStringLiteral("text"));
    QVERIFY(source);
    for (qsizetype i = 0; i < source->texts.size(); ++i) {
        const bool missing = !source->missing.empty() && source->missing[size_t(i)];
        withText += !missing && !source->texts[i].trimmed().isEmpty() ? 1 : 0;
    }

    FormulaPanel panel;
    panel.setConfig(config);
    panel.setProblem(info);
    const QString shown = panel.text();
    const QString expected = QStringLiteral("E<sub>1</sub> = W·V<sup>T</sup> &nbsp;(%1×%2) = (%3×%4)·(%4×%2)")
                                 .arg(m_demo->itemCount()).arg(text.width()).arg(withText).arg(vocabulary);
    QVERIFY2(shown.contains(expected), qPrintable(shown + QStringLiteral("\nexpected: ") + expected));
    QCOMPARE(text.rows(), m_demo->itemCount());
}

void TestFormulas::changedTermIsHighlighted()
{
    RunConfig config;
    config.pipeline = defaultPipelineConfig(*m_demo);
    FormulaPanel panel;
    panel.setConfig(config);
    QVERIFY(panel.changedTerm().isEmpty());
    QVERIFY(!panel.text().contains(QStringLiteral("background-color")));

    config.pipeline.modalities[1].weight = 0.7;
    panel.setConfig(config);
    QCOMPARE(panel.changedTerm(), QStringLiteral("weight:image"));
    const QString highlight = panel.palette().color(QPalette::Highlight).name();
    const QString weight = QStringLiteral("<span style=\"background-color:%1; color:%2\">&nbsp;<b>0.7</b>·E<sub>2</sub>&nbsp;</span>")
                               .arg(highlight, panel.palette().color(QPalette::HighlightedText).name());
    QVERIFY2(panel.text().contains(weight), qPrintable(panel.text()));
    QCOMPARE(panel.text().count(QStringLiteral("background-color")), 1);

    config.training.learningRate = 0.05;
    panel.setConfig(config);
    QCOMPARE(panel.changedTerm(), QStringLiteral("eta"));
    QVERIFY2(panel.text().contains(QStringLiteral("\">&nbsp;η = <b>0.05</b>&nbsp;</span>")), qPrintable(panel.text()));
    QCOMPARE(panel.text().count(QStringLiteral("background-color")), 1);
}

QTEST_MAIN(TestFormulas)
#include "test_formulas.moc"
