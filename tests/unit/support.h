#pragma once
// Helpers shared by the unit tests: paths to the real data, WKT -> GEOS geometry and units,
// small hand-built UnitSets for pure plan logic, and measures used by several files.
#include "geo/geos/context.h"
#include "geo/source/ward.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include <unistd.h>

namespace wardmap_test {

// A path under ../shared/data, e.g. shared_data("london/wards-2014-mapinfo/London_Ward.tab").
inline std::string shared_data(const std::string& relative) {
    return (std::filesystem::path(WARDMAP_SHARED_DATA) / relative).lexically_normal().string();
}

// A path in the checkout, e.g. source_dir("datasets/plans/mps-12-bcu-2018.csv").
inline std::string source_dir(const std::string& relative) {
    return (std::filesystem::path(WARDMAP_SOURCE_DIR) / relative).lexically_normal().string();
}

// Owns a GEOS WKT reader on this thread's context.
inline geo::geos::Geom from_wkt(const std::string& wkt) {
    const GEOSContextHandle_t h = geo::geos::handle();
    GEOSWKTReader* reader = GEOSWKTReader_create_r(h);
    GEOSGeometry* made = GEOSWKTReader_read_r(h, reader, wkt.c_str());
    GEOSWKTReader_destroy_r(h, reader);
    return geo::geos::own(made, "read WKT " + wkt.substr(0, 40));
}

inline std::string to_wkt(const GEOSGeometry& geometry) {
    const GEOSContextHandle_t h = geo::geos::handle();
    GEOSWKTWriter* writer = GEOSWKTWriter_create_r(h);
    GEOSWKTWriter_setTrim_r(h, writer, 1);
    char* text = GEOSWKTWriter_write_r(h, writer, &geometry);
    GEOSWKTWriter_destroy_r(h, writer);
    std::string wkt = text ? text : "";
    GEOSFree_r(h, text);
    return wkt;
}

// An axis-aligned square polygon with its lower-left corner at (x, y).
inline std::string square(double x, double y, double side) {
    const std::string x0 = std::to_string(x), y0 = std::to_string(y);
    const std::string x1 = std::to_string(x + side), y1 = std::to_string(y + side);
    return "POLYGON((" + x0 + " " + y0 + ", " + x1 + " " + y0 + ", " + x1 + " " + y1 + ", " + x0 + " " + y1 + ", " +
           x0 + " " + y0 + "))";
}

inline geo::Ward make_unit(const std::string& code, const std::string& name, const std::string& parent_code,
                           const std::string& parent_name, const std::string& wkt) {
    geo::Ward unit;
    unit.code = code;
    unit.name = name;
    unit.parent_code = parent_code;
    unit.parent_name = parent_name;
    unit.shape = from_wkt(wkt);
    return unit;
}

// Wards laid out in one row of 100 m squares, left to right, in the order given.
struct WardSpec {
    std::string code, name, parent_code, parent_name;
};
inline geo::WardSet row_of_wards(const std::vector<WardSpec>& wards) {
    geo::WardSet set;
    set.mapping = {"code", "name", "parent", "parent_name"};
    for (std::size_t i = 0; i < wards.size(); ++i) {
        const WardSpec& w = wards[i];
        set.units.push_back(make_unit(w.code, w.name, w.parent_code, w.parent_name, square(100.0 * i, 0, 100)));
    }
    return set;
}

inline double total_area(const std::vector<geo::Ward>& units) {
    double total = 0;
    for (const auto& unit : units) total += geo::geos::area(*unit.shape);
    return total;
}

inline bool is_valid(const GEOSGeometry& geometry) {
    return geo::geos::check(GEOSisValid_r(geo::geos::handle(), &geometry), "check validity");
}

// Smallest interior ring of a (multi)polygon, in m²; +inf when there is none.
inline double smallest_hole(const GEOSGeometry& shape) {
    const GEOSContextHandle_t h = geo::geos::handle();
    double smallest = std::numeric_limits<double>::infinity();
    for (int p = 0; p < GEOSGetNumGeometries_r(h, &shape); ++p) {
        const GEOSGeometry* polygon = GEOSGetGeometryN_r(h, &shape, p);
        for (int r = 0; r < GEOSGetNumInteriorRings_r(h, polygon); ++r) {
            geo::geos::Geom hole = geo::geos::own(
                GEOSGeom_createPolygon_r(h, GEOSGeom_clone_r(h, GEOSGetInteriorRingN_r(h, polygon, r)), nullptr, 0),
                "hole as polygon");
            smallest = std::min(smallest, geo::geos::area(*hole));
        }
    }
    return smallest;
}

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// A fresh folder under the build's temp dir, removed when the test ends.
class TempDir {
public:
    TempDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ = std::filesystem::temp_directory_path() /
                ("wardmap-test-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" +
                 std::to_string(::getpid()));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace wardmap_test
