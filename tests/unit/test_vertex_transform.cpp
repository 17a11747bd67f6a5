// Copies of a vertex closer than half the snap tolerance are transformed once and come out
// identical; vertices further apart stay apart.
#include "geo/source/vertex_transform.h"

#include <gtest/gtest.h>

namespace {

TEST(VertexTransform, CopiesUnderAMillimetreBecomeOnePlace) {
    const geo::Crs lonlat = geo::crs_from_epsg(4326), bng = geo::crs_from_epsg(27700);
    const geo::Transformer& to_bng = geo::cached_transformer(lonlat, bng);
    geo::VertexTransform vertices(to_bng, lonlat, 0.01);
    const double lon = -1.2345678, lat = 52.3456789;
    const std::uint32_t first = vertices.place(lon, lat);
    const std::uint32_t copy = vertices.place(lon + 5e-9, lat - 4e-9);   // ~0.5 mm away
    const std::uint32_t exact = vertices.place(lon, lat);                // a ring's closing point
    const std::uint32_t metre = vertices.place(lon + 1e-5, lat);         // ~0.7 m away
    vertices.transform_new("test");
    EXPECT_EQ(copy, first);
    EXPECT_EQ(exact, first);
    EXPECT_NE(metre, first);
    EXPECT_EQ(vertices.merged(), 1u) << "only the inexact copy counts as moved";
    EXPECT_NEAR(vertices.x(metre) - vertices.x(first), 0.68, 0.05);

    double x = lon, y = lat;
    to_bng.apply(1, &x, &y, "test");
    EXPECT_EQ(vertices.x(first), x) << "a place is transformed exactly as its first copy";
    EXPECT_EQ(vertices.y(first), y);
}

TEST(VertexTransform, NoMergingWithoutATransformationOrTolerance) {
    const geo::Crs bng = geo::crs_from_epsg(27700), lonlat = geo::crs_from_epsg(4326);
    geo::VertexTransform same(geo::cached_transformer(bng, bng), bng, 0.01);
    EXPECT_NE(same.place(530000, 180000), same.place(530000.001, 180000));
    geo::VertexTransform exact(geo::cached_transformer(lonlat, bng), lonlat, 0);
    EXPECT_NE(exact.place(-1, 52), exact.place(-1 + 1e-9, 52));
    exact.transform_new("test");
    EXPECT_EQ(exact.merged(), 0u);
}

}  // namespace
