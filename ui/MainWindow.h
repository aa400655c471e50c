#pragma once

// The main window: wires the dock panels, the loss chart and the status line to the
// ExperimentController. It holds no training logic and no settings code of its own beyond handing
// geometry to AppSettings.

#include "engine/data/DatasetImport.h"
#include "engine/training/TrainingSession.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;

namespace fl {

class DatasetBrowser;
class DivergenceBanner;
class ExperimentController;
class FormulaPanel;
class LessonPanel;
class LossChartView;
class MetricsChartView;
class ModalitiesPanel;
class ModelPanel;
class ProgressStrip;
class RecommendationsPanel;
class TrainingPanel;
class WeightsChart;
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
    // Lesson `number` (1-based, see Lessons.h): its dataset, its parameters and its guide in the Lesson dock.
    void openLesson(int number);
    // The lessons as large buttons and "Just explore" (shown on the first launch).
    void showStartPage();
    LessonPanel *lessonPanel() const { return m_lessons; }

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
    QAction *stepBackAction() const { return m_stepBackAction; }
    WeightsChart *weightsChart() const { return m_weights; }
    // The sentence under the chart saying what the last Step did.
    QLabel *stepExplanation() const { return m_stepLabel; }
    QAction *resetAction() const { return m_resetAction; }
    QString statusText() const;
    // Presenter mode (View ▸ Presenter Mode, F11): larger type, high contrast, thick pens and a dock
    // layout that fits 1024×768; each mode remembers its own dock layout.
    void setPresenterMode(bool on);
    bool presenterMode() const;
    QAction *presenterAction() const { return m_presenterAction; }

    // Writes the chart by the file's suffix: .png, .svg or .csv.
    bool exportChart(const QString &path, QString *error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
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
    LessonPanel *m_lessons = nullptr;
    QDockWidget *m_lessonDock = nullptr;
    Workbench *m_workbench = nullptr;
    // The newest scoring copy of the current run's model; handed to the Recommendations page when it
    // is shown (scoring every item for a user is work that a hidden page need not do).
    ModelSnapshot m_snapshot;
    bool m_snapshotShown = false;

    QAction *m_trainAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_stepBackAction = nullptr;
    WeightsChart *m_weights = nullptr;
    QLabel *m_stepLabel = nullptr;
    std::optional<StepReport> m_lastStep;   // shown with the text timer while a run streams
    int m_stepBackDepth = 0;
    void showStep();
    void updateStepBackAction();
    // The speed of the running stretch of a run (Train to Pause, or to its end), shown when it stops.
    QElapsedTimer m_stretchClock;
    int m_stretchEpochs = 0;
    QAction *m_logScaleAction = nullptr;
    QAction *m_presenterAction = nullptr;
    QByteArray m_normalGeometry;   // the window's geometry before presenter mode filled the screen
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
