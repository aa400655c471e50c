#pragma once

// How the window writes a run's values: one reading for the Runs table, the metrics chart and the loss
// chart. The values' keys ("cold_ndcg@10") are the engine's (MetricKey.h).

#include "engine/evaluation/MetricKey.h"

#include <QString>

namespace fl {

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
