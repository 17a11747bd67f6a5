#pragma once
// Whole posts from shares: the largest-remainder (Hamilton) method, so the posts add up exactly
// to the pool, with an optional floor per command unit.
#include <vector>

namespace geo {

// Each entry gets `minimum` first, then the rest of `total` in proportion to `weights` (all zero:
// equal), rounding down and handing the posts left over to the largest remainders (ties: the
// earlier entry). Throws std::invalid_argument if the minimums alone exceed the total, or a weight
// is negative.
std::vector<int> apportion(int total, const std::vector<double>& weights, int minimum = 0);
// The same with a floor of its own for each entry (parallel to weights).
std::vector<int> apportion(int total, const std::vector<double>& weights, const std::vector<int>& minimums);

}  // namespace geo
