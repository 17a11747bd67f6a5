#include "ui/planner/screen_report.h"

#include "geo/core/errors.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace ui {

namespace {

const char* tool_name(Tool tool) {
    switch (tool) {
        case Tool::paint: return "paint";
        case Tool::box: return "box";
        case Tool::pan: return "pan";
    }
    return "";
}

nlohmann::json input_seen() {
    const ImGuiIO& io = ImGui::GetIO();
    nlohmann::json seen;
    // Off the window (or before the pointer first entered it) ImGui has no position.
    seen["mouse"] = ImGui::IsMousePosValid() ? nlohmann::json::array({io.MousePos.x, io.MousePos.y}) : nlohmann::json();
    seen["buttons"] = nlohmann::json::array();
    for (int b = 0; b < IM_ARRAYSIZE(io.MouseDown); ++b)
        if (io.MouseDown[b]) seen["buttons"].push_back(b);
    seen["keys"] = nlohmann::json::array();
    for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown); ++k)
        if (io.KeysDown[k]) seen["keys"].push_back(k);
    seen["shift"] = io.KeyShift;
    seen["ctrl"] = io.KeyCtrl;
    return seen;
}

void write_atomically(const std::string& path, const std::string& text) {
    const std::string partial = path + ".partial-" + std::to_string(getpid());
    std::ofstream(partial) << text;
    std::error_code error;
    std::filesystem::rename(partial, path, error);
    if (error) {
        std::filesystem::remove(partial, error);
        throw geo::OutputError("cannot write the screen report " + path + "\n  Check that its folder exists and is writable.");
    }
}

}  // namespace

void ScreenReport::after_frame(const Planner& planner, const PanelStates& panels, bool settled, const FrameCheck* check) {
    auto items = items_.take();
    if (!settled) return;
    nlohmann::json report = input_seen();
    report["window"] = {planner.view.width, planner.view.height};
    const int hovered = panels.map.hovered;
    report["hovered"] = hovered >= 0 ? planner.wards.units[static_cast<std::size_t>(hovered)].code : "";
    report["tool"] = tool_name(planner.tool);
    report["boroughs"] = planner.whole_boroughs;
    report["active_unit"] = planner.active_unit;
    report["question"] = panels.question;
    report["status"] = planner.status;
    if (check)  // what changes only when a frame is wrong: the file is not written again every frame
        report["frame_check"] = {{"frames_differing", check->differing_frames}, {"most_differing_pixels", check->most_differing_pixels}};
    report["items"] = nlohmann::json::object();
    for (const auto& [name, item] : items)
        report["items"][name] = {{"rect", {item.x0, item.y0, item.x1, item.y1}}, {"text", item.text}};
    nlohmann::json& wards = report["wards"] = nlohmann::json::object();
    for (std::size_t i = 0; i < planner.wards.units.size(); ++i) {
        const ScreenPoint p = planner.view.to_screen(world(planner.map.index().label_point(i)));
        wards[planner.wards.units[i].code] = {p.x, p.y};
    }
    std::string text = report.dump();
    if (text == written_) return;
    write_atomically(path_, text);
    written_ = std::move(text);
}

}  // namespace ui
