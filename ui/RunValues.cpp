#include "RunValues.h"

#include <QLocale>
#include <QStringList>

#include <cmath>

namespace fl {

MetricKeyParts parseMetricKey(const QString &key)
{
    static const QString coldPrefix = QStringLiteral("cold_");
    MetricKeyParts parts;
    QString rest = key;
    if (rest.startsWith(coldPrefix)) {
        parts.cold = true;
        rest = rest.mid(coldPrefix.size());
    }
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    bool ok = false;
    const int k = at > 0 ? rest.mid(at + 1).toInt(&ok) : 0;
    if (at > 0 && ok) {
        parts.family = rest.left(at);
        parts.k = k;
    } else {
        parts.family = rest;
    }
    return parts;
}

int metricFamilyRank(const QString &family)
{
    static const QStringList order{QStringLiteral("ndcg"), QStringLiteral("recall"), QStringLiteral("precision"),
                                   QStringLiteral("hit"), QStringLiteral("map")};
    const qsizetype at = order.indexOf(family);
    return at < 0 ? int(order.size()) : int(at);
}

QString formatRunValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("—");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::IncludeTrailingZeroesAfterDot);
    return locale.toString(value, 'g', 4);
}

} // namespace fl
