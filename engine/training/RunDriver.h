#pragma once

// The one run driver: every run, in the window (TrainingSession), the CLI, sweeps and ablations, is
// stepped through it. It owns the stop rules — the epoch limit, early stopping, divergence — and
// records each epoch (losses, η, validation metrics) into the run's RunRecord, which finish() completes
// with the summary. Synchronous and single-threaded: the caller decides when to step; runToEnd() is
// the whole loop for callers without a thread of their own.

#include "engine/fusion/FusionPipeline.h"
#include "engine/training/PrepareRun.h"
#include "engine/training/RunRecord.h"
#include "engine/training/RunTrainer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <functional>
#include <memory>

namespace fl {

class RunDriver
{
    Q_DECLARE_TR_FUNCTIONS(fl::RunDriver)

public:
    enum class Stop { None, Completed, EarlyStop, Diverged };

    // `header` carries the record's identity (id, dataset, config, start time); the driver fills the
    // rest. The epoch limit starts at the trainer's planned epochs.
    RunDriver(PreparedRun prepared, RunRecord header);

    // One epoch with the current learning rate, recorded. Does nothing after divergence.
    EpochRecord step();
    // The rule that ends the run after the last step, or None to go on.
    Stop stopRule() const;
    bool shouldStop() const { return stopRule() != Stop::None; }

    int epoch() const { return m_trainer->epoch(); }
    int epochLimit() const { return m_epochLimit; }
    void setEpochLimit(int epochs);
    // A stopped run is trained on: the epoch limit moves on by the planned epochs when it was reached.
    void extend();
    void setLearningRate(double learningRate);
    QMap<QString, double> lastMetrics() const { return m_trainer->lastMetrics(); }
    // Undoes the last epoch when the trainer can (see RunTrainer::stepBack) and drops it, and any
    // later one, from the record's curve.
    bool stepBack();

    // Completes the record: summary (a ranking model first puts back its best epoch's parameters),
    // status ("completed", "early stop", "diverged", "stopped", "superseded" …), message, duration.
    // May be called again after further steps.
    const RunRecord &finish(const QString &status);
    const RunRecord &record() const { return m_record; }
    double trainingSeconds() const { return m_seconds; }

    RunTrainer &trainer() { return *m_trainer; }
    const RunTrainer &trainer() const { return *m_trainer; }
    const ProblemInfo &info() const { return m_record.info; }

    // The status finish() should be given for a stop rule.
    static QString statusFor(Stop stop);

private:
    void thinCurves();

    std::unique_ptr<RunTrainer> m_trainer;
    RunRecord m_record;
    int m_epochLimit = 0;
    int m_curveStride = 1;       // every m_curveStride-th epoch is kept once the curve is long
    double m_seconds = 0;
    QElapsedTimer m_clock;
};

// A header for a run starting now: a new id, the dataset's identity, the config, the start time.
RunRecord newRunHeader(const RunConfig &config, const DatasetIdentity &dataset);

// Prepares a run through the pipeline's caches and wraps it in a driver; prepareSeconds is set.
Result<std::unique_ptr<RunDriver>> startRun(FusionPipeline &pipeline, const RunConfig &config,
                                            const DatasetIdentity &dataset, const ProgressFn &progress = {});

struct RunCallbacks
{
    // After each epoch, with the validation metrics of that epoch (empty for the regression).
    std::function<void(const EpochRecord &, const QMap<QString, double> &)> onEpoch;
    // Asked before each epoch; true ends the run as "cancelled".
    std::function<bool()> cancelled;
};

// Steps until a stop rule (or cancellation) and finishes the record.
const RunRecord &runToEnd(RunDriver &driver, const RunCallbacks &callbacks = {});

// Prepare, run to the end, and return the record: a failure to prepare is a record with status
// "failed" and the message, so sweeps and ablations keep every cell.
RunRecord runOnce(FusionPipeline &pipeline, const RunConfig &config, const DatasetIdentity &dataset,
                  const RunCallbacks &callbacks = {});

} // namespace fl
