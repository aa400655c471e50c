// The workbench in the real window, offscreen: every trained run reaches the Runs page with the
// parameters that differ, undo and redo of parameter changes, experiments saved and opened again (and
// what changed in their data), the autosaved history restored after a window that did not close, a
// landscape cell starting its run, and the report export.

#include "tests/TestSupport.h"

#include "engine/training/Experiment.h"
#include "ui/AppSettings.h"
#include "ui/ExperimentController.h"
#include "ui/LandscapePage.h"
#include "ui/MainWindow.h"
#include "ui/ParameterHistory.h"
#include "ui/RunHistoryModel.h"
#include "ui/RunsPage.h"
#include "ui/Workbench.h"

#include <QAction>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace fl;

class WorkbenchTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_autosave;
    std::unique_ptr<MainWindow> m_window;

    ExperimentController *controller() { return m_window->controller(); }
    Workbench *workbench() { return m_window->workbench(); }
    TrainingSession *session() { return controller()->session(); }

    std::unique_ptr<MainWindow> openWindow(const QString &dataset = QStringLiteral("demo"))
    {
        auto window = std::make_unique<MainWindow>(nullptr, m_autosave.path());
        window->show();
        QSignalSpy loaded(window->controller(), &ExperimentController::datasetLoaded);
        window->openDataset(dataset);
        if (!loaded.wait(20000) && loaded.isEmpty())
            return nullptr;
        return window;
    }

    // Sets the first modality's weight as the Fusion dock does on a slider's release, then trains.
    void trainWithAlpha(double alpha, int epochs)
    {
        controller()->pause();   // the new run waits for Train
        TrainingConfig training = controller()->config().training;
        training.epochs = epochs;
        controller()->setTrainingConfig(training);
        PipelineConfig pipeline = controller()->config().pipeline;
        pipeline.modalities[0].weight = alpha;
        controller()->setPipelineConfig(pipeline);
        const size_t before = workbench()->history()->records().size();
        controller()->train();
        QTRY_VERIFY_WITH_TIMEOUT(session()->state() == TrainingSession::State::Finished, 20000);
        // The record arrives by a queued signal after the state changes.
        QTRY_VERIFY_WITH_TIMEOUT(workbench()->history()->records().size() > before
                                     && workbench()->history()->records().back().config.pipeline.modalities[0].weight == alpha, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_autosave.isValid());
    }

    void init()
    {
        AppSettings::clear();
        m_window = openWindow();
        QVERIFY(m_window);
    }

    void cleanup() { m_window.reset(); }

    void runsReachTheRunsPage()
    {
        trainWithAlpha(0.5, 20);
        trainWithAlpha(1.2, 20);
        RunHistoryModel *history = workbench()->history();
        QTRY_COMPARE(int(history->records().size()), 2);
        const RunRecord &first = history->records()[0];
        const RunRecord &second = history->records()[1];
        QCOMPARE(first.status, QStringLiteral("completed"));
        QCOMPARE(int(second.epochs.size()), 20);
        QCOMPARE(second.config.pipeline.modalities[0].weight, 1.2);
        QCOMPARE(second.dataset.hash, controller()->datasetIdentity().hash);
        // The one parameter that differs is a column.
        const QString alphaKey = QStringLiteral("weight:") + second.config.pipeline.modalities[0].name;
        QVERIFY(history->parameterColumn(alphaKey) >= 0);
        QCOMPARE(history->parameterColumns().size(), size_t(1));
        // Ctrl+4 shows the page.
        m_window->pages()->setCurrentIndex(MainWindow::TrainingPage);
        QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(m_window->pages()->currentIndex(), int(MainWindow::RunsPageIndex));
        QVERIFY(m_window->pages()->currentWidget()->isAncestorOf(workbench()->runsPage()));
    }

    void undoAndRedo()
    {
        const double start = controller()->config().pipeline.modalities[0].weight;
        PipelineConfig pipeline = controller()->config().pipeline;
        pipeline.modalities[0].weight = 1.7;
        controller()->setPipelineConfig(pipeline);
        pipeline.modalities[1].enabled = false;
        controller()->setPipelineConfig(pipeline);
        QVERIFY(workbench()->undoAction()->isEnabled());

        workbench()->undoAction()->trigger();
        QCOMPARE(controller()->config().pipeline.modalities[1].enabled, true);
        QCOMPARE(controller()->config().pipeline.modalities[0].weight, 1.7);
        workbench()->undoAction()->trigger();
        QCOMPARE(controller()->config().pipeline.modalities[0].weight, start);
        QVERIFY(!workbench()->undoAction()->isEnabled());
        workbench()->redoAction()->trigger();
        QCOMPARE(controller()->config().pipeline.modalities[0].weight, 1.7);
        QCOMPARE(controller()->config().pipeline.modalities[1].enabled, true);
        // An undone change reaches the docks and starts a run with those parameters.
        QTRY_COMPARE(session()->state(), TrainingSession::State::Paused);
    }

    void experimentSavedAndOpened()
    {
        trainWithAlpha(0.9, 10);
        QTRY_COMPARE(int(workbench()->history()->records().size()), 1);
        workbench()->history()->rename(workbench()->history()->records()[0].id, QStringLiteral("my run"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("e.json"));
        QVERIFY(workbench()->saveExperiment(path).ok());
        QCOMPARE(AppSettings::recentExperiments().value(0), path);

        m_window = openWindow();
        QVERIFY(m_window);
        QCOMPARE(int(workbench()->history()->records().size()), 0);
        QVERIFY(workbench()->openExperiment(path).ok());
        QCOMPARE(int(workbench()->history()->records().size()), 1);
        QCOMPARE(workbench()->history()->records()[0].label(), QStringLiteral("my run"));
        QCOMPARE(controller()->config().pipeline.modalities[0].weight, 0.9);
        QVERIFY(workbench()->datasetChanges().isEmpty());
    }

    void openingOnChangedDataWarns()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("shop"));
        QProcess cli;
        cli.start(QStringLiteral(FUSIONLAB_CLI_PATH), {QStringLiteral("export-demo"), data});
        QVERIFY(cli.waitForFinished(60000) && cli.exitCode() == 0);
        m_window = openWindow(data);
        QVERIFY(m_window);
        trainWithAlpha(0.7, 5);
        const QString path = dir.filePath(QStringLiteral("e.json"));
        QVERIFY(workbench()->saveExperiment(path).ok());

        QFile ratings(data + QStringLiteral("/ratings.csv"));
        QVERIFY(ratings.open(QIODevice::ReadOnly));
        QByteArray csv = ratings.readAll();
        ratings.close();
        csv.truncate(csv.lastIndexOf('\n', csv.size() - 2) + 1);
        QVERIFY(test::writeFile(ratings.fileName(), csv));

        m_window = openWindow();   // the demo: the experiment's data must be opened from its folder
        QVERIFY(m_window);
        QSignalSpy changed(workbench(), &Workbench::datasetChanged);
        QVERIFY(workbench()->openExperiment(path).ok());
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 20000);
        const QStringList changes = changed.at(0).at(0).toStringList();
        QVERIFY2(changes.contains(QStringLiteral("Interactions: 15,000 then, 14,999 now.")), qPrintable(changes.join('\n')));
        QCOMPARE(controller()->datasetPath(), data);
        QCOMPARE(int(workbench()->history()->records().size()), 1);
        QCOMPARE(controller()->config().pipeline.modalities[0].weight, 0.7);
    }

    // A window that did not close leaves its history; the next one offers it back.
    void autosavedHistoryIsRestored()
    {
        trainWithAlpha(0.3, 8);
        trainWithAlpha(0.6, 8);
        QTRY_COMPARE(int(workbench()->history()->records().size()), 2);
        QTRY_VERIFY(workbench()->store().flush().ok());
        const Result<Experiment> onDisk = loadExperiment(workbench()->store().sessionPath());
        QVERIFY(onDisk.ok());
        QCOMPARE(onDisk->runs.size(), size_t(2));

        // Another window finds nothing while this one is open.
        std::unique_ptr<MainWindow> other = openWindow();
        int asked = 0;
        other->workbench()->offerRestore([&](int) { ++asked; return true; });
        QCOMPARE(asked, 0);
        other.reset();

        // As after a crash: the session file stays and its lock is gone.
        {
            RunHistoryStore crashed(m_autosave.path());
            QVERIFY(crashed.open().ok());
            crashed.save(*onDisk);
            QVERIFY(crashed.flush().ok());
        }   // destroyed without closeCleanly(): the file stays
        m_window = openWindow();
        QVERIFY(m_window);
        int offered = 0;
        workbench()->offerRestore([&](int runs) { offered = runs; return true; });
        QCOMPARE(offered, 2);
        QCOMPARE(int(workbench()->history()->records().size()), 2);
        QCOMPARE(workbench()->history()->records()[1].config.pipeline.modalities[0].weight, 0.6);
        offered = 0;
        workbench()->offerRestore([&](int runs) { offered = runs; return true; });
        QCOMPARE(offered, 0);   // restored once
    }

    void landscapeCellStartsItsRun()
    {
        RunConfig chosen = controller()->config();
        chosen.pipeline.modalities[0].weight = 1.4;
        chosen.pipeline.modalities[1].weight = 0.2;
        Q_EMIT workbench()->landscapePage()->weightsChosen(chosen);
        QCOMPARE(controller()->config().pipeline.modalities[0].weight, 1.4);
        QCOMPARE(controller()->config().pipeline.modalities[1].weight, 0.2);
        QTRY_VERIFY_WITH_TIMEOUT(session()->state() == TrainingSession::State::Running
                                     || session()->state() == TrainingSession::State::Finished, 20000);
    }

    void reportExport()
    {
        trainWithAlpha(0.5, 10);
        trainWithAlpha(1.0, 10);
        QTRY_COMPARE(int(workbench()->history()->records().size()), 2);
        QTemporaryDir dir;
        const Result<QStringList> written = workbench()->exportReport(dir.filePath(QStringLiteral("report")));
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error()));
        QCOMPARE(written->size(), 2);
        QFile html(dir.filePath(QStringLiteral("report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray page = html.readAll();
        QVERIFY(page.contains("<svg"));
        QVERIFY(page.contains(controller()->dataset()->name.toUtf8()));
        QFile pdf(dir.filePath(QStringLiteral("report.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
    }
};

QTEST_MAIN(WorkbenchTest)
#include "test_workbench.moc"
