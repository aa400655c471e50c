#pragma once

// The experiment workbench beside the live window: it keeps every run (the Runs page's history, fed
// by the session's run records, autosaved as each run finishes), the α–β landscape and ablation pages,
// undo/redo of parameter changes, saved experiments (File ▸ Save / Open / Recent Experiments) and the
// report export. The main window only places its pages and actions; the logic lives here, so it is
// testable with the window offscreen.

#include "engine/training/Experiment.h"
#include "engine/training/RunHistoryStore.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace fl {

class AblationPage;
class ExperimentController;
class LandscapePage;
class ParameterHistory;
class RunHistoryModel;
class RunsPage;

class Workbench : public QObject
{
    Q_OBJECT

public:
    // `window` parents the dialogs. The history autosaves into `autosaveFolder` (default: the
    // application's data folder).
    Workbench(ExperimentController *controller, QWidget *window, const QString &autosaveFolder = {});
    ~Workbench() override;   // ends the autosave session cleanly

    RunHistoryModel *history() const { return m_history; }
    RunsPage *runsPage() const { return m_runsPage; }
    LandscapePage *landscapePage() const { return m_landscapePage; }
    AblationPage *ablationPage() const { return m_ablationPage; }
    ParameterHistory *parameters() const { return m_parameters; }
    RunHistoryStore &store() { return m_store; }

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *openAction() const { return m_open; }
    QAction *reportAction() const { return m_report; }
    QMenu *recentMenu() const { return m_recentMenu; }

    // The experiment as it stands: the dataset, the parameters in use, every run of the history.
    Experiment experiment() const;
    Result<void> saveExperiment(const QString &path);
    // Adds the file's runs to the history and adopts its parameters; when the file was saved on other
    // data, its dataset is opened first, and when the content differs from what was saved, the
    // returned notes say what changed (the window shows them).
    Result<void> openExperiment(const QString &path);
    // The report of the runs selected on the Runs page (all runs when none is), with the landscape and
    // the ablation when they hold results: path.html and path.pdf (by the suffix given: .html or .pdf
    // writes that one, none writes both).
    Result<QStringList> exportReport(const QString &path);

    // Histories left by windows that did not close (a crash, kill -9): asks whether to restore them.
    // `ask` replaces the question for tests; it gets the number of runs and returns the answer.
    void offerRestore(const std::function<bool(int runs)> &ask = {});
    // Notes about the last opened experiment's data (what changed since it was saved).
    const QStringList &datasetChanges() const { return m_datasetChanges; }

Q_SIGNALS:
    // Something for the status line: a file written, a run restored, a warning.
    void message(const QString &text);
    // The dataset of an opened experiment differs from the one it was saved with.
    void datasetChanged(const QStringList &changes);

private:
    void createActions();
    void updateRecentMenu();
    void onRunRecorded(int runId, const RunRecord &record);
    void onDatasetLoaded();
    void onConfigChanged(const RunConfig &config);
    void autosave();
    void adopt(const Experiment &experiment);
    void showSaveDialog();
    void showOpenDialog();
    void showReportDialog();

    ExperimentController *m_controller;
    QPointer<QWidget> m_window;
    RunHistoryModel *m_history;
    RunsPage *m_runsPage;
    LandscapePage *m_landscapePage;
    AblationPage *m_ablationPage;
    ParameterHistory *m_parameters;
    RunHistoryStore m_store;
    bool m_storeOpen = false;

    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_open = nullptr;
    QAction *m_report = nullptr;
    QMenu *m_recentMenu = nullptr;

    QString m_experimentPath;                 // where Save writes without asking
    std::optional<Experiment> m_pending;      // an opened experiment waiting for its dataset to load
    QStringList m_datasetChanges;
};

} // namespace fl
