#include "render/labels/map_names.h"

namespace render {
namespace {

double priority_of(NameKind kind) {
    switch (kind) {
        case NameKind::command_unit: return 3;
        case NameKind::borough: return 2;
        case NameKind::ward: return 1;
    }
    return 0;
}

bool on_map(PagePoint at, const Box& map) { return map.x0 <= at.x && at.x <= map.x1 && map.y0 <= at.y && at.y <= map.y1; }

}  // namespace

bool named_at(NameKind kind, double metres_per_pixel) {
    switch (kind) {
        case NameKind::command_unit: return true;
        case NameKind::borough: return metres_per_pixel < borough_names_below;
        case NameKind::ward: return metres_per_pixel < ward_names_below;
    }
    return false;
}

LabelPlacement place_map_names(const std::vector<MapName>& names, double metres_per_pixel, const MapNameOptions& options) {
    std::vector<LabelCandidate> candidates;
    std::vector<std::size_t> name_of_candidate;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const MapName& name = names[i];
        if (!named_at(name.kind, metres_per_pixel) || !on_map(name.at, options.map)) continue;
        LabelCandidate candidate;
        candidate.anchor = name.at;
        candidate.width = name.width;
        candidate.height = name.height;
        candidate.priority = priority_of(name.kind);
        if (name.kind == NameKind::command_unit)
            candidate.alternatives = ring_of_alternatives(name.at, name.width, name.height, options.padding);
        candidates.push_back(std::move(candidate));
        name_of_candidate.push_back(i);
    }
    LabelOptions place;
    place.padding = options.padding;
    place.bounds = options.map;
    LabelPlacement placement = place_labels(candidates, options.covered, place);
    for (PlacedLabel& placed : placement.placed) placed.candidate = name_of_candidate[placed.candidate];
    for (std::size_t& dropped : placement.dropped) dropped = name_of_candidate[dropped];
    return placement;
}

}  // namespace render
