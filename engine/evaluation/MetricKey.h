#pragma once

// The names of the values a run reports, built and read in this one place. A ranking metric is a
// family at a cut-off K, measured over every test user or, on a cold-items split, over the items held
// out of training: "ndcg@10", "cold_ndcg@10". Other values have a plain name ("train_loss",
// "val_floor", "rmse"). Records, exports, the CLI's JSON, the Runs table and the charts all use these
// strings, so they are part of FusionLab's file formats and never change.

#include <QString>
#include <QStringList>

namespace fl {

struct MetricKey
{
    QString family;      // "ndcg", "recall", "precision", "hit", "map"; or a plain value's name
    int k = -1;          // the cut-off; −1 for a value without one
    bool cold = false;   // measured over the held-out (cold) items only

    // "ndcg@10", "cold_recall@20", "val_loss".
    QString name() const;
    bool isRanking() const { return k > 0; }
    // The same metric over the held-out items.
    MetricKey coldTwin() const { return {family, k, true}; }
    bool operator==(const MetricKey &other) const = default;
};

// "cold_ndcg@10" → {ndcg, 10, cold}; a name without a numeric "@K" has k = −1.
MetricKey parseMetricKey(const QString &name);

// The name of the same metric over the held-out items: "ndcg@10" → "cold_ndcg@10".
QString coldMetricName(const QString &name);

// The ranking families in the order RankingMetrics computes them: precision, recall, ndcg, hit, map.
const QStringList &rankingMetricFamilies();

// Where a ranking family stands, most telling first (ndcg, recall, precision, hit, map); any other
// family after them.
int metricFamilyRank(const QString &family);

// The metric ranking runs monitor unless told otherwise: ndcg@10.
MetricKey defaultMonitorMetric();

// Whether a larger value is better: false for losses, floors and rating errors (rmse, mae).
bool metricHigherIsBetter(const QString &name);

} // namespace fl
