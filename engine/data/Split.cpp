#include "engine/data/Split.h"

#include "engine/core/Random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fl {

Split randomSplit(int interactionCount, const SplitConfig &config)
{
    std::vector<int> order(size_t(std::max(0, interactionCount)));
    std::iota(order.begin(), order.end(), 0);
    Random random(config.seed);
    random.shuffle(order.begin(), order.end());
    const double fraction = std::clamp(config.validationFraction, 0.0, 1.0);
    const size_t validation = size_t(std::llround(fraction * double(order.size())));
    Split split;
    split.validation.assign(order.begin(), order.begin() + std::ptrdiff_t(validation));
    split.train.assign(order.begin() + std::ptrdiff_t(validation), order.end());
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.train.begin(), split.train.end());
    return split;
}

} // namespace fl
