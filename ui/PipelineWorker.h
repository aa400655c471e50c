#pragma once

// Background work for a page of the window, on a FusionPipeline of the page's own. The session's
// pipeline belongs to the engine thread and is not thread-safe, so a page that trains or computes
// beside it (the landscape, the ablation, a lesson's tool) makes its own: once per dataset, on the
// worker, at the first job that needs it, and kept under a mutex so that the embeddings are made once.
//
// One job is current at a time. A job reports through queued calls to the receiver's thread, and a
// report runs there only while its job is still current: starting a new job or dropping the old one
// silences whatever the old one still sends. The UI thread never waits, except in the destructor,
// which drops the job and waits for the pool.
//
// The worker must not outlive its receiver (make it a member of the receiver): a queued report is
// discarded with the receiver, and one that runs reads the worker.

#include "engine/fusion/FusionPipeline.h"

#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace fl {

class PipelineWorker
{
public:
    class Job : public std::enable_shared_from_this<Job>
    {
    public:
        // Cancel was pressed, or the job was dropped: long work stops at its next check.
        bool cancelRequested() const { return m_cancel.load(); }
        const std::atomic<bool> *cancelFlag() const { return &m_cancel; }
        // Runs `report` on the receiver's thread, if this job is still the worker's current one then.
        void post(std::function<void()> report) const;

    private:
        friend class PipelineWorker;
        explicit Job(const PipelineWorker *worker) : m_worker(worker) {}

        const PipelineWorker *m_worker;
        std::atomic<bool> m_cancel{false};
    };

    // Up to `threads` jobs in the pool at once (they take the pipeline in turn: a new job can queue
    // while a cancelled one finishes its step).
    PipelineWorker(QObject *receiver, int threads);
    ~PipelineWorker();

    PipelineWorker(const PipelineWorker &) = delete;
    PipelineWorker &operator=(const PipelineWorker &) = delete;

    // The dataset of the jobs started from now on. Another dataset lets the pipeline of the old one go
    // (the jobs still running on it keep it until they end).
    void setDataset(std::shared_ptr<const Dataset> dataset);
    const std::shared_ptr<const Dataset> &dataset() const { return m_dataset; }

    // A job is current: started, and its `done` has not run yet.
    bool isRunning() const { return m_job != nullptr; }
    bool cancelRequested() const { return m_job && m_job->cancelRequested(); }

    // Drops the current job and starts a new one. `work(pipeline, job)` runs on the pool, alone with the
    // pipeline, and returns a T; then `done(result, cancelled)` runs on the receiver's thread, if the job
    // is still current, with isRunning() already false; `cancelled` says whether cancel() was called.
    // A job cancelled before its turn neither runs `work` nor makes the pipeline: `done` gets `skipped`.
    template <typename T, typename Work, typename Done>
    void start(T skipped, Work work, Done done)
    {
        auto result = std::make_shared<T>(std::move(skipped));
        launch([result, work = std::move(work)](FusionPipeline &pipeline, const Job &job) { *result = work(pipeline, job); },
               [result, done = std::move(done)](bool cancelled) { done(*result, cancelled); });
    }

    // The same for work whose only output is its reports (job.post()): `done(cancelled)`.
    template <typename Work, typename Done>
    void start(Work work, Done done)
    {
        launch(std::move(work), std::move(done));
    }

    // Work beside the current job, which it neither drops nor waits for other than for the pipeline:
    // `work(pipeline)` runs on the pool, then `done(result)` on the receiver's thread, always (the caller
    // tells a stale result by its own means).
    template <typename Work, typename Done>
    void run(Work work, Done done)
    {
        using T = decltype(work(std::declval<FusionPipeline &>()));
        auto result = std::make_shared<std::optional<T>>();
        launchErrand([result, work = std::move(work)](FusionPipeline &pipeline) { result->emplace(work(pipeline)); },
                     [result, done = std::move(done)] { done(std::move(**result)); });
    }

    // The current job stops at its next check; its reports and its `done` still arrive.
    void cancel();
    // The current job stops at its next check, and nothing it sends arrives any more.
    void drop();

private:
    struct Slot;

    void launch(std::function<void(FusionPipeline &, const Job &)> work, std::function<void(bool)> done);
    void launchErrand(std::function<void(FusionPipeline &)> work, std::function<void()> done);
    std::shared_ptr<Slot> slot();

    QObject *m_receiver;
    std::shared_ptr<const Dataset> m_dataset;
    std::shared_ptr<Slot> m_slot;
    std::shared_ptr<Job> m_job;
    QThreadPool m_pool;
};

} // namespace fl
