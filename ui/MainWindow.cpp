// Why one file (about 900 lines):
// The wiring of every dock, page, menu and shortcut to the ExperimentController. No logic of its own, but
// many connections; the pages and docks it wires are files of their own.

#include "MainWindow.h"

#include "AppSettings.h"
#include "DatasetBrowser.h"
#include "DivergenceBanner.h"
#include "ExperimentController.h"
#include "FormulaPanel.h"
#include "ImportDialog.h"
#include "LessonPanel.h"
#include "Language.h"
#include "LossChartView.h"
#include "MetricsChartView.h"
#include "ModalitiesPanel.h"
#include "ModelPanel.h"
#include "Presenter.h"
#include "ProgressStrip.h"
#include "RecommendationsPanel.h"
#include "StartPage.h"
#include "StepExplanation.h"
#include "TrainingPanel.h"
#include "WeightsChart.h"
#include "AblationPage.h"
#include "LandscapePage.h"
#include "RunsPage.h"
#include "Workbench.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QShowEvent>
#include <QSignalBlocker>
#include <QResizeEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

namespace fl {

namespace {

// The loss chart and a ranking model's metrics chart: side by side in a wide window, one above the
// other in a narrow one (a lesson or the docks beside them on a 1024 × 768 projector), where side by
// side each would be too narrow for its labels. The thresholds differ so that a switch, which changes
// the charts' minimum sizes, cannot bring the next one about.
class ChartPairSplitter : public QSplitter
{
public:
    ChartPairSplitter()
        : QSplitter(Qt::Horizontal)
    {
    }

    // Side by side: halves. Stacked: the metrics chart, with its chooser and read-out above and below
    // the plot, gets three fifths.
    void balance()
    {
        const int length = orientation() == Qt::Horizontal ? width() : height();
        const int first = orientation() == Qt::Horizontal ? length / 2 : length * 2 / 5;
        setSizes({std::max(1, first), std::max(1, length - first)});
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QSplitter::resizeEvent(event);
        const double ratio = double(width()) / std::max(1, height());
        const Qt::Orientation wanted = ratio > 1.3 ? Qt::Horizontal : ratio < 1.1 ? Qt::Vertical : orientation();
        if (wanted == orientation())
            return;
        setOrientation(wanted);
        balance();
    }
};

// A page in a frameless scroll area that resizes it: scroll bars appear only below its minimum size.
QScrollArea *scrolled(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

QDockWidget *makeDock(const QString &title, const QString &objectName, QWidget *content, QWidget *parent)
{
    auto *dock = new QDockWidget(title, parent);
    dock->setObjectName(objectName);
    dock->setWidget(scrolled(content));
    return dock;
}

} // namespace

MainWindow::MainWindow(QWidget *parent, const QString &autosaveFolder)
    : QMainWindow(parent)
    , m_controller(new ExperimentController(this))
    , m_chart(new LossChartView)
    , m_metrics(new MetricsChartView)
    , m_banner(new DivergenceBanner)
    , m_modalities(new ModalitiesPanel)
    , m_training(new TrainingPanel)
    , m_model(new ModelPanel)
    , m_formulas(new FormulaPanel)
    , m_recommendations(new RecommendationsPanel)
{
    setWindowTitle(tr("FusionLab"));
    setAcceptDrops(true);
    // Never larger than the screen: at 1024×768 a 1280×800 window put the right docks off screen.
    if (QScreen *screen = this->screen())
        resize(QSize(1280, 800).boundedTo(screen->availableGeometry().size() - QSize(16, 48)));
    else
        resize(1280, 800);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    // The centre holds two pages: the training chart, and the browser of the loaded dataset.
    auto *trainingPage = new QWidget;
    auto *layout = new QVBoxLayout(trainingPage);
    layout->addWidget(m_banner);
    // A recommendation model's validation metrics are drawn beside its loss; the regression has none,
    // and its loss chart gets the whole width.
    m_chartSplitter = new ChartPairSplitter;
    m_chartSplitter->setObjectName(QStringLiteral("chartSplitter"));
    m_chartSplitter->addWidget(m_chart);
    m_chartSplitter->addWidget(m_metrics);
    m_chartSplitter->setChildrenCollapsible(false);
    m_chartSplitter->setStretchFactor(0, 1);
    m_chartSplitter->setStretchFactor(1, 1);
    m_metrics->hide();
    layout->addWidget(m_chartSplitter, 1);
    // What the last Step did, in a sentence, where the class is looking. Three lines are kept so that
    // the chart above does not jump with every sentence.
    m_stepLabel = new QLabel(StepExplanation::prompt());
    m_stepLabel->setObjectName(QStringLiteral("stepExplanation"));
    m_stepLabel->setTextFormat(Qt::PlainText);
    m_stepLabel->setWordWrap(true);
    m_stepLabel->setContentsMargins(8, 2, 8, 2);
    m_stepLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stepLabel->setMinimumHeight(3 * m_stepLabel->fontMetrics().lineSpacing() + 6);
    layout->addWidget(m_stepLabel);
    m_browser = new DatasetBrowser;
    m_pages = new QTabWidget(this);
    m_pages->setDocumentMode(true);
    m_pages->addTab(trainingPage, tr("&Training"));
    m_pages->addTab(m_browser, tr("&Dataset"));
    // The page's table wants more width than the docks leave on a small screen: it scrolls instead of
    // squeezing the docks.
    auto *recommendationsPage = scrolled(m_recommendations);
    m_recommendations->setMinimumWidth(600);   // its table's columns share what is left
    m_pages->addTab(recommendationsPage, tr("&Recommendations"));
    m_workbench = new Workbench(m_controller, this, autosaveFolder);
    // The workbench pages want more width than a 1024-pixel screen leaves beside the docks: they scroll
    // rather than widen the window past the screen (a tab widget is as wide as its widest page).
    m_pages->addTab(scrolled(m_workbench->runsPage()), tr("R&uns"));
    m_pages->addTab(scrolled(m_workbench->landscapePage()), tr("&Landscape"));
    m_pages->addTab(scrolled(m_workbench->ablationPage()), tr("&Ablation"));
    m_pages->setTabToolTip(RunsPageIndex, tr("Every run since launch: compare them, overlay their curves, rename, star, delete"));
    m_pages->setTabToolTip(LandscapePageIndex, tr("The validation loss or metric over a grid of two modality weights"));
    m_pages->setTabToolTip(AblationPageIndex, tr("Each modality alone, all but one, and all, over several seeds"));
    connect(m_workbench, &Workbench::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_workbench, &Workbench::datasetChanged, this, [this](const QStringList &changes) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("The data has changed"),
                                    tr("The experiment was saved with other data than the dataset loaded now. "
                                       "Its runs and parameters are restored; results of new runs may differ."),
                                    QMessageBox::Ok, this);
        box->setDetailedText(changes.join(QLatin1Char('\n')));
        box->setInformativeText(changes.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    m_pages->setTabToolTip(TrainingPage, tr("Loss curves of the current run and its predecessors"));
    m_pages->setTabToolTip(DatasetPage, tr("The loaded dataset: items, users, ratings and modality coverage"));
    m_pages->setTabToolTip(RecommendationsPage, tr("A user's history and top K from the trained recommendation model, with what "
                                 "each modality contributed to every score"));
    setCentralWidget(m_pages);
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::showSnapshotIfVisible);

    m_textTimer.setSingleShot(true);
    m_textTimer.setObjectName(QStringLiteral("statusText"));
    m_textTimer.setInterval(250);
    connect(&m_textTimer, &QTimer::timeout, this, &MainWindow::showLatest);
    connect(&m_textTimer, &QTimer::timeout, this, &MainWindow::showStep);

    createActions();
    m_training->setActions(m_trainAction, m_stepBackAction, m_stepAction, m_resetAction);
    m_training->setPlaybackSpeed(m_controller->playbackSpeed());
    connect(m_training, &TrainingPanel::playbackSpeedChanged, m_controller, &ExperimentController::setPlaybackSpeed);
    QDockWidget *fusionDock = makeDock(tr("Fusion"), QStringLiteral("fusionDock"), m_modalities, this);
    QDockWidget *trainingDock = makeDock(tr("Training"), QStringLiteral("trainingDock"), m_training, this);
    QDockWidget *modelDock = makeDock(tr("Model"), QStringLiteral("modelDock"), m_model, this);
    QDockWidget *formulaDock = makeDock(tr("Formulas"), QStringLiteral("formulaDock"), m_formulas, this);
    addDockWidget(Qt::LeftDockWidgetArea, fusionDock);
    addDockWidget(Qt::LeftDockWidgetArea, trainingDock);
    addDockWidget(Qt::RightDockWidgetArea, formulaDock);
    addDockWidget(Qt::RightDockWidgetArea, modelDock);
    // The weights share the Model dock's place, in front: a model is chosen once, its weights are
    // watched at every Step.
    m_weights = new WeightsChart;
    QDockWidget *weightsDock = makeDock(tr("Weights"), QStringLiteral("weightsDock"), m_weights, this);
    tabifyDockWidget(modelDock, weightsDock);
    weightsDock->raise();
    // Modality rows need the height; the training form is compact.
    resizeDocks({fusionDock, trainingDock}, {440, 300}, Qt::Vertical);
    resizeDocks({formulaDock, modelDock}, {520, 280}, Qt::Vertical);
    resizeDocks({fusionDock, formulaDock}, {340, 360}, Qt::Horizontal);
    // The lesson guide shares the right column with the Model dock, and stays hidden until a lesson opens.
    m_lessons = new LessonPanel(m_controller);
    m_lessonDock = makeDock(tr("Lesson"), QStringLiteral("lessonDock"), m_lessons, this);
    addDockWidget(Qt::RightDockWidgetArea, m_lessonDock);
    tabifyDockWidget(modelDock, m_lessonDock);
    m_lessonDock->hide();
    // Readable steps need about a third of a 1024-pixel screen and most of the column's height: when the
    // lesson opens, and again once its preset has changed the centre (a ranking model adds its chart).
    // After the window has its size: a lesson from the command line opens before it is laid out.
    const auto fitLessonDock = [this] {
        m_lessonDock->show();
        m_lessonDock->raise();
        QTimer::singleShot(0, this, [this] {
            resizeDocks({m_lessonDock}, {std::max(330, width() / 3)}, Qt::Horizontal);
            if (auto *formulas = findChild<QDockWidget *>(QStringLiteral("formulaDock")); formulas && !formulas->isFloating()
                && dockWidgetArea(formulas) == dockWidgetArea(m_lessonDock))
                resizeDocks({formulas, m_lessonDock}, {height() / 3, 2 * height() / 3}, Qt::Vertical);
        });
    };
    connect(m_lessons, &LessonPanel::lessonOpened, this, fitLessonDock);
    connect(m_lessons, &LessonPanel::presetApplied, this, fitLessonDock);
    connect(m_lessons, &LessonPanel::pageRequested, this, [this](const QString &page) {
        m_pages->setCurrentIndex(page == QLatin1String("dataset") ? DatasetPage
                                 : page == QLatin1String("recommendations") ? RecommendationsPage : TrainingPage);
    });
    connect(m_lessons, &LessonPanel::logScaleRequested, m_logScaleAction, &QAction::setChecked);
    createMenus();

    m_stateLabel = new QLabel(this);
    m_epochLabel = new QLabel(this);
    m_lossLabel = new QLabel(this);
    m_speedLabel = new QLabel(this);
    m_busy = new ProgressStrip(this);
    for (QLabel *label : {m_stateLabel, m_epochLabel, m_lossLabel, m_speedLabel})
        label->setContentsMargins(6, 0, 12, 0);
    statusBar()->addWidget(m_stateLabel);
    statusBar()->addWidget(m_epochLabel);
    statusBar()->addWidget(m_lossLabel, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_speedLabel);

    TrainingSession *session = m_controller->session();
    connect(m_modalities, &ModalitiesPanel::configEdited, m_controller, &ExperimentController::setPipelineConfig);
    connect(m_modalities, &ModalitiesPanel::configPreviewed, this, [this](const PipelineConfig &pipeline) {
        RunConfig preview = m_controller->config();
        preview.pipeline = pipeline;
        m_formulas->setConfig(preview);
    });
    connect(m_training, &TrainingPanel::configEdited, m_controller, &ExperimentController::setTrainingConfig);
    connect(m_model, &ModelPanel::configEdited, m_controller, &ExperimentController::setModelConfig);
    connect(m_banner, &DivergenceBanner::retryRequested, m_controller, &ExperimentController::lowerLearningRateAndRetry);
    connect(m_chart, &LossChartView::logScaleChanged, this, [this](bool on) {
        m_logScaleAction->setChecked(on);
        AppSettings::setLogScale(on);
    });
    connect(m_chart, &LossChartView::exportRequested, this, &MainWindow::showExportDialog);

    connect(m_controller, &ExperimentController::configChanged, this, [this](const RunConfig &config) {
        m_modalities->setLearningAvailable(learnsFusionWeights(config.model),
                                           tr("This model cannot learn the fusion weights; the linear regression, the hybrid "
                                              "and the content model can."));
        m_modalities->setConfig(config.pipeline);
        m_training->setConfig(config.training);
        m_model->setConfig(config.model);
        showMetricsChartFor(config.model);
        m_formulas->setConfig(config);
        // A longer run keeps going: make room now, at the edit, rather than by doubling mid-run (a
        // reallocation of a million-epoch curve in one progress update was a 50 ms stall).
        m_chart->reserveEpochs(config.training.epochs);
        updateStepBackAction();
    });
    connect(m_controller, &ExperimentController::datasetLoading, this, [this](const QString &path) {
        m_busy->begin(tr("Loading"), [this] { m_controller->cancelLoad(); });
        statusBar()->showMessage(tr("Loading %1 …").arg(path == QLatin1String("demo") ? tr("the demo dataset") : path));
    });
    connect(m_controller, &ExperimentController::loadProgress, m_busy, &ProgressStrip::setFraction);
    connect(m_controller, &ExperimentController::datasetLoadCancelled, this, [this](const QString &path) {
        m_busy->finish();
        statusBar()->showMessage(tr("Loading %1 cancelled; the current dataset stays loaded.").arg(path), 5000);
        if (!m_controller->dataset())
            openDataset(QStringLiteral("demo"));
    });
    connect(m_controller, &ExperimentController::datasetLoaded, this, [this](const QString &path) {
        m_busy->finish();
        statusBar()->clearMessage();
        const auto dataset = m_controller->dataset();
        m_modalities->setDataset(*dataset, m_controller->config().pipeline);
        m_model->setDatasetCapabilities(!dataset->timestamp.empty(), !dataset->interactionSplit.empty());
        m_browser->setDataset(dataset);
        setSnapshot({});
        setWindowTitle(tr("%1 — FusionLab").arg(dataset->name));
        AppSettings::addRecentDataset(path);
        updateRecentMenu();
        m_banner->hide();
    });
    // By value: opening the demo below starts another load, which replaces the path the signal's
    // arguments may refer to (the message then named "demo" instead of the dataset that failed).
    connect(m_controller, &ExperimentController::datasetFailed, this, [this](const QString path, const QString message) {
        m_busy->finish();
        statusBar()->clearMessage();
        const bool nothingLoaded = !m_controller->dataset();
        if (nothingLoaded && path != QLatin1String("demo")) {
            // Nothing is loaded yet (a remembered dataset has gone): open on the demo rather than empty.
            openDataset(QStringLiteral("demo"));
        }
        QMessageBox::warning(this, tr("Could not open the dataset"),
                             (nothingLoaded ? tr("%1 could not be opened; FusionLab opens the built-in demo instead.\n\n%2")
                                            : tr("%1 could not be opened; the current dataset stays loaded.\n\n%2"))
                                 .arg(QDir::toNativeSeparators(path), message));
    });
    connect(m_controller, &ExperimentController::cleared, this, [this] {
        m_latest.reset();
        m_textTimer.stop();
        m_chart->clear();
        m_metrics->clear();
        m_formulas->clearRun();
        m_modalities->setLearnedWeights({});
        m_banner->hide();
        m_epochLabel->clear();
        m_lossLabel->clear();
        m_speedLabel->clear();
    });
    connect(m_controller, &ExperimentController::runStarted, this, [this](int runId, const QString &label) {
        setSnapshot({});   // the previous run's model no longer answers for what the controls say
        m_chart->beginRun(runId, label);
        // The regression has no ranking metrics: its runs leave the (hidden) metrics chart alone, which
        // keeps the recommendation runs it showed, and costs nothing on every α change.
        if (const ModelConfig &model = m_controller->config().model; !model.isLinear())
            m_metrics->beginRun(runId, label, model.monitor);
        m_chart->reserveEpochs(m_controller->config().training.epochs);
        m_latest.reset();
        m_textTimer.stop();
        m_formulas->clearRun();
        m_modalities->setLearnedWeights({});
        m_banner->hide();
        m_speedEpochs = 0;
        m_speedClock.restart();
        m_lastStep.reset();
        m_stepBackDepth = 0;
        updateStepBackAction();
        m_stepLabel->setPalette(QPalette());
        m_stepLabel->setText(StepExplanation::prompt());
        if (m_controller->config().model.isLinear()) {
            m_weights->clear(tr("Embedding and fusing … the weights appear when the run is ready."));
        } else {
            m_weights->clear(tr("This chart shows the linear regression's weights W and their gradient. A ranking "
                                "model has a vector per user and item, too many to draw as bars: choose the linear "
                                "regression in the Model dock to see them."));
        }
    });

    connect(session, &TrainingSession::runPrepared, this, [this](int runId, const ProblemInfo &info) {
        if (runId != m_controller->currentRunId())
            return;
        m_chart->setOptimum(runId, info.optimumTrainLoss);
        m_formulas->setProblem(info);
    });
    connect(session, &TrainingSession::progress, this, &MainWindow::onProgress);
    connect(session, &TrainingSession::modelSnapshot, this, &MainWindow::onModelSnapshot);
    connect(session, &TrainingSession::metrics, m_metrics, &MetricsChartView::addMetrics);
    connect(session, &TrainingSession::finished, m_metrics, &MetricsChartView::showRunSummary);
    connect(session, &TrainingSession::metrics, this, [this](int runId, int epoch, const QMap<QString, double> &values) {
        if (runId == m_controller->currentRunId())
            m_formulas->setMetrics(epoch, values);
    });
    connect(session, &TrainingSession::learningRateChanged, this, [this](int runId, int fromEpoch, double eta) {
        m_chart->markLearningRateChange(runId, fromEpoch, eta);
    });
    connect(session, &TrainingSession::stepExplained, this, [this](int runId, const StepReport &report) {
        if (runId != m_controller->currentRunId())
            return;
        m_lastStep = report;
        m_stepBackDepth = report.historyDepth;
        updateStepBackAction();
        if (m_controller->session()->state() != TrainingSession::State::Running)
            showStep();
        else if (!m_textTimer.isActive())
            m_textTimer.start();
    });
    connect(session, &TrainingSession::steppedBack, this, [this](int runId, const EpochRecord &restored) {
        if (runId != m_controller->currentRunId())
            return;
        m_chart->truncateRun(runId, restored.epoch);
        m_banner->hide();   // a diverged run stepped back is a live run again
        if (restored.epoch > 0)
            m_latest = restored;
        else
            m_latest.reset();
        showLatest();
        if (restored.epoch == 0) {
            m_epochLabel->clear();
            m_lossLabel->clear();
            m_modalities->setLearnedWeights(restored.fusionWeights);
        }
    });
    connect(session, &TrainingSession::parametersChanged, this, [this](int runId, const ParameterSnapshot &snapshot) {
        if (runId == m_controller->currentRunId())
            m_weights->setSnapshot(snapshot);
    });
    connect(session, &TrainingSession::diverged, this, [this](int runId, const QString &message) {
        if (runId == m_controller->currentRunId())
            m_banner->showDivergence(message);
    });
    connect(session, &TrainingSession::failed, this, [this](int runId, const QString &message) {
        if (runId == m_controller->currentRunId())
            m_banner->showError(message);
    });
    connect(session, &TrainingSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(session, &TrainingSession::preparing, this, [this](int runId, double fraction) {
        if (runId == m_controller->currentRunId() && !m_controller->isLoading())
            m_busy->setFraction(fraction);
    });
    onStateChanged(TrainingSession::State::Idle);

    m_chart->setLogScale(AppSettings::logScale());
    m_logScaleAction->setChecked(AppSettings::logScale());
    restoreGeometry(AppSettings::windowGeometry());
    restoreState(AppSettings::windowState());
    if (AppSettings::presenterMode())
        setPresenterMode(true);
    Presenter::fitToScreen(this);
}

bool MainWindow::presenterMode() const
{
    return m_presenterAction->isChecked();
}

void MainWindow::setPresenterMode(bool on)
{
    if (on == Presenter::isActive() && on == m_presenterAction->isChecked())
        return;
    // Each mode keeps its own dock layout; the first presenter layout is made for a projector.
    if (on) {
        AppSettings::setWindowState(saveState());
        m_normalGeometry = saveGeometry();
    } else {
        AppSettings::setPresenterWindowState(saveState());
    }
    {
        const QSignalBlocker block(m_presenterAction);
        m_presenterAction->setChecked(on);
    }
    AppSettings::setPresenterMode(on);
    Presenter::setActive(on);
    if (on) {
        if (QScreen *screen = this->screen(); screen && !isMaximized() && !isFullScreen())
            setGeometry(screen->availableGeometry());
        const QByteArray state = AppSettings::presenterWindowState();
        if (state.isEmpty() || !restoreState(state))
            Presenter::arrangeDocks(this);
    } else {
        setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
        setCorner(Qt::TopLeftCorner, Qt::TopDockWidgetArea);
        restoreState(AppSettings::windowState());
        if (!m_normalGeometry.isEmpty())
            restoreGeometry(m_normalGeometry);
    }
    Presenter::fitToScreen(this);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Now the window manager's frame is known: keep the whole frame on the screen.
    if (!event->spontaneous())
        QTimer::singleShot(0, this, [this] { Presenter::fitToScreen(this); });
}

MainWindow::~MainWindow() = default;

void MainWindow::onModelSnapshot(int runId, const ModelSnapshot &snapshot)
{
    if (runId == m_controller->currentRunId() && m_controller->dataset())
        setSnapshot(snapshot);
}

void MainWindow::setSnapshot(const ModelSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_snapshotShown = false;
    showSnapshotIfVisible();
}

void MainWindow::showMetricsChartFor(const ModelConfig &model)
{
    const bool ranking = !model.isLinear();
    if (m_metrics->isVisibleTo(m_chartSplitter) == ranking)
        return;
    m_metrics->setVisible(ranking);
    if (ranking)
        static_cast<ChartPairSplitter *>(m_chartSplitter)->balance();
}

void MainWindow::showSnapshotIfVisible()
{
    if (m_pages->currentIndex() != RecommendationsPage || m_snapshotShown)
        return;
    m_snapshotShown = true;
    if (!m_snapshot) {
        if (m_controller->config().model.isLinear()) {
            m_recommendations->clear(tr("The linear regression predicts one rating per item from its features; it "
                                        "does not rank items for each user.\n\nChoose a recommendation model in the "
                                        "Model dock (the hybrid, for instance) and train it: its "
                                        "recommendations, and why it makes them, appear here."));
        } else {
            m_recommendations->clear(tr("This run has not trained yet.\n\nTrain, Step or Pause it: the model's "
                                        "recommendations appear here whenever the run pauses or finishes."));
        }
        return;
    }
    m_recommendations->setModel(m_controller->dataset(), m_snapshot.model, m_snapshot.split->train,
                                m_snapshot.split->coldItem);
}

void MainWindow::createActions()
{
    m_trainAction = new QAction(tr("Train"), this);
    m_trainAction->setShortcut(Qt::Key_Space);
    m_trainAction->setToolTip(tr("Train until the epoch limit, or pause a run in progress (Space)."));
    connect(m_trainAction, &QAction::triggered, m_controller, &ExperimentController::trainOrPause);

    m_stepAction = new QAction(tr("Step"), this);
    m_stepAction->setShortcut(Qt::Key_Right);
    m_stepAction->setToolTip(tr("Run exactly one epoch, then pause (→)."));
    connect(m_stepAction, &QAction::triggered, m_controller, &ExperimentController::step);

    m_stepBackAction = new QAction(tr("Step Back"), this);
    m_stepBackAction->setShortcut(Qt::Key_Left);
    m_stepBackAction->setEnabled(false);
    connect(m_stepBackAction, &QAction::triggered, m_controller, &ExperimentController::stepBack);

    m_resetAction = new QAction(tr("Reset"), this);
    m_resetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_resetAction->setToolTip(tr("Stop, clear every curve and start again from W = 0 (Ctrl+R)."));
    connect(m_resetAction, &QAction::triggered, m_controller, &ExperimentController::reset);

    for (QAction *action : {m_trainAction, m_stepBackAction, m_stepAction, m_resetAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }

    m_logScaleAction = new QAction(tr("Logarithmic loss axis"), this);
    m_logScaleAction->setCheckable(true);
    m_logScaleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_logScaleAction, &QAction::toggled, m_chart, &LossChartView::setLogScale);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Dataset…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open the &Demo Dataset"), this, [this] { openDataset(QStringLiteral("demo")); });
    QAction *import = file->addAction(tr("&Import CSV…"), this, [this] {
        ImportDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted && !dialog.manifestPath().isEmpty())
            openDataset(dialog.manifestPath(), DatasetFormat::Manifest);
    });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setToolTip(tr("Turn your own CSV or TSV files (with image folders and .npy embeddings) into a dataset"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    file->addAction(m_workbench->openAction());
    file->addMenu(m_workbench->recentMenu());
    file->addAction(m_workbench->saveAction());
    file->addAction(m_workbench->saveAsAction());
    file->addSeparator();
    QAction *exportAction = file->addAction(tr("&Export Chart…"), this, &MainWindow::showExportDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(m_workbench->reportAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_workbench->undoAction());
    edit->addAction(m_workbench->redoAction());

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_trainAction);
    run->addAction(m_stepAction);
    run->addAction(m_stepBackAction);
    run->addAction(m_resetAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *showTraining = m_viewMenu->addAction(tr("Training &Chart"), this, [this] { m_pages->setCurrentIndex(TrainingPage); });
    showTraining->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *showDataset = m_viewMenu->addAction(tr("Dataset &Browser"), this, [this] { m_pages->setCurrentIndex(DatasetPage); });
    showDataset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction *showRecommendations = m_viewMenu->addAction(tr("&Recommendations"), this, [this] { m_pages->setCurrentIndex(RecommendationsPage); });
    showRecommendations->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    QAction *showRuns = m_viewMenu->addAction(tr("R&uns"), this, [this] { m_pages->setCurrentIndex(RunsPageIndex); });
    showRuns->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    QAction *showLandscape = m_viewMenu->addAction(tr("α–β &Landscape"), this, [this] { m_pages->setCurrentIndex(LandscapePageIndex); });
    showLandscape->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    QAction *showAblation = m_viewMenu->addAction(tr("Modality &Ablation"), this, [this] { m_pages->setCurrentIndex(AblationPageIndex); });
    showAblation->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_logScaleAction);
    m_presenterAction = m_viewMenu->addAction(tr("&Presenter Mode"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presenterAction->setToolTip(tr("Larger type, high contrast, thicker lines and a layout that fits a 1024×768 projector"));
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    if (Language *language = Language::instance()) {
        m_viewMenu->addSeparator();
        m_viewMenu->addMenu(language->createMenu(m_viewMenu));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addMenu(m_lessons->createMenu(help));
    help->addAction(tr("&Start Page…"), this, &MainWindow::showStartPage);
    help->addSeparator();
    help->addAction(tr("&About FusionLab"), this, [this] {
        QMessageBox::about(this, tr("About FusionLab"),
                           tr("<b>FusionLab %1</b><p>A lab for cross-modal feature fusion in recommender systems: "
                              "embed each modality, fuse them (F = αE₁ + βE₂ and other operators), and watch a model learn.</p>")
                               .arg(QStringLiteral(FUSIONLAB_VERSION)));
    });
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings::recentDatasets();
    for (const QString &path : recent) {
        const QString label = path == QLatin1String("demo") ? tr("Demo dataset") : path;
        m_recentMenu->addAction(label, this, [this, path] { openDataset(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openDataset(const QString &pathOrDemo, DatasetFormat format)
{
    m_controller->openDataset(pathOrDemo, format);
}

void MainWindow::openLesson(int number)
{
    m_lessons->openLesson(number);
}

void MainWindow::showStartPage()
{
    auto *page = new StartPage(this);
    page->setAttribute(Qt::WA_DeleteOnClose);
    connect(page, &StartPage::lessonChosen, this, &MainWindow::openLesson);
    page->open();
}

void MainWindow::showOpenDialog()
{
    // The filter chosen is the format: "detect" reads the file's folder and header to decide. Any file
    // of a MovieLens, MMRec or RecBole folder opens the whole dataset.
    const std::vector<std::pair<DatasetFormat, QString>> filters{
        {DatasetFormat::Auto, tr("Any dataset FusionLab reads (manifest.json *.json *.inter *.csv *.dat u.data *.item *.npy)")},
        {DatasetFormat::Manifest, tr("FusionLab manifest (*.json)")},
        {DatasetFormat::MovieLens, tr("MovieLens (ratings.csv movies.csv u.data u.item ratings.dat movies.dat)")},
        {DatasetFormat::Mmrec, tr("MMRec (*.inter *.npy)")},
        {DatasetFormat::RecBole, tr("RecBole atomic files (*.inter *.item *.user)")},
        {DatasetFormat::Auto, tr("All files (*)")},
    };
    QStringList names;
    for (const auto &filter : filters)
        names << filter.second;
    QString selected;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Dataset"), QString(), names.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    DatasetFormat format = DatasetFormat::Auto;
    for (const auto &filter : filters) {
        if (filter.second == selected)
            format = filter.first;
    }
    // A file inside a dataset folder stands for the folder (manifests and .inter files name themselves).
    const QFileInfo info(path);
    const bool namesItself = format == DatasetFormat::Manifest || info.suffix() == QLatin1String("json")
        || info.suffix() == QLatin1String("inter");
    openDataset(namesItself ? path : info.absolutePath(), format);
}

void MainWindow::showExportDialog()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QStringLiteral("loss.png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;Curves as CSV (*.csv)"), &selected);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportChart(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
}

bool MainWindow::exportChart(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return m_chart->exportPng(path, error);
    if (suffix == QLatin1String("svg"))
        return m_chart->exportSvg(path, error);
    if (suffix == QLatin1String("csv"))
        return m_chart->exportCsv(path, error);
    if (error)
        *error = tr("%1: choose a file ending in .png, .svg or .csv.").arg(path);
    return false;
}

QString MainWindow::statusText() const
{
    return QStringList{m_stateLabel->text(), m_epochLabel->text(), m_lossLabel->text(), m_speedLabel->text()}.join(QStringLiteral(" | "));
}

void MainWindow::onStateChanged(TrainingSession::State state)
{
    QString text;
    switch (state) {
    // A prepared run waits paused for its first epoch: to a class that is not "Paused", nothing ran.
    case TrainingSession::State::Idle: text = tr("Ready — press Train or Step"); break;
    case TrainingSession::State::Preparing: text = tr("Embedding and fusing …"); break;
    case TrainingSession::State::Running: text = tr("Training"); break;
    case TrainingSession::State::Paused:
        text = m_chart->currentEpochCount() > 0 ? tr("Paused") : tr("Ready — press Train or Step");
        break;
    case TrainingSession::State::Finished: text = tr("Finished"); break;
    case TrainingSession::State::Failed: text = tr("Stopped"); break;
    }
    m_stateLabel->setText(text);
    if (state == TrainingSession::State::Preparing && !m_controller->isLoading()) {
        // Embedding a large dataset (thousands of images) takes a while: show it and let it be stopped.
        m_busy->begin(tr("Embedding"), [this] { m_controller->session()->stop(); });
    } else if (state != TrainingSession::State::Preparing && !m_controller->isLoading()) {
        m_busy->finish();
    }
    const bool running = state == TrainingSession::State::Running;
    // A new run prepares between two running ones on every α change: the chart stays in its
    // streaming look meanwhile, rather than switching its pens and antialiasing off and on again
    // (each switch re-strokes every curve: the longest pause after an edit).
    m_chart->setLive(running || state == TrainingSession::State::Preparing);
    if (!running) {
        showLatest();
        showStep();
    }
    // The speed of a stretch of training is shown when it stops: the epochs it drew over the time it
    // took. A single Step has no speed worth a number.
    if (running && !m_stretchClock.isValid()) {
        m_stretchClock.start();
        m_stretchEpochs = 0;
    } else if (!running && m_stretchClock.isValid()) {
        const qint64 ns = m_stretchClock.nsecsElapsed();
        m_stretchClock.invalidate();
        if (m_stretchEpochs >= 2 && ns > 0)
            m_speedLabel->setText(tr("%1 epochs/s").arg(QLocale().toString(1e9 * m_stretchEpochs / double(ns), 'f', 0)));
        else
            m_speedLabel->clear();
    }
    m_trainAction->setText(running ? tr("Pause") : state == TrainingSession::State::Paused && m_chart->currentEpochCount() > 0 ? tr("Resume") : tr("Train"));
}

void MainWindow::onProgress(int runId, const QList<EpochRecord> &epochs)
{
    if (runId != m_controller->currentRunId() || epochs.isEmpty())
        return;
    m_chart->appendEpochs(runId, epochs);
    m_latest = epochs.back();
    m_speedEpochs += int(epochs.size());
    if (m_stretchClock.isValid())
        m_stretchEpochs += int(epochs.size());
    // A paused run shows its last epoch at once (Step); a running one on the text timer.
    if (m_controller->session()->state() != TrainingSession::State::Running)
        showLatest();
    else if (!m_textTimer.isActive())
        m_textTimer.start();
}

void MainWindow::showLatest()
{
    m_textTimer.stop();
    if (!m_latest)
        return;
    const EpochRecord last = *m_latest;
    m_formulas->setEpoch(last);
    m_modalities->setLearnedWeights(last.fusionWeights);
    m_epochLabel->setText(tr("epoch %1").arg(QLocale().toString(last.epoch)));
    // Popularity and item-kNN are counted, not trained: they have no loss at all.
    if (!std::isfinite(last.trainLoss))
        m_lossLabel->setText(tr("no loss: this model is counted, not trained"));
    else if (!std::isfinite(last.validationLoss))
        m_lossLabel->setText(tr("train loss %1").arg(QLocale().toString(last.trainLoss, 'g', 5)));
    else
        m_lossLabel->setText(tr("train loss %1 · validation loss %2")
                                 .arg(QLocale().toString(last.trainLoss, 'g', 5), QLocale().toString(last.validationLoss, 'g', 5)));
    const qint64 ms = m_speedClock.elapsed();
    if (ms >= 500 && m_controller->session()->state() == TrainingSession::State::Running) {
        m_speedLabel->setText(tr("%1 epochs/s").arg(QLocale().toString(1000.0 * m_speedEpochs / ms, 'f', 0)));
        m_speedEpochs = 0;
        m_speedClock.restart();
    }
    if (m_controller->session()->state() == TrainingSession::State::Paused)
        m_trainAction->setText(tr("Resume"));
}

void MainWindow::showStep()
{
    if (!m_lastStep)
        return;
    const StepReport &report = *m_lastStep;
    // A rise is the moment to look: the sentence says why, in the loss chart's validation colour.
    QPalette palette;
    if (report.kind == StepReport::Kind::Forward && (report.rose() || !std::isfinite(report.lossAfter)))
        palette.setColor(QPalette::WindowText, QColor(170, 60, 0));
    m_stepLabel->setPalette(palette);
    m_stepLabel->setText(StepExplanation::describe(report));
}

void MainWindow::updateStepBackAction()
{
    if (!m_controller->config().model.isLinear()) {
        m_stepBackAction->setEnabled(false);
        m_stepBackAction->setToolTip(tr("Step back is for the linear regression: a ranking model has a vector per user "
                                        "and item, too much to keep a copy of for each of the last 1,000 epochs."));
        return;
    }
    m_stepBackAction->setEnabled(m_stepBackDepth > 0);
    m_stepBackAction->setToolTip(tr("Undo the last epoch exactly: W, b and the optimizer's state as they were (←). "
                                    "The last %1 epochs can be undone.")
                                     .arg(QLocale().toString(TrainingSession::stepBackHistory)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (presenterMode()) {
        AppSettings::setPresenterWindowState(saveState());
        if (!m_normalGeometry.isEmpty())
            AppSettings::setWindowGeometry(m_normalGeometry);
    } else {
        AppSettings::setWindowGeometry(saveGeometry());
        AppSettings::setWindowState(saveState());
    }
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) {
        openDataset(urls.front().toLocalFile());
        event->acceptProposedAction();
    }
}

} // namespace fl
