#pragma once

// How the window reads a run's value keys ("cold_ndcg@10") and writes its values: one reading for the
// Runs table, the metrics chart and the loss chart.

#include <QString>

namespace fl {

// The prefix of a metric measured on the cold-start items only: "cold_ndcg@10".
inline const QString kColdMetricPrefix = QStringLiteral("cold_");

// "cold_ndcg@10" → cold, "ndcg", 10; a key without "@K" has k = -1.
struct MetricKeyParts
{
    bool cold = false;
    QString family;
    int k = -1;
};

MetricKeyParts parseMetricKey(const QString &key);

// Where a family of RankingMetrics ("ndcg", "recall", "precision", "hit", "map") stands, most telling
// first; any other family after them.
int metricFamilyRank(const QString &family);

// The order the metrics chart lists metric keys in (its chooser, read-out and CSV columns): plain keys
// before cold_ ones, each by family (metricFamilyRank, then by name), then by K.
bool chartKeyLess(const QString &a, const QString &b);

// How a key reads in text: "ndcg@10", "cold ndcg@10".
QString metricKeyTitle(const QString &key);

// A metric's value with four decimals in the user's locale; "—" for NaN, "∞" or "−∞" for infinities.
QString formatMetricValue(double value);

// value with four significant digits in the user's locale (trailing zeroes kept, so a column lines
// up); "—" for NaN, "∞" or "−∞" for infinities.
QString formatRunValue(double value);

} // namespace fl
