#pragma once

// The runs a live chart keeps (LossChartView, MetricsChartView): the current run, and up to three
// earlier runs as faded "ghosts" for comparison, the most recent first. Run is the chart's own record
// of a run: it has an `int id`, a `QString label` and a QList `records` of values with an `int epoch`,
// sorted by it. The chart's series are not owned by a Run (the chart deletes them), so a Run is plain
// data.

#include <QList>
#include <QString>
#include <QThreadPool>

#include <algorithm>
#include <deque>
#include <memory>
#include <vector>

namespace fl {

// The record nearest to epoch in records sorted by epoch (of two as near, the later one); nullptr when
// there is none. It answers a hover over a curve.
template <typename Record>
const Record *nearestRecord(const QList<Record> &records, int epoch)
{
    if (records.isEmpty())
        return nullptr;
    auto it = std::lower_bound(records.cbegin(), records.cend(), epoch,
                               [](const Record &r, int e) { return r.epoch < e; });
    if (it == records.cend())
        --it;
    else if (it != records.cbegin() && epoch - (it - 1)->epoch < it->epoch - epoch)
        --it;
    return &*it;
}

template <typename Run>
class ChartRuns
{
public:
    static constexpr int maxGhosts = 3;
    // A run with this many records or more is freed on a pool thread (discard()).
    static constexpr qsizetype freeElsewhereFrom = qsizetype(1) << 16;

    ChartRuns() = default;
    ChartRuns(const ChartRuns &) = delete;
    ChartRuns &operator=(const ChartRuns &) = delete;
    ~ChartRuns() = default;

    Run *current() const { return m_current.get(); }
    // The current run when its id is runId, else nullptr: results of a superseded run must not reach
    // the chart.
    Run *currentIf(int runId) const { return m_current && m_current->id == runId ? m_current.get() : nullptr; }
    int currentId() const { return m_current ? m_current->id : -1; }   // -1 without a current run
    int ghostCount() const { return int(m_ghosts.size()); }
    // Ghost i, 0 being the most recent; nullptr past the last.
    Run *ghost(int i) const { return i >= 0 && i < ghostCount() ? m_ghosts[size_t(i)].get() : nullptr; }
    const std::deque<std::unique_ptr<Run>> &ghosts() const { return m_ghosts; }

    // Every run kept, the oldest ghost first and the current run last (the order of the CSV exports).
    std::vector<Run *> oldestFirst() const
    {
        std::vector<Run *> runs;
        for (auto it = m_ghosts.rbegin(); it != m_ghosts.rend(); ++it)
            runs.push_back(it->get());
        if (m_current)
            runs.push_back(m_current.get());
        return runs;
    }

    // The last epoch of any run kept; 0 when none has a record.
    int lastEpoch() const
    {
        int last = m_current && !m_current->records.isEmpty() ? m_current->records.back().epoch : 0;
        for (const std::unique_ptr<Run> &ghost : m_ghosts) {
            if (!ghost->records.isEmpty())
                last = std::max(last, ghost->records.back().epoch);
        }
        return last;
    }

    // Starts run runId and returns it: the current run becomes the most recent ghost if it has any
    // record (a run without one is dropped), and the oldest of more than maxGhosts ghosts goes. When
    // runId is already the current run's, nothing changes and the result is nullptr.
    Run *begin(int runId, const QString &label)
    {
        if (m_current && m_current->id == runId)
            return nullptr;
        if (m_current && !m_current->records.isEmpty()) {
            m_ghosts.push_front(std::move(m_current));
            while (int(m_ghosts.size()) > maxGhosts) {
                discard(std::move(m_ghosts.back()));
                m_ghosts.pop_back();
            }
        }
        discard(std::move(m_current));
        m_current = std::make_unique<Run>();
        m_current->id = runId;
        m_current->label = label;
        return m_current.get();
    }

    // Forgets every run.
    void clear()
    {
        discard(std::move(m_current));
        for (std::unique_ptr<Run> &ghost : m_ghosts)
            discard(std::move(ghost));
        m_ghosts.clear();
    }

private:
    // Frees a run that left the chart. A run of a million epochs holds some 64 MB; handing that back
    // to the system took 17 ms of the UI thread in the middle of an α change, so large runs are freed
    // on a pool thread. At the pool's normal priority: an idle-priority (SCHED_IDLE) thread that frees
    // holds the process's memory-map lock while it waits for a core, and the UI thread then waits on
    // that lock (α changes stalled the window 300–400 ms on a busy machine); and Qt cannot give the
    // pool thread its priority back afterwards.
    static void discard(std::unique_ptr<Run> run)
    {
        if (!run || run->records.size() < freeElsewhereFrom)
            return;
        QThreadPool::globalInstance()->start([dead = std::shared_ptr<Run>(std::move(run))]() mutable { dead.reset(); });
    }

    std::unique_ptr<Run> m_current;
    std::deque<std::unique_ptr<Run>> m_ghosts;   // most recent first
};

} // namespace fl
