#pragma once

// Independent jobs (the cells of a landscape, the runs of an ablation) spread over a few threads.

#include "engine/core/Worker.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace fl {

// How many threads to use for `jobs` jobs: `requested`, or every core when it is 0 or less, never more
// than there are jobs and at least one.
inline int workerCount(int requested, size_t jobs)
{
    const int available = requested > 0 ? requested : int(std::max(1u, std::thread::hardware_concurrency()));
    return int(std::max<size_t>(1, std::min(size_t(available), jobs)));
}

// Runs job(index, worker) for every index below `count` on `threads` threads (worker 0 is the calling
// thread), each pulling the next index from a shared counter until stop() says so. onCallingThread runs
// on the calling thread after each of its own jobs (progress).
template<typename Job, typename Stop, typename Report>
void parallelFor(size_t count, int threads, Job &&job, Stop &&stop, Report &&onCallingThread)
{
    std::atomic<size_t> next{0};
    auto work = [&](int worker) {
        for (;;) {
            if (stop())
                return;
            const size_t index = next.fetch_add(1, std::memory_order_relaxed);
            if (index >= count)
                return;
            job(index, worker);
            if (worker == 0)
                onCallingThread();
        }
    };
    std::vector<Worker> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(work, t);
    work(0);
    for (Worker &worker : workers)
        worker.join();
}

} // namespace fl
