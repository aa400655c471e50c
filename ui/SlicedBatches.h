#pragma once

// Batches of records taken in slices, one slice per pass of the event loop. At a million epochs a
// second a training session delivers batches of tens of thousands of epochs, and storing them touches
// megabytes of fresh memory: taken a slice at a time, no single pass holds the window up. The loss
// chart stores its epochs through one.

#include <QList>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <limits>

namespace fl {

template <typename Record>
class SlicedBatches
{
public:
    // store(batch, begin, end) stores records [begin, end) of a batch; afterPass() is called after
    // each pass (and after takeAll()). timerName names the pass timer (event profiles list timers by name).
    SlicedBatches(qsizetype slice, const QString &timerName,
                  std::function<void(const QList<Record> &, qsizetype, qsizetype)> store, std::function<void()> afterPass)
        : m_slice(slice)
        , m_store(std::move(store))
        , m_afterPass(std::move(afterPass))
    {
        m_timer.setSingleShot(true);
        m_timer.setObjectName(timerName);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { take(m_slice); });
    }
    SlicedBatches(const SlicedBatches &) = delete;
    SlicedBatches &operator=(const SlicedBatches &) = delete;

    bool isEmpty() const { return m_pending.isEmpty(); }
    // Queues batch; its first slice is taken on the next pass of the event loop.
    void append(const QList<Record> &batch)
    {
        m_pending.append(batch);
        if (!m_timer.isActive())
            m_timer.start(0);
    }
    // Takes everything queued now: before what was stored is read or drawn.
    void takeAll()
    {
        if (!m_pending.isEmpty())
            take(std::numeric_limits<qsizetype>::max());
    }
    // Drops everything queued.
    void clear()
    {
        m_pending.clear();
        m_offset = 0;
    }

private:
    void take(qsizetype limit)
    {
        while (!m_pending.isEmpty() && limit > 0) {
            const QList<Record> &batch = m_pending.front();
            const qsizetype count = std::min(batch.size() - m_offset, limit);   // limit may be "all"
            m_store(batch, m_offset, m_offset + count);
            limit -= count;
            m_offset += count;
            if (m_offset == batch.size()) {
                m_pending.removeFirst();
                m_offset = 0;
            }
        }
        m_afterPass();
        if (!m_pending.isEmpty())
            m_timer.start(0);
    }

    qsizetype m_slice;
    std::function<void(const QList<Record> &, qsizetype, qsizetype)> m_store;
    std::function<void()> m_afterPass;
    QTimer m_timer;
    QList<QList<Record>> m_pending;   // batches not stored yet, oldest first
    qsizetype m_offset = 0;           // records of the first batch already stored
};

} // namespace fl
