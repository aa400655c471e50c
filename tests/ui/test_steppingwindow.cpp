// Steps explained, in the window (offscreen, on the demo): the status line before anything ran, the
// first Step drawing its point, Step back dropping it and restoring the weights exactly, the sentence
// under the chart (and why a loss rose), the weights chart against an independent trainer, the
// playback speed reaching the session and the settings, and the speed shown after a run.

#include "engine/fusion/FusionPipeline.h"
#include "ui/AppSettings.h"
#include "ui/ExperimentController.h"
#include "ui/LossChartView.h"
#include "ui/MainWindow.h"
#include "ui/StepExplanation.h"
#include "ui/TrainingPanel.h"
#include "ui/WeightsChart.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace fl;

namespace {

// Pixels of the loss chart's train colour (Okabe–Ito blue 0,114,178), give or take antialiasing.
int trainColouredPixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - 0) < 40 && std::abs(c.green() - 114) < 40 && std::abs(c.blue() - 178) < 40)
                ++count;
        }
    }
    return count;
}

StepReport forwardReport()
{
    StepReport r;
    r.epoch = 12;
    r.learningRate = 0.05;
    r.lossBefore = 0.5342;
    r.lossAfter = 0.5127;
    r.gradientNorm = 0.8732;
    r.stepLength = 0.05 * 0.8732;
    r.maxStableLearningRate = 1.25;
    r.objectiveBefore = r.lossBefore;
    r.objectiveAfter = r.lossAfter;
    r.updates = 1;
    r.historyDepth = 12;
    return r;
}

} // namespace

class SteppingWindowTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;

    TrainingSession *session() { return m_window->controller()->session(); }

    void openDemo()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 800);
        m_window->show();
        m_window->openDataset(QStringLiteral("demo"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->dataset() != nullptr, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session()->state(), TrainingSession::State::Paused, 20000);
    }

    void step(int expectedEpochs)
    {
        m_window->stepAction()->trigger();
        QTRY_COMPARE(m_window->chart()->currentEpochCount(), expectedEpochs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppSettings::clear();
    }

    void init()
    {
        AppSettings::clear();
        openDemo();
    }
    void cleanup() { m_window.reset(); }

    void statusBeforeAnyRunIsNotPaused()
    {
        QCOMPARE(m_window->chart()->currentEpochCount(), 0);
        // The window hears the session's state by a queued signal: wait for it to arrive.
        QTRY_VERIFY2(m_window->statusText().startsWith(QStringLiteral("Ready — press Train or Step")), qPrintable(m_window->statusText()));
        QVERIFY2(!m_window->statusText().contains(QStringLiteral("Paused")), qPrintable(m_window->statusText()));
        QCOMPARE(m_window->stepExplanation()->text(), StepExplanation::prompt());
        step(1);
        QTRY_VERIFY(m_window->statusText().startsWith(QStringLiteral("Paused")));
        // A single Step has no speed to show (it read "0 epochs/s").
        QVERIFY2(!m_window->statusText().contains(QStringLiteral("epochs/s")), qPrintable(m_window->statusText()));
    }

    void firstStepDrawsAPoint()
    {
        QWidget *plot = m_window->chart()->plotWidget();
        QTest::qWait(100);
        QCOMPARE(trainColouredPixels(plot->grab().toImage()), 0);
        step(1);
        // One epoch is one point: a line needs two, so it takes a dot to see it.
        QTRY_VERIFY2(trainColouredPixels(plot->grab().toImage()) > 20, "the first Step drew nothing");
    }

    void stepBackDropsThePointAndRestoresTheWeights()
    {
        QVERIFY(!m_window->stepBackAction()->isEnabled());   // nothing to undo yet
        step(1);
        step(2);
        QTRY_COMPARE(m_window->weightsChart()->snapshot().epoch, 2);
        const std::vector<double> atTwo = m_window->weightsChart()->snapshot().weights;
        step(3);
        QTRY_COMPARE(m_window->weightsChart()->snapshot().epoch, 3);
        QVERIFY(m_window->weightsChart()->snapshot().weights != atTwo);
        QTRY_VERIFY(m_window->stepBackAction()->isEnabled());

        m_window->stepBackAction()->trigger();
        QTRY_COMPARE(m_window->chart()->currentEpochCount(), 2);
        QCOMPARE(m_window->chart()->currentEpochs().back().epoch, 2);
        QTRY_COMPARE(m_window->weightsChart()->snapshot().epoch, 2);
        QVERIFY(m_window->weightsChart()->snapshot().weights == atTwo);   // bit for bit
        QTRY_VERIFY(m_window->stepExplanation()->text().startsWith(QStringLiteral("Stepped back from epoch 3 to epoch 2")));
        QVERIFY(m_window->statusText().contains(QStringLiteral("epoch 2")));
        QCOMPARE(session()->state(), TrainingSession::State::Paused);

        // Back to the start, then forward: epoch 1 again.
        m_window->stepBackAction()->trigger();
        m_window->stepBackAction()->trigger();
        QTRY_COMPARE(m_window->chart()->currentEpochCount(), 0);
        QTRY_VERIFY(!m_window->stepBackAction()->isEnabled());
        step(1);
        QCOMPARE(m_window->chart()->currentEpochs().front().epoch, 1);
    }

    void stepBackIsOnTheLeftKeyAndInTheRunMenu()
    {
        QCOMPARE(m_window->stepBackAction()->shortcut(), QKeySequence(Qt::Key_Left));
        QCOMPARE(m_window->stepAction()->shortcut(), QKeySequence(Qt::Key_Right));
        bool inMenu = false;
        for (QAction *menu : m_window->menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(m_window->stepBackAction()))
                inMenu = true;
        }
        QVERIFY(inMenu);
    }

    void weightsChartShowsTheEnginesWeights()
    {
        for (int k = 1; k <= 4; ++k)
            step(k);
        QTRY_COMPARE(m_window->weightsChart()->snapshot().epoch, 4);
        const ParameterSnapshot shown = m_window->weightsChart()->snapshot();

        // The same run, trained here by a trainer of our own.
        const RunConfig config = m_window->controller()->config();
        FusionPipeline pipeline(m_window->controller()->dataset());
        Result<std::shared_ptr<const TrainingProblem>> problem = pipeline.prepare(config.pipeline);
        QVERIFY(problem);
        LinearRegressionTrainer trainer(*problem, config.training);
        for (int k = 0; k < 4; ++k)
            trainer.step();
        const Eigen::VectorXd w = trainer.parameters();
        const Eigen::VectorXd g = (*problem)->train.gradient(w, config.training.l2);
        QCOMPARE(int(shown.weights.size()), int(w.size()));
        for (Eigen::Index i = 0; i < w.size(); ++i) {
            QVERIFY(std::abs(shown.weights[size_t(i)] - w(i)) <= 1e-12 * std::max(1.0, std::abs(w(i))));
            QVERIFY(std::abs(shown.gradient[size_t(i)] - g(i)) <= 1e-9 * std::max(1.0, std::abs(g(i))));
        }
        // Bars are drawn to scale: heights proportional to the weights, the largest feature weight's
        // the tallest, positive ones above the zero line and negative ones below it. The bias (last)
        // does not set the scale: beyond it, its bar ends at the band's edge.
        WeightsChart *chart = m_window->weightsChart();
        const Eigen::Index features = w.size() - 1;
        Eigen::Index largest = 0;
        w.head(features).cwiseAbs().maxCoeff(&largest);
        const QRectF top = chart->barRect(int(largest), false);
        QVERIFY(top.height() > 0);
        QVERIFY(chart->weightScale() >= std::abs(w(largest)) && chart->weightScale() < 5 * std::abs(w(largest)));
        const double zero = w(largest) > 0 ? top.bottom() : top.top();
        for (Eigen::Index i = 0; i < features; ++i) {
            const QRectF bar = chart->barRect(int(i), false);
            QVERIFY(std::abs(bar.height() / top.height() - std::abs(w(i)) / std::abs(w(largest))) < 1e-9);
            QVERIFY(std::abs((w(i) >= 0 ? bar.bottom() : bar.top()) - zero) < 1e-9);
        }
        const double biasShare = std::min(1.0, std::abs(w(features)) / chart->weightScale());
        QVERIFY(std::abs(chart->barRect(int(features), false).height() / top.height()
                         - biasShare / (std::abs(w(largest)) / chart->weightScale())) < 1e-9);
        QVERIFY(chart->describe(int(features)).contains(QStringLiteral("bias")));
    }

    void sentenceSaysWhatTheStepDid()
    {
        step(1);
        QTRY_VERIFY(m_window->stepExplanation()->text().startsWith(QStringLiteral("Epoch 1:")));
        const QString text = m_window->stepExplanation()->text();
        QVERIFY2(text.contains(QStringLiteral("fell from")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("η‖∇L‖")), qPrintable(text));
    }

    void sentenceNamesTheCauseOfARise()
    {
        // η = 1.2 × 2/λ_max: η·λ_max = 2.4. The stable directions settle first; then the steepest one
        // takes over and every step raises the loss, until the run diverges.
        double stable = 0;
        QObject receiver;
        connect(session(), &TrainingSession::stepExplained, &receiver,
                [&stable](int, const StepReport &r) { stable = r.maxStableLearningRate; }, Qt::QueuedConnection);
        step(1);
        QTRY_VERIFY(stable > 0);
        TrainingConfig training = m_window->controller()->config().training;
        training.learningRate = 1.2 * stable;
        m_window->controller()->setTrainingConfig(training);
        bool rose = false;
        for (int k = 2; k <= 80 && !rose; ++k) {
            m_window->stepAction()->trigger();
            QTRY_VERIFY(m_window->stepExplanation()->text().startsWith(QStringLiteral("Epoch %1:").arg(k))
                        || session()->state() == TrainingSession::State::Failed);
            rose = m_window->stepExplanation()->text().contains(QStringLiteral("rose"));
        }
        const QString text = m_window->stepExplanation()->text();
        QVERIFY2(rose, qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("η·λ_max = 2.4 > 2")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("overshoots the minimum along the steepest direction")), qPrintable(text));
    }

    void explanationWording()
    {
        StepReport r = forwardReport();
        QCOMPARE(StepExplanation::describe(r),
                 QStringLiteral("Epoch 12: the training loss fell from 0.5342 to 0.5127 (−0.0215). ‖∇L‖ = 0.8732, "
                                "so the step W ← W − η∇L was η‖∇L‖ = 0.05 × 0.8732 = 0.04366 long."));
        // Falling while η·λ_max > 2: a warning of what comes.
        r.maxStableLearningRate = 0.04;
        QVERIFY(StepExplanation::describe(r).contains(QStringLiteral("Careful: η·λ_max = 2.5 > 2")));
        // Rising with L2 at a stable η: the penalty's doing.
        r = forwardReport();
        r.lossAfter = 0.54;
        r.l2 = 0.1;
        r.objectiveBefore = 0.6;
        r.objectiveAfter = 0.59;
        QVERIFY(StepExplanation::describe(r).contains(QStringLiteral("L2 penalty")));
        // Mini-batches: the actual change, and noise as the reason for a rise.
        r = forwardReport();
        r.optimizer = OptimizerKind::MiniBatchSgd;
        r.updates = 47;
        r.batchSize = 256;
        r.stepLength = 0.0123;
        r.lossAfter = 0.54;
        const QString sgd = StepExplanation::describe(r);
        QVERIFY2(sgd.contains(QStringLiteral("‖ΔW‖ = 0.0123")), qPrintable(sgd));
        QVERIFY2(sgd.contains(QStringLiteral("47 times")), qPrintable(sgd));
        QVERIFY2(sgd.contains(QStringLiteral("noisy")), qPrintable(sgd));
        // At the floor, a change in the last digit is rounding, not a rise.
        r = forwardReport();
        r.lossAfter = r.lossBefore * (1 + 1e-15);
        QVERIFY(StepExplanation::describe(r).contains(QStringLiteral("below rounding")));
        // The way back.
        StepReport back;
        back.kind = StepReport::Kind::Back;
        back.fromEpoch = 1;
        back.epoch = 0;
        back.lossBefore = 6.9;
        back.lossAfter = 7.2;
        QVERIFY(StepExplanation::describe(back).contains(QStringLiteral("to the start (W = 0")));
        QVERIFY(StepExplanation::describe(back).contains(QStringLiteral("training loss 6.9 → 7.2")));
        QVERIFY(StepExplanation::describe(back).contains(QStringLiteral("where the run began")));
        back.fromEpoch = 1201;
        back.epoch = 1200;
        QVERIFY(StepExplanation::describe(back).contains(QStringLiteral("Step back stops here")));
    }

    void playbackSpeedReachesTheSessionAndIsRemembered()
    {
        QCOMPARE(session()->playbackSpeed(), 0.0);   // full speed by default
        QComboBox *speed = m_window->trainingPanel()->speedBox();
        QCOMPARE(speed->currentData().toDouble(), 0.0);
        speed->setCurrentIndex(speed->findData(5.0));
        QCOMPARE(session()->playbackSpeed(), 5.0);
        QCOMPARE(AppSettings::playbackSpeed(), 5.0);
        m_window.reset();
        openDemo();
        QCOMPARE(session()->playbackSpeed(), 5.0);
        QCOMPARE(m_window->trainingPanel()->speedBox()->currentData().toDouble(), 5.0);
        // Paced, a run is watched forming: after half a second only a few epochs are there.
        m_window->trainAction()->trigger();
        QTest::qWait(500);
        QVERIFY(m_window->chart()->currentEpochCount() >= 1);
        QVERIFY(m_window->chart()->currentEpochCount() <= 6);
        m_window->trainAction()->trigger();
        QTRY_COMPARE(session()->state(), TrainingSession::State::Paused);
    }

    void speedAfterARunIsItsOwn()
    {
        QElapsedTimer clock;
        clock.start();
        m_window->trainAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusText().startsWith(QStringLiteral("Finished")), 20000);
        QTRY_VERIFY(m_window->statusText().contains(QStringLiteral("epochs/s")));
        const double seconds = double(clock.nsecsElapsed()) * 1e-9;
        const int epochs = m_window->controller()->config().training.epochs;
        QCOMPARE(m_window->chart()->currentEpochCount(), epochs);
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("([\\d,]+) epochs/s")).match(m_window->statusText());
        QVERIFY(m.hasMatch());
        const double shown = QLocale().toDouble(m.captured(1));
        // The window timed the run from its start to its end, within the time the test waited for both:
        // the speed it shows is at least the epochs over that time.
        QVERIFY2(shown >= epochs / seconds * 0.9, qPrintable(QStringLiteral("%1 shown, %2 epochs in %3 s").arg(shown).arg(epochs).arg(seconds)));
    }

    void rankingModelsCannotStepBack()
    {
        ModelConfig model = m_window->controller()->config().model;
        model.kind = ModelKind::Mf;
        m_window->controller()->setModelConfig(model);
        QTRY_COMPARE_WITH_TIMEOUT(session()->state(), TrainingSession::State::Paused, 20000);
        step(1);
        QTest::qWait(100);
        QVERIFY(!m_window->stepBackAction()->isEnabled());
        QVERIFY(m_window->stepBackAction()->toolTip().contains(QStringLiteral("linear regression")));
        QVERIFY(m_window->weightsChart()->snapshot().weights.empty());
        QVERIFY(m_window->weightsChart()->message().contains(QStringLiteral("linear regression")));
        // The sentence says what it honestly can: the losses.
        QTRY_VERIFY(m_window->stepExplanation()->text().startsWith(QStringLiteral("Epoch 1:")));
        QVERIFY(m_window->stepExplanation()->text().contains(QStringLiteral("ranking model")));
    }
};

QTEST_MAIN(SteppingWindowTest)
#include "test_steppingwindow.moc"
