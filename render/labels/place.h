#pragma once
// Label placement shared by briefing maps (Cairo) and the planner window (GL): a pure function
// from label candidates to placed labels, with no drawing library in sight.
//
// Units are the caller's screen or page units with y pointing down (Cairo, ImGui); only the
// relative geometry matters. Candidates are placed greedily, highest priority first (input order
// breaks ties, so the result is deterministic): each takes the first of its anchors, main then
// alternatives, where its box overlaps no obstacle, no label already placed and stays inside the
// bounds. A candidate none of whose anchors fits is dropped and listed as such, never drawn on top.
#include <cstddef>
#include <optional>
#include <vector>

namespace render {

struct PagePoint {
    double x = 0, y = 0;
};

// Axis-aligned box: x0 <= x1, y0 <= y1.
struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    // Open intersection: boxes that only touch along an edge do not overlap.
    bool overlaps(const Box& other) const {
        return x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1;
    }
    bool contains(const Box& inner) const {
        return x0 <= inner.x0 && inner.x1 <= x1 && y0 <= inner.y0 && inner.y1 <= y1;
    }
    Box grown(double margin) const { return {x0 - margin, y0 - margin, x1 + margin, y1 + margin}; }
    static Box centred(PagePoint centre, double width, double height) {
        return {centre.x - width / 2, centre.y - height / 2, centre.x + width / 2, centre.y + height / 2};
    }
};

struct LabelCandidate {
    PagePoint anchor;                       // where the centre of the text box should go
    double width = 0, height = 0;           // the text box (ink plus any halo)
    double priority = 0;                    // higher is placed first
    std::vector<PagePoint> alternatives;    // other centres, tried in order when `anchor` collides
};

struct LabelOptions {
    double padding = 0;             // minimum gap kept between two labels, and around obstacles
    std::optional<Box> bounds;      // labels must lie wholly inside (the map frame), when given
};

struct PlacedLabel {
    std::size_t candidate = 0;      // index into the candidates given
    std::size_t anchor = 0;         // 0: the main anchor; k: alternatives[k - 1]
    Box box;                        // where the text box went
};

struct LabelPlacement {
    std::vector<PlacedLabel> placed;    // in placement order (priority, then input order)
    std::vector<std::size_t> dropped;   // candidates with no free anchor, in input order
};

LabelPlacement place_labels(const std::vector<LabelCandidate>& candidates, const std::vector<Box>& obstacles,
                            const LabelOptions& options = {});

// Alternative centres for a label that may move off its point (use the point as the anchor):
// right of it, left, above, below, leaving `offset` between the point and the box's near edge.
std::vector<PagePoint> ring_of_alternatives(PagePoint centre, double width, double height, double offset);

}  // namespace render
