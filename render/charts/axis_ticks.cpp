#include "render/charts/axis_ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace render {
namespace {

// The smallest of 1, 2, 5 times a power of ten that is at least `rough`.
double round_step(double rough) {
    const double power = std::pow(10, std::floor(std::log10(rough)));
    for (double multiple : {1.0, 2.0, 5.0, 10.0})
        if (multiple * power >= rough * (1 - 1e-9)) return multiple * power;
    return 10 * power;
}

}  // namespace

AxisTicks nice_ticks(double lo, double hi, int max_ticks) {
    AxisTicks ticks;
    if (!std::isfinite(lo) || !std::isfinite(hi)) return ticks;
    if (hi < lo) std::swap(lo, hi);
    if (hi == lo) {
        ticks.values = {lo};
        ticks.decimals = std::clamp(3 - static_cast<int>(std::floor(std::log10(std::max(std::abs(lo), 1e-12)))), 0, 6);
        return ticks;
    }
    max_ticks = std::max(max_ticks, 2);
    double step = round_step((hi - lo) / (max_ticks - 1));
    // Fewer ticks than two fit only when the range straddles no multiple of the step: take the next smaller step.
    for (int attempt = 0; attempt < 3; ++attempt) {
        ticks.values.clear();
        const double first = std::ceil(lo / step - 1e-9) * step;
        for (double v = first; v <= hi + step * 1e-9; v = first + step * static_cast<double>(ticks.values.size()))
            ticks.values.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
        if (ticks.values.size() >= 2 || static_cast<int>(ticks.values.size()) >= max_ticks) break;
        step = round_step(step / 2.5);
    }
    ticks.step = step;
    ticks.decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
    return ticks;
}

std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) return std::isnan(value) ? "n/a" : (value > 0 ? "\u221e" : "\u2212\u221e");
    decimals = std::clamp(decimals, 0, 9);
    char digits[64];
    std::snprintf(digits, sizeof digits, "%.*f", decimals, std::abs(value));
    std::string plain = digits;
    const bool negative = value < 0 && plain.find_first_not_of("0.") != std::string::npos;
    const std::size_t point = plain.find('.');
    const std::string whole = plain.substr(0, point), fraction = point == std::string::npos ? "" : plain.substr(point);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped.push_back(',');
        grouped.push_back(whole[i]);
    }
    return (negative ? "\u2212" : "") + grouped + fraction;
}

std::string format_count(double count) {
    const double size = std::abs(count);
    const auto scaled = [&](double unit, const char* suffix) {
        const double v = count / unit;
        char text[32];
        std::snprintf(text, sizeof text, std::abs(v) < 10 && std::abs(v - std::round(v)) > 1e-9 ? "%.1f%s" : "%.0f%s", v, suffix);
        return std::string(text);
    };
    if (size >= 1e6) return scaled(1e6, "M");
    if (size >= 1e4) return scaled(1e3, "k");
    return format_number(count, std::abs(count - std::round(count)) > 1e-9 ? 1 : 0);
}

}  // namespace render
