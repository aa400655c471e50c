#include "RunValues.h"

#include <QCoreApplication>
#include <QLocale>

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

bool chartKeyLess(const QString &a, const QString &b)
{
    const MetricKey pa = parseMetricKey(a);
    const MetricKey pb = parseMetricKey(b);
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
    const MetricKey parsed = parseMetricKey(key);
    if (parsed.cold)
        return Tr::tr("cold %1").arg(MetricKey{parsed.family, parsed.k}.name());
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
