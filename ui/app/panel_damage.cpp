#include "ui/app/panel_damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace ui {

namespace {

bool same_vertex(const ImDrawVert& a, const ImDrawVert& b) {
    return a.pos.x == b.pos.x && a.pos.y == b.pos.y && a.uv.x == b.uv.x && a.uv.y == b.uv.y && a.col == b.col;
}

bool same_triangle(const PanelTriangle& a, const PanelTriangle& b) {
    return same_vertex(a.corner[0], b.corner[0]) && same_vertex(a.corner[1], b.corner[1]) && same_vertex(a.corner[2], b.corner[2]) &&
           a.clip.x == b.clip.x && a.clip.y == b.clip.y && a.clip.z == b.clip.z && a.clip.w == b.clip.w && a.texture == b.texture;
}

// What a triangle can colour: its box within its clip rectangle, a pixel wider for the edges
// ImGui's anti-aliasing fades out.
std::optional<PanelBox> covered_by(const PanelTriangle& t) {
    float x0 = t.corner[0].pos.x, y0 = t.corner[0].pos.y, x1 = x0, y1 = y0;
    for (const ImDrawVert& v : t.corner) x0 = std::min(x0, v.pos.x), y0 = std::min(y0, v.pos.y), x1 = std::max(x1, v.pos.x), y1 = std::max(y1, v.pos.y);
    PanelBox box{std::floor(std::max(x0, t.clip.x)) - 1, std::floor(std::max(y0, t.clip.y)) - 1, std::ceil(std::min(x1, t.clip.z)) + 1,
                 std::ceil(std::min(y1, t.clip.w)) + 1};
    if (box.x1 <= box.x0 || box.y1 <= box.y0) return std::nullopt;
    return box;
}

void add(std::optional<PanelBox>& total, const std::optional<PanelBox>& box) {
    if (!box) return;
    if (!total) {
        total = box;
        return;
    }
    total->x0 = std::min(total->x0, box->x0), total->y0 = std::min(total->y0, box->y0);
    total->x1 = std::max(total->x1, box->x1), total->y1 = std::max(total->y1, box->y1);
}

bool near(const PanelBox& a, const PanelBox& b) {
    constexpr float gap = 2;
    return a.x0 <= b.x1 + gap && b.x0 <= a.x1 + gap && a.y0 <= b.y1 + gap && b.y0 <= a.y1 + gap;
}

}  // namespace

DrawnList DrawnList::of(const ImDrawList& list) {
    DrawnList drawn;
    drawn.vertices.assign(list.VtxBuffer.Data, list.VtxBuffer.Data + list.VtxBuffer.Size);
    drawn.indices.assign(list.IdxBuffer.Data, list.IdxBuffer.Data + list.IdxBuffer.Size);
    drawn.commands.reserve(static_cast<std::size_t>(list.CmdBuffer.Size));
    for (const ImDrawCmd& cmd : list.CmdBuffer)
        drawn.commands.push_back({cmd.ClipRect, cmd.TextureId, cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount, cmd.UserCallback != nullptr});
    return drawn;
}

bool DrawnList::same_as(const ImDrawList& list) const {
    if (vertices.size() != static_cast<std::size_t>(list.VtxBuffer.Size) || indices.size() != static_cast<std::size_t>(list.IdxBuffer.Size) ||
        commands.size() != static_cast<std::size_t>(list.CmdBuffer.Size))
        return false;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        const ImDrawCmd& cmd = list.CmdBuffer[static_cast<int>(i)];
        const Command& c = commands[i];
        if (std::memcmp(&c.clip, &cmd.ClipRect, sizeof c.clip) != 0 || c.texture != cmd.TextureId || c.vertex_offset != cmd.VtxOffset ||
            c.index_offset != cmd.IdxOffset || c.elements != cmd.ElemCount || c.callback != (cmd.UserCallback != nullptr))
            return false;
    }
    // ImDrawVert is three packed members (8 + 8 + 4 bytes): no padding to compare.
    static_assert(sizeof(ImDrawVert) == 20);
    return std::memcmp(vertices.data(), list.VtxBuffer.Data, vertices.size() * sizeof(ImDrawVert)) == 0 &&
           std::memcmp(indices.data(), list.IdxBuffer.Data, indices.size() * sizeof(ImDrawIdx)) == 0;
}

PanelPicture DrawnList::picture() const {
    PanelPicture triangles;
    triangles.reserve(indices.size() / 3);
    for (const Command& cmd : commands) {
        if (cmd.callback) continue;  // ImGui's own render-state resets draw nothing
        for (unsigned i = 0; i + 2 < cmd.elements; i += 3) {
            PanelTriangle t{};
            for (unsigned k = 0; k < 3; ++k) {
                const std::size_t index = cmd.index_offset + i + k;
                const std::size_t vertex = index < indices.size() ? cmd.vertex_offset + indices[index] : vertices.size();
                if (vertex < vertices.size()) t.corner[k] = vertices[vertex];
            }
            t.clip = cmd.clip;
            t.texture = cmd.texture;
            triangles.push_back(t);
        }
    }
    return triangles;
}

std::optional<PanelBox> DrawnList::bounds() const {
    std::optional<PanelBox> total;
    for (const PanelTriangle& t : picture()) add(total, covered_by(t));
    return total;
}

std::optional<PanelBox> changed_area(const PanelPicture& before, const PanelPicture& after) {
    const std::size_t shorter = std::min(before.size(), after.size());
    std::size_t front = 0;
    while (front < shorter && same_triangle(before[front], after[front])) ++front;
    if (front == before.size() && front == after.size()) return std::nullopt;
    std::size_t back = 0;
    while (back < shorter - front && same_triangle(before[before.size() - 1 - back], after[after.size() - 1 - back])) ++back;
    std::optional<PanelBox> total;
    for (std::size_t i = front; i < before.size() - back; ++i) add(total, covered_by(before[i]));
    for (std::size_t i = front; i < after.size() - back; ++i) add(total, covered_by(after[i]));
    // Only triangles clipped away differ: nothing on screen does.
    return total ? total : std::optional<PanelBox>(PanelBox{});
}

std::vector<PanelBox> changed_areas(const PanelPicture& before, const PanelPicture& after) {
    std::vector<PanelBox> boxes;
    if (before.size() != after.size()) {
        if (const std::optional<PanelBox> box = changed_area(before, after); box && box->area() > 0) boxes.push_back(*box);
        return boxes;
    }
    std::optional<PanelBox> group;  // the run of changes being gathered
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (same_triangle(before[i], after[i])) continue;
        std::optional<PanelBox> here;
        add(here, covered_by(before[i]));
        add(here, covered_by(after[i]));
        if (!here) continue;
        if (group && !near(*group, *here)) boxes.push_back(*std::exchange(group, std::nullopt));
        add(group, here);
    }
    if (group) boxes.push_back(*group);
    return merged(std::move(boxes));
}

std::vector<PanelBox> merged(std::vector<PanelBox> boxes) {
    std::erase_if(boxes, [](const PanelBox& b) { return b.x1 <= b.x0 || b.y1 <= b.y0; });
    for (bool joined = true; joined;) {
        joined = false;
        for (std::size_t i = 0; i < boxes.size() && !joined; ++i) {
            for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                if (!near(boxes[i], boxes[j])) continue;
                PanelBox& a = boxes[i];
                const PanelBox& b = boxes[j];
                a = {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
                boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(j));
                joined = true;
                break;
            }
        }
    }
    return boxes;
}

}  // namespace ui
