// geo/export/qgis_style: which layer gets which QGIS style, in the colours it is fed, and the QML
// and SLD of each (QGIS's own reading of them is tests/qgis).
#include "geo/export/qgis_style.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using testing::HasSubstr;
using testing::Not;

geo::OutputLayer command_units() {
    geo::OutputLayer layer{"command_units", "", {{"code", geo::FieldKind::text}, {"name", geo::FieldKind::text},
                                                 {"colour", geo::FieldKind::text}, {"officers", geo::FieldKind::integer}}, {}};
    layer.features.push_back({nullptr, {std::string("CN"), std::string("Central North"), std::string("#1f78b4"), std::int64_t{150}}});
    layer.features.push_back({nullptr, {std::string("EA"), std::string("Barking & Havering"), geo::FieldValue(), std::int64_t{250}}});
    return layer;
}

geo::OutputLayer units(bool with_rollout) {
    geo::OutputLayer layer{"units", "", {{"code", geo::FieldKind::text}, {"cu_code", geo::FieldKind::text}}, {}};
    if (with_rollout) {
        layer.fields.push_back({"live_phase", geo::FieldKind::text});
        layer.fields.push_back({"live_date", geo::FieldKind::text});
    }
    for (const char* code : {"E05000026", "E05000027", "E05000028"}) {
        geo::OutputFeature feature{nullptr, {std::string(code), std::string("EA")}};
        if (with_rollout) {
            const bool first = std::string(code) != "E05000028";
            feature.values.emplace_back(std::string(first ? "Pathfinders" : "Rest"));
            feature.values.emplace_back(std::string(first ? "2017-01-01" : "2019-03-01"));
        }
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

geo::StyleColours fed() {
    geo::StyleColours colours;
    colours.command_unit = {{"CN", "#1f78b4"}, {"EA", "#e31a1c"}};
    colours.sequence = [](std::size_t count) {
        std::vector<std::string> shades;
        for (std::size_t i = 0; i < count; ++i) shades.push_back(i == 0 ? "#eeeeee" : "#111111");
        return shades;
    };
    return colours;
}

const geo::LayerStyle* find(const std::vector<geo::LayerStyle>& styles, const std::string& layer, const std::string& name) {
    for (const auto& style : styles)
        if (style.layer == layer && style.name == name) return &style;
    return nullptr;
}

}  // namespace

TEST(QgisStyle, CommandUnitsCategorisedOnTheCodeInTheColoursFedAndNamed) {
    const auto styles = geo::plan_styles({units(false), command_units()}, fed());
    const geo::LayerStyle* style = find(styles, "command_units", "wardmap command units");
    ASSERT_NE(style, nullptr);
    EXPECT_TRUE(style->is_default);
    EXPECT_EQ(style->renderer, geo::LayerStyle::Renderer::categorised);
    EXPECT_EQ(style->field, "code");
    EXPECT_EQ(style->label_field, "name");
    ASSERT_EQ(style->classes.size(), 2u);
    EXPECT_EQ(style->classes[0].value, "CN");
    EXPECT_EQ(style->classes[0].colour, "#1f78b4");
    EXPECT_EQ(style->classes[1].label, "Barking & Havering");
    EXPECT_EQ(style->classes[1].colour, "#e31a1c");  // fed: the plan has none for EA

    const std::string qml = geo::to_qml(*style);
    EXPECT_THAT(qml, HasSubstr("type=\"categorizedSymbol\" attr=\"code\""));
    EXPECT_THAT(qml, HasSubstr("<category symbol=\"1\" value=\"EA\" label=\"Barking &amp; Havering\""));
    EXPECT_THAT(qml, HasSubstr("\"227,26,28,255\""));  // #e31a1c in QGIS's words
    EXPECT_THAT(qml, HasSubstr("fieldName=\"name\""));
    EXPECT_THAT(qml, HasSubstr("labelsEnabled=\"1\""));
    const std::string sld = geo::to_sld(*style);
    EXPECT_THAT(sld, HasSubstr("<ogc:PropertyName>code</ogc:PropertyName><ogc:Literal>EA</ogc:Literal>"));
    EXPECT_THAT(sld, HasSubstr("<se:SvgParameter name=\"fill\">#e31a1c</se:SvgParameter>"));
    EXPECT_THAT(sld, HasSubstr("<se:Label><ogc:PropertyName>name</ogc:PropertyName></se:Label>"));
}

TEST(QgisStyle, WardsAndBoroughsAreOutlinesByDefault) {
    geo::OutputLayer parents = units(false);
    parents.name = "parents";
    const auto styles = geo::plan_styles({units(false), parents}, fed());
    for (const char* layer : {"units", "parents"}) {
        int defaults = 0;
        for (const auto& style : styles)
            if (style.layer == layer && style.is_default) {
                ++defaults;
                EXPECT_EQ(style.renderer, geo::LayerStyle::Renderer::outline) << layer;
                EXPECT_THAT(geo::to_qml(style), HasSubstr("name=\"style\" value=\"no\"")) << layer;  // no fill
                EXPECT_THAT(geo::to_sld(style), Not(HasSubstr("<se:Fill>"))) << layer;
            }
        EXPECT_EQ(defaults, 1) << layer;
    }
    EXPECT_EQ(find(styles, "units", "wardmap go-live phase"), nullptr);  // no phases: no phase style
}

TEST(QgisStyle, PhasesLightToDarkInTimeAndOfficersGraduatedWhenPresent) {
    const auto styles = geo::plan_styles({units(true), command_units()}, fed());
    const geo::LayerStyle* phases = find(styles, "units", "wardmap go-live phase");
    ASSERT_NE(phases, nullptr);
    EXPECT_FALSE(phases->is_default);
    EXPECT_EQ(phases->field, "live_date");
    ASSERT_EQ(phases->classes.size(), 2u);
    EXPECT_EQ(phases->classes[0].value, "2017-01-01");
    EXPECT_EQ(phases->classes[0].label, "Pathfinders (2017-01-01)");
    EXPECT_EQ(phases->classes[0].colour, "#eeeeee");  // first: lightest
    EXPECT_EQ(phases->classes[1].colour, "#111111");

    const geo::LayerStyle* officers = find(styles, "command_units", "wardmap officers");
    ASSERT_NE(officers, nullptr);
    EXPECT_EQ(officers->renderer, geo::LayerStyle::Renderer::graduated);
    EXPECT_EQ(officers->field, "officers");
    ASSERT_EQ(officers->classes.size(), 5u);
    EXPECT_DOUBLE_EQ(officers->classes.front().lower, 150);
    EXPECT_DOUBLE_EQ(officers->classes.back().upper, 250);
    for (std::size_t c = 1; c < officers->classes.size(); ++c) EXPECT_DOUBLE_EQ(officers->classes[c].lower, officers->classes[c - 1].upper);
    EXPECT_THAT(geo::to_qml(*officers), HasSubstr("type=\"graduatedSymbol\" attr=\"officers\""));
}

TEST(QgisStyle, OtherLayersGetNone) {
    geo::OutputLayer lookup = units(false);
    lookup.name = "lookup";
    EXPECT_TRUE(geo::plan_styles({lookup}, fed()).empty());
}
