#pragma once

// The main window: wires the dock panels, the loss chart and the status line to the
// ExperimentController. It holds no training logic and no settings code of its own beyond handing
// geometry to AppSettings.

#include "engine/DatasetImport.h"
#include "engine/TrainingSession.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

#include <optional>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;

namespace fl {

class DatasetBrowser;
class DivergenceBanner;
class ExperimentController;
class FormulaPanel;
class LossChartView;
class MetricsChartView;
class ModalitiesPanel;
class ModelPanel;
class ProgressStrip;
class RecommendationsPanel;
class TrainingPanel;
class Workbench;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The pages of the centre, in tab order (Ctrl+1 … Ctrl+6).
    enum Page { TrainingPage, DatasetPage, RecommendationsPage, RunsPageIndex, LandscapePageIndex, AblationPageIndex };

    // The workbench autosaves the run history into autosaveFolder (default: the data folder).
    explicit MainWindow(QWidget *parent = nullptr, const QString &autosaveFolder = {});
    ~MainWindow() override;

    void openDataset(const QString &pathOrDemo, fl::DatasetFormat format = fl::DatasetFormat::Auto);

    ExperimentController *controller() const { return m_controller; }
    Workbench *workbench() const { return m_workbench; }
    LossChartView *chart() const { return m_chart; }
    MetricsChartView *metricsChart() const { return m_metrics; }
    ModalitiesPanel *modalitiesPanel() const { return m_modalities; }
    TrainingPanel *trainingPanel() const { return m_training; }
    ModelPanel *modelPanel() const { return m_model; }
    RecommendationsPanel *recommendationsPanel() const { return m_recommendations; }
    FormulaPanel *formulaPanel() const { return m_formulas; }
    DatasetBrowser *datasetBrowser() const { return m_browser; }
    QTabWidget *pages() const { return m_pages; }
    DivergenceBanner *banner() const { return m_banner; }
    QAction *trainAction() const { return m_trainAction; }
    QAction *stepAction() const { return m_stepAction; }
    QAction *resetAction() const { return m_resetAction; }
    QString statusText() const;

    // Writes the chart by the file's suffix: .png, .svg or .csv.
    bool exportChart(const QString &path, QString *error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void updateRecentMenu();
    void onStateChanged(TrainingSession::State state);
    void onProgress(int runId, const QList<EpochRecord> &epochs);
    void onModelSnapshot(int runId, const ModelSnapshot &snapshot);
    void setSnapshot(const ModelSnapshot &snapshot);   // none: the page says why it is empty
    void showMetricsChartFor(const ModelConfig &model);
    void showSnapshotIfVisible();
    void showExportDialog();
    void showOpenDialog();

    ExperimentController *m_controller;
    LossChartView *m_chart;
    MetricsChartView *m_metrics;
    DivergenceBanner *m_banner;
    ModalitiesPanel *m_modalities;
    TrainingPanel *m_training;
    ModelPanel *m_model;
    FormulaPanel *m_formulas;
    RecommendationsPanel *m_recommendations;
    Workbench *m_workbench = nullptr;
    // The newest scoring copy of the current run's model; handed to the Recommendations page when it
    // is shown (scoring every item for a user is work that a hidden page need not do).
    ModelSnapshot m_snapshot;
    bool m_snapshotShown = false;

    QAction *m_trainAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_logScaleAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;

    QLabel *m_stateLabel = nullptr;
    QLabel *m_epochLabel = nullptr;
    QLabel *m_lossLabel = nullptr;
    QLabel *m_speedLabel = nullptr;
    ProgressStrip *m_busy = nullptr;
    DatasetBrowser *m_browser = nullptr;
    QTabWidget *m_pages = nullptr;
    QSplitter *m_chartSplitter = nullptr;

    // Text (formulas, status line) is re-laid out at most four times a second while a run streams:
    // the word-wrapped rich text of the formulas costs ~20 ms per layout here, and numbers that change
    // faster cannot be read anyway.
    QTimer m_textTimer;
    std::optional<EpochRecord> m_latest;
    void showLatest();

    QElapsedTimer m_speedClock;
    int m_speedEpochs = 0;
};

} // namespace fl
