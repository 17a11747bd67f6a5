// render/labels/place: greedy placement by priority, never overlapping labels or obstacles.
#include "render/labels/place.h"

#include <gtest/gtest.h>

#include <random>

using render::Box;
using render::LabelCandidate;
using render::LabelOptions;
using render::PagePoint;

namespace {

LabelCandidate label_at(double x, double y, double w, double h, double priority = 0) {
    LabelCandidate label;
    label.anchor = {x, y};
    label.width = w;
    label.height = h;
    label.priority = priority;
    return label;
}

bool any_overlap(const render::LabelPlacement& result, const std::vector<Box>& obstacles, double padding) {
    for (std::size_t i = 0; i < result.placed.size(); ++i) {
        const Box a = result.placed[i].box.grown(padding);
        for (const Box& o : obstacles)
            if (a.overlaps(o)) return true;
        for (std::size_t j = i + 1; j < result.placed.size(); ++j)
            if (a.overlaps(result.placed[j].box)) return true;
    }
    return false;
}

}  // namespace

TEST(PlaceLabels, SeparateLabelsAllGoWhereAsked) {
    const auto result = render::place_labels({label_at(10, 10, 8, 4), label_at(30, 10, 8, 4)}, {});
    ASSERT_EQ(result.placed.size(), 2u);
    EXPECT_TRUE(result.dropped.empty());
    EXPECT_DOUBLE_EQ(result.placed[0].box.x0, 6);
    EXPECT_DOUBLE_EQ(result.placed[0].box.y1, 12);
    EXPECT_EQ(result.placed[1].anchor, 0u);
}

TEST(PlaceLabels, HigherPriorityWinsACollision) {
    // Same spot: the second has the higher priority and must be the one kept.
    const auto result = render::place_labels({label_at(10, 10, 8, 4, 1), label_at(11, 10, 8, 4, 5)}, {});
    ASSERT_EQ(result.placed.size(), 1u);
    EXPECT_EQ(result.placed[0].candidate, 1u);
    ASSERT_EQ(result.dropped.size(), 1u);
    EXPECT_EQ(result.dropped[0], 0u);
}

TEST(PlaceLabels, EqualPriorityKeepsInputOrder) {
    const auto result = render::place_labels({label_at(10, 10, 8, 4), label_at(11, 10, 8, 4)}, {});
    ASSERT_EQ(result.placed.size(), 1u);
    EXPECT_EQ(result.placed[0].candidate, 0u);
}

TEST(PlaceLabels, MovesToTheFirstFreeAlternative) {
    LabelCandidate second = label_at(10, 10, 8, 4);
    second.alternatives = {{12, 10}, {10, 20}, {10, 40}};  // the first still collides
    const auto result = render::place_labels({label_at(10, 10, 8, 4, 1), second}, {});
    ASSERT_EQ(result.placed.size(), 2u);
    EXPECT_EQ(result.placed[1].anchor, 2u);
    EXPECT_DOUBLE_EQ(result.placed[1].box.y0, 18);
}

TEST(PlaceLabels, AvoidsObstacles) {
    LabelCandidate label = label_at(50, 50, 20, 6);
    label.alternatives = render::ring_of_alternatives(label.anchor, label.width, label.height, 1);
    const std::vector<Box> obstacles{{49, 49, 51, 51}};  // a point symbol under the anchor
    const auto result = render::place_labels({label}, obstacles);
    ASSERT_EQ(result.placed.size(), 1u);
    EXPECT_GT(result.placed[0].anchor, 0u);
    EXPECT_FALSE(result.placed[0].box.overlaps(obstacles[0]));
}

TEST(PlaceLabels, TouchingIsNotOverlappingButPaddingKeepsAGap) {
    const std::vector<LabelCandidate> row{label_at(4, 2, 8, 4), label_at(12, 2, 8, 4)};  // share the edge x=8
    EXPECT_EQ(render::place_labels(row, {}).placed.size(), 2u);
    LabelOptions padded;
    padded.padding = 0.5;
    EXPECT_EQ(render::place_labels(row, {}, padded).placed.size(), 1u);
}

TEST(PlaceLabels, StaysInsideTheBounds) {
    LabelCandidate edge = label_at(2, 50, 10, 4);  // sticks out left of x = 0
    edge.alternatives = {{8, 50}};
    LabelOptions options;
    options.bounds = Box{0, 0, 100, 100};
    const auto result = render::place_labels({edge, label_at(99, 99, 10, 4)}, {}, options);
    ASSERT_EQ(result.placed.size(), 1u);
    EXPECT_EQ(result.placed[0].anchor, 1u);
    EXPECT_EQ(result.dropped, std::vector<std::size_t>{1});
}

// Many random labels and obstacles: whatever is placed never overlaps, and every candidate is
// either placed or dropped, once.
TEST(PlaceLabels, DenseRandomLayoutHasNoOverlap) {
    std::mt19937 random(6);
    std::uniform_real_distribution<double> pos(0, 200), size(4, 30), prio(0, 10);
    std::vector<LabelCandidate> labels;
    for (int i = 0; i < 400; ++i) {
        LabelCandidate l = label_at(pos(random), pos(random), size(random), 5, prio(random));
        l.alternatives = render::ring_of_alternatives(l.anchor, l.width, l.height, 1);
        labels.push_back(l);
    }
    const std::vector<Box> obstacles{{0, 180, 60, 200}, {150, 0, 200, 20}};
    LabelOptions options;
    options.padding = 1;
    const auto result = render::place_labels(labels, obstacles, options);
    EXPECT_FALSE(any_overlap(result, obstacles, options.padding));
    EXPECT_EQ(result.placed.size() + result.dropped.size(), labels.size());
    EXPECT_GT(result.placed.size(), 20u);
    EXPECT_GT(result.dropped.size(), 0u);  // 400 labels cannot all fit in 200 x 200
    for (std::size_t i = 1; i < result.placed.size(); ++i)
        EXPECT_GE(labels[result.placed[i - 1].candidate].priority, labels[result.placed[i].candidate].priority);
}
