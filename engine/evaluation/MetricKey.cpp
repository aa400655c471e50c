#include "engine/evaluation/MetricKey.h"

namespace fl {

namespace {

const QString kColdPrefix = QStringLiteral("cold_");

} // namespace

QString MetricKey::name() const
{
    QString out = cold ? kColdPrefix + family : family;
    if (k > 0)
        out += QLatin1Char('@') + QString::number(k);
    return out;
}

MetricKey parseMetricKey(const QString &name)
{
    MetricKey key;
    QString rest = name;
    if (rest.startsWith(kColdPrefix)) {
        key.cold = true;
        rest = rest.mid(kColdPrefix.size());
    }
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    bool ok = false;
    const int k = at > 0 ? rest.mid(at + 1).toInt(&ok) : 0;
    if (at > 0 && ok && k > 0) {
        key.family = rest.left(at);
        key.k = k;
    } else {
        key.family = rest;
    }
    return key;
}

QString coldMetricName(const QString &name)
{
    return parseMetricKey(name).coldTwin().name();
}

const QStringList &rankingMetricFamilies()
{
    static const QStringList families{QStringLiteral("precision"), QStringLiteral("recall"), QStringLiteral("ndcg"),
                                      QStringLiteral("hit"), QStringLiteral("map")};
    return families;
}

int metricFamilyRank(const QString &family)
{
    static const QStringList order{QStringLiteral("ndcg"), QStringLiteral("recall"), QStringLiteral("precision"),
                                   QStringLiteral("hit"), QStringLiteral("map")};
    const qsizetype at = order.indexOf(family);
    return at < 0 ? int(order.size()) : int(at);
}

MetricKey defaultMonitorMetric()
{
    return {QStringLiteral("ndcg"), 10, false};
}

bool metricHigherIsBetter(const QString &name)
{
    const QString family = parseMetricKey(name).family;
    return !(family.endsWith(QLatin1String("loss")) || family.endsWith(QLatin1String("floor"))
             || family == QLatin1String("rmse") || family == QLatin1String("mae"));
}

} // namespace fl
