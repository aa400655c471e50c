#pragma once

// Deterministic train/validation split of a dataset's interactions: the same seed gives the same
// split on every machine (fl::Random), so a run can be reproduced from its settings alone.

#include <cstdint>
#include <vector>

namespace fl {

struct SplitConfig
{
    double validationFraction = 0.2;
    std::uint64_t seed = 42;
};

struct Split
{
    std::vector<int> train;       // interaction indices, ascending
    std::vector<int> validation;  // interaction indices, ascending
};

Split randomSplit(int interactionCount, const SplitConfig &config);

} // namespace fl
