#pragma once

// Axis arithmetic shared by the charts.

#include <cmath>

namespace fl {

// The smallest of 1, 2, 5 · 10ᵏ that is ≥ raw: a tick interval.
inline double niceStep(double raw)
{
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * power >= raw * (1 - 1e-12))
            return m * power;
    }
    return 10 * power;
}

} // namespace fl
