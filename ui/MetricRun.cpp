#include "MetricRun.h"

#include "RunValues.h"

#include <algorithm>
#include <cmath>

namespace fl {

const QList<QPointF> *MetricRun::pointsOf(const QString &key) const
{
    const auto it = m_points.find(key);
    return it == m_points.end() ? nullptr : &it->second;
}

const MetricRecord *MetricRun::recordAt(int epoch) const
{
    const auto it = std::lower_bound(records.cbegin(), records.cend(), epoch,
                                     [](const MetricRecord &r, int e) { return r.epoch < e; });
    return it != records.cend() && it->epoch == epoch ? &*it : nullptr;
}

bool MetricRun::add(int epoch, const QMap<QString, double> &values)
{
    records.append(MetricRecord{epoch, values});
    bool newKey = false;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        auto [entry, inserted] = m_points.try_emplace(it.key());
        if (inserted) {
            newKey = true;
            m_keys.insert(std::upper_bound(m_keys.begin(), m_keys.end(), it.key(), chartKeyLess), it.key());
        }
        if (std::isfinite(it.value()))
            entry->second.append(QPointF(epoch, it.value()));
    }
    if (finished) {
        finished = false;
        engineBest = 0;
        test.clear();
    }
    return newKey;
}

MetricBest MetricRun::best(const QString &fallbackKey) const
{
    MetricBest best;
    best.key = !monitor.isEmpty() && pointsOf(monitor) ? monitor : fallbackKey;
    if (best.key.isEmpty())
        return best;
    if (finished && engineBest > 0) {
        best.epoch = engineBest;
        if (const MetricRecord *record = recordAt(engineBest))
            best.value = record->values.value(best.key, best.value);
        return best;
    }
    if (const QList<QPointF> *points = pointsOf(best.key)) {
        for (const QPointF &p : *points) {
            if (best.epoch == 0 || p.y() > best.value) {
                best.epoch = int(p.x());
                best.value = p.y();
            }
        }
    }
    return best;
}

} // namespace fl
