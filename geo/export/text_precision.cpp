#include "geo/export/text_precision.h"

#include <cmath>
#include <map>
#include <string>

namespace geo {
namespace {

double rounded_to_decimals(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

double rounded_to_figures(double value, int figures) {
    if (value == 0 || !std::isfinite(value)) return value;
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value)))) + 1;
    return rounded_to_decimals(value, figures - magnitude);
}

}  // namespace

int meaningful_decimals(const std::string& field) {
    // The columns plan_layers adds: areas in km² to 1 m², perimeters in km to 1 mm, Polsby-Popper
    // (0..1) to a millionth, which tells any two command units apart.
    static const std::map<std::string, int> decimals{{"area_km2", 6}, {"perim_km", 6}, {"compact", 6}};
    const auto found = decimals.find(field);
    return found == decimals.end() ? -1 : found->second;
}

void round_for_text(std::vector<OutputLayer>& layers) {
    for (OutputLayer& layer : layers)
        for (std::size_t f = 0; f < layer.fields.size(); ++f) {
            if (layer.fields[f].kind != FieldKind::real) continue;
            const int decimals = meaningful_decimals(layer.fields[f].name);
            for (OutputFeature& feature : layer.features)
                if (f < feature.values.size())
                    if (double* value = std::get_if<double>(&feature.values[f]))
                        *value = decimals >= 0 ? rounded_to_decimals(*value, decimals) : rounded_to_figures(*value, significant_figures);
        }
}

}  // namespace geo
