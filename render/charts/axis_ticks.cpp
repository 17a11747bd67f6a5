#include "render/charts/axis_ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace render {
namespace {

std::vector<double> multiples_within(double lo, double hi, double step) {
    std::vector<double> values;
    const double first = std::ceil(lo / step - 1e-9);
    for (double k = first; k * step <= hi + step * 1e-9; ++k) values.push_back(k == 0 ? 0.0 : k * step);
    return values;
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
    // The smallest 1, 2 or 5 times a power of ten that puts at most max_ticks multiples in the range,
    // starting a power of ten below any that could.
    double power = std::pow(10, std::floor(std::log10((hi - lo) / max_ticks)) - 1);
    for (;; power *= 10)
        for (double multiple : {1.0, 2.0, 5.0}) {
            std::vector<double> values = multiples_within(lo, hi, multiple * power);
            if (static_cast<int>(values.size()) > max_ticks) continue;
            // A range straddling no multiple of a step wide enough keeps the last step that gave two.
            if (values.size() < 2 && !ticks.values.empty()) return ticks;
            ticks.values = std::move(values);
            ticks.step = multiple * power;
            ticks.decimals = std::max(0, -static_cast<int>(std::floor(std::log10(ticks.step) + 1e-9)));
            if (ticks.values.size() >= 2 || ticks.step > hi - lo) return ticks;
        }
}

AxisTicks count_ticks(double hi, int max_ticks) {
    AxisTicks ticks = nice_ticks(0, hi, max_ticks);
    if (ticks.step >= 1) return ticks;
    ticks = {{}, 1, 0};
    for (double v = 0; v <= hi; ++v) ticks.values.push_back(v);
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
