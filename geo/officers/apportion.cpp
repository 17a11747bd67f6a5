#include "geo/officers/apportion.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace geo {

std::vector<int> apportion(int total, const std::vector<double>& weights, int minimum) {
    return apportion(total, weights, std::vector<int>(weights.size(), minimum));
}

std::vector<int> apportion(int total, const std::vector<double>& weights, const std::vector<int>& minimums) {
    const int n = static_cast<int>(weights.size());
    if (n == 0) return {};
    const long long floors = std::accumulate(minimums.begin(), minimums.end(), 0LL);
    if (floors > total) throw std::invalid_argument("the minimums add up to " + std::to_string(floors) + ", more than " + std::to_string(total));
    if (std::any_of(weights.begin(), weights.end(), [](double w) { return w < 0 || !std::isfinite(w); }))
        throw std::invalid_argument("a weight is negative or not a number");
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    const int rest = total - static_cast<int>(floors);
    std::vector<int> posts = minimums;
    std::vector<double> remainder(n);
    int given = 0;
    for (int i = 0; i < n; ++i) {
        const double quota = sum > 0 ? rest * weights[i] / sum : static_cast<double>(rest) / n;
        const int whole = static_cast<int>(std::floor(quota));
        posts[i] += whole;
        remainder[i] = quota - whole;
        given += whole;
    }
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return remainder[a] > remainder[b]; });
    for (int k = 0; given < rest; ++k, ++given) ++posts[order[k % n]];
    return posts;
}

}  // namespace geo
