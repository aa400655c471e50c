#pragma once

// The validation values a landscape or an ablation offers for a config, by the names run summaries
// use, in the order a user looks for them: the regression's "val_loss" (with rmse and mae when asked),
// and for ranking models ndcg, recall, precision, hit and map at each K of the config, with their cold_
// versions on a cold-items split. Only names the engine's runMetricNames() knows are offered.

#include "engine/Landscape.h"

#include <QStringList>

namespace fl {

inline QStringList metricChoices(const RunConfig &config, bool withRatingErrors = false)
{
    QStringList names;
    if (config.model.isLinear()) {
        names << QStringLiteral("val_loss");
        if (withRatingErrors)
            names << QStringLiteral("rmse") << QStringLiteral("mae");
    } else {
        const bool cold = config.model.split.kind == RecSplitKind::ColdItems;
        for (const QString &prefix : cold ? QStringList{QString(), QStringLiteral("cold_")} : QStringList{QString()}) {
            for (int k : config.model.ks) {
                for (const char *family : {"ndcg", "recall", "precision", "hit", "map"})
                    names << QStringLiteral("%1%2@%3").arg(prefix, QLatin1String(family)).arg(k);
            }
        }
    }
    const QStringList known = runMetricNames(config);
    names.removeIf([&known](const QString &name) { return !known.contains(name); });
    return names;
}

// The monitored metric (its cold_ version on a cold-items split), or val_loss for the regression.
inline QString defaultMetricChoice(const RunConfig &config)
{
    if (config.model.isLinear())
        return QStringLiteral("val_loss");
    const QString monitor = config.model.monitor.isEmpty() ? QStringLiteral("ndcg@10") : config.model.monitor;
    return config.model.split.kind == RecSplitKind::ColdItems ? QStringLiteral("cold_") + monitor : monitor;
}

} // namespace fl
