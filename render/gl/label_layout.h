#pragma once
// Which map labels to draw: greedy, in priority order, a label is kept only if its box overlaps
// no label kept before it. Screen space, pure (no GL, no text drawing). A stand-in until the
// briefing maps' render/labels/ placement reaches main.
#include <cstddef>
#include <vector>

namespace render::gl {

struct LabelCandidate {
    float x = 0, y = 0;  // centre, screen pixels
    float width = 0, height = 0;
    int priority = 0;    // lower goes first: command units, then boroughs, then wards
};

// Indices into `candidates` of the labels to draw. Labels off the screen are dropped.
std::vector<std::size_t> place_labels(const std::vector<LabelCandidate>& candidates, float screen_width,
                                      float screen_height);

}  // namespace render::gl
