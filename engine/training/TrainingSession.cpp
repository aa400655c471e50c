#include "engine/training/TrainingSession.h"

#include "engine/core/MemoryBudget.h"

#include "engine/core/ThreadPriority.h"

#include <QElapsedTimer>
#include <QPointer>

#ifdef Q_OS_LINUX
#include <pthread.h>
#endif

#include <chrono>
#include <cmath>
#include <limits>

namespace fl {

TrainingSession::TrainingSession(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<fl::ProblemInfo>();
    qRegisterMetaType<QList<fl::EpochRecord>>();
    qRegisterMetaType<fl::RunSummary>();
    qRegisterMetaType<fl::ModelSnapshot>();
    qRegisterMetaType<fl::RunRecord>();
    qRegisterMetaType<fl::StepReport>();
    qRegisterMetaType<fl::ParameterSnapshot>();
    qRegisterMetaType<fl::EpochRecord>();
    m_thread = std::thread([this] {
#ifdef Q_OS_LINUX
        pthread_setname_np(pthread_self(), "FusionLab engin");   // 15 characters at most
#endif
        run();
    });
}

TrainingSession::~TrainingSession()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
        m_abortPreparation = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void TrainingSession::setDataset(std::shared_ptr<const Dataset> dataset, DatasetIdentity identity)
{
    request([&] {
        m_pendingDataset = std::move(dataset);
        m_pendingIdentity = std::move(identity);
        m_pendingConfig.reset();
        m_stopRequested = true;
        // Set under the lock: the engine clears it when it takes the next config, and a late store
        // here would abort the preparation of that new run.
        m_abortPreparation = true;
    });
}

int TrainingSession::start(const RunConfig &config, bool startPaused)
{
    int id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = ++m_runId;
        m_pendingConfig = config;
        m_pendingLearningRate.reset();
        m_pendingEpochLimit.reset();
        m_paused = startPaused;
        m_steps = 0;
        // Step back and Resume asked of the run this one supersedes are not this run's: a stale
        // Resume would report a run started paused as running.
        m_stepsBack = 0;
        m_resumeRequested = false;
        m_stopRequested = false;
        m_abortPreparation = true;
    }
    m_wake.notify_all();
    return id;
}

void TrainingSession::pause()
{
    request([&] {
        m_paused = true;
        m_steps = 0;
    });
}

void TrainingSession::resume()
{
    request([&] {
        m_paused = false;
        m_resumeRequested = true;
    });
}

void TrainingSession::step()
{
    request([&] {
        m_paused = true;
        ++m_steps;
    });
}

void TrainingSession::stop()
{
    request([&] {
        m_stopRequested = true;
        m_pendingConfig.reset();
        m_abortPreparation = true;
    });
}

void TrainingSession::setLearningRate(double learningRate)
{
    request([&] {
        m_pendingLearningRate = learningRate;
    });
}

void TrainingSession::setEpochLimit(int epochs)
{
    request([&] {
        m_pendingEpochLimit = std::max(1, epochs);
    });
}

void TrainingSession::stepBack()
{
    request([&] {
        // A Step still pending is not cancelled: forward then back, or back then forward, ends on
        // the same epoch with the same parameters.
        m_paused = true;
        ++m_stepsBack;
    });
}

void TrainingSession::setPlaybackSpeed(double epochsPerSecond)
{
    request([&] {
        m_epochsPerSecond = std::isfinite(epochsPerSecond) ? std::max(0.0, epochsPerSecond) : 0.0;
    });
}

double TrainingSession::playbackSpeed() const
{
    std::lock_guard lock(m_mutex);
    return m_epochsPerSecond;
}

int TrainingSession::currentRunId() const
{
    std::lock_guard lock(m_mutex);
    return m_runId;
}

void TrainingSession::post(std::function<void()> emission)
{
    {
        std::lock_guard lock(m_outboxMutex);
        m_outbox.push_back(std::move(emission));
        if (m_outbox.size() > 1)
            return;   // a delivery is already on its way and will take this one too
    }
    if (!QMetaObject::invokeMethod(this, "deliver", Qt::QueuedConnection))
        qCritical("TrainingSession: the engine's results could not be delivered");
}

void TrainingSession::deliver()
{
    std::vector<std::function<void()>> emissions;
    {
        std::lock_guard lock(m_outboxMutex);
        emissions.swap(m_outbox);
    }
    // A receiver may delete the session (closing its window): what is left of the batch goes with it.
    const QPointer<TrainingSession> alive(this);
    for (const std::function<void()> &emission : emissions) {
        if (!alive)
            return;
        emission();
    }
}

void TrainingSession::setState(State state)
{
    if (m_state.exchange(state) != state)
        send(&TrainingSession::stateChanged, state);
}

void TrainingSession::run()
{
    lowerThreadPriority();   // nice +5: when the engine and the UI share a core, the window goes first
    std::unique_ptr<FusionPipeline> pipeline;
    DatasetIdentity identity;
    std::unique_ptr<RunDriver> driver;
    int runId = 0;
    bool ended = false;          // finished or failed: waits for resume/step to continue
    QList<EpochRecord> buffer;
    QElapsedTimer sinceFlush;
    QElapsedTimer sinceParameters;
    using Clock = std::chrono::steady_clock;
    Clock::time_point lastEpochAt{};   // for pacing; the clock's epoch: no epoch to wait after
    // For trainers that keep no facts of their steps (ranking models): the losses the session saw.
    StepReport seen;
    double lastTrainLoss = std::numeric_limits<double>::quiet_NaN();

    auto offerParameters = [&](bool now) {
        if (!driver || (!now && sinceParameters.isValid() && sinceParameters.elapsed() < parameterIntervalMs))
            return;
        sinceParameters.restart();
        if (ParameterSnapshot snapshot = driver->trainer().parameterSnapshot())
            send(&TrainingSession::parametersChanged, runId, snapshot);
    };
    auto explain = [&] {
        if (!driver)
            return;
        StepReport report = driver->trainer().lastStep();
        if (report.epoch != driver->epoch() || (report.kind == StepReport::Kind::Forward && report.epoch == 0))
            report = seen;
        if (report.epoch > 0 || report.kind == StepReport::Kind::Back)
            send(&TrainingSession::stepExplained, runId, report);
    };
    auto flush = [&] {
        if (!buffer.isEmpty()) {
            send(&TrainingSession::progress, runId, buffer);
            buffer.clear();
            explain();
        }
        sinceFlush.restart();
    };
    auto offerSnapshot = [&] {
        if (driver && driver->epoch() > 0) {
            if (ModelSnapshot snapshot = driver->trainer().snapshot())
                send(&TrainingSession::modelSnapshot, runId, snapshot);
        }
    };
    // Everything the window shows of a run that stops for now: the epochs not yet sent, the model as it
    // is, its parameters, and the state.
    auto settlePaused = [&] {
        flush();
        offerSnapshot();
        offerParameters(true);
        setState(State::Paused);
    };
    auto endRun = [&](const QString &reason) {
        flush();
        if (driver) {
            const RunRecord &record = driver->finish(reason);
            send(&TrainingSession::finished, runId, record.summary);
            send(&TrainingSession::runRecorded, runId, record);
            if (reason != QLatin1String("superseded")) {
                offerSnapshot();
                offerParameters(true);
            }
        }
    };
    auto failRun = [&](RunConfig config, const QString &message) {
        RunRecord record = newRunHeader(config, identity);
        record.status = QStringLiteral("failed");
        record.message = message;
        send(&TrainingSession::failed, runId, message);
        send(&TrainingSession::runRecorded, runId, record);
        setState(State::Failed);
    };

    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] {
            const bool canTrain = driver && !driver->trainer().divergence() && (!m_paused || m_steps > 0);
            return m_quit || m_pendingDataset || m_pendingConfig || m_stopRequested || m_pendingLearningRate
                || m_pendingEpochLimit || m_resumeRequested || m_stepsBack > 0 || (canTrain && (!ended || m_steps > 0));
        });
        if (m_quit)
            break;

        if (m_pendingDataset) {
            auto dataset = std::move(m_pendingDataset);
            m_pendingDataset.reset();
            identity = std::move(m_pendingIdentity);
            m_stopRequested = false;
            lock.unlock();
            if (driver && !ended)
                endRun(QStringLiteral("stopped"));
            driver.reset();
            if (identity.isEmpty())
                identity = identifyDataset(*dataset);
            pipeline = std::make_unique<FusionPipeline>(std::move(dataset));
            setState(State::Idle);
            lock.lock();
            continue;
        }
        if (m_stopRequested) {
            m_stopRequested = false;
            m_steps = 0;
            lock.unlock();
            if (driver && !ended)
                endRun(QStringLiteral("stopped"));
            driver.reset();
            setState(State::Idle);
            lock.lock();
            continue;
        }
        if (m_pendingConfig) {
            const RunConfig config = std::move(*m_pendingConfig);
            m_pendingConfig.reset();
            m_abortPreparation = false;
            const int newRunId = m_runId;
            lock.unlock();
            if (driver && !ended)
                endRun(QStringLiteral("superseded"));
            flush();
            driver.reset();
            runId = newRunId;
            ended = false;
            if (!pipeline) {
                failRun(config, tr("No dataset is loaded."));
                lock.lock();
                continue;
            }
            setState(State::Preparing);
            try {
                double reported = -1;
                const ProgressFn onProgress = [&](double f) {
                    if (f >= 1.0 || f - reported >= 0.01) {
                        reported = f;
                        send(&TrainingSession::preparing, runId, f);
                    }
                    return !m_abortPreparation.load();
                };
                Result<std::unique_ptr<RunDriver>> prepared = startRun(*pipeline, config, identity, onProgress);
                if (m_abortPreparation.load()) {
                    lock.lock();
                    continue;
                }
                if (!prepared) {
                    failRun(config, prepared.error());
                    lock.lock();
                    continue;
                }
                driver = std::move(*prepared);
                driver->trainer().keepHistory(stepBackHistory);
                seen = StepReport();
                lastTrainLoss = driver->info().initialLoss;
                lastEpochAt = {};
                send(&TrainingSession::runPrepared, runId, driver->info());
                offerParameters(true);   // W = 0 and the first step's gradient, before any epoch
            } catch (const std::exception &e) {
                failRun(config, tr("The engine could not prepare this run: %1").arg(exceptionText(e)));
                lock.lock();
                continue;
            }
            sinceFlush.restart();
            lock.lock();
            const bool waitForStep = m_paused && m_steps == 0;
            lock.unlock();
            setState(waitForStep ? State::Paused : State::Running);
            lock.lock();
            continue;
        }
        if (m_pendingLearningRate) {
            const double eta = *m_pendingLearningRate;
            m_pendingLearningRate.reset();
            if (driver) {
                driver->setLearningRate(eta);
                lock.unlock();
                send(&TrainingSession::learningRateChanged, runId, driver->epoch() + 1, eta);
                lock.lock();
            }
            continue;
        }
        if (m_pendingEpochLimit) {
            if (driver)
                driver->setEpochLimit(*m_pendingEpochLimit);
            m_pendingEpochLimit.reset();
            continue;
        }
        if (m_resumeRequested) {
            m_resumeRequested = false;
            if (driver && ended && !driver->trainer().divergence()) {
                ended = false;
                driver->extend();
            }
            if (driver && !ended) {
                lock.unlock();
                setState(State::Running);
                lock.lock();
            }
            continue;
        }
        if (m_stepsBack > 0) {
            --m_stepsBack;
            const bool stepPending = m_steps > 0;
            lock.unlock();
            if (driver && driver->stepBack()) {
                flush();   // the epochs before it reach the chart first
                ended = false;
                const EpochRecord restored = driver->trainer().currentRecord();
                lastTrainLoss = restored.trainLoss;
                lastEpochAt = {};
                send(&TrainingSession::steppedBack, runId, restored);
                explain();
                offerParameters(true);
                setState(State::Paused);
            } else if (m_state.load() == State::Running && !stepPending) {
                settlePaused();
            }
            lock.lock();
            continue;
        }
        if (!driver || driver->trainer().divergence())
            continue;

        if (m_steps == 0 && m_epochsPerSecond > 0) {
            // Playback speed: the next epoch is due a period after the last one began. Measured from
            // the last epoch rather than kept on a schedule, a pause or a slow epoch never makes a
            // burst to catch up.
            const auto due = lastEpochAt + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / m_epochsPerSecond));
            if (Clock::now() < due) {
                m_wake.wait_until(lock, due);
                if (m_paused && m_steps == 0 && m_stepsBack == 0 && m_state.load() == State::Running) {
                    // Paused between two paced epochs: no epoch follows to notice it.
                    lock.unlock();
                    settlePaused();
                    lock.lock();
                }
                continue;
            }
        }

        const bool stepping = m_steps > 0;
        if (stepping)
            --m_steps;
        const bool pauseAfter = m_paused && m_steps == 0;
        lock.unlock();

        if (ended) {
            // A step after the run finished extends it by one epoch.
            ended = false;
            driver->setEpochLimit(std::max(driver->epochLimit(), driver->epoch() + 1));
        }
        setState(State::Running);
        lastEpochAt = Clock::now();
        try {
            const EpochRecord record = driver->step();
            buffer.append(record);
            seen.epoch = record.epoch;
            seen.ranking = true;
            seen.optimizer = driver->record().config.training.optimizer;
            seen.learningRate = record.learningRate;
            seen.lossBefore = lastTrainLoss;
            seen.lossAfter = record.trainLoss;
            lastTrainLoss = record.trainLoss;
            if (QMap<QString, double> values = driver->lastMetrics(); !values.isEmpty())
                send(&TrainingSession::metrics, runId, driver->epoch(), values);
        } catch (const std::exception &e) {
            flush();
            const QString message = tr("The engine stopped: %1").arg(exceptionText(e));
            RunRecord record = driver->record();
            record.status = QStringLiteral("failed");
            record.message = message;
            send(&TrainingSession::failed, runId, message);
            send(&TrainingSession::runRecorded, runId, record);
            driver.reset();
            setState(State::Failed);
            lock.lock();
            continue;
        }
        const RunDriver::Stop stop = driver->stopRule();
        if (stop == RunDriver::Stop::Diverged) {
            flush();
            offerParameters(true);
            send(&TrainingSession::diverged, runId, *driver->trainer().divergence());
            send(&TrainingSession::runRecorded, runId, driver->finish(RunDriver::statusFor(stop)));
            ended = true;
            setState(State::Failed);
        } else if (stop != RunDriver::Stop::None) {
            endRun(RunDriver::statusFor(stop));
            ended = true;
            setState(State::Finished);
        } else if (pauseAfter) {
            settlePaused();
        } else if (driver->epoch() == 1 || sinceFlush.elapsed() >= progressIntervalMs) {
            flush();   // the first epoch of a run goes out at once: a new curve should start drawing now
            offerParameters(false);
        }
        lock.lock();
        if (m_paused && m_steps == 0 && !ended && m_state.load() == State::Running) {
            lock.unlock();
            settlePaused();
            lock.lock();
        }
    }
    lock.unlock();
    flush();
}

} // namespace fl
