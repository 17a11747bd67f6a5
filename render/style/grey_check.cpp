#include "render/style/grey_check.h"

#include <cmath>

namespace render {

std::optional<GreyClash> grey_clash(const Rgb& chosen, const std::vector<Rgb>& neighbours, double min_difference) {
    const double grey = grey_lightness(chosen);
    std::optional<GreyClash> closest;
    for (std::size_t n = 0; n < neighbours.size(); ++n) {
        const double difference = std::abs(grey_lightness(neighbours[n]) - grey);
        if (difference < min_difference && (!closest || difference < closest->difference)) closest = GreyClash{n, difference};
    }
    return closest;
}

}  // namespace render
