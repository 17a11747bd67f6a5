#include "render/labels/place.h"

#include <algorithm>
#include <numeric>

namespace render {
namespace {

// Candidate indices by descending priority; stable, so equal priorities keep the caller's order.
std::vector<std::size_t> placement_order(const std::vector<LabelCandidate>& candidates) {
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return candidates[a].priority > candidates[b].priority;
    });
    return order;
}

bool collides(const Box& box, const std::vector<Box>& taken, double padding) {
    // Growing one side by the padding keeps a gap of `padding` between the two boxes.
    const Box padded = box.grown(padding);
    return std::any_of(taken.begin(), taken.end(), [&](const Box& other) { return padded.overlaps(other); });
}

}  // namespace

LabelPlacement place_labels(const std::vector<LabelCandidate>& candidates, const std::vector<Box>& obstacles,
                            const LabelOptions& options) {
    LabelPlacement result;
    // Obstacles and placed labels are checked alike; a plain list is fast enough for the few
    // hundred labels of a ward map (quadratic, but each test is four comparisons).
    std::vector<Box> taken = obstacles;
    for (std::size_t index : placement_order(candidates)) {
        const LabelCandidate& label = candidates[index];
        bool placed = false;
        for (std::size_t k = 0; k <= label.alternatives.size() && !placed; ++k) {
            const PagePoint centre = k == 0 ? label.anchor : label.alternatives[k - 1];
            const Box box = Box::centred(centre, label.width, label.height);
            if (options.bounds && !options.bounds->contains(box)) continue;
            if (collides(box, taken, options.padding)) continue;
            taken.push_back(box);
            result.placed.push_back({index, k, box});
            placed = true;
        }
        if (!placed) result.dropped.push_back(index);
    }
    std::sort(result.dropped.begin(), result.dropped.end());
    return result;
}

std::vector<PagePoint> ring_of_alternatives(PagePoint centre, double width, double height, double offset) {
    const double dx = width / 2 + offset, dy = height / 2 + offset;
    return {{centre.x + dx, centre.y}, {centre.x - dx, centre.y}, {centre.x, centre.y - dy}, {centre.x, centre.y + dy}};
}

}  // namespace render
