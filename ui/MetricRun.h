#pragma once

// What the metrics chart keeps of a run: the validation metrics each epoch brought, every key's finite
// values as points (x = epoch), the keys in the chart's order (chartKeyLess), and, once the run
// finished, its test metrics and the epoch whose parameters the engine kept. Plain data.

#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <limits>
#include <map>

namespace fl {

struct MetricRecord
{
    int epoch = 0;
    QMap<QString, double> values;
};

// The best epoch of a metric: the epoch (0: none), the metric, and its value there (NaN when that
// epoch brought none).
struct MetricBest
{
    int epoch = 0;
    QString key;
    double value = std::numeric_limits<double>::quiet_NaN();
};

class MetricRun
{
public:
    int id = -1;
    QString label;
    QString monitor;                // the metric early stopping watches (ModelConfig::monitor)
    QList<MetricRecord> records;    // by epoch
    bool finished = false;
    int engineBest = 0;             // RunSummary::bestEpoch
    QMap<QString, double> test;     // the test metrics, once finished

    int lastEpoch() const { return records.isEmpty() ? 0 : records.back().epoch; }
    const QStringList &keys() const { return m_keys; }   // every key the records have, in the chart's order
    const QList<QPointF> *pointsOf(const QString &key) const;   // nullptr for a key no record has
    const MetricRecord *recordAt(int epoch) const;             // the record of that very epoch, or nullptr

    // Adds the values of epoch, which the caller has checked comes after the last; non-finite values
    // are kept in the record but are no point. A finished run that goes on forgets its test metrics
    // (they described the earlier end). Returns whether a key new to the run came.
    bool add(int epoch, const QMap<QString, double> &values);

    // The best epoch of the monitored metric: the engine's once the run finished with one, else the
    // first epoch with the highest value so far (the engine's rule: only a strictly better value
    // moves it). A monitor the records do not have falls back to fallbackKey (the metric drawn).
    MetricBest best(const QString &fallbackKey) const;

private:
    std::map<QString, QList<QPointF>> m_points;
    QStringList m_keys;
};

} // namespace fl
