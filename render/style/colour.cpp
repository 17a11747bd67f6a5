#include "render/style/colour.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace render {
namespace {

double to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double from_linear(double c) { return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055; }

double hex_byte(const std::string& hex, std::size_t at) {
    const auto digit = [&](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        throw std::invalid_argument("not a #RRGGBB colour: " + hex);
    };
    return (digit(hex[at]) * 16 + digit(hex[at + 1])) / 255.0;
}

}  // namespace

Rgb from_hex(const std::string& hex) {
    if (hex.size() != 7 || hex[0] != '#') throw std::invalid_argument("not a #RRGGBB colour: " + hex);
    return {hex_byte(hex, 1), hex_byte(hex, 3), hex_byte(hex, 5)};
}

std::string to_hex(const Rgb& colour) {
    const auto byte = [](double c) { return static_cast<int>(std::lround(std::clamp(c, 0.0, 1.0) * 255)); };
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", byte(colour.r), byte(colour.g), byte(colour.b));
    return text;
}

// Björn Ottosson's OKLab (2020), from linear sRGB.
OkLab to_oklab(const Rgb& colour) {
    const double r = to_linear(colour.r), g = to_linear(colour.g), b = to_linear(colour.b);
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

Rgb from_oklab(const OkLab& lab) {
    const double l = std::pow(lab.l + 0.3963377774 * lab.a + 0.2158037573 * lab.b, 3);
    const double m = std::pow(lab.l - 0.1055613458 * lab.a - 0.0638541728 * lab.b, 3);
    const double s = std::pow(lab.l - 0.0894841775 * lab.a - 1.2914855480 * lab.b, 3);
    return {from_linear(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
            from_linear(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
            from_linear(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s)};
}

bool in_gamut(const Rgb& c) {
    constexpr double e = 1e-6;
    return c.r >= -e && c.r <= 1 + e && c.g >= -e && c.g <= 1 + e && c.b >= -e && c.b <= 1 + e;
}

double colour_distance(const Rgb& a, const Rgb& b) {
    const OkLab p = to_oklab(a), q = to_oklab(b);
    return std::hypot(p.l - q.l, p.a - q.a, p.b - q.b);
}

double grey_lightness(const Rgb& c) {
    const double y = 0.2126 * to_linear(c.r) + 0.7152 * to_linear(c.g) + 0.0722 * to_linear(c.b);
    return y > 216.0 / 24389 ? 116 * std::cbrt(y) - 16 : y * 24389.0 / 27;
}

Rgb text_colour_on(const Rgb& background) {
    return grey_lightness(background) > 55 ? Rgb{0, 0, 0} : Rgb{1, 1, 1};
}

}  // namespace render
