#pragma once
// QGIS styles for the layers of a plan: a GeoPackage carries them in its layer_styles table, as
// QGIS itself does on "Save as Default", so that it opens in QGIS already styled. The colours are
// given, not chosen here: render/style decides them once for the planner, the briefing maps and
// these styles (render::style_colours), and geo/ does not depend on render/.
#include "geo/export/layer.h"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace geo {

struct StyleColours {
    std::map<std::string, std::string> command_unit;                 // unit code -> #RRGGBB
    std::function<std::vector<std::string>(std::size_t)> sequence;   // n colours light to dark (phases, officers)
    bool empty() const { return command_unit.empty() && !sequence; }
};

// One class of a categorised or graduated renderer.
struct StyleClass {
    std::string value;          // categorised: the field's value
    double lower = 0, upper = 0;  // graduated: the range
    std::string label, colour;  // colour #RRGGBB
};

struct LayerStyle {
    enum class Renderer { outline, categorised, graduated };
    std::string layer;          // the layer it styles, as written (after -nln)
    std::string name;           // QGIS's styleName: "wardmap command units"
    std::string description;
    bool is_default = false;    // QGIS applies the layer's default style when it opens the layer
    Renderer renderer = Renderer::outline;
    std::string field;          // the field classified on
    std::vector<StyleClass> classes;
    std::string label_field;    // labels from this field, or none
    std::string line_colour = "#333333";
    double line_width_mm = 0.26;
};

// The styles of the layers of a plan, named units, parents and command_units as plan_layers makes
// them: command units filled in their colours on the unit code and labelled with their names
// (default), boroughs and wards as outlines (default), and, where the columns are there, go-live
// phases (live_date, or the plan's phase) and officers (officers, dwo) light to dark as further
// styles. Layers of other names get none.
std::vector<LayerStyle> plan_styles(const std::vector<OutputLayer>& layers, const StyleColours& colours);

// The style as QGIS reads it: QML (QGIS's own) and SLD 1.1 (for other systems).
std::string to_qml(const LayerStyle& style);
std::string to_sld(const LayerStyle& style);

}  // namespace geo
