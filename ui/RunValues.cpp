#include "RunValues.h"

#include <QLocale>

#include <cmath>

namespace fl {

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
