#pragma once
// Where the panels' picture changed since it was drawn: an edit changes a few numbers in a table,
// a hover lightens one button, and only the pixels under what differs are drawn again (under Mesa's
// llvmpipe, drawing every panel costs ~10 ms, a few rows well under one).
//
// A draw list draws the same pixels when it draws the same triangles, in the same order, each with
// the same clip rectangle and texture: the picture is that sequence. Two pictures of one list are
// compared from both ends; the triangles in between (before and after) are what changed, so an
// inserted glyph shifts the rest of a list without making all of it change.
#include <imgui.h>

#include <optional>
#include <vector>

namespace ui {

// ImGui's coordinates: pixels from the top left of the window.
struct PanelBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float area() const { return (x1 - x0) * (y1 - y0); }
    bool operator==(const PanelBox&) const = default;
};

struct PanelTriangle {
    ImDrawVert corner[3];
    ImVec4 clip;
    ImTextureID texture;
};
using PanelPicture = std::vector<PanelTriangle>;

// A draw list as it was drawn, kept to compare the next frame's with.
struct DrawnList {
    struct Command {
        ImVec4 clip;
        ImTextureID texture;
        unsigned vertex_offset, index_offset, elements;
        bool callback;
    };
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    std::vector<Command> commands;

    static DrawnList of(const ImDrawList& list);
    // Whether the list draws exactly this (a cheap test, true on most frames).
    bool same_as(const ImDrawList& list) const;
    PanelPicture picture() const;
    // All it covers: the box of its triangles within their clip rectangles (nullopt: nothing).
    std::optional<PanelBox> bounds() const;
};

// The pixels the triangles that differ cover, before and after (nullopt: the same picture).
std::optional<PanelBox> changed_area(const PanelPicture& before, const PanelPicture& after);
// The same as boxes round each group of changes: when the two pictures have as many triangles
// (numbers that kept their number of digits), each triangle is compared with its own, so two rows
// that change far apart in a table are two boxes, not the rows between them.
std::vector<PanelBox> changed_areas(const PanelPicture& before, const PanelPicture& after);

// Boxes that overlap (or nearly touch) joined into one, so that no pixel is drawn twice.
std::vector<PanelBox> merged(std::vector<PanelBox> boxes);

}  // namespace ui
