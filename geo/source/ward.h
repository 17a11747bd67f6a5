#pragma once
// The wards a plan is made of, as loaded: codes, names, their parent (borough, district), every
// attribute, and a valid polygonal shape in the working CRS. "Ward" is the smallest area a plan
// assigns, whatever the source calls it (an LSOA in the national sets); a command unit (BCU) is a
// group of wards (geo/plan), and "unit" alone in this code means a command unit.
#include "geo/crs/crs.h"
#include "geo/geos/context.h"
#include "geo/hygiene/report.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace geo {

enum class FieldKind { integer, real, text };

struct FieldDef {
    std::string name;
    FieldKind kind = FieldKind::text;
    bool numeric() const { return kind != FieldKind::text; }
    // A number that names a feature rather than measures it (Global_Polygon_ID, OBJECTID, FID):
    // summing it over a command unit means nothing, so it is not aggregated unless asked for.
    bool identifier() const;
    bool measure() const { return numeric() && !identifier(); }
};

using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

std::optional<double> as_number(const FieldValue& value);
std::string as_text(const FieldValue& value);

// Which source fields hold the ward code, its name, and its parent's code and name.
struct FieldMapping {
    std::string code, name, parent, parent_name;
};

struct SourceInfo {
    std::string path;        // as given, or the file inside a folder
    std::string layer;
    std::string driver;
    std::string stem;        // file name without extension (e.g. the district code)
    std::string crs_label, crs_how;
    std::size_t features = 0;
    Extent extent;           // in the source CRS
};

struct Ward {
    std::string code, name, parent_code, parent_name;
    std::vector<FieldValue> values;  // parallel to WardSet::fields
    geos::Geom shape;                // working CRS, valid, Polygon or MultiPolygon
    std::size_t source = 0;          // index into WardSet::sources
    std::int64_t feature = 0;        // feature id in that source
    std::string where() const;       // "E05009392 Colville"
};

struct WardSet {
    std::vector<Ward> units;
    std::vector<FieldDef> fields;
    FieldMapping mapping;
    std::vector<SourceInfo> sources;
    Crs working_crs;
    Extent extent;  // working CRS
    HygieneReport hygiene;

    // Index of a field by name, or -1.
    int field_index(const std::string& name) const;
};

}  // namespace geo
