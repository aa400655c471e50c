#include "TrainingSession.h"

#include <QElapsedTimer>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace fl {

TrainingSession::TrainingSession(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<fl::ProblemInfo>();
    qRegisterMetaType<QList<fl::EpochRecord>>();
    qRegisterMetaType<fl::RunSummary>();
    qRegisterMetaType<fl::ModelSnapshot>();
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("FusionLab engine"));
    m_thread->start();
}

TrainingSession::~TrainingSession()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
        m_abortPreparation = true;
    }
    m_wake.notify_all();
    m_thread->wait();
    delete m_thread;
}

void TrainingSession::setDataset(std::shared_ptr<const Dataset> dataset)
{
    {
        std::lock_guard lock(m_mutex);
        m_pendingDataset = std::move(dataset);
        m_pendingConfig.reset();
        m_stopRequested = true;
        // Set under the lock: the engine clears it when it takes the next config, and a late store
        // here would abort the preparation of that new run.
        m_abortPreparation = true;
    }
    m_wake.notify_all();
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
        m_stopRequested = false;
        m_abortPreparation = true;
    }
    m_wake.notify_all();
    return id;
}

void TrainingSession::pause()
{
    {
        std::lock_guard lock(m_mutex);
        m_paused = true;
        m_steps = 0;
    }
    m_wake.notify_all();
}

void TrainingSession::resume()
{
    {
        std::lock_guard lock(m_mutex);
        m_paused = false;
        m_resumeRequested = true;
    }
    m_wake.notify_all();
}

void TrainingSession::step()
{
    {
        std::lock_guard lock(m_mutex);
        m_paused = true;
        ++m_steps;
    }
    m_wake.notify_all();
}

void TrainingSession::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
        m_pendingConfig.reset();
        m_abortPreparation = true;
    }
    m_wake.notify_all();
}

void TrainingSession::setLearningRate(double learningRate)
{
    {
        std::lock_guard lock(m_mutex);
        m_pendingLearningRate = learningRate;
    }
    m_wake.notify_all();
}

void TrainingSession::setEpochLimit(int epochs)
{
    {
        std::lock_guard lock(m_mutex);
        m_pendingEpochLimit = std::max(1, epochs);
    }
    m_wake.notify_all();
}

int TrainingSession::currentRunId() const
{
    std::lock_guard lock(m_mutex);
    return m_runId;
}

void TrainingSession::setState(State state)
{
    if (m_state.exchange(state) != state)
        Q_EMIT stateChanged(state);
}

void TrainingSession::run()
{
#ifdef Q_OS_LINUX
    // A little below the UI thread (nice +5 for this thread only): when the two share a core, the
    // window's events go first. QThread::setPriority() has no effect under Linux's default scheduler.
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 5);
#endif
    std::unique_ptr<FusionPipeline> pipeline;
    std::unique_ptr<RunTrainer> trainer;
    int runId = 0;
    int epochLimit = 0;
    bool ended = false;          // finished or failed: waits for resume/step to continue
    QList<EpochRecord> buffer;
    QElapsedTimer sinceFlush;
    QElapsedTimer trainingClock;
    double trainingSeconds = 0;

    auto flush = [&] {
        if (!buffer.isEmpty()) {
            Q_EMIT progress(runId, buffer);
            buffer.clear();
        }
        sinceFlush.restart();
    };
    auto offerSnapshot = [&] {
        if (trainer && trainer->epoch() > 0) {
            if (ModelSnapshot snapshot = trainer->snapshot())
                Q_EMIT modelSnapshot(runId, snapshot);
        }
    };
    auto endRun = [&](const QString &reason) {
        flush();
        if (trainer) {
            Q_EMIT finished(runId, trainer->summary(trainingSeconds, reason));
            if (reason != QLatin1String("superseded"))
                offerSnapshot();
        }
    };

    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] {
            const bool canTrain = trainer && !trainer->divergence() && (!m_paused || m_steps > 0);
            return m_quit || m_pendingDataset || m_pendingConfig || m_stopRequested || m_pendingLearningRate
                || m_pendingEpochLimit || m_resumeRequested || (canTrain && (!ended || m_steps > 0));
        });
        if (m_quit)
            break;

        if (m_pendingDataset) {
            auto dataset = std::move(m_pendingDataset);
            m_pendingDataset.reset();
            m_stopRequested = false;
            lock.unlock();
            if (trainer && !ended)
                endRun(QStringLiteral("stopped"));
            trainer.reset();
            pipeline = std::make_unique<FusionPipeline>(std::move(dataset));
            setState(State::Idle);
            lock.lock();
            continue;
        }
        if (m_stopRequested) {
            m_stopRequested = false;
            m_steps = 0;
            lock.unlock();
            if (trainer && !ended)
                endRun(QStringLiteral("stopped"));
            trainer.reset();
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
            if (trainer && !ended)
                endRun(QStringLiteral("superseded"));
            flush();
            trainer.reset();
            runId = newRunId;
            ended = false;
            if (!pipeline) {
                Q_EMIT failed(runId, tr("No dataset is loaded."));
                setState(State::Failed);
                lock.lock();
                continue;
            }
            setState(State::Preparing);
            try {
                double reported = -1;
                const ProgressFn onProgress = [&](double f) {
                    if (f >= 1.0 || f - reported >= 0.01) {
                        reported = f;
                        Q_EMIT preparing(runId, f);
                    }
                    return !m_abortPreparation.load();
                };
                Result<PreparedRun> prepared = prepareRun(*pipeline, config, onProgress);
                if (m_abortPreparation.load()) {
                    lock.lock();
                    continue;
                }
                if (!prepared) {
                    Q_EMIT failed(runId, prepared.error());
                    setState(State::Failed);
                    lock.lock();
                    continue;
                }
                trainer = std::move(prepared->trainer);
                epochLimit = trainer->plannedEpochs();
                trainingSeconds = 0;
                Q_EMIT runPrepared(runId, prepared->info);
            } catch (const std::exception &e) {
                Q_EMIT failed(runId, tr("The engine could not prepare this run: %1").arg(QString::fromLocal8Bit(e.what())));
                setState(State::Failed);
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
            if (trainer) {
                trainer->setLearningRate(eta);
                lock.unlock();
                Q_EMIT learningRateChanged(runId, trainer->epoch() + 1, eta);
                lock.lock();
            }
            continue;
        }
        if (m_pendingEpochLimit) {
            epochLimit = *m_pendingEpochLimit;
            m_pendingEpochLimit.reset();
            continue;
        }
        if (m_resumeRequested) {
            m_resumeRequested = false;
            if (trainer && ended && !trainer->divergence()) {
                ended = false;
                if (epochLimit <= trainer->epoch())
                    epochLimit = trainer->epoch() + trainer->plannedEpochs();
            }
            if (trainer && !ended) {
                lock.unlock();
                setState(State::Running);
                lock.lock();
            }
            continue;
        }
        if (!trainer || trainer->divergence())
            continue;

        const bool stepping = m_steps > 0;
        if (stepping)
            --m_steps;
        const bool pauseAfter = m_paused && m_steps == 0;
        lock.unlock();

        if (ended) {
            // A step after the run finished extends it by one epoch.
            ended = false;
            epochLimit = std::max(epochLimit, trainer->epoch() + 1);
        }
        setState(State::Running);
        try {
            trainingClock.restart();
            buffer.append(trainer->step());
            trainingSeconds += trainingClock.nsecsElapsed() * 1e-9;
            if (QMap<QString, double> values = trainer->lastMetrics(); !values.isEmpty())
                Q_EMIT metrics(runId, trainer->epoch(), values);
        } catch (const std::exception &e) {
            flush();
            Q_EMIT failed(runId, tr("The engine stopped: %1").arg(QString::fromLocal8Bit(e.what())));
            trainer.reset();
            setState(State::Failed);
            lock.lock();
            continue;
        }
        if (trainer->divergence()) {
            flush();
            Q_EMIT diverged(runId, *trainer->divergence());
            ended = true;
            setState(State::Failed);
        } else if (trainer->wantsToStop()) {
            endRun(QStringLiteral("early stop"));
            ended = true;
            setState(State::Finished);
        } else if (trainer->epoch() >= epochLimit) {
            endRun(QStringLiteral("completed"));
            ended = true;
            setState(State::Finished);
        } else if (pauseAfter) {
            flush();
            offerSnapshot();
            setState(State::Paused);
        } else if (trainer->epoch() == 1 || sinceFlush.elapsed() >= progressIntervalMs) {
            flush();   // the first epoch of a run goes out at once: a new curve should start drawing now
        }
        lock.lock();
        if (m_paused && m_steps == 0 && !ended && m_state.load() == State::Running) {
            lock.unlock();
            flush();
            offerSnapshot();
            setState(State::Paused);
            lock.lock();
        }
    }
    lock.unlock();
    flush();
}

} // namespace fl
