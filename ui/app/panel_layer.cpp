#include "ui/app/panel_layer.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>

namespace ui {

namespace {

constexpr int tile = FrameDamage::tile;  // the panels are copied into the window tile by tile

// ImGui names the lists of its own layers: "##Background" (map labels go there), "##Tooltip_00"...,
// "##Foreground". Windows and their tables are the panels.
enum class Layer { below, panels, above };
Layer layer_of(const ImDrawList& list) {
    const std::string_view name = list._OwnerName ? list._OwnerName : "";
    if (name == "##Background") return Layer::below;
    if (name.starts_with("##Tooltip") || name == "##Foreground") return Layer::above;
    return Layer::panels;
}

void draw(const ImDrawData& frame, std::vector<ImDrawList*>& lists) {
    if (lists.empty()) return;
    ImDrawData part = frame;
    part.CmdLists = lists.data();
    part.CmdListsCount = static_cast<int>(lists.size());
    part.TotalVtxCount = part.TotalIdxCount = 0;
    for (const ImDrawList* list : lists) part.TotalVtxCount += list->VtxBuffer.Size, part.TotalIdxCount += list->IdxBuffer.Size;
    ImGui_ImplOpenGL3_RenderDrawData(&part);
}

// The box of a list's vertices (empty, inverted, when it has none).
PanelBox vertex_box(const ImDrawList& list) {
    PanelBox box{1e9f, 1e9f, -1e9f, -1e9f};
    for (const ImDrawVert& v : list.VtxBuffer)
        box = {std::min(box.x0, v.pos.x), std::min(box.y0, v.pos.y), std::max(box.x1, v.pos.x), std::max(box.y1, v.pos.y)};
    return box;
}

// The top-level windows whose background hides what is under them: ImGui's light style paints
// them opaque and square. (A window made see-through must say ImGuiWindowFlags_NoBackground.)
std::vector<PanelBox> opaque_windows(const std::vector<ImDrawList*>& lists) {
    std::vector<PanelBox> boxes;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.Style.WindowRounding > 0 || g.Style.Colors[ImGuiCol_WindowBg].w < 1) return boxes;
    constexpr ImGuiWindowFlags see_through =
        ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_NoBackground;
    for (const ImGuiWindow* window : g.Windows) {
        if (!window->WasActive || window->Hidden || (window->Flags & see_through)) continue;
        if (std::find(lists.begin(), lists.end(), window->DrawList) == lists.end()) continue;
        boxes.push_back({window->Pos.x, window->Pos.y, window->Pos.x + window->Size.x, window->Pos.y + window->Size.y});
    }
    return boxes;
}

}  // namespace

std::optional<std::vector<PanelBox>> PanelLayer::panels_changed(float width, float height) {
    if (!drawn_ || width != drawn_width_ || height != drawn_height_) return std::nullopt;
    // The windows in the same order (one brought to the front changes what covers what): only
    // then is a list compared with its own last picture.
    std::vector<PanelBox> boxes;
    std::size_t next = 0;
    for (const ImDrawList* list : panels_) {
        const std::string_view owner = list->_OwnerName ? list->_OwnerName : "";
        std::size_t found = next;
        while (found < drawn_lists_.size() && drawn_lists_[found].owner != owner) ++found;
        if (found == drawn_lists_.size()) {
            // A window that was not there (or moved in front of one that was): all of it is new.
            const bool behind = std::any_of(drawn_lists_.begin(), drawn_lists_.begin() + static_cast<std::ptrdiff_t>(next),
                                            [&](const Drawn& d) { return d.owner == owner; });
            if (behind) return std::nullopt;
            if (const std::optional<PanelBox> box = DrawnList::of(*list).bounds()) boxes.push_back(*box);
            continue;
        }
        for (std::size_t gone = next; gone < found; ++gone)  // windows closed since
            if (const std::optional<PanelBox> box = drawn_lists_[gone].list.bounds()) boxes.push_back(*box);
        next = found + 1;
        const DrawnList& before = drawn_lists_[found].list;
        if (before.same_as(*list)) continue;
        for (const PanelBox& box : changed_areas(before.picture(), DrawnList::of(*list).picture())) boxes.push_back(box);
    }
    for (std::size_t gone = next; gone < drawn_lists_.size(); ++gone)
        if (const std::optional<PanelBox> box = drawn_lists_[gone].list.bounds()) boxes.push_back(*box);
    for (PanelBox& box : boxes)
        box = {std::max(box.x0, 0.f), std::max(box.y0, 0.f), std::min(box.x1, width), std::min(box.y1, height)};
    std::vector<PanelBox> parts = merged(std::move(boxes));
    // Many parts, or most of the window: drawing it all at once costs about the same.
    float area = 0;
    for (const PanelBox& part : parts) area += part.area();
    if (parts.size() > 64 || area > 0.4f * width * height) return std::nullopt;
    return parts;
}

void PanelLayer::remember() {
    drawn_lists_.clear();
    for (const ImDrawList* list : panels_) drawn_lists_.push_back({list->_OwnerName ? list->_OwnerName : "", DrawnList::of(*list)});
}

void PanelLayer::draw_all(const ImDrawData& frame, int width, int height) {
    // Into a transparent image: ImGui's blending (alpha of the source, then one minus it, for the
    // destination's alpha too) leaves it premultiplied, ready to go over the map.
    image_.draw_into(width, height);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    draw(frame, panels_);
    last_drawn_pixels_ = static_cast<double>(width) * height;
}

void PanelLayer::draw_parts(const ImDrawData& frame, const std::vector<PanelBox>& parts, int height) {
    image_.draw_into(image_.width(), image_.height());
    last_drawn_pixels_ = 0;
    const ImVec2 scale = frame.FramebufferScale;
    // Each list's box, so that a part draws only the lists that reach it.
    std::vector<PanelBox> reach;
    for (const ImDrawList* list : panels_) reach.push_back(vertex_box(*list));
    std::vector<ImDrawList*> touching;
    for (const PanelBox& part : parts) {
        touching.clear();
        for (std::size_t i = 0; i < panels_.size(); ++i)
            if (reach[i].x0 < part.x1 && part.x0 < reach[i].x1 && reach[i].y0 < part.y1 && part.y0 < reach[i].y1) touching.push_back(panels_[i]);
        // Cleared, then every list drawn again within it: what lies under the change (a window's
        // background, a table's rows) is drawn again too, in ImGui's order.
        const int x0 = static_cast<int>(std::floor(part.x0 * scale.x)), x1 = static_cast<int>(std::ceil(part.x1 * scale.x));
        const int y0 = static_cast<int>(std::floor(part.y0 * scale.y)), y1 = static_cast<int>(std::ceil(part.y1 * scale.y));
        glEnable(GL_SCISSOR_TEST);
        glScissor(x0, height - y1, x1 - x0, y1 - y0);
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        clips_.clear();
        for (ImDrawList* list : touching)
            for (ImDrawCmd& cmd : list->CmdBuffer) {
                clips_.push_back(cmd.ClipRect);
                cmd.ClipRect = {std::max(cmd.ClipRect.x, part.x0), std::max(cmd.ClipRect.y, part.y0), std::min(cmd.ClipRect.z, part.x1),
                                std::min(cmd.ClipRect.w, part.y1)};
            }
        draw(frame, touching);
        std::size_t k = 0;
        for (ImDrawList* list : touching)
            for (ImDrawCmd& cmd : list->CmdBuffer) cmd.ClipRect = clips_[k++];
        last_drawn_pixels_ += static_cast<double>(x1 - x0) * (y1 - y0);
    }
    glDisable(GL_SCISSOR_TEST);
}

// The tiles the panels' vertices touch are blended over the map; those wholly inside an opaque
// window are copied as they are.
void PanelLayer::cover(int width, int height) {
    columns_ = (width + tile - 1) / tile, rows_ = (height + tile - 1) / tile;
    kinds_.assign(static_cast<std::size_t>(columns_ * rows_), none);
    for (const ImDrawList* list : panels_) {
        if (list->VtxBuffer.Size == 0) continue;
        const auto [x0, y0, x1, y1] = vertex_box(*list);
        const int c0 = std::clamp(static_cast<int>(std::floor(x0)) / tile, 0, columns_ - 1);
        const int c1 = std::clamp(static_cast<int>(std::ceil(x1)) / tile, 0, columns_ - 1);
        const int r0 = std::clamp(static_cast<int>(std::floor(y0)) / tile, 0, rows_ - 1);
        const int r1 = std::clamp(static_cast<int>(std::ceil(y1)) / tile, 0, rows_ - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) kinds_[static_cast<std::size_t>(r * columns_ + c)] = blended;
    }
    for (const PanelBox& window : opaque_windows(panels_)) {
        // Only tiles wholly inside.
        const int c0 = static_cast<int>(std::ceil(window.x0 / tile)), c1 = static_cast<int>(std::floor(window.x1 / tile));
        const int r0 = static_cast<int>(std::ceil(window.y0 / tile)), r1 = static_cast<int>(std::floor(window.y1 / tile));
        for (int r = std::max(r0, 0); r < std::min(r1, rows_); ++r)
            for (int c = std::max(c0, 0); c < std::min(c1, columns_); ++c)
                if ((r + 1) * tile <= height && (c + 1) * tile <= width) kinds_[static_cast<std::size_t>(r * columns_ + c)] = copied;
    }
}

void PanelLayer::changes(const std::vector<ImDrawList*>& lists, std::vector<Drawn>& before, FrameDamage& damage, ImVec2 scale) {
    bool same_lists = lists.size() == before.size();
    for (std::size_t i = 0; same_lists && i < lists.size(); ++i)
        same_lists = before[i].owner == (lists[i]->_OwnerName ? lists[i]->_OwnerName : "");
    if (same_lists) {
        // Each list that changed is copied once: compared with its last picture, then kept as it.
        for (std::size_t i = 0; i < lists.size(); ++i) {
            if (before[i].list.same_as(*lists[i])) continue;
            DrawnList now = DrawnList::of(*lists[i]);
            for (const PanelBox& box : changed_areas(before[i].list.picture(), now.picture())) damage.add(box, scale.x, scale.y);
            before[i].list = std::move(now);
        }
        return;
    }
    // Lists came or went (a tooltip opened): all they covered, before and now.
    for (const Drawn& drawn : before)
        if (const std::optional<PanelBox> box = drawn.list.bounds()) damage.add(*box, scale.x, scale.y);
    before.clear();
    for (const ImDrawList* list : lists) {
        before.push_back({list->_OwnerName ? list->_OwnerName : "", DrawnList::of(*list)});
        if (const std::optional<PanelBox> box = before.back().list.bounds()) damage.add(*box, scale.x, scale.y);
    }
}

void PanelLayer::prepare(const ImDrawData& frame, FrameDamage& damage) {
    const int width = static_cast<int>(frame.DisplaySize.x * frame.FramebufferScale.x);
    const int height = static_cast<int>(frame.DisplaySize.y * frame.FramebufferScale.y);
    if (width <= 0 || height <= 0) return;
    below_.clear(), panels_.clear(), above_.clear();
    for (int i = 0; i < frame.CmdListsCount; ++i) {
        ImDrawList* list = frame.CmdLists[i];
        switch (layer_of(*list)) {
            case Layer::below: below_.push_back(list); break;
            case Layer::panels: panels_.push_back(list); break;
            case Layer::above: above_.push_back(list); break;
        }
    }
    const ImVec2 scale = frame.FramebufferScale;
    changes(below_, drawn_below_, damage, scale);
    changes(above_, drawn_above_, damage, scale);
    const std::optional<std::vector<PanelBox>> parts = panels_changed(frame.DisplaySize.x, frame.DisplaySize.y);
    if (!parts || !parts->empty()) {
        if (parts) {
            draw_parts(frame, *parts, height);
            for (const PanelBox& part : *parts) damage.add(part, scale.x, scale.y);
        } else {
            draw_all(frame, width, height);
            damage.add_all();
        }
        remember();
        drawn_ = true;
        drawn_width_ = frame.DisplaySize.x, drawn_height_ = frame.DisplaySize.y;
        ++draws_;
        cover(width, height);
    } else if (drawn_lists_.size() != panels_.size()) {
        remember();  // a list that draws nothing came or went
    }
    if (columns_ != damage.columns() || rows_ != damage.rows()) cover(width, height);
}

std::vector<render::gl::PixelRect> PanelLayer::uncovered(const FrameDamage& damage) const {
    if (columns_ != damage.columns() || rows_ != damage.rows()) return damage.parts();
    return damage.parts([&](int c, int r) { return cover_at(c, r) != copied; });
}

void PanelLayer::draw_within(const ImDrawData& frame, const std::vector<ImDrawList*>& lists, const std::vector<render::gl::PixelRect>& parts) {
    if (lists.empty() || parts.empty()) return;
    const ImVec2 scale = frame.FramebufferScale;
    const float height = frame.DisplaySize.y * scale.y;
    std::vector<ImDrawList*> drawn;
    std::vector<ImVector<ImDrawCmd>> kept(lists.size());  // each drawn list's own commands, meanwhile
    for (ImDrawList* list : lists) {
        // Each command once for each part, clipped to it: one draw of the list for all parts.
        ImVector<ImDrawCmd>& commands = kept[drawn.size()];
        for (const render::gl::PixelRect& part : parts) {
            const float x0 = static_cast<float>(part.x) / scale.x, x1 = static_cast<float>(part.x + part.width) / scale.x;
            const float y0 = (height - static_cast<float>(part.y + part.height)) / scale.y;
            const float y1 = (height - static_cast<float>(part.y)) / scale.y;
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                ImDrawCmd clipped = cmd;
                if (!cmd.UserCallback) {
                    clipped.ClipRect = {std::max(cmd.ClipRect.x, x0), std::max(cmd.ClipRect.y, y0), std::min(cmd.ClipRect.z, x1),
                                        std::min(cmd.ClipRect.w, y1)};
                    if (clipped.ClipRect.z <= clipped.ClipRect.x || clipped.ClipRect.w <= clipped.ClipRect.y) continue;
                }
                commands.push_back(clipped);
            }
        }
        if (commands.empty()) continue;
        list->CmdBuffer.swap(commands);
        drawn.push_back(list);
    }
    draw(frame, drawn);
    for (std::size_t i = 0; i < drawn.size(); ++i) drawn[i]->CmdBuffer.swap(kept[i]);
}

void PanelLayer::compose(const ImDrawData& frame, const FrameDamage& damage) {
    if (!damage.any() || columns_ != damage.columns() || rows_ != damage.rows()) return;
    draw_within(frame, below_, uncovered(damage));
    image_.show(damage.parts([&](int c, int r) { return cover_at(c, r) == copied; }));
    image_.show_over(damage.parts([&](int c, int r) { return cover_at(c, r) == blended; }));
    draw_within(frame, above_, damage.parts());
}

void PanelLayer::render(const ImDrawData& frame) {
    FrameDamage damage;
    damage.begin(static_cast<int>(frame.DisplaySize.x * frame.FramebufferScale.x),
                 static_cast<int>(frame.DisplaySize.y * frame.FramebufferScale.y), 0);
    prepare(frame, damage);
    compose(frame, damage);
}

}  // namespace ui
