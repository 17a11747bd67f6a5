#include "geo/export/qgis_style.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

namespace geo {
namespace {

// ---------------------------------------------------------------- which layer gets what

const OutputLayer* find_layer(const std::vector<OutputLayer>& layers, const std::string& name) {
    const auto found = std::find_if(layers.begin(), layers.end(), [&](const OutputLayer& layer) { return layer.name == name; });
    return found == layers.end() ? nullptr : &*found;
}

int field_index(const OutputLayer& layer, const std::string& name) {
    for (std::size_t f = 0; f < layer.fields.size(); ++f)
        if (layer.fields[f].name == name) return static_cast<int>(f);
    return -1;
}

std::optional<std::string> text_at(const OutputFeature& feature, int field) {
    if (field < 0 || static_cast<std::size_t>(field) >= feature.values.size()) return std::nullopt;
    if (const auto* text = std::get_if<std::string>(&feature.values[field]); text && !text->empty()) return *text;
    return std::nullopt;
}

std::optional<double> number_at(const OutputFeature& feature, int field) {
    if (field < 0 || static_cast<std::size_t>(field) >= feature.values.size()) return std::nullopt;
    if (const auto* i = std::get_if<std::int64_t>(&feature.values[field])) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&feature.values[field])) return *d;
    return std::nullopt;
}

std::vector<std::string> sequence(const StyleColours& colours, std::size_t count) {
    std::vector<std::string> made = colours.sequence ? colours.sequence(count) : std::vector<std::string>{};
    made.resize(count, "#bdbdbd");  // not fed: grey rather than nothing
    return made;
}

LayerStyle command_unit_style(const OutputLayer& layer, const StyleColours& colours) {
    LayerStyle style;
    style.layer = layer.name;
    style.name = "wardmap command units";
    style.description = "Command units in the plan's colours, named";
    style.is_default = true;
    style.renderer = LayerStyle::Renderer::categorised;
    style.field = "code";
    style.label_field = "name";
    style.line_colour = "#1a1a1a";
    style.line_width_mm = 0.6;
    const int code = field_index(layer, "code"), name = field_index(layer, "name"), colour = field_index(layer, "colour");
    for (const OutputFeature& feature : layer.features) {
        const auto value = text_at(feature, code);
        if (!value) continue;
        const auto fed = colours.command_unit.find(*value);
        const std::string chosen = fed != colours.command_unit.end() ? fed->second : text_at(feature, colour).value_or("#cccccc");
        style.classes.push_back({*value, 0, 0, text_at(feature, name).value_or(*value), chosen});
    }
    return style;
}

LayerStyle outline_style(const std::string& layer, const std::string& name, const std::string& description,
                         const std::string& colour, double width_mm) {
    LayerStyle style;
    style.layer = layer;
    style.name = name;
    style.description = description;
    style.is_default = true;
    style.line_colour = colour;
    style.line_width_mm = width_mm;
    return style;
}

// Go-live phases light to dark: a rollout's live_date (labelled with its phase name), else the
// plan's own phase column ("2018-06"). Dates sort in time as text.
std::optional<LayerStyle> phase_style(const OutputLayer& layer, const StyleColours& colours) {
    const bool rollout = field_index(layer, "live_date") >= 0;
    const int field = field_index(layer, rollout ? "live_date" : "phase");
    const int label = rollout ? field_index(layer, "live_phase") : field;
    std::map<std::string, std::string> label_of;  // sorted by value: in time
    for (const OutputFeature& feature : layer.features)
        if (const auto value = text_at(feature, field)) label_of.emplace(*value, text_at(feature, label).value_or(*value));
    if (label_of.empty()) return std::nullopt;
    LayerStyle style;
    style.layer = layer.name;
    style.name = "wardmap go-live phase";
    style.description = "Go-live phases, light (first) to dark (last)";
    style.renderer = LayerStyle::Renderer::categorised;
    style.field = rollout ? "live_date" : "phase";
    const std::vector<std::string> shades = sequence(colours, label_of.size());
    std::size_t i = 0;
    for (const auto& [value, shown] : label_of)
        style.classes.push_back({value, 0, 0, rollout && shown != value ? fmt::format("{} ({})", shown, value) : shown, shades[i++]});
    return style;
}

// Officers light (few) to dark (many) in up to five classes of equal width, in whole officers.
std::optional<LayerStyle> officer_style(const OutputLayer& layer, const std::string& field_name, const StyleColours& colours) {
    const int field = field_index(layer, field_name);
    if (field < 0) return std::nullopt;
    std::vector<double> values;
    for (const OutputFeature& feature : layer.features)
        if (const auto value = number_at(feature, field)) values.push_back(*value);
    if (values.empty()) return std::nullopt;
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    const double lowest = std::floor(*low), highest = std::ceil(*high);
    const std::size_t classes = std::clamp<std::size_t>(static_cast<std::size_t>(highest - lowest), 1, 5);
    const double width = (highest - lowest) / static_cast<double>(classes);
    LayerStyle style;
    style.layer = layer.name;
    style.name = "wardmap officers";
    style.description = fmt::format("Officers ({}), light (fewest) to dark (most)", field_name);
    style.renderer = LayerStyle::Renderer::graduated;
    style.field = field_name;
    const std::vector<std::string> shades = sequence(colours, classes);
    for (std::size_t c = 0; c < classes; ++c) {
        const double from = std::round(lowest + width * static_cast<double>(c));
        const double to = c + 1 == classes ? highest : std::round(lowest + width * static_cast<double>(c + 1));
        style.classes.push_back({"", from, to, fmt::format("{:g} – {:g}", from, to), shades[c]});
    }
    return style;
}

// ---------------------------------------------------------------- QML and SLD

std::string escaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

// "#a6cee3" -> "166,206,227,255", QGIS's colour text.
std::string qgis_colour(const std::string& hex) {
    unsigned r = 204, g = 204, b = 204;
    if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
    return fmt::format("{},{},{},255", r, g, b);
}

std::string qml_option(const char* name, const std::string& value) {
    return fmt::format("       <Option type=\"QString\" name=\"{}\" value=\"{}\"/>\n", name, escaped(value));
}

// A fill symbol: `fill` empty draws the outline alone.
std::string qml_symbol(const std::string& name, const std::string& fill, const LayerStyle& style) {
    std::string options = qml_option("color", fill.empty() ? "0,0,0,0" : qgis_colour(fill)) +
                          qml_option("style", fill.empty() ? "no" : "solid") + qml_option("outline_color", qgis_colour(style.line_colour)) +
                          qml_option("outline_style", "solid") + qml_option("outline_width", fmt::format("{:g}", style.line_width_mm)) +
                          qml_option("outline_width_unit", "MM") + qml_option("joinstyle", "round");
    return fmt::format("   <symbol type=\"fill\" name=\"{}\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
                       "    <layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\">\n"
                       "     <Option type=\"Map\">\n{}     </Option>\n"
                       "    </layer>\n   </symbol>\n",
                       escaped(name), options);
}

std::string qml_renderer(const LayerStyle& style) {
    using Renderer = LayerStyle::Renderer;
    std::string classes, symbols;
    for (std::size_t c = 0; c < style.classes.size(); ++c) {
        const StyleClass& k = style.classes[c];
        if (style.renderer == Renderer::categorised)
            classes += fmt::format("   <category symbol=\"{}\" value=\"{}\" label=\"{}\" render=\"true\"/>\n", c, escaped(k.value), escaped(k.label));
        else
            classes += fmt::format("   <range symbol=\"{}\" lower=\"{:.6f}\" upper=\"{:.6f}\" label=\"{}\" render=\"true\"/>\n", c, k.lower,
                                   k.upper, escaped(k.label));
        symbols += qml_symbol(std::to_string(c), k.colour, style);
    }
    switch (style.renderer) {
        case Renderer::outline:
            return " <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">\n  <symbols>\n" +
                   qml_symbol("0", "", style) + "  </symbols>\n </renderer-v2>\n";
        case Renderer::categorised:
            return fmt::format(" <renderer-v2 type=\"categorizedSymbol\" attr=\"{}\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">\n"
                               "  <categories>\n{}  </categories>\n  <symbols>\n{}  </symbols>\n </renderer-v2>\n",
                               escaped(style.field), classes, symbols);
        case Renderer::graduated:
            return fmt::format(" <renderer-v2 type=\"graduatedSymbol\" attr=\"{}\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" "
                               "forceraster=\"0\" enableorderby=\"0\">\n"
                               "  <ranges>\n{}  </ranges>\n  <symbols>\n{}  </symbols>\n  <mode name=\"equal\"/>\n </renderer-v2>\n",
                               escaped(style.field), classes, symbols);
    }
    return {};
}

// Names in bold DejaVu Sans (the planner's and the briefing maps' font) on a white halo, one per
// unit, inside it.
std::string qml_labels(const LayerStyle& style) {
    if (style.label_field.empty()) return {};
    return fmt::format(
        " <labeling type=\"simple\">\n  <settings calloutType=\"simple\">\n"
        "   <text-style fieldName=\"{}\" isExpression=\"0\" fontFamily=\"DejaVu Sans\" namedStyle=\"Bold\" fontWeight=\"75\" "
        "fontSize=\"9\" fontSizeUnit=\"Point\" textColor=\"0,0,0,255\" textOpacity=\"1\">\n"
        "    <text-buffer bufferDraw=\"1\" bufferSize=\"1\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" "
        "bufferOpacity=\"1\" bufferNoFill=\"1\" bufferJoinStyle=\"128\"/>\n"
        "   </text-style>\n"
        "   <placement placement=\"1\" centroidInside=\"1\" centroidWhole=\"1\" fitInPolygonOnly=\"0\" priority=\"5\"/>\n"
        "   <rendering drawLabels=\"1\" obstacle=\"1\" obstacleType=\"1\" labelPerPart=\"0\" displayAll=\"0\"/>\n"
        "  </settings>\n </labeling>\n",
        escaped(style.label_field));
}

std::string sld_symbolizer(const std::string& fill, const LayerStyle& style) {
    std::string fill_part = fill.empty() ? "" : fmt::format("      <se:Fill>\n       <se:SvgParameter name=\"fill\">{}</se:SvgParameter>\n      </se:Fill>\n", fill);
    return fmt::format("     <se:PolygonSymbolizer>\n{}      <se:Stroke>\n"
                       "       <se:SvgParameter name=\"stroke\">{}</se:SvgParameter>\n"
                       "       <se:SvgParameter name=\"stroke-width\">{:g}</se:SvgParameter>\n"
                       "       <se:SvgParameter name=\"stroke-linejoin\">round</se:SvgParameter>\n"
                       "      </se:Stroke>\n     </se:PolygonSymbolizer>\n",
                       fill_part, style.line_colour, std::max(1.0, std::round(style.line_width_mm * 3.78)));  // mm -> pixels at 96 dpi
}

std::string sld_filter(const LayerStyle& style, const StyleClass& k) {
    const std::string property = fmt::format("<ogc:PropertyName>{}</ogc:PropertyName>", escaped(style.field));
    if (style.renderer == LayerStyle::Renderer::categorised)
        return fmt::format("     <ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\"><ogc:PropertyIsEqualTo>{}<ogc:Literal>{}</ogc:Literal>"
                           "</ogc:PropertyIsEqualTo></ogc:Filter>\n",
                           property, escaped(k.value));
    return fmt::format("     <ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\"><ogc:And>"
                       "<ogc:PropertyIsGreaterThanOrEqualTo>{0}<ogc:Literal>{1:g}</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>"
                       "<ogc:PropertyIsLessThanOrEqualTo>{0}<ogc:Literal>{2:g}</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo>"
                       "</ogc:And></ogc:Filter>\n",
                       property, k.lower, k.upper);
}

}  // namespace

std::vector<LayerStyle> plan_styles(const std::vector<OutputLayer>& layers, const StyleColours& colours) {
    std::vector<LayerStyle> styles;
    if (const OutputLayer* units = find_layer(layers, "units")) {
        styles.push_back(outline_style(units->name, "wardmap wards", "Wards as thin outlines", "#7f7f7f", 0.15));
        if (auto phases = phase_style(*units, colours)) styles.push_back(std::move(*phases));
        if (auto officers = officer_style(*units, "dwo", colours)) styles.push_back(std::move(*officers));
        for (LayerStyle& style : styles) style.line_colour = "#7f7f7f", style.line_width_mm = 0.15;  // wards: thin grey lines
    }
    if (const OutputLayer* parents = find_layer(layers, "parents"))
        styles.push_back(outline_style(parents->name, "wardmap boroughs", "Boroughs (parents) as outlines", "#404040", 0.4));
    if (const OutputLayer* units = find_layer(layers, "command_units")) {
        styles.push_back(command_unit_style(*units, colours));
        if (auto phases = phase_style(*units, colours)) styles.push_back(std::move(*phases));
        if (auto officers = officer_style(*units, "officers", colours)) styles.push_back(std::move(*officers));
    }
    return styles;
}

std::string to_qml(const LayerStyle& style) {
    return fmt::format("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
                       "<qgis version=\"3.22.0\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\"{}\">\n{}{}</qgis>\n",
                       style.label_field.empty() ? 0 : 1, qml_renderer(style), qml_labels(style));
}

std::string to_sld(const LayerStyle& style) {
    std::string rules;
    if (style.renderer == LayerStyle::Renderer::outline) {
        rules = fmt::format("    <se:Rule>\n     <se:Name>{}</se:Name>\n{}    </se:Rule>\n", escaped(style.name), sld_symbolizer("", style));
    } else {
        for (const StyleClass& k : style.classes)
            rules += fmt::format("    <se:Rule>\n     <se:Name>{0}</se:Name>\n     <se:Description><se:Title>{0}</se:Title></se:Description>\n{1}{2}    </se:Rule>\n",
                                 escaped(k.label), sld_filter(style, k), sld_symbolizer(k.colour, style));
    }
    if (!style.label_field.empty())
        rules += fmt::format("    <se:Rule>\n     <se:TextSymbolizer>\n      <se:Label><ogc:PropertyName>{}</ogc:PropertyName></se:Label>\n"
                             "      <se:Font><se:SvgParameter name=\"font-family\">DejaVu Sans</se:SvgParameter>"
                             "<se:SvgParameter name=\"font-weight\">bold</se:SvgParameter>"
                             "<se:SvgParameter name=\"font-size\">12</se:SvgParameter></se:Font>\n"
                             "      <se:Halo><se:Radius>2</se:Radius><se:Fill><se:SvgParameter name=\"fill\">#ffffff</se:SvgParameter></se:Fill></se:Halo>\n"
                             "      <se:Fill><se:SvgParameter name=\"fill\">#000000</se:SvgParameter></se:Fill>\n"
                             "     </se:TextSymbolizer>\n    </se:Rule>\n",
                             escaped(style.label_field));
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" xmlns:se=\"http://www.opengis.net/se\" "
                       "xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                       "xsi:schemaLocation=\"http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd\" version=\"1.1.0\">\n"
                       " <NamedLayer>\n  <se:Name>{0}</se:Name>\n  <UserStyle>\n   <se:Name>{1}</se:Name>\n   <se:FeatureTypeStyle>\n{2}"
                       "   </se:FeatureTypeStyle>\n  </UserStyle>\n </NamedLayer>\n</StyledLayerDescriptor>\n",
                       escaped(style.layer), escaped(style.name), rules);
}

}  // namespace geo
