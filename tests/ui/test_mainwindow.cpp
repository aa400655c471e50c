// The live training window, offscreen: controls reach the engine, Step/Pause/Reset do what they say,
// the ghost of a previous run, the divergence message and its retry, export, and settings.

#include "engine/data/ManifestLoader.h"
#include "engine/models/ModelDefaults.h"
#include "ui/AppSettings.h"
#include "ui/DivergenceBanner.h"
#include "ui/DatasetBrowser.h"
#include "ui/ExperimentController.h"
#include "ui/FormulaPanel.h"
#include "ui/LossChartView.h"
#include "ui/MainWindow.h"
#include "ui/MetricsChartView.h"
#include "ui/ModalitiesPanel.h"
#include "ui/ModelPanel.h"
#include "ui/RecommendationsPanel.h"
#include "ui/TrainingPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QMessageBox>
#include <QTimer>
#include <QDir>
#include <QTest>

using namespace fl;

class MainWindowTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;

    TrainingSession *session() { return m_window->controller()->session(); }

    void openDemo()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QSignalSpy loaded(m_window->controller(), &ExperimentController::datasetLoaded);
        m_window->openDataset(QStringLiteral("demo"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session()->state(), TrainingSession::State::Paused, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        AppSettings::clear();
    }

    void init()
    {
        AppSettings::clear();   // every case starts from the defaults
        openDemo();
    }
    void cleanup() { m_window.reset(); }

    void opensReadyOnTheDemo()
    {
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("FusionLab demo shop")));
        QTRY_VERIFY(m_window->formulaPanel()->text().contains(QStringLiteral("Closed form")));
        QCOMPARE(m_window->chart()->currentEpochCount(), 0);   // prepared, waiting for Train
    }

    void browserShowsTheLoadedDataset()
    {
        // The Dataset page follows the load; Ctrl+2 and Ctrl+1 switch pages.
        QTRY_VERIFY(m_window->datasetBrowser()->dataset() != nullptr);
        QCOMPARE(m_window->datasetBrowser()->dataset()->itemCount(), 600);
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_window->pages()->currentWidget(), static_cast<QWidget *>(m_window->datasetBrowser()));
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_window->pages()->currentIndex(), 0);
    }

    void missingPolicyReachesTheEngine()
    {
        std::vector<int> widths;
        QObject receiver;
        connect(session(), &TrainingSession::runPrepared, &receiver,
                [&widths](int, const ProblemInfo &info) { widths.push_back(info.featureWidth); }, Qt::QueuedConnection);
        QComboBox *missing = m_window->modalitiesPanel()->missingBox();
        missing->setCurrentIndex(missing->findData(int(MissingPolicy::LeaveOut)));
        QTRY_COMPARE(m_window->controller()->config().pipeline.missing, MissingPolicy::LeaveOut);
        QTRY_VERIFY(!widths.empty());
    }

    void weightSliderReachesTheEngine()
    {
        // Recorded through a queued connection, the hop a receiver in another thread would take.
        std::vector<double> engineWeights;
        QObject receiver;   // lives on this thread, and takes the connection with it when the case ends
        connect(session(), &TrainingSession::runPrepared, &receiver,
                [&engineWeights](int, const ProblemInfo &info) { engineWeights = info.weights; }, Qt::QueuedConnection);
        QSlider *beta = m_window->modalitiesPanel()->weightSlider(1);
        beta->setValue(150);   // keyboard-style move: committed at once
        QTRY_VERIFY(engineWeights.size() == 3 && engineWeights.at(1) == 1.5);
        QCOMPARE(m_window->modalitiesPanel()->weightSpinBox(1)->value(), 1.5);
        QCOMPARE(m_window->controller()->config().pipeline.modalities[1].weight, 1.5);
    }

    void learningRateReachesTheEngine()
    {
        QList<double> changed;
        QObject receiver;
        connect(session(), &TrainingSession::learningRateChanged, &receiver,
                [&changed](int, int, double eta) { changed << eta; }, Qt::QueuedConnection);
        m_window->trainingPanel()->learningRateSpinBox()->setValue(0.05);
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.front(), 0.05);
        QCOMPARE(m_window->trainingPanel()->learningRateSlider()->value(), TrainingPanel::sliderPosition(0.05));
        m_window->stepAction()->trigger();
        QTRY_COMPARE(m_window->chart()->currentEpochCount(), 1);
        QCOMPARE(m_window->chart()->currentEpochs().back().learningRate, 0.05);
        QCOMPARE(m_window->chart()->markerCount(), 1);
        // The log slider spans 1e-5 … 10.
        QCOMPARE(TrainingPanel::sliderPosition(1e-5), 0);
        QVERIFY(std::abs(TrainingPanel::learningRateAt(TrainingPanel::sliderPosition(10.0)) - 10.0) < 1e-9);
    }

    void stepAddsExactlyOneEpoch()
    {
        for (int k = 1; k <= 3; ++k) {
            m_window->stepAction()->trigger();
            QTRY_COMPARE(m_window->chart()->currentEpochCount(), k);
        }
        QTest::qWait(200);
        QCOMPARE(m_window->chart()->currentEpochCount(), 3);
        QCOMPARE(m_window->chart()->currentEpochs().back().epoch, 3);
        QVERIFY(m_window->statusText().contains(QStringLiteral("epoch 3")));
    }

    void pauseStopsNewPoints()
    {
        TrainingConfig training = m_window->controller()->config().training;
        training.epochs = 100000000;
        training.learningRate = 0.001;
        m_window->controller()->setTrainingConfig(training);
        m_window->trainAction()->trigger();
        QTRY_VERIFY(m_window->chart()->currentEpochCount() > 20);
        QCOMPARE(m_window->trainAction()->text(), QStringLiteral("Pause"));
        m_window->trainAction()->trigger();
        QTRY_COMPARE(session()->state(), TrainingSession::State::Paused);
        QTest::qWait(100);
        const int paused = m_window->chart()->currentEpochCount();
        QTest::qWait(300);
        QCOMPARE(m_window->chart()->currentEpochCount(), paused);
        QCOMPARE(m_window->trainAction()->text(), QStringLiteral("Resume"));
    }

    void ghostAppearsAfterAnAlphaChange()
    {
        m_window->trainAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->chart()->currentEpochCount(), 200, 20000);
        QCOMPARE(m_window->chart()->ghostCount(), 0);
        m_window->modalitiesPanel()->weightSpinBox(0)->setValue(0.9);
        QTRY_COMPARE(m_window->chart()->ghostCount(), 1);
        // The new run starts at once (Train was pressed) and draws from epoch 1.
        QTRY_VERIFY(m_window->chart()->currentEpochCount() > 0);
        QCOMPARE(m_window->chart()->currentEpochs().front().epoch, 1);
        m_window->modalitiesPanel()->operatorBox()->setCurrentIndex(2);
        QTRY_COMPARE(m_window->chart()->ghostCount(), 2);
    }

    void resetClears()
    {
        m_window->stepAction()->trigger();
        QTRY_COMPARE(m_window->chart()->currentEpochCount(), 1);
        m_window->modalitiesPanel()->weightSpinBox(0)->setValue(0.7);
        QTRY_COMPARE(m_window->chart()->ghostCount(), 1);
        m_window->resetAction()->trigger();
        QCOMPARE(m_window->chart()->ghostCount(), 0);
        QCOMPARE(m_window->chart()->currentEpochCount(), 0);
        QTRY_COMPARE(session()->state(), TrainingSession::State::Paused);
        m_window->stepAction()->trigger();
        QTRY_COMPARE(m_window->chart()->currentEpochCount(), 1);
        QCOMPARE(m_window->chart()->currentEpochs().front().epoch, 1);
    }

    void divergenceShowsTheMessageAndRetries()
    {
        m_window->trainingPanel()->learningRateSpinBox()->setValue(10.0);
        m_window->trainAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->banner()->isVisible(), 10000);
        QVERIFY(m_window->banner()->message().contains(QStringLiteral("η = 10")));
        QVERIFY(m_window->banner()->retryButton()->isVisible());
        QCOMPARE(session()->state(), TrainingSession::State::Failed);
        m_window->banner()->retryButton()->click();
        QVERIFY(!m_window->banner()->isVisible());
        QCOMPARE(m_window->controller()->config().training.learningRate, 1.0);
        QCOMPARE(m_window->trainingPanel()->learningRateSpinBox()->value(), 1.0);
        QTRY_VERIFY(m_window->chart()->currentEpochCount() > 0);
        QCOMPARE(m_window->chart()->currentEpochs().front().learningRate, 1.0);
        QTRY_COMPARE_WITH_TIMEOUT(session()->state(), TrainingSession::State::Finished, 20000);
        QVERIFY(!m_window->banner()->isVisible());
    }

    void exportWritesValidFiles()
    {
        m_window->trainAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->chart()->currentEpochCount(), 200, 20000);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(m_window->exportChart(dir.filePath(QStringLiteral("loss.png")), &error), qPrintable(error));
        QImage png(dir.filePath(QStringLiteral("loss.png")));
        QVERIFY(!png.isNull() && png.width() > 100);
        QVERIFY2(m_window->exportChart(dir.filePath(QStringLiteral("loss.svg")), &error), qPrintable(error));
        QFile svg(dir.filePath(QStringLiteral("loss.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.startsWith("<?xml") && svgText.contains("<svg"));
        QVERIFY2(m_window->exportChart(dir.filePath(QStringLiteral("loss.csv")), &error), qPrintable(error));
        QFile csv(dir.filePath(QStringLiteral("loss.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + m_window->controller()->config().training.epochs);
        QVERIFY(!m_window->exportChart(dir.filePath(QStringLiteral("loss.bmp")), &error));
        QVERIFY(error.contains(QStringLiteral(".png, .svg or .csv")));
    }

    void cancelledLoadKeepsTheDataset()
    {
        // A manifest dataset big enough to take a while; cancelled at once, the demo stays loaded and
        // the user hears about it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile items(dir.filePath(QStringLiteral("items.csv")));
        QVERIFY(items.open(QIODevice::WriteOnly));
        items.write("item_id,title\n");
        for (int i = 0; i < 1000; ++i)
            items.write(QByteArray("i") + QByteArray::number(i) + ",Item " + QByteArray::number(i) + "\n");
        items.close();
        QFile ratings(dir.filePath(QStringLiteral("ratings.csv")));
        QVERIFY(ratings.open(QIODevice::WriteOnly));
        ratings.write("user_id,item_id,rating\n");
        QByteArray chunk;
        for (int r = 0; r < 200000; ++r)
            chunk += QByteArray("u") + QByteArray::number(r % 5000) + ",i" + QByteArray::number(r % 1000) + ",4\n";
        ratings.write(chunk);
        ratings.close();
        QFile manifest(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(R"({"fusionlab_manifest": 1, "items": {"file": "items.csv", "id": "item_id", "title": "title"},
                          "interactions": {"file": "ratings.csv", "user": "user_id", "item": "item_id", "rating": "rating"}})");
        manifest.close();

        ExperimentController *controller = m_window->controller();
        QSignalSpy cancelled(controller, &ExperimentController::datasetLoadCancelled);
        QSignalSpy loaded(controller, &ExperimentController::datasetLoaded);
        m_window->openDataset(dir.path());
        controller->cancelLoad();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 20000);
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(controller->dataset()->name, QStringLiteral("FusionLab demo shop"));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")));

        // Not cancelled, the same folder loads.
        m_window->openDataset(dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QCOMPARE(controller->dataset()->interactionCount(), 200000);
    }

    void settingsRoundTrip()
    {
        Result<Dataset> demo = loadDataset(QStringLiteral("demo"));
        QVERIFY(demo.ok());
        RunConfig config = AppSettings::restoreRunConfig(*demo);
        config.pipeline.op = FusionOp::Concat;
        config.pipeline.modalities[0].weight = 1.25;
        config.pipeline.modalities[2].enabled = false;
        config.pipeline.modalities[0].text.width = 24;
        config.pipeline.modalities[1].image.kind = ImageFeatureKind::Both;
        config.training.learningRate = 0.0375;
        config.training.optimizer = OptimizerKind::MiniBatchSgd;
        config.training.batchSize = 64;
        config.training.l2 = 0.002;
        config.training.epochs = 321;
        config.training.seed = 99;
        AppSettings::saveRunConfig(config);
        const RunConfig back = AppSettings::restoreRunConfig(*demo);
        QCOMPARE(back.pipeline.op, FusionOp::Concat);
        QCOMPARE(back.pipeline.modalities[0].weight, 1.25);
        QCOMPARE(back.pipeline.modalities[2].enabled, false);
        QCOMPARE(back.pipeline.modalities[0].text.width, 24);
        QCOMPARE(back.pipeline.modalities[1].image.kind, ImageFeatureKind::Both);
        QCOMPARE(back.training.learningRate, 0.0375);
        QCOMPARE(back.training.optimizer, OptimizerKind::MiniBatchSgd);
        QCOMPARE(back.training.batchSize, 64);
        QCOMPARE(back.training.l2, 0.002);
        QCOMPARE(back.training.epochs, 321);
        QCOMPARE(back.training.seed, std::uint64_t(99));
        config.model.kind = ModelKind::Hybrid;
        config.model.loss = LossKind::Bpr;
        config.model.factors = 12;
        config.model.split.kind = RecSplitKind::ColdItems;
        config.model.split.ratio = 0.3;
        config.model.ks = {5, 50};
        config.model.useThreshold = true;
        config.model.threshold = 4;
        config.model.patience = 7;
        AppSettings::saveRunConfig(config);
        const ModelConfig model = AppSettings::restoreRunConfig(*demo).model;
        QCOMPARE(model.kind, ModelKind::Hybrid);
        QCOMPARE(model.loss, LossKind::Bpr);
        QCOMPARE(model.factors, 12);
        QCOMPARE(model.split.kind, RecSplitKind::ColdItems);
        QCOMPARE(model.split.ratio, 0.3);
        QCOMPARE(model.split.seed, std::uint64_t(99));
        QCOMPARE(model.ks, (std::vector<int>{5, 50}));
        QCOMPARE(model.monitor, QStringLiteral("ndcg@5"));
        QVERIFY(model.useThreshold);
        QCOMPARE(model.threshold, 4.0);
        QCOMPARE(model.patience, 7);

        // A new window opens with what the last one left.
        m_window.reset();
        openDemo();
        QCOMPARE(m_window->trainingPanel()->learningRateSpinBox()->value(), 0.0375);
        QCOMPARE(m_window->modalitiesPanel()->weightSpinBox(0)->value(), 1.25);
        QVERIFY(!m_window->modalitiesPanel()->enabledBox(2)->isChecked());
        QCOMPARE(ModelKind(m_window->modelPanel()->modelBox()->currentData().toInt()), ModelKind::Hybrid);
        QCOMPARE(m_window->modelPanel()->ksEdit()->text(), QStringLiteral("5, 50"));
        QCOMPARE(AppSettings::recentDatasets().value(0), QStringLiteral("demo"));
        AppSettings::clear();
        QCOMPARE(AppSettings::restoreRunConfig(*demo).training.learningRate, 0.01);
    }

    // Choosing a recommendation model starts a run of it; its options show only for such models.
    void modelChoiceReachesTheEngine()
    {
        ModelPanel *panel = m_window->modelPanel();
        QVERIFY(!panel->rankingOptions()->isVisibleTo(panel));   // the seed's regression first
        QSignalSpy started(m_window->controller(), &ExperimentController::runStarted);
        panel->modelBox()->setCurrentIndex(panel->modelBox()->findData(int(ModelKind::Hybrid)));
        QCOMPARE(started.count(), 1);
        QCOMPARE(m_window->controller()->config().model.kind, ModelKind::Hybrid);
        QVERIFY(panel->rankingOptions()->isVisibleTo(panel));
        QVERIFY(started.at(0).at(1).toString().startsWith(QStringLiteral("hybrid")));
        // A model chosen the first time gets its own defaults (the CLI's too), the regression keeps its own.
        const ModelDefaults defaults = modelDefaults(ModelKind::Hybrid);
        QCOMPARE(m_window->controller()->config().training.optimizer, defaults.optimizer);
        QCOMPARE(m_window->trainingPanel()->optimizerBox()->currentData().toString(), optimizerName(defaults.optimizer));
        QCOMPARE(m_window->controller()->config().training.learningRate, defaults.learningRate);
        QCOMPARE(m_window->controller()->config().training.batchSize, defaults.batchSize);
        QCOMPARE(m_window->controller()->config().model.loss, LossKind::Bpr);

        // The demo has timestamps but no split labels of its own: that choice is greyed out.
        auto *splits = qobject_cast<QStandardItemModel *>(panel->splitBox()->model());
        QVERIFY(splits);
        QVERIFY(!splits->item(panel->splitBox()->findData(int(RecSplitKind::File)))->isEnabled());
        QVERIFY(splits->item(panel->splitBox()->findData(int(RecSplitKind::UserTemporal)))->isEnabled());
        panel->splitBox()->setCurrentIndex(panel->splitBox()->findData(int(RecSplitKind::ColdItems)));
        QCOMPARE(started.count(), 2);
        QCOMPARE(m_window->controller()->config().model.split.kind, RecSplitKind::ColdItems);

        panel->ksEdit()->setText(QStringLiteral("20 5"));
        QMetaObject::invokeMethod(panel->ksEdit(), "editingFinished");
        QCOMPARE(m_window->controller()->config().model.ks, (std::vector<int>{5, 20}));
        QCOMPARE(m_window->controller()->config().model.monitor, QStringLiteral("ndcg@5"));
        panel->ksEdit()->setText(QStringLiteral("ten"));   // not a list of K: the one in force stays
        QMetaObject::invokeMethod(panel->ksEdit(), "editingFinished");
        QCOMPARE(panel->ksEdit()->text(), QStringLiteral("5, 20"));
        QCOMPARE(ModelPanel::parseKs(QStringLiteral("10, 20,10")), (std::vector<int>{10, 20}));
        QVERIFY(ModelPanel::parseKs(QStringLiteral("0, 5")).empty());

        TrainingConfig training = m_window->controller()->config().training;
        training.learningRate = 0.02;
        m_window->controller()->setTrainingConfig(training);
        panel->modelBox()->setCurrentIndex(panel->modelBox()->findData(int(ModelKind::Linear)));
        QCOMPARE(m_window->controller()->config().training.optimizer, OptimizerKind::GradientDescent);
        QCOMPARE(m_window->controller()->config().training.learningRate, 0.01);
        panel->modelBox()->setCurrentIndex(panel->modelBox()->findData(int(ModelKind::Svr)));
        QCOMPARE(m_window->controller()->config().training.learningRate, modelDefaults(ModelKind::Svr).learningRate);
        QCOMPARE(m_window->controller()->config().model.loss, LossKind::Squared);
        panel->modelBox()->setCurrentIndex(panel->modelBox()->findData(int(ModelKind::Hybrid)));
        QCOMPARE(m_window->controller()->config().training.learningRate, 0.02);   // as the user left it
        QCOMPARE(m_window->controller()->config().model.loss, LossKind::Bpr);

        // A window opened on a recommendation model goes back to the seed's own settings.
        m_window.reset();
        openDemo();
        QCOMPARE(m_window->controller()->config().model.kind, ModelKind::Hybrid);
        QCOMPARE(m_window->controller()->config().training.optimizer, defaults.optimizer);
        m_window->modelPanel()->modelBox()->setCurrentIndex(
            m_window->modelPanel()->modelBox()->findData(int(ModelKind::Linear)));
        QCOMPARE(m_window->controller()->config().training.optimizer, OptimizerKind::GradientDescent);
        QCOMPARE(m_window->controller()->config().training.learningRate, TrainingConfig{}.learningRate);
    }

    // A dataset that fails to load is named in the message, both when one is loaded (it stays) and when
    // none is (the demo opens instead).
    void aFailedDatasetIsNamed()
    {
        QStringList shown;
        QTimer closer;
        closer.setInterval(20);
        connect(&closer, &QTimer::timeout, this, [&shown] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown << box->text();
                box->accept();
            }
        });
        closer.start();
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("no-such-dataset"));
        m_window->openDataset(missing);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20000);
        QVERIFY2(shown[0].contains(QDir::toNativeSeparators(missing)) && shown[0].contains(QStringLiteral("stays loaded")),
                 qPrintable(shown[0]));
        QCOMPARE(m_window->controller()->datasetPath(), QStringLiteral("demo"));

        m_window = std::make_unique<MainWindow>();   // nothing loaded yet
        m_window->show();
        QSignalSpy loaded(m_window->controller(), &ExperimentController::datasetLoaded);
        m_window->openDataset(missing);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, 20000);
        QVERIFY2(shown[1].contains(QDir::toNativeSeparators(missing)) && !shown[1].contains(QStringLiteral("demo could not")),
                 qPrintable(shown[1]));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QCOMPARE(m_window->controller()->datasetPath(), QStringLiteral("demo"));
    }

    // The network's and the SVR's own settings show for them only and reach the engine's config.
    void networkAndSvrSettingsReachTheEngine()
    {
        ModelPanel *panel = m_window->modelPanel();
        panel->modelBox()->setCurrentIndex(panel->modelBox()->findData(int(ModelKind::Mlp)));
        QCOMPARE(m_window->controller()->config().model.kind, ModelKind::Mlp);
        QCOMPARE(m_window->controller()->config().model.loss, LossKind::Bpr);
        QVERIFY(panel->hiddenEdit()->isVisibleTo(panel));
        QVERIFY(!panel->epsilonBox()->isVisibleTo(panel));
        QVERIFY(!panel->factorsBox()->isVisibleTo(panel));
        QVERIFY(panel->lossBox()->isEnabled());
        QCOMPARE(panel->hiddenEdit()->text(), QStringLiteral("64, 32"));
        panel->hiddenEdit()->setText(QStringLiteral("16"));
        QMetaObject::invokeMethod(panel->hiddenEdit(), "editingFinished");
        QCOMPARE(m_window->controller()->config().model.mlp.hidden, std::vector<int>{16});
        panel->hiddenEdit()->setText(QStringLiteral("wide"));   // not widths: the ones in force stay
        QMetaObject::invokeMethod(panel->hiddenEdit(), "editingFinished");
        QCOMPARE(panel->hiddenEdit()->text(), QStringLiteral("16"));
        panel->userVectorsCheck()->setChecked(false);
        QVERIFY(!m_window->controller()->config().model.mlp.userFactors);

        panel->modelBox()->setCurrentIndex(panel->modelBox()->findData(int(ModelKind::Svr)));
        QVERIFY(panel->epsilonBox()->isVisibleTo(panel));
        QVERIFY(panel->unratedSamplesBox()->isVisibleTo(panel));
        QVERIFY(!panel->hiddenEdit()->isVisibleTo(panel));
        panel->epsilonBox()->setValue(0.3);
        QMetaObject::invokeMethod(panel->epsilonBox(), "editingFinished");
        QCOMPARE(m_window->controller()->config().model.svr.epsilon, 0.3);
        panel->unratedSamplesBox()->setValue(0);
        QMetaObject::invokeMethod(panel->unratedSamplesBox(), "editingFinished");
        QCOMPARE(m_window->controller()->config().model.svr.unratedSamples, 0);
    }

    // Ctrl+3: the trained model's recommendations for a user, with why; the linear model has none.
    void recommendationsFollowTheTrainedModel()
    {
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        RecommendationsPanel *recommendations = m_window->recommendationsPanel();
        QCOMPARE(m_window->pages()->currentIndex(), int(MainWindow::RecommendationsPage));
        QVERIFY(recommendations->messageText().contains(QStringLiteral("linear regression")));

        ModelPanel *panel = m_window->modelPanel();
        panel->modelBox()->setCurrentIndex(panel->modelBox()->findData(int(ModelKind::Hybrid)));
        QTRY_COMPARE_WITH_TIMEOUT(session()->state(), TrainingSession::State::Paused, 20000);
        QVERIFY(recommendations->messageText().contains(QStringLiteral("not trained")));
        m_window->stepAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(recommendations->recommendations().size(), size_t(10), 20000);
        // The epoch's validation metrics went to the chart beside the loss.
        MetricsChartView *metrics = m_window->metricsChart();
        QVERIFY(!metrics->isHidden());
        QTRY_COMPARE(metrics->currentEpochCount(), 1);
        QCOMPARE(metrics->currentMetric(), QStringLiteral("ndcg@10"));
        QCOMPARE(metrics->currentPoints().size(), 1);
        QVERIFY(recommendations->messageText().isEmpty());
        QVERIFY(recommendations->currentUser() >= 0);
        // The parts of every score: the fused modalities, the collaborative part and the biases.
        const QStringList parts = recommendations->legendParts();
        QVERIFY(parts.size() >= 3);
        for (const RecommendationsPanel::Recommendation &r : recommendations->recommendations()) {
            double sum = 0;
            for (const ScoreContribution &c : r.parts)
                sum += c.value;
            QVERIFY(std::abs(sum - r.score) < 1e-3 * std::max(1.0, std::abs(r.score)));
        }

        // Back to the regression: the page says why it is empty.
        panel->modelBox()->setCurrentIndex(panel->modelBox()->findData(int(ModelKind::Linear)));
        QVERIFY(recommendations->recommendations().empty());
        QVERIFY(recommendations->messageText().contains(QStringLiteral("linear regression")));
        QVERIFY(metrics->isHidden());   // the regression's loss gets the whole width
    }

    void closingDuringARunStopsCleanly()
    {
        TrainingConfig training = m_window->controller()->config().training;
        training.epochs = 100000000;
        m_window->controller()->setTrainingConfig(training);
        m_window->trainAction()->trigger();
        QTRY_VERIFY(m_window->chart()->currentEpochCount() > 10);
        m_window->close();
        m_window.reset();   // joins the engine thread
        QVERIFY(true);
    }
};

QTEST_MAIN(MainWindowTest)
#include "test_mainwindow.moc"
