#include "render/gl/label_layout.h"

#include <algorithm>
#include <numeric>

namespace render::gl {

namespace {

struct Box {
    float x0, y0, x1, y1;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// Kept boxes bucketed in a coarse grid, so thousands of ward labels stay cheap far in.
class KeptBoxes {
public:
    KeptBoxes(float width, float height)
        : columns_(static_cast<int>(width / cell) + 1), rows_(static_cast<int>(height / cell) + 1),
          cells_(static_cast<std::size_t>(columns_ * rows_)) {}
    bool free(const Box& box) const {
        for (std::size_t cell_index : cells_of(box))
            for (const Box& other : cells_[cell_index])
                if (box.overlaps(other)) return false;
        return true;
    }
    void keep(const Box& box) {
        for (std::size_t cell_index : cells_of(box)) cells_[cell_index].push_back(box);
    }

private:
    static constexpr float cell = 64;
    std::vector<std::size_t> cells_of(const Box& box) const {
        const int c0 = std::clamp(static_cast<int>(box.x0 / cell), 0, columns_ - 1);
        const int c1 = std::clamp(static_cast<int>(box.x1 / cell), 0, columns_ - 1);
        const int r0 = std::clamp(static_cast<int>(box.y0 / cell), 0, rows_ - 1);
        const int r1 = std::clamp(static_cast<int>(box.y1 / cell), 0, rows_ - 1);
        std::vector<std::size_t> found;
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) found.push_back(static_cast<std::size_t>(r * columns_ + c));
        return found;
    }
    int columns_, rows_;
    std::vector<std::vector<Box>> cells_;
};

}  // namespace

std::vector<std::size_t> place_labels(const std::vector<LabelCandidate>& candidates, float screen_width,
                                      float screen_height) {
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return candidates[a].priority < candidates[b].priority; });
    KeptBoxes kept(screen_width, screen_height);
    std::vector<std::size_t> placed;
    for (std::size_t i : order) {
        const LabelCandidate& c = candidates[i];
        // A little air around each label keeps neighbours readable.
        const Box box{c.x - c.width / 2 - 2, c.y - c.height / 2 - 1, c.x + c.width / 2 + 2, c.y + c.height / 2 + 1};
        if (box.x0 < 0 || box.y0 < 0 || box.x1 > screen_width || box.y1 > screen_height) continue;
        if (!kept.free(box)) continue;
        kept.keep(box);
        placed.push_back(i);
    }
    return placed;
}

}  // namespace render::gl
