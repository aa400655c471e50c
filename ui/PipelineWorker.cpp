#include "PipelineWorker.h"

#include "engine/core/ThreadPriority.h"

#include <QObject>

#include <mutex>

namespace fl {

// The page's pipeline for one dataset: one job at a time holds it.
struct PipelineWorker::Slot
{
    explicit Slot(std::shared_ptr<const Dataset> data) : dataset(std::move(data)) {}

    FusionPipeline &pipeline()
    {
        if (!made)
            made = std::make_unique<FusionPipeline>(dataset);
        return *made;
    }

    std::mutex mutex;
    std::shared_ptr<const Dataset> dataset;
    std::unique_ptr<FusionPipeline> made;   // on the worker, at the first job that needs it
};

void PipelineWorker::Job::post(std::function<void()> report) const
{
    QMetaObject::invokeMethod(
        m_worker->m_receiver,
        [self = shared_from_this(), report = std::move(report)] {
            if (self->m_worker->m_job == self)
                report();
        },
        Qt::QueuedConnection);
}

PipelineWorker::PipelineWorker(QObject *receiver, int threads) : m_receiver(receiver)
{
    m_pool.setMaxThreadCount(threads);
}

PipelineWorker::~PipelineWorker()
{
    drop();
    m_pool.waitForDone();
}

void PipelineWorker::setDataset(std::shared_ptr<const Dataset> dataset)
{
    if (dataset == m_dataset)
        return;
    m_dataset = std::move(dataset);
    m_slot.reset();
}

std::shared_ptr<PipelineWorker::Slot> PipelineWorker::slot()
{
    if (!m_slot)
        m_slot = std::make_shared<Slot>(m_dataset);
    return m_slot;
}

void PipelineWorker::cancel()
{
    if (m_job)
        m_job->m_cancel = true;
}

void PipelineWorker::drop()
{
    cancel();
    m_job.reset();
}

void PipelineWorker::launch(std::function<void(FusionPipeline &, const Job &)> work, std::function<void(bool)> done)
{
    drop();
    const std::shared_ptr<Job> job(new Job(this));
    m_job = job;
    m_pool.start([this, slot = slot(), job, work = std::move(work), done = std::move(done)] {
        lowerThreadPriority();
        {
            const std::lock_guard<std::mutex> lock(slot->mutex);
            if (!job->cancelRequested())
                work(slot->pipeline(), *job);
        }
        job->post([this, job, done] {
            const bool cancelled = job->cancelRequested();
            m_job.reset();
            done(cancelled);
        });
    });
}

void PipelineWorker::launchErrand(std::function<void(FusionPipeline &)> work, std::function<void()> done)
{
    m_pool.start([this, slot = slot(), work = std::move(work), done = std::move(done)] {
        lowerThreadPriority();
        {
            const std::lock_guard<std::mutex> lock(slot->mutex);
            work(slot->pipeline());
        }
        QMetaObject::invokeMethod(m_receiver, done, Qt::QueuedConnection);
    });
}

} // namespace fl
