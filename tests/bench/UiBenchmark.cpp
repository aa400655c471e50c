#include "UiBenchmark.h"

#include "ui/AppSettings.h"
#include "ui/DatasetBrowser.h"
#include "ui/ExperimentController.h"
#include "ui/LossChartView.h"
#include "ui/MainWindow.h"
#include "ui/RecommendationsPanel.h"
#include "ui/ModalitiesPanel.h"

#include <QAction>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTabWidget>
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

QJsonObject runUiBenchmark(double seconds, int weightChanges)
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
    window.openDataset(QStringLiteral("demo"));
    if (!waitFor([&] { return controller->dataset() && session->state() == fl::TrainingSession::State::Paused; }, 30000))
        return {{"error", "the demo dataset did not load"}};
    const double msToReady = startup.nsecsElapsed() * 1e-6;

    fl::TrainingConfig training = controller->config().training;
    training.epochs = 100000000;
    training.learningRate = 0.001;
    controller->setTrainingConfig(training);
    window.trainAction()->trigger();

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

    // α changes spread over the run: from the committed edit to the new run's points on the chart.
    std::vector<double> toPoints;
    QElapsedTimer total;
    total.start();
    const double changeEvery = seconds / (weightChanges + 1);
    for (int k = 1; k <= weightChanges; ++k) {
        waitFor([&] { return total.elapsed() >= changeEvery * 1000 * k; }, int(seconds * 2000));
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
    waitFor([&] { return total.elapsed() >= seconds * 1000; }, int(seconds * 2000));
    probe.stop();
    qApp->removeEventFilter(&profiler);
    if (profile) {
        for (const auto &[end, length] : gaps)
            profiler.printGap(end - length, end);
    }
    profiler.print();
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

    QJsonObject result{{"mode", "ui"},
                       {"ms_to_ready", msToReady},
                       {"seconds", seconds},
                       {"samples", int(stalls.size())},
                       {"max_stall_ms", stalls.empty() ? 0.0 : *std::max_element(stalls.begin(), stalls.end())},
                       {"p99_stall_ms", percentile(stalls, 0.99)},
                       {"max_stall_ui_cpu_ms", maxStallCpu},
                       {"epochs_in_last_run", epochs},
                       {"ms_chart_paint", chartPaintMs},
                       {"ms_window_paint", windowPaintMs},
                       {"weight_changes", weightChanges},
                       {"ms_to_first_points_median", percentile(toPoints, 0.5)},
                       {"ms_to_first_points_max", toPoints.empty() ? 0.0 : *std::max_element(toPoints.begin(), toPoints.end())}};
    return result;
}

bool writeScreenshots(const QString &directory)
{
    QStandardPaths::setTestModeEnabled(true);
    fl::AppSettings::clear();
    fl::MainWindow window;
    window.resize(1400, 860);
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
    model.kind = QStringLiteral("hybrid");
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
