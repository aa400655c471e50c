#pragma once

// Runs training on its own engine thread and talks to the rest of the program by signals (the
// mandelbrot RenderThread pattern: commands are copied in under a mutex, results go out by value).
//
// - start() begins a new run of what is being fitted; it supersedes the current one, whose id is
//   retired, so late results of a superseded run can always be told apart by their run id.
// - pause(), resume(), step() (exactly one epoch, then paused) and stop() act at epoch boundaries.
// - setLearningRate() continues the current run with the new η from the next epoch.
// - progress() carries every epoch, in batches emitted at most ~30 times a second however fast the
//   epochs run; a batch is always flushed when the run pauses, finishes or fails.
// - stepBack() undoes the last epoch exactly (the regression keeps its last stepBackHistory epochs'
//   complete state); setPlaybackSpeed() paces a running run so that a class can watch a curve form.
// - stepExplained() says what the latest epoch did, with each progress batch; parametersChanged()
//   carries the regression's weights and gradient, throttled like the formulas a reader can follow.
// The destructor stops the thread cleanly, so closing a window during a run is safe.
//
// Every signal is emitted in the session's own thread (the GUI's), never on the engine thread: the
// engine puts each emission, its arguments copied, in an outbox guarded by a mutex and asks once for
// delivery (a queued call without arguments); deliver() empties the outbox in order. Receivers may
// therefore touch the session directly, and every hand-over of data between the threads goes
// through std::mutex, where ThreadSanitizer sees it (it cannot see into Qt's own event queue: Debian's
// libQt6Core is not instrumented, so arguments of a queued signal would look like a data race).

#include "engine/data/Dataset.h"
#include "engine/training/RunDriver.h"
#include "engine/training/RunRecord.h"
#include "engine/training/RunTrainer.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace fl {

class TrainingSession : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Preparing, Running, Paused, Finished, Failed };
    Q_ENUM(State)

    explicit TrainingSession(QObject *parent = nullptr);
    ~TrainingSession() override;

    // Replaces the dataset (and drops every cached embedding); any run ends. Runs record the
    // dataset's identity: computed on the engine thread when not given.
    void setDataset(std::shared_ptr<const Dataset> dataset, DatasetIdentity identity = {});
    // Starts a new run and returns its id. With startPaused, the run is prepared and waits for
    // step() or resume().
    int start(const RunConfig &config, bool startPaused = false);
    void pause();
    void resume();
    void step();
    void stop();
    void setLearningRate(double learningRate);
    // Moves the current run's last epoch; a finished run waits for resume() to go on.
    void setEpochLimit(int epochs);
    // Pauses and undoes the current run's last epoch: parameters, optimizer state and SGD's shuffling
    // as they were (steppedBack() follows). Nothing happens when the trainer cannot (ranking models)
    // or its history is used up. A diverged or finished run can be stepped back into and go on.
    void stepBack();
    // Runs at most this many epochs a second while training (0: as fast as it goes). Waiting happens
    // on the engine thread, between epochs, and any command cuts it short; Step is never paced.
    void setPlaybackSpeed(double epochsPerSecond);
    double playbackSpeed() const;

    State state() const { return m_state.load(); }
    int currentRunId() const;

    // Longest time between progress emissions, for tests and the benchmark (milliseconds).
    static constexpr int progressIntervalMs = 33;
    // Epochs Step back can undo (the issue asks for at least 1,000): about 0.5 MB for 64 features.
    static constexpr int stepBackHistory = 1000;
    // Longest time between weight snapshots while a run goes on: ten a second is what eyes follow.
    static constexpr int parameterIntervalMs = 100;

Q_SIGNALS:
    void stateChanged(fl::TrainingSession::State state);
    void preparing(int runId, double fraction);
    void runPrepared(int runId, const fl::ProblemInfo &info);
    void progress(int runId, const QList<fl::EpochRecord> &epochs);
    // Ranking models: validation metrics after an epoch ("recall@10" …), once per epoch.
    void metrics(int runId, int epoch, const QMap<QString, double> &values);
    void learningRateChanged(int runId, int fromEpoch, double learningRate);
    // What the latest epoch of a progress batch did, or what a step back undid.
    void stepExplained(int runId, const fl::StepReport &report);
    // The run went back to restored.epoch (its losses and η as recorded then): later epochs are gone.
    void steppedBack(int runId, const fl::EpochRecord &restored);
    // The regression's W, b and ∇L: when a run is prepared, pauses, steps back or ends, and at most
    // every parameterIntervalMs while it runs. Ranking models send none.
    void parametersChanged(int runId, const fl::ParameterSnapshot &snapshot);
    // Ranking models: a scoring copy of the model whenever the run pauses or ends (after early
    // stopping, the best epoch's), for the Recommendations page.
    void modelSnapshot(int runId, const fl::ModelSnapshot &snapshot);
    void finished(int runId, const fl::RunSummary &summary);
    // Every run's record when it ends, however it ends: completed, early stop, stopped, superseded,
    // diverged or failed (a run that could not be prepared too, with its message).
    void runRecorded(int runId, const fl::RunRecord &record);
    void diverged(int runId, const QString &message);   // the run stopped: η too large for the features
    void failed(int runId, const QString &message);     // an engine error: no dataset, nothing to fuse …

private:
    void run();
    void setState(State state);
    // Engine thread: queues the emission of signal with copies of values for deliver().
    template<typename... Args, typename... Values>
    void send(void (TrainingSession::*signal)(Args...), Values &&...values)
    {
        post([this, signal, ... copies = std::decay_t<Values>(std::forward<Values>(values))] {
            (this->*signal)(copies...);
        });
    }
    void post(std::function<void()> emission);
    // Session thread: emits what the outbox holds, in the order it was sent.
    Q_INVOKABLE void deliver();
    // Changes the commands under m_mutex, then wakes the engine thread to act on them.
    template<typename Change>
    void request(Change &&change)
    {
        {
            std::lock_guard lock(m_mutex);
            change();
        }
        m_wake.notify_all();
    }

    // The engine thread: a std::thread, so that joining it is a synchronisation ThreadSanitizer sees
    // (QThread::wait() joins through libQt6Core's futex-based locks, which it cannot).
    std::thread m_thread;

    // Commands, guarded by m_mutex.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::shared_ptr<const Dataset> m_pendingDataset;
    DatasetIdentity m_pendingIdentity;
    std::optional<RunConfig> m_pendingConfig;
    std::optional<double> m_pendingLearningRate;
    std::optional<int> m_pendingEpochLimit;
    int m_runId = 0;
    int m_steps = 0;
    int m_stepsBack = 0;
    double m_epochsPerSecond = 0;
    bool m_paused = false;
    bool m_resumeRequested = false;
    bool m_stopRequested = false;
    bool m_quit = false;

    // Emissions on their way from the engine thread to deliver(), guarded by m_outboxMutex.
    std::mutex m_outboxMutex;
    std::vector<std::function<void()>> m_outbox;

    std::atomic<State> m_state{State::Idle};
    std::atomic<bool> m_abortPreparation{false};
};

} // namespace fl
