#pragma once

// Smoothing of noisy training curves for display, as TensorBoard does it.

#include <vector>

namespace fl {

// TensorBoard's debiased exponential moving average: with last = 0 and n = 0, each finite y gives
// last = w·last + (1 − w)·y, n = n + 1, and the output last / (1 − wⁿ). The division removes the pull
// towards the zero start, so a constant curve stays constant and the first point is the first value.
// Non-finite values (NaN, ±∞) are passed through unchanged and do not advance the average. weight is
// meant to lie in [0, 1): 0 (or less, or NaN) returns the input as it is; 1 or more counts as 0.999.
std::vector<double> smoothDebiasedEma(const std::vector<double> &values, double weight);

} // namespace fl
