#include "UiBenchmark.h"

#include "ui/AblationPage.h"
#include "ui/AppSettings.h"
#include "ui/DatasetBrowser.h"
#include "ui/ExperimentController.h"
#include "ui/LandscapePage.h"
#include "ui/LandscapeView.h"
#include "ui/Language.h"
#include "ui/LessonPanel.h"
#include "ui/LossChartView.h"
#include "ui/MainWindow.h"
#include "ui/RecommendationsPanel.h"
#include "ui/ModalitiesPanel.h"
#include "ui/RunHistoryModel.h"
#include "ui/RunsPage.h"
#include "ui/Workbench.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>

namespace {

// Spins the event loop until `done` holds or `timeoutMs` passes.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// Counts the paint events a widget receives.
struct PaintWatch : QObject
{
    explicit PaintWatch(QWidget *widget)
        : m_widget(widget)
    {
        widget->installEventFilter(this);
    }
    ~PaintWatch() override { m_widget->removeEventFilter(this); }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::Paint)
            ++count;
        return false;
    }
    QWidget *m_widget;
    int count = 0;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

// Milliseconds on a POSIX clock: this thread's CPU time, or the wall clock.
double clockMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

// With FUSIONLAB_PROFILE_EVENTS set: the UI thread's wall and CPU time between consecutive events,
// charged to the earlier event (receiver class and type). Wall far above CPU means the thread waited
// (a lock, the scheduler); CPU time finds the heavy handlers even on a loaded machine.
class EventProfiler : public QObject
{
public:
    struct Entry
    {
        double wall;
        double cpu;
        QString what;
        double start = 0;   // CLOCK_MONOTONIC, ms
    };
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const double cpu = clockMs(CLOCK_THREAD_CPUTIME_ID);
        const double wall = clockMs(CLOCK_MONOTONIC);
        if (!m_last.isEmpty())
            m_worst.push_back({wall - m_lastWall, cpu - m_lastCpu, m_last, m_lastWall});
        // The receiver, its parent's class (a viewport is a plain QWidget: the parent says whose) and
        // the event type.
        const QObject *parent = watched->parent();
        m_last = QStringLiteral("%1 %2(in %3) %4")
                     .arg(QLatin1String(watched->metaObject()->className()),
                          watched->objectName().isEmpty() ? QString() : watched->objectName() + QLatin1Char(' '),
                          parent ? QLatin1String(parent->metaObject()->className()) : QLatin1String("-"))
                     .arg(int(event->type()));
        m_lastCpu = cpu;
        m_lastWall = wall;
        return false;
    }
    // The events that filled a gap of the event loop (monotonic ms), in order, each at least 0.5 ms.
    void printGap(double from, double to) const
    {
        std::fprintf(stderr, "gap of %.1f ms:\n", to - from);
        for (const Entry &e : m_worst) {
            if (e.start + e.wall > from && e.start < to && e.wall >= 0.5)
                std::fprintf(stderr, "    +%6.1f  wall %6.2f  cpu %6.2f  %s\n", e.start - from, e.wall, e.cpu, qPrintable(e.what));
        }
    }
    void print()
    {
        std::sort(m_worst.begin(), m_worst.end(), [](const Entry &a, const Entry &b) { return a.wall > b.wall; });
        for (size_t i = 0; i < std::min<size_t>(20, m_worst.size()); ++i)
            std::fprintf(stderr, "wall %8.2f ms  cpu %8.2f ms  %s\n", m_worst[i].wall, m_worst[i].cpu, qPrintable(m_worst[i].what));
    }

private:
    QString m_last;
    double m_lastCpu = 0;
    double m_lastWall = 0;
    std::vector<Entry> m_worst;
};

} // namespace

QJsonObject runUiBenchmark(double seconds, int weightChanges, UiLoad load)
{
    QStandardPaths::setTestModeEnabled(true);
    fl::AppSettings::clear();
    // Start-up as a user sees it: from creating the window to the demo loaded, embedded, fused and
    // its run prepared (the formulas show the closed-form floor).
    QElapsedTimer startup;
    startup.start();
    fl::MainWindow window;
    window.resize(1280, 800);
    window.show();
    fl::ExperimentController *controller = window.controller();
    fl::TrainingSession *session = controller->session();
    fl::LandscapePage *landscapePage = window.workbench()->landscapePage();
    fl::AblationPage *ablationPage = window.workbench()->ablationPage();
    window.openDataset(QStringLiteral("demo"));
    if (!waitFor([&] { return controller->dataset() && session->state() == fl::TrainingSession::State::Paused; }, 30000))
        return {{"error", "the demo dataset did not load"}};
    const double msToReady = startup.nsecsElapsed() * 1e-6;

    const bool trainedGrid = load == UiLoad::Sweep || load == UiLoad::Ablation;
    if (load == UiLoad::Ablation)
        weightChanges = 0;   // any change of the settings cancels a running ablation
    if (trainedGrid) {
        // The hybrid recommender for 50 epochs without early stopping: every cell and every ablation
        // run is a real training run of about a second, and so is each of the session's runs.
        fl::ModelConfig model = controller->config().model;
        model.kind = fl::ModelKind::Hybrid;
        model.patience = 0;
        controller->setModelConfig(model);
        fl::TrainingConfig training = controller->config().training;
        training.epochs = 50;
        controller->setTrainingConfig(training);
        if (!waitFor([&] { return session->state() == fl::TrainingSession::State::Paused; }, 30000))
            return {{"error", "the hybrid's run was not prepared"}};
    } else {
        fl::TrainingConfig training = controller->config().training;
        training.epochs = 100000000;
        training.learningRate = 0.001;
        controller->setTrainingConfig(training);
    }
    window.trainAction()->trigger();
    // The session trains all the time: a run that ends (the hybrid's, after its 50 epochs) is followed
    // by another of the same settings.
    bool measuring = true;
    int sessionRuns = 1;
    QObject keepTraining;
    QObject::connect(session, &fl::TrainingSession::stateChanged, &keepTraining, [&](fl::TrainingSession::State state) {
        if (state != fl::TrainingSession::State::Finished || !measuring)
            return;
        QTimer::singleShot(0, &keepTraining, [&] {
            if (!measuring || session->state() != fl::TrainingSession::State::Finished)
                return;
            ++sessionRuns;
            controller->reset();
            controller->train();
        });
    });

    // The background work, restarted whenever it completes so that it runs through the measurement.
    // Sweep: a trained 5 × 5 landscape of the hybrid; ablation: every modality subset over 3 seeds;
    // landscape: the regression's closed-form 101 × 101 grid, computed when its page is shown and
    // again after every change of the settings.
    int rounds = 0;
    int cellsBefore = 0;        // cells or runs of the completed rounds
    std::vector<double> landscapeMs;
    QElapsedTimer sinceStart;
    QObject background;
    auto startBackground = [&] {
        sinceStart.restart();
        if (load == UiLoad::Sweep)
            landscapePage->compute();
        else if (load == UiLoad::Ablation)
            ablationPage->run();
    };
    QObject::connect(landscapePage, &fl::LandscapePage::finished, &background, [&] {
        if (!measuring)
            return;
        ++rounds;
        landscapeMs.push_back(sinceStart.nsecsElapsed() * 1e-6);
        cellsBefore += landscapePage->view()->landscape().filled;
        if (load == UiLoad::Sweep)
            QTimer::singleShot(0, &background, startBackground);
    });
    QObject::connect(ablationPage, &fl::AblationPage::finished, &background, [&] {
        if (!measuring)
            return;
        ++rounds;
        cellsBefore += int(ablationPage->ablation().runs.size());
        QTimer::singleShot(0, &background, startBackground);
    });
    // The page of the background work is on screen for the first half (its progress, its grid or
    // table filling in), the Training page for the second half.
    const int backgroundPage = load == UiLoad::Ablation ? fl::MainWindow::AblationPageIndex : fl::MainWindow::LandscapePageIndex;
    if (load != UiLoad::None) {
        window.pages()->setCurrentIndex(backgroundPage);
        startBackground();
    }
    const int plannedPerRound = load == UiLoad::Sweep      ? int(landscapePage->view()->landscape().cells.size())
                                : load == UiLoad::Ablation ? ablationPage->ablation().planned
                                                           : 0;

    // Event-loop gaps, sampled by a 2 ms timer: a gap longer than the interval is a stall.
    constexpr int tick = 2;
    std::vector<double> stalls;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(tick);
    std::vector<std::pair<double, double>> gaps;   // the stalls' ends and lengths (monotonic ms), to profile
    // The UI thread's own CPU time in the longest stall: near the stall, the thread was busy with its
    // own work; far below it, it was waiting (for a core, a lock or the kernel).
    double cpuAtTick = clockMs(CLOCK_THREAD_CPUTIME_ID);
    double maxStallCpu = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const double stall = std::max(0.0, sinceTick.nsecsElapsed() * 1e-6 - tick);
        const double cpu = clockMs(CLOCK_THREAD_CPUTIME_ID);
        if (stalls.empty() || stall > *std::max_element(stalls.begin(), stalls.end()))
            maxStallCpu = cpu - cpuAtTick;
        cpuAtTick = cpu;
        stalls.push_back(stall);
        if (stall > 25)
            gaps.emplace_back(clockMs(CLOCK_MONOTONIC), stall + tick);
        sinceTick.restart();
    });
    probe.start();
    EventProfiler profiler;
    const bool profile = qEnvironmentVariableIsSet("FUSIONLAB_PROFILE_EVENTS");
    if (profile)
        qApp->installEventFilter(&profiler);

    // Changes spread over the run. α (the regression, the sweep): from the committed edit to the new
    // run's points on the chart, when the chart is on screen. On the Landscape page (--landscape): η,
    // which the session takes on the fly and which makes the page compute its grid again.
    std::vector<double> toPoints;
    QElapsedTimer total;
    total.start();
    bool switched = load == UiLoad::None;
    auto switchHalfway = [&] {
        if (!switched && load != UiLoad::Landscape && total.elapsed() >= seconds * 500) {
            window.pages()->setCurrentIndex(fl::MainWindow::TrainingPage);
            switched = true;
        }
    };
    const double changeEvery = seconds / (weightChanges + 1);
    for (int k = 1; k <= weightChanges; ++k) {
        waitFor([&] {
            switchHalfway();
            return total.elapsed() >= changeEvery * 1000 * k;
        }, int(seconds * 2000));
        if (load == UiLoad::Landscape) {
            fl::TrainingConfig training = controller->config().training;
            training.learningRate = k % 2 ? 0.002 : 0.001;
            sinceStart.restart();
            controller->setTrainingConfig(training);
            continue;
        }
        QElapsedTimer latency;
        latency.start();
        double prepared = -1, firstEpochs = -1;
        QObject stages;
        QObject::connect(session, &fl::TrainingSession::runPrepared, &stages, [&](int) {
            if (prepared < 0)
                prepared = latency.nsecsElapsed() * 1e-6;
        });
        QObject::connect(session, &fl::TrainingSession::progress, &stages, [&](int id) {
            if (firstEpochs < 0 && id == controller->currentRunId())
                firstEpochs = latency.nsecsElapsed() * 1e-6;
        });
        window.modalitiesPanel()->weightSpinBox(0)->setValue(k % 2 ? 0.8 : 0.4);
        const double committed = latency.nsecsElapsed() * 1e-6;
        if (window.pages()->currentIndex() != fl::MainWindow::TrainingPage)
            continue;
        const int runId = controller->currentRunId();
        // On screen: the first paint of the plot after the new run's points were handed to its series.
        PaintWatch paints(window.chart()->plotWidget());
        waitFor([&] { return window.chart()->currentRunId() == runId && window.chart()->currentDisplayedPointCount() > 0; }, 5000);
        const int paintsBefore = paints.count;
        waitFor([&] { return paints.count > paintsBefore; }, 5000);
        toPoints.push_back(latency.nsecsElapsed() * 1e-6);
        if (profile) {
            std::fprintf(stderr, "change %d: edit handled %.1f ms, prepared %.1f, first epochs %.1f, on the chart %.1f\n",
                         k, committed, prepared, firstEpochs, toPoints.back());
        }
    }
    waitFor([&] {
        switchHalfway();
        return total.elapsed() >= seconds * 1000;
    }, int(seconds * 2000));
    probe.stop();
    measuring = false;
    qApp->removeEventFilter(&profiler);
    if (profile) {
        for (const auto &[end, length] : gaps)
            profiler.printGap(end - length, end);
    }
    profiler.print();
    // The cells or runs finished in the round under way when the measurement ended.
    int doneNow = 0;
    if (load == UiLoad::Sweep && landscapePage->isComputing())
        doneNow = landscapePage->view()->landscape().filled;
    else if (load == UiLoad::Ablation && ablationPage->isRunning())
        doneNow = int(ablationPage->ablation().runs.size());
    landscapePage->cancel();
    ablationPage->cancel();
    window.pages()->setCurrentIndex(fl::MainWindow::TrainingPage);
    const int epochs = window.chart()->currentEpochCount();
    // What one repaint costs, for the record: the chart alone and the whole window.
    QElapsedTimer paint;
    paint.start();
    for (int k = 0; k < 5; ++k)
        window.chart()->grab();
    const double chartPaintMs = paint.nsecsElapsed() * 1e-6 / 5;
    paint.restart();
    for (int k = 0; k < 5; ++k)
        window.grab();
    const double windowPaintMs = paint.nsecsElapsed() * 1e-6 / 5;
    window.close();

    static const char *const loadNames[] = {"none", "sweep", "ablation", "landscape"};
    QJsonObject result{{"mode", "ui"},
                       {"load", loadNames[int(load)]},
                       {"ms_to_ready", msToReady},
                       {"seconds", seconds},
                       {"samples", int(stalls.size())},
                       {"max_stall_ms", stalls.empty() ? 0.0 : *std::max_element(stalls.begin(), stalls.end())},
                       {"p99_stall_ms", percentile(stalls, 0.99)},
                       {"max_stall_ui_cpu_ms", maxStallCpu},
                       {"epochs_in_last_run", epochs},
                       {"session_runs", sessionRuns},
                       {"ms_chart_paint", chartPaintMs},
                       {"ms_window_paint", windowPaintMs},
                       {"weight_changes", load == UiLoad::Landscape ? 0 : weightChanges}};
    if (!toPoints.empty()) {
        result.insert(QStringLiteral("ms_to_first_points_median"), percentile(toPoints, 0.5));
        result.insert(QStringLiteral("ms_to_first_points_max"), *std::max_element(toPoints.begin(), toPoints.end()));
    }
    switch (load) {
    case UiLoad::None:
        break;
    case UiLoad::Sweep:
        result.insert(QStringLiteral("sweep_cells_per_round"), plannedPerRound);
        result.insert(QStringLiteral("sweep_rounds_done"), rounds);
        result.insert(QStringLiteral("sweep_cells_done"), cellsBefore + doneNow);
        break;
    case UiLoad::Ablation:
        result.insert(QStringLiteral("ablation_runs_per_round"), plannedPerRound);
        result.insert(QStringLiteral("ablation_rounds_done"), rounds);
        result.insert(QStringLiteral("ablation_runs_done"), cellsBefore + doneNow);
        break;
    case UiLoad::Landscape:
        result.insert(QStringLiteral("learning_rate_changes"), weightChanges);
        result.insert(QStringLiteral("landscapes_done"), rounds);
        result.insert(QStringLiteral("landscape_cells_done"), cellsBefore);
        result.insert(QStringLiteral("ms_landscape_median"), percentile(landscapeMs, 0.5));
        result.insert(QStringLiteral("ms_landscape_max"),
                      landscapeMs.empty() ? 0.0 : *std::max_element(landscapeMs.begin(), landscapeMs.end()));
        break;
    }
    return result;
}

namespace {

// The Training, Dataset and Recommendations pages: mid-training with a ghost and an η marker, the
// divergence message, the hybrid's ranking metrics and one user's recommendations.
bool writeTrainingScreenshots(const QString &directory, QSize size)
{
    QTemporaryDir autosave;
    fl::AppSettings::clear();
    fl::MainWindow window(nullptr, autosave.path());
    window.resize(size);
    window.show();
    fl::ExperimentController *controller = window.controller();
    fl::TrainingSession *session = controller->session();
    window.openDataset(QStringLiteral("demo"));
    if (!waitFor([&] { return controller->dataset() && session->state() == fl::TrainingSession::State::Paused; }, 30000))
        return false;
    auto settle = [] { waitFor([] { return false; }, 300); };

    // A finished run at α = 0.5, then α = 1.2 stepped to epoch 60, η raised, and on to epoch 150.
    fl::TrainingConfig training = controller->config().training;
    training.learningRate = 0.01;
    training.epochs = 200;
    controller->setTrainingConfig(training);
    window.trainAction()->trigger();
    waitFor([&] { return window.chart()->currentEpochCount() == 200; }, 20000);
    fl::PipelineConfig pipeline = controller->config().pipeline;
    pipeline.modalities[0].weight = 1.2;
    controller->pause();
    controller->setPipelineConfig(pipeline);
    waitFor([&] { return session->state() == fl::TrainingSession::State::Paused; }, 20000);
    auto stepTo = [&](int epoch) {
        while (window.chart()->currentEpochCount() < epoch) {
            const int before = window.chart()->currentEpochCount();
            controller->step();
            waitFor([&] { return window.chart()->currentEpochCount() > before; }, 5000);
        }
    };
    stepTo(60);
    training.learningRate = 0.03;
    controller->setTrainingConfig(training);
    stepTo(150);
    settle();
    if (!window.grab().save(directory + QStringLiteral("/window-training.png")))
        return false;

    // The Dataset page once its summary and the first thumbnails are in.
    window.pages()->setCurrentWidget(window.datasetBrowser());
    waitFor([&] { return !window.datasetBrowser()->isSummarizing(); }, 20000);
    waitFor([] { return false; }, 1500);
    if (!window.grab().save(directory + QStringLiteral("/window-dataset.png")))
        return false;
    window.pages()->setCurrentIndex(0);

    training.learningRate = 5.0;
    controller->setTrainingConfig(training);
    controller->reset();
    waitFor([&] { return session->state() == fl::TrainingSession::State::Paused; }, 20000);
    window.trainAction()->trigger();
    waitFor([&] { return session->state() == fl::TrainingSession::State::Failed; }, 20000);
    settle();
    if (!window.grab().save(directory + QStringLiteral("/window-divergence.png")))
        return false;

    // The hybrid recommender on the cold-start split, trained with BPR and Adam, then its
    // recommendations for one user with the parts of every score.
    fl::ModelConfig model = controller->config().model;
    model.kind = fl::ModelKind::Hybrid;
    model.loss = fl::LossKind::Bpr;
    model.split.kind = fl::RecSplitKind::ColdItems;
    controller->setModelConfig(model);   // brings the recommendation models' training settings
    pipeline = controller->config().pipeline;
    pipeline.op = fl::FusionOp::Concat;   // style (text) and colour (image) kept apart: see the README
    controller->setPipelineConfig(pipeline);
    training = controller->config().training;
    training.epochs = 40;
    controller->setTrainingConfig(training);
    waitFor([&] { return session->state() == fl::TrainingSession::State::Paused; }, 20000);
    window.trainAction()->trigger();
    waitFor([&] { return session->state() == fl::TrainingSession::State::Finished; }, 60000);
    settle();
    if (!window.grab().save(directory + QStringLiteral("/window-ranking.png")))
        return false;
    window.pages()->setCurrentIndex(fl::MainWindow::RecommendationsPage);
    window.recommendationsPanel()->setCurrentUser(7);
    waitFor([&] { return !window.recommendationsPanel()->recommendations().empty(); }, 20000);
    waitFor([] { return false; }, 1500);
    return window.grab().save(directory + QStringLiteral("/window-recommendations.png"));
}

// The workbench pages, from runs trained through the window's controller: the Runs page with five α
// runs and one without the image modality (three of them overlaid), the regression's closed-form
// landscape with its best cell, and an ablation of the regression over 3 seeds.
bool writeWorkbenchScreenshots(const QString &directory, QSize size, const QString &suffix)
{
    QTemporaryDir autosave;   // a history of its own, not the one of the window before
    fl::AppSettings::clear();
    fl::MainWindow window(nullptr, autosave.path());
    window.resize(size);
    window.show();
    fl::ExperimentController *controller = window.controller();
    fl::TrainingSession *session = controller->session();
    fl::Workbench *workbench = window.workbench();
    window.openDataset(QStringLiteral("demo"));
    if (!waitFor([&] { return controller->dataset() && session->state() == fl::TrainingSession::State::Paused; }, 30000))
        return false;
    auto settle = [] { waitFor([] { return false; }, 500); };
    auto save = [&](const char *name) {
        settle();
        const QString path = directory + QStringLiteral("/window-%1%2.png").arg(QLatin1String(name), suffix);
        const bool saved = window.grab().save(path);
        if (!saved)
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return saved;
    };

    fl::TrainingConfig training = controller->config().training;
    training.learningRate = 0.01;
    training.epochs = 200;
    controller->setTrainingConfig(training);
    // Each run to its end, recorded on the Runs page. Started paused, then trained, so that the run
    // waited for is the new one.
    auto trainRun = [&](const fl::PipelineConfig &pipeline) {
        controller->pause();
        controller->setPipelineConfig(pipeline);
        const int runId = controller->currentRunId();
        bool recorded = false;
        QObject watch;
        QObject::connect(session, &fl::TrainingSession::runRecorded, &watch, [&](int id, const fl::RunRecord &record) {
            recorded = recorded || (id == runId && record.status != QLatin1String("superseded"));
        });
        controller->train();
        return waitFor([&] { return recorded; }, 30000);
    };
    // The image modality off first, then α from 2 down to the demo's 0.5, where the window stays.
    const fl::PipelineConfig base = controller->config().pipeline;
    fl::PipelineConfig withoutImage = base;
    if (fl::ModalityConfig *image = withoutImage.modality(QStringLiteral("image")))
        image->enabled = false;
    if (!trainRun(withoutImage))
        return false;
    for (double alpha : {2.0, 1.5, 1.0, 0.25, base.modalities[0].weight}) {
        fl::PipelineConfig pipeline = base;
        pipeline.modalities[0].weight = alpha;
        if (!trainRun(pipeline))
            return false;
    }

    // The pages get the width of the Formulas and Weights column, which explains the Training page: at
    // 1400 pixels beside both dock columns the Landscape and Ablation pages scroll sideways.
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        if (window.dockWidgetArea(dock) == Qt::RightDockWidgetArea)
            dock->hide();
    }

    const std::vector<fl::RunRecord> &runs = workbench->history()->records();
    QStringList chosen;
    for (const fl::RunRecord &run : runs) {
        const std::vector<fl::ModalityConfig> &modalities = run.config.pipeline.modalities;
        const bool imageOff = std::any_of(modalities.begin(), modalities.end(), [](const fl::ModalityConfig &m) {
            return m.name == QLatin1String("image") && !m.enabled;
        });
        if (imageOff || modalities[0].weight == 0.25 || modalities[0].weight == 1.5)
            chosen << run.id;
    }
    window.pages()->setCurrentIndex(fl::MainWindow::RunsPageIndex);
    workbench->runsPage()->setSmoothing(0.6);
    workbench->runsPage()->selectRuns(chosen);
    if (!save("runs"))
        return false;

    // Text against image (the vertical axis stayed on price while image was off); the closed form
    // computes itself when the page is shown.
    fl::LandscapePage *landscape = workbench->landscapePage();
    for (QComboBox *axis : landscape->findChildren<QComboBox *>()) {
        if (axis->accessibleName() == QLatin1String("Vertical axis"))
            axis->setCurrentText(QStringLiteral("image"));
    }
    bool landscapeDone = false;
    QObject::connect(landscape, &fl::LandscapePage::finished, landscape, [&] { landscapeDone = true; });
    window.pages()->setCurrentIndex(fl::MainWindow::LandscapePageIndex);
    if (!waitFor([&] { return landscapeDone && landscape->view()->landscape().best() >= 0; }, 60000))
        return false;
    if (!save("landscape"))
        return false;

    // Runs that reach their floor (η = 0.3, below the demo's 2/λ_max ≈ 0.46), so that the bars
    // compare what each subset can learn rather than how far 200 epochs at η = 0.01 got.
    fl::RunConfig converging = window.controller()->config();
    converging.training.learningRate = 0.3;
    window.controller()->applyConfig(converging);
    fl::AblationPage *ablation = workbench->ablationPage();
    bool ablationDone = false;
    QObject::connect(ablation, &fl::AblationPage::finished, ablation, [&] { ablationDone = true; });
    window.pages()->setCurrentIndex(fl::MainWindow::AblationPageIndex);
    ablation->run();
    if (!waitFor([&] { return ablationDone; }, 120000) || ablation->ablation().runs.empty())
        return false;
    return save("ablation");
}

// The teaching screenshots: lesson 1 a few epochs into its run, lesson 4 trained a while and presenter
// mode after a run, all at 1024 × 768 (a projector); then in Simplified Chinese the training window after two runs (at `size`)
// and lesson 2 after it diverged (at 1024 × 768).
bool writeTeachingScreenshots(const QString &directory, QSize size, const QString &suffix)
{
    const QSize projector(1024, 768);
    auto save = [&](fl::MainWindow &window, const char *name) {
        waitFor([] { return false; }, 500);
        const QString path = directory + QStringLiteral("/window-%1%2.png").arg(QLatin1String(name), suffix);
        const QPixmap shot = window.grab();
        const bool saved = shot.save(path);
        if (!saved)
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        else if (shot.size() != window.size())
            std::fprintf(stderr, "%s: %dx%d\n", qPrintable(path), shot.width(), shot.height());
        return saved;
    };
    auto ready = [](fl::MainWindow &window) {
        fl::ExperimentController *controller = window.controller();
        return waitFor([&] { return controller->dataset() && controller->session()->state() == fl::TrainingSession::State::Paused; },
                       30000);
    };
    // A run with changed settings, trained to its end and all on the chart. Started paused, then
    // trained, so that the run waited for is the new one (the previous one stays as the ghost).
    auto trainRun = [](fl::MainWindow &window, const std::function<void(fl::ExperimentController *)> &change) {
        fl::ExperimentController *controller = window.controller();
        controller->pause();
        change(controller);
        const int runId = controller->currentRunId();
        bool recorded = false;
        QObject watch;
        QObject::connect(controller->session(), &fl::TrainingSession::runRecorded, &watch,
                         [&](int id, const fl::RunRecord &record) {
                             recorded = recorded || (id == runId && record.status != QLatin1String("superseded"));
                         });
        controller->train();
        const int epochs = controller->config().training.epochs;
        return waitFor([&] { return recorded; }, 60000)
            && waitFor([&] { return window.chart()->currentRunId() == runId && window.chart()->currentEpochCount() == epochs; },
                       20000);
    };
    auto setTraining = [](double learningRate, int epochs) {
        return [=](fl::ExperimentController *controller) {
            fl::TrainingConfig training = controller->config().training;
            training.learningRate = learningRate;
            training.epochs = epochs;
            controller->setTrainingConfig(training);
        };
    };
    auto failed = [](const char *what) {
        std::fprintf(stderr, "teaching screenshots: %s\n", what);
        return false;
    };
    auto openLesson = [&](fl::MainWindow &window, int number) {
        window.openLesson(number);
        return waitFor([&] { return window.lessonPanel()->isReady(); }, 60000) && ready(window);
    };

    {
        // Lesson 4 after its hybrid trained a while: the metrics chart under the loss, at 1024 × 768.
        QTemporaryDir autosave;
        fl::AppSettings::clear();
        fl::MainWindow window(nullptr, autosave.path());
        window.resize(projector);
        window.show();
        if (!openLesson(window, 4))
            return failed("lesson 4 did not open");
        fl::ExperimentController *controller = window.controller();
        controller->train();
        if (!waitFor([&] { return window.chart()->currentEpochCount() >= 15; }, 60000))
            return failed("lesson 4 did not train");
        controller->pause();
        if (!save(window, "lesson-ranking"))
            return false;
    }
    {
        QTemporaryDir autosave;
        fl::AppSettings::clear();
        fl::MainWindow window(nullptr, autosave.path());
        window.resize(projector);
        window.show();
        if (!openLesson(window, 1))
            return failed("lesson 1 did not open");
        // Its first step trains, at tens of thousands of epochs a second: stepped instead, to a few
        // epochs in, where the loss has fallen most of the way to L*.
        while (window.chart()->currentEpochCount() < 40) {
            const int before = window.chart()->currentEpochCount();
            window.controller()->step();
            if (!waitFor([&] { return window.chart()->currentEpochCount() > before; }, 5000))
                return failed("lesson 1 did not step");
        }
        if (!save(window, "lesson"))
            return false;
    }
    {
        QTemporaryDir autosave;
        fl::AppSettings::clear();
        fl::MainWindow window(nullptr, autosave.path());
        window.show();
        window.setPresenterMode(true);   // takes the whole screen: then the projector's size
        window.resize(projector);
        window.openDataset(QStringLiteral("demo"));
        if (!ready(window))
            return failed("the demo did not load in presenter mode");
        const bool trained = trainRun(window, setTraining(0.01, 200)) && save(window, "presenter");
        window.setPresenterMode(false);
        if (!trained)
            return failed("presenter mode: no run");
    }

    fl::Language::instance()->setLanguage(QStringLiteral("zh_CN"));
    const bool chinese = [&] {
        {
            QTemporaryDir autosave;
            fl::AppSettings::clear();
            fl::MainWindow window(nullptr, autosave.path());
            window.resize(size);
            window.show();
            window.openDataset(QStringLiteral("demo"));
            if (!ready(window))
                return failed("the demo did not load in Chinese");
            if (!trainRun(window, setTraining(0.01, 200)))
                return failed("Chinese: the first run did not finish");
            // α raised: the first run stays as the ghost.
            const bool raised = trainRun(window, [](fl::ExperimentController *controller) {
                fl::PipelineConfig pipeline = controller->config().pipeline;
                pipeline.modalities[0].weight = 1.2;
                controller->setPipelineConfig(pipeline);
            });
            if (!raised)
                return failed("Chinese: the second run did not finish");
            if (!save(window, "zh"))
                return false;
        }
        QTemporaryDir autosave;
        fl::AppSettings::clear();
        fl::MainWindow window(nullptr, autosave.path());
        window.resize(projector);
        window.show();
        // At 1024 pixels the two dock columns leave the chart a third of the width, too little for the
        // log axis's labels ("100,000" became "…"); the Chinese controls fit a narrower column.
        auto *controls = window.findChild<QDockWidget *>(QStringLiteral("fusionDock"));
        auto *formulas = window.findChild<QDockWidget *>(QStringLiteral("formulaDock"));
        if (controls && formulas)
            window.resizeDocks({controls, formulas}, {300, 1}, Qt::Horizontal);   // 1: clamped to its minimum
        if (!openLesson(window, 2))
            return failed("lesson 2 did not open");
        // Its second step trains at 1.2 × 2/λ_max.
        window.lessonPanel()->runStep(1);
        if (!waitFor([&] { return window.controller()->session()->state() == fl::TrainingSession::State::Failed; }, 30000))
            return failed("lesson 2 did not diverge");
        return save(window, "lesson-zh");
    }();
    fl::Language::instance()->setLanguage(QStringLiteral("en"));
    return chinese;
}

} // namespace

bool writeScreenshots(const QString &directory, QSize size, ScreenshotSet set, const QString &suffix)
{
    // Settings of their own, never this machine's: test mode for every standard path, and the settings
    // file in a folder that is removed afterwards (test mode alone shares ~/.qttest with the tests).
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir settings;
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    // English whatever the system locale says (the teaching screenshots switch to Chinese themselves).
    fl::Language language;
    language.setLanguage(QStringLiteral("en"));
    if (set == ScreenshotSet::All && !writeTrainingScreenshots(directory, size))
        return false;
    if (set != ScreenshotSet::Teaching && !writeWorkbenchScreenshots(directory, size, suffix))
        return false;
    return set == ScreenshotSet::Workbench || writeTeachingScreenshots(directory, size, suffix);
}
