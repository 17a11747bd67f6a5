#pragma once
// Colours as sRGB in [0, 1], with the two measures palettes are judged by: OKLab (perceptual
// distance between two colours) and the CIE L* of a colour's luminance (how light it prints on
// a greyscale printer, which keeps luminance and drops hue).
#include <string>

namespace render {

struct Rgb {
    double r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

struct OkLab {
    double l = 0, a = 0, b = 0;
};

// "#RRGGBB"; throws std::invalid_argument otherwise (plan colours are checked when read).
Rgb from_hex(const std::string& hex);
std::string to_hex(const Rgb& colour);

OkLab to_oklab(const Rgb& colour);
// sRGB of an OKLab colour; components may fall outside [0, 1] when it is out of gamut.
Rgb from_oklab(const OkLab& lab);
bool in_gamut(const Rgb& colour);

// Euclidean distance in OKLab: about 0.02 is a just-noticeable difference.
double colour_distance(const Rgb& a, const Rgb& b);
// CIE L* (0 black .. 100 white) of the colour's relative luminance: its grey when printed in greyscale.
double grey_lightness(const Rgb& colour);

// Black or white, whichever reads better on `background`.
Rgb text_colour_on(const Rgb& background);

}  // namespace render
