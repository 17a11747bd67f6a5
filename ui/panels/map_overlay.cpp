#include "ui/panels/map_panel.h"

#include "render/labels/map_names.h"
#include "ui/app/font.h"

namespace ui {

namespace {

constexpr const char* attribution = "Contains National Statistics and Ordnance Survey data © Crown copyright and database right";
constexpr float halo = 1;  // pixels of white around each map name

struct NameText {
    const std::string* text;
    ImFont* font;
    float size;
    ImU32 ink;
};

// Command units in the bold face at its own size; boroughs and wards in the body font, wards a little
// smaller: three sizes a planner tells apart at a glance, each rasterised near its drawn size.
NameText text_of(render::NameKind kind, const std::string& text) {
    ImFont* body = ImGui::GetIO().Fonts->Fonts[0];
    switch (kind) {
        case render::NameKind::command_unit: return {&text, map_name_font(), map_name_font()->FontSize, IM_COL32(0, 0, 0, 255)};
        case render::NameKind::borough: return {&text, body, body->FontSize, IM_COL32(30, 40, 90, 255)};
        case render::NameKind::ward: break;
    }
    return {&text, body, body->FontSize * 0.87f, IM_COL32(60, 60, 60, 255)};
}

void add_name(std::vector<render::MapName>& names, std::vector<NameText>& texts, const MapView& view, WorldPoint at,
              render::NameKind kind, const std::string& text) {
    if (text.empty() || !render::named_at(kind, view.metres_per_pixel)) return;
    // Off screen: place_map_names would pass over it; measuring 654 ward names each frame costs.
    const ScreenPoint p = view.to_screen(at);
    if (p.x < 0 || p.y < 0 || p.x > view.width || p.y > view.height) return;
    const NameText look = text_of(kind, text);
    const ImVec2 extent = look.font->CalcTextSizeA(look.size, 1e9f, 0, text.c_str());
    names.push_back({kind, {p.x, p.y}, extent.x + 2 * halo, extent.y + 2 * halo});
    texts.push_back(look);
}

void draw_name(ImDrawList& draw, const render::Box& box, const NameText& t) {
    const ImVec2 at(static_cast<float>(box.x0) + halo, static_cast<float>(box.y0) + halo);
    // A white halo all round (eight offsets) keeps names readable on any fill and on the river.
    const ImU32 white = IM_COL32(255, 255, 255, 230);
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy) draw.AddText(t.font, t.size, ImVec2(at.x + dx * halo, at.y + dy * halo), white, t.text->c_str());
    draw.AddText(t.font, t.size, at, t.ink, t.text->c_str());
}

render::Box attribution_box(const MapView& view) {
    const ImVec2 size = ImGui::CalcTextSize(attribution);
    const ImVec2 at(static_cast<float>(view.width - view.inset_right) - size.x - 8, static_cast<float>(view.inset_top) + 6);
    return {at.x - 4.0, at.y - 2.0, at.x + size.x + 4.0, at.y + size.y + 2.0};
}

}  // namespace

void map_labels(const Planner& planner) {
    const MapView& view = planner.view;
    std::vector<render::MapName> names;
    std::vector<NameText> texts;
    for (const MapLabel& label : planner.map.unit_labels()) add_name(names, texts, view, label.at, render::NameKind::command_unit, label.text);
    for (const MapLabel& label : planner.map.parent_labels()) add_name(names, texts, view, label.at, render::NameKind::borough, label.text);
    if (render::named_at(render::NameKind::ward, view.metres_per_pixel))
        for (std::size_t i = 0; i < planner.wards.units.size(); ++i)
            add_name(names, texts, view, world(planner.map.index().label_point(i)), render::NameKind::ward, planner.wards.units[i].name);
    render::MapNameOptions options;
    options.map = {view.inset_left, view.inset_top, view.width - view.inset_right, view.height - view.inset_bottom};
    options.covered = {attribution_box(view)};
    ImDrawList& draw = *ImGui::GetBackgroundDrawList();
    for (const render::PlacedLabel& placed : render::place_map_names(names, view.metres_per_pixel, options).placed)
        draw_name(draw, placed.box, texts[placed.candidate]);
}

namespace {

void ward_tooltip(const Planner& planner, std::size_t ward) {
    const geo::Ward& unit = planner.wards.units[ward];
    const geo::Assignment& assignment = planner.document.session->assignment();
    const int in = assignment.unit_of[ward];
    const std::string bcu = in >= 0 ? assignment.units[static_cast<std::size_t>(in)].code + " " +
                                          assignment.units[static_cast<std::size_t>(in)].name
                            : in == geo::left_out ? "left out of the plan"
                                                  : "unassigned";
    ImGui::BeginTooltip();
    ImGui::Text("%s  %s", unit.code.c_str(), unit.name.c_str());
    ImGui::Text("Borough: %s (%s)", unit.parent_name.c_str(), unit.parent_code.c_str());
    ImGui::Text("BCU: %s", bcu.c_str());
    ImGui::Separator();
    for (std::size_t f = 0; f < planner.wards.fields.size() && f < unit.values.size(); ++f)
        ImGui::Text("%s: %s", planner.wards.fields[f].name.c_str(), geo::as_text(unit.values[f]).c_str());
    ImGui::EndTooltip();
}

}  // namespace

void map_overlay(const Planner& planner, const MapInputState& state) {
    ImDrawList& draw = *ImGui::GetBackgroundDrawList();
    // Top right, below the menu: the one corner no panel opens over (map names keep clear of it).
    const render::Box box = attribution_box(planner.view);
    draw.AddRectFilled(ImVec2(static_cast<float>(box.x0), static_cast<float>(box.y0)), ImVec2(static_cast<float>(box.x1), static_cast<float>(box.y1)),
                       IM_COL32(255, 255, 255, 200));
    draw.AddText(ImVec2(static_cast<float>(box.x0) + 4, static_cast<float>(box.y0) + 2), IM_COL32(30, 30, 30, 255), attribution);
    if (state.boxing) {
        const ImVec2 to = ImGui::GetIO().MousePos;
        draw.AddRectFilled(state.box_from, to, IM_COL32(30, 90, 200, 40));
        draw.AddRect(state.box_from, to, IM_COL32(30, 90, 200, 255), 0, 0, 1.5f);
    }
    if (state.hovered >= 0 && !ImGui::IsMouseDown(ImGuiMouseButton_Right)) ward_tooltip(planner, static_cast<std::size_t>(state.hovered));
}

}  // namespace ui
