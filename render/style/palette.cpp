#include "render/style/palette.h"

#include <cmath>
#include <numbers>
#include <numeric>

namespace render {
namespace {

Rgb at(double lightness, double chroma, double hue) {
    return from_oklab({lightness, chroma * std::cos(hue), chroma * std::sin(hue)});
}

// The OKLab lightness at which a colour of this chroma and hue prints as grey L* `grey`.
double lightness_for_grey(double grey, double chroma, double hue) {
    double low = 0, high = 1;
    for (int step = 0; step < 30; ++step) {
        const double mid = (low + high) / 2;
        (grey_lightness(at(mid, chroma, hue)) < grey ? low : high) = mid;
    }
    return (low + high) / 2;
}

// The most saturated in-gamut colour of that hue (capped at `max_chroma`) that prints as grey L*
// `grey`. Greys are matched on luminance, not OKLab L: a printer keeps luminance.
Rgb strongest(double grey, double hue, double max_chroma) {
    double low = 0, high = max_chroma;
    for (int step = 0; step < 24; ++step) {
        const double mid = (low + high) / 2;
        (in_gamut(at(lightness_for_grey(grey, mid, hue), mid, hue)) ? low : high) = mid;
    }
    return at(lightness_for_grey(grey, low, hue), low, hue);
}

// A stride coprime with `count` near count / 2.4: consecutive indices land far apart in lightness.
std::size_t lightness_stride(std::size_t count) {
    std::size_t stride = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(count / 2.4)));
    while (std::gcd(stride, count) != 1) ++stride;
    return stride;
}

}  // namespace

std::vector<Rgb> categorical_palette(std::size_t count) {
    std::vector<Rgb> colours;
    if (count == 0) return colours;
    // Grey L* from 36 (dark enough for white text) to 94 (still visibly tinted on paper).
    constexpr double darkest = 36, lightest = 94;
    const std::size_t stride = lightness_stride(count);
    const double golden = std::numbers::pi * (3 - std::sqrt(5.0));
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t level = (i * stride) % count;
        const double grey = count == 1 ? 65 : darkest + (lightest - darkest) * level / (count - 1);
        colours.push_back(strongest(grey, 0.5 + golden * level, 0.13));  // adjacent greys, far-apart hues
    }
    return colours;
}

std::vector<Rgb> sequential_palette(std::size_t count) {
    std::vector<Rgb> colours;
    // Yellow-green to deep blue (viridis-like): hue turns as lightness falls, which helps in colour
    // without changing the order in grey.
    for (std::size_t i = 0; i < count; ++i) {
        const double t = count == 1 ? 0.5 : static_cast<double>(i) / (count - 1);
        const double grey = 94 - 62 * t;
        const double hue = 1.9 + 2.4 * t;  // radians: ~110 deg (yellow-green) to ~245 deg (blue)
        colours.push_back(strongest(grey, hue, 0.14));
    }
    return colours;
}

}  // namespace render
