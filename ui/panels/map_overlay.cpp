#include "ui/panels/map_panel.h"

#include "render/labels/place.h"

namespace ui {

namespace {

constexpr const char* attribution = "Contains National Statistics and Ordnance Survey data © Crown copyright and database right";

struct LabelText {
    const std::string* text;
    float size;
};
// Priorities (higher placed first): command units 3, boroughs 2, wards 1.

// Scales at which borough and ward names start to fit (metres per pixel).
constexpr double borough_names_below = 60, ward_names_below = 12;

void candidate(std::vector<render::LabelCandidate>& candidates, std::vector<LabelText>& texts,
               const MapView& view, WorldPoint at, const std::string& text, float size, int priority) {
    if (text.empty()) return;
    const ScreenPoint p = view.to_screen(at);
    if (p.x < 0 || p.y < 0 || p.x > view.width || p.y > view.height) return;
    const ImVec2 extent = ImGui::GetFont()->CalcTextSizeA(size, 1e9f, 0, text.c_str());
    render::LabelCandidate label;
    label.anchor = {p.x, p.y};
    label.width = extent.x + 2;  // the halo
    label.height = extent.y + 2;
    label.priority = priority;
    candidates.push_back(std::move(label));
    texts.push_back({&text, size});
}

void draw_label(ImDrawList& draw, const render::Box& box, const LabelText& t, double priority) {
    const ImVec2 at(static_cast<float>(box.x0 + 1), static_cast<float>(box.y0 + 1));
    const ImU32 halo = IM_COL32(255, 255, 255, 220);
    // A white halo keeps names readable on any fill colour.
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
        draw.AddText(ImGui::GetFont(), t.size, ImVec2(at.x + d.x, at.y + d.y), halo, t.text->c_str());
    const ImU32 ink = priority >= 3 ? IM_COL32(0, 0, 0, 255) : priority >= 2 ? IM_COL32(40, 40, 70, 255) : IM_COL32(70, 70, 70, 255);
    draw.AddText(ImGui::GetFont(), t.size, at, ink, t.text->c_str());
}

}  // namespace

void map_labels(const Planner& planner) {
    const MapView& view = planner.view;
    std::vector<render::LabelCandidate> candidates;
    std::vector<LabelText> texts;
    for (const MapLabel& label : planner.map.unit_labels()) candidate(candidates, texts, view, label.at, label.text, 20, 3);
    if (view.metres_per_pixel < borough_names_below)
        for (const MapLabel& label : planner.map.parent_labels()) candidate(candidates, texts, view, label.at, label.text, 16, 2);
    if (view.metres_per_pixel < ward_names_below)
        for (std::size_t i = 0; i < planner.wards.units.size(); ++i)
            candidate(candidates, texts, view, world(planner.map.index().label_point(i)), planner.wards.units[i].name, 13, 1);
    ImDrawList& draw = *ImGui::GetBackgroundDrawList();
    render::LabelOptions options;
    options.padding = 2;
    options.bounds = render::Box{0, 0, static_cast<double>(view.width), static_cast<double>(view.height)};
    for (const render::PlacedLabel& placed : render::place_labels(candidates, {}, options).placed)
        draw_label(draw, placed.box, texts[placed.candidate], candidates[placed.candidate].priority);
}

namespace {

void ward_tooltip(const Planner& planner, std::size_t ward) {
    const geo::Unit& unit = planner.wards.units[ward];
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
    const ImVec2 size = ImGui::CalcTextSize(attribution);
    // Top right, below the menu: the one corner no panel opens over.
    const ImVec2 at(static_cast<float>(planner.view.width - planner.view.inset_right) - size.x - 8, static_cast<float>(planner.view.inset_top) + 6);
    draw.AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + size.x + 4, at.y + size.y + 2), IM_COL32(255, 255, 255, 200));
    draw.AddText(at, IM_COL32(30, 30, 30, 255), attribution);
    if (state.boxing) {
        const ImVec2 to = ImGui::GetIO().MousePos;
        draw.AddRectFilled(state.box_from, to, IM_COL32(30, 90, 200, 40));
        draw.AddRect(state.box_from, to, IM_COL32(30, 90, 200, 255), 0, 0, 1.5f);
    }
    if (state.hovered >= 0 && !ImGui::IsMouseDown(ImGuiMouseButton_Right)) ward_tooltip(planner, static_cast<std::size_t>(state.hovered));
}

}  // namespace ui
