#pragma once

// The validation values a landscape or an ablation offers for a config, by the names run summaries
// use, in the order a user looks for them: the regression's "val_loss" (with rmse and mae when asked),
// and for ranking models ndcg, recall, precision, hit and map at each K of the config, with their cold_
// versions on a cold-items split. Only names the engine's runMetricNames() knows are offered.

#include "engine/training/Landscape.h"

#include <QStringList>

#include <algorithm>

namespace fl {

inline QStringList metricChoices(const RunConfig &config, bool withRatingErrors = false)
{
    QStringList names;
    if (config.model.isLinear()) {
        names << QStringLiteral("val_loss");
        if (withRatingErrors)
            names << QStringLiteral("rmse") << QStringLiteral("mae");
    } else {
        QStringList families = rankingMetricFamilies();
        std::stable_sort(families.begin(), families.end(), [](const QString &a, const QString &b) {
            return metricFamilyRank(a) < metricFamilyRank(b);
        });
        const bool cold = config.model.split.kind == RecSplitKind::ColdItems;
        for (const bool heldOut : {false, true}) {
            if (heldOut && !cold)
                break;
            for (int k : config.model.ks) {
                for (const QString &family : std::as_const(families))
                    names << MetricKey{family, k, heldOut}.name();
            }
        }
    }
    const QStringList known = runMetricNames(config);
    names.removeIf([&known](const QString &name) { return !known.contains(name); });
    return names;
}

} // namespace fl
