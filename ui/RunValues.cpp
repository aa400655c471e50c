#include "RunValues.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace fl {

namespace {

// The translation context of this file's messages.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(fl::RunValues)
};

// "—" for NaN, "∞" or "−∞" for an infinity (value is not finite).
QString nonFinite(double value)
{
    if (std::isnan(value))
        return QStringLiteral("—");
    return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
}

} // namespace

MetricKeyParts parseMetricKey(const QString &key)
{
    MetricKeyParts parts;
    QString rest = key;
    if (rest.startsWith(kColdMetricPrefix)) {
        parts.cold = true;
        rest = rest.mid(kColdMetricPrefix.size());
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

bool chartKeyLess(const QString &a, const QString &b)
{
    const MetricKeyParts pa = parseMetricKey(a);
    const MetricKeyParts pb = parseMetricKey(b);
    if (pa.cold != pb.cold)
        return !pa.cold;
    if (metricFamilyRank(pa.family) != metricFamilyRank(pb.family))
        return metricFamilyRank(pa.family) < metricFamilyRank(pb.family);
    if (pa.family != pb.family)
        return pa.family < pb.family;
    return pa.k < pb.k;
}

QString metricKeyTitle(const QString &key)
{
    if (key.startsWith(kColdMetricPrefix))
        return Tr::tr("cold %1").arg(key.mid(kColdMetricPrefix.size()));
    return key;
}

QString formatMetricValue(double value)
{
    if (!std::isfinite(value))
        return nonFinite(value);
    return QLocale().toString(value, 'f', 4);
}

QString formatRunValue(double value)
{
    if (!std::isfinite(value))
        return nonFinite(value);
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::IncludeTrailingZeroesAfterDot);
    return locale.toString(value, 'g', 4);
}

} // namespace fl
