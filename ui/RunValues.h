#pragma once

// How the window writes a run's values: one reading for the Runs table, the metrics chart and the loss
// chart. The values' keys ("cold_ndcg@10") are the engine's (MetricKey.h).

#include "engine/evaluation/MetricKey.h"

#include <QString>

namespace fl {

// value with four significant digits in the user's locale (trailing zeroes kept, so a column lines
// up); "—" for NaN, "∞" or "−∞" for infinities.
QString formatRunValue(double value);

} // namespace fl
