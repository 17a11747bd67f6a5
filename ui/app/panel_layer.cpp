#include "ui/app/panel_layer.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>

namespace ui {

namespace {

constexpr int tile = 32;  // pixels: the panels are blended over the window tile by tile

// FNV-1a over bytes: the panels are drawn again when any vertex, index or command changes.
void fingerprint(std::uint64_t& hash, const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) hash = (hash ^ p[i]) * 1099511628211ull;
}

std::uint64_t fingerprint(const std::vector<ImDrawList*>& lists, const ImDrawData& frame) {
    std::uint64_t hash = 14695981039346656037ull;
    fingerprint(hash, &frame.DisplaySize, sizeof frame.DisplaySize);
    for (const ImDrawList* list : lists) {
        fingerprint(hash, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        fingerprint(hash, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            fingerprint(hash, &cmd.ClipRect, sizeof cmd.ClipRect);
            fingerprint(hash, &cmd.TextureId, sizeof cmd.TextureId);
            fingerprint(hash, &cmd.VtxOffset, sizeof cmd.VtxOffset);
            fingerprint(hash, &cmd.IdxOffset, sizeof cmd.IdxOffset);
            fingerprint(hash, &cmd.ElemCount, sizeof cmd.ElemCount);
        }
    }
    return hash;
}

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

// The tiles the panels' vertices touch, as runs along each row of tiles: rectangles that do not
// overlap, so no pixel is blended twice.
void covered(const std::vector<ImDrawList*>& lists, int width, int height, std::vector<render::gl::PixelRect>& parts) {
    const int columns = (width + tile - 1) / tile, rows = (height + tile - 1) / tile;
    std::vector<char> used(static_cast<std::size_t>(columns * rows), 0);
    for (const ImDrawList* list : lists) {
        if (list->VtxBuffer.Size == 0) continue;
        float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
        for (const ImDrawVert& v : list->VtxBuffer)
            x0 = std::min(x0, v.pos.x), y0 = std::min(y0, v.pos.y), x1 = std::max(x1, v.pos.x), y1 = std::max(y1, v.pos.y);
        const int c0 = std::clamp(static_cast<int>(std::floor(x0)) / tile, 0, columns - 1);
        const int c1 = std::clamp(static_cast<int>(std::ceil(x1)) / tile, 0, columns - 1);
        const int r0 = std::clamp(static_cast<int>(std::floor(y0)) / tile, 0, rows - 1);
        const int r1 = std::clamp(static_cast<int>(std::ceil(y1)) / tile, 0, rows - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) used[static_cast<std::size_t>(r * columns + c)] = 1;
    }
    parts.clear();
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns;) {
            if (!used[static_cast<std::size_t>(r * columns + c)]) { ++c; continue; }
            const int start = c;
            while (c < columns && used[static_cast<std::size_t>(r * columns + c)]) ++c;
            const int top = r * tile, bottom = std::min(height, top + tile);
            // GL counts rows from the bottom of the window, ImGui from the top.
            parts.push_back({start * tile, height - bottom, std::min(width, c * tile) - start * tile, bottom - top});
        }
    }
}

}  // namespace

void PanelLayer::render(const ImDrawData& frame) {
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
    draw(frame, below_);
    const std::uint64_t now = fingerprint(panels_, frame);
    if (now != last_) {  // the window's size is part of the fingerprint
        // Changing (an edit, a hover): straight into the window, as the next frame may change too.
        last_ = now;
        drawn_ = 0;
        draw(frame, panels_);
    } else {
        if (now != drawn_) {
            // Into a transparent image: ImGui's blending (alpha of the source, then one minus it,
            // for the destination's alpha too) leaves it premultiplied, ready to go over the map.
            image_.draw_into(width, height);
            glClearColor(0, 0, 0, 0);
            glClear(GL_COLOR_BUFFER_BIT);
            draw(frame, panels_);
            drawn_ = now;
            ++draws_;
            covered(panels_, width, height, parts_);
        }
        image_.show_over(parts_);
    }
    draw(frame, above_);
}

}  // namespace ui
