#include "engine/core/Smoothing.h"

#include <cmath>

namespace fl {

std::vector<double> smoothDebiasedEma(const std::vector<double> &values, double weight)
{
    if (!(weight > 0))
        return values;
    const double w = weight < 1 ? weight : 0.999;
    std::vector<double> out(values.size());
    double last = 0;
    double power = 1;  // wⁿ, kept by multiplication rather than pow() at every point
    for (size_t i = 0; i < values.size(); ++i) {
        const double y = values[i];
        if (!std::isfinite(y)) {
            out[i] = y;
            continue;
        }
        last = last * w + (1 - w) * y;
        power *= w;
        out[i] = last / (1 - power);
    }
    return out;
}

} // namespace fl
