#include "geo/source/geojson_reader.h"

#include "geo/source/limits.h"

#include <cpl_error.h>
#include <ogr_core.h>
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <functional>
#include <limits>
#include <set>
#include <string_view>
#include <unordered_map>

namespace geo {
namespace {

// simdjson's DOM API, not On-Demand. In Debian 12's simdjson 3.0.1, On-Demand misreads numbers
// with 20 or more digits after "0." (0.95000000000000000000 -> 0.0277: simdjson issue #2093), and
// its code is compiled into this file for baseline x86-64; the DOM parser inside libsimdjson is
// exact, picks AVX2/AVX-512 at run time, and reads -0 as the integer 0 as json-c (GDAL's) does.
// Both take ~0.12 s of CPU on the 348 LSOA files.
namespace json = simdjson::dom;

constexpr std::size_t no_field = std::numeric_limits<std::size_t>::max();

// ---- Geometry ---------------------------------------------------------------------------

// Thrown when a feature's points pass max_feature_points; the reader names the feature.
struct TooManyPoints {};

// [x, y] or [x, y, z]; z is dropped. Integers beyond int64 are declined: json-c clamps them.
bool read_point(json::array point, std::vector<double>& xy) {
    double coordinates[3];
    std::size_t count = 0;
    for (json::element element : point) {
        if (count == 3 || element.type() == json::element_type::UINT64 || element.get_double().get(coordinates[count]))
            return false;
        ++count;
    }
    if (count < 2) return false;
    xy.push_back(coordinates[0]);
    xy.push_back(coordinates[1]);
    return true;
}

std::uint32_t points_in(const GeoJsonPolygons& shape) { return static_cast<std::uint32_t>(shape.xy.size() / 2); }

// A polygon's rings, the first its shell. Empty rings are skipped, as GDAL skips them. An empty
// shell with holes is declined: GDAL keeps it as a polygon that is empty and not empty at once.
bool read_polygon(json::array rings, GeoJsonPolygons& shape) {
    const std::size_t rings_before = shape.ring_ends.size();
    bool is_shell = true, empty_shell = false;
    for (json::element ring_value : rings) {
        json::array ring;
        if (ring_value.get_array().get(ring)) return false;
        const std::uint32_t start = points_in(shape);
        for (json::element point_value : ring) {
            json::array point;
            if (point_value.get_array().get(point) || !read_point(point, shape.xy)) return false;
            if (shape.xy.size() > 2 * max_feature_points) throw TooManyPoints{};
        }
        const bool is_empty = points_in(shape) == start;
        if (empty_shell && !is_empty) return false;
        if (is_shell) empty_shell = is_empty;
        is_shell = false;
        if (!is_empty) shape.ring_ends.push_back(points_in(shape));
    }
    if (shape.ring_ends.size() > rings_before)
        shape.polygon_ends.push_back(static_cast<std::uint32_t>(shape.ring_ends.size()));
    return true;
}

// "Polygon" or "MultiPolygon", members in any order; every other type is declined.
bool read_geometry(json::object geometry, GeoJsonPolygons& shape) {
    std::string_view type;
    json::array coordinates;
    if (geometry["type"].get_string().get(type) || geometry["coordinates"].get_array().get(coordinates))
        return false;
    if (type == "Polygon") return read_polygon(coordinates, shape);
    if (type != "MultiPolygon") return false;
    for (json::element polygon_value : coordinates) {
        json::array polygon;
        if (polygon_value.get_array().get(polygon) || !read_polygon(polygon, shape)) return false;
    }
    return true;
}

// ---- Field order ------------------------------------------------------------------------

// The order GDAL 3.6 gives fields. Neighbouring properties of a feature say "a before b"; a later
// feature cannot reverse what an earlier one said (that would be a cycle); where the features
// leave the order open, names decide. So {"b":1} then {"a":1} gives fields a, b.
class FieldOrder {
public:
    void add_field() { after_.emplace_back(); }

    void follows(std::size_t before, std::size_t after) {
        std::vector<std::size_t>& next = after_[before];
        if (before == after || std::find(next.begin(), next.end(), after) != next.end() || reaches(after, before))
            return;
        next.push_back(after);
    }

    // Kahn's algorithm, taking the ready field with the smallest name first, as GDAL does.
    std::vector<std::size_t> sorted(const std::vector<FieldDef>& fields) const {
        std::vector<std::size_t> waiting_on(after_.size());
        for (const auto& next : after_)
            for (std::size_t field : next) ++waiting_on[field];
        const auto by_name = [&](std::size_t a, std::size_t b) { return fields[a].name < fields[b].name; };
        std::set<std::size_t, decltype(by_name)> ready(by_name);
        for (std::size_t field = 0; field < after_.size(); ++field)
            if (waiting_on[field] == 0) ready.insert(field);
        std::vector<std::size_t> order;
        while (!ready.empty()) {
            const std::size_t field = *ready.begin();
            ready.erase(ready.begin());
            order.push_back(field);
            for (std::size_t next : after_[field])
                if (--waiting_on[next] == 0) ready.insert(next);
        }
        return order;
    }

private:
    bool reaches(std::size_t from, std::size_t to) const {
        std::vector<bool> planned(after_.size());
        std::vector<std::size_t> to_visit{from};
        planned[from] = true;
        while (!to_visit.empty()) {
            const std::size_t field = to_visit.back();
            to_visit.pop_back();
            if (field == to) return true;
            for (std::size_t next : after_[field])
                if (!planned[next]) {
                    planned[next] = true;
                    to_visit.push_back(next);
                }
        }
        return false;
    }

    std::vector<std::vector<std::size_t>> after_;  // after_[a]: the fields said to come right after a
};

// ---- Field types and values -------------------------------------------------------------

// The kinds of value a property has held, over all features: its field's type follows.
enum Seen : unsigned { seen_integer = 1, seen_real = 2, seen_text = 4, seen_boolean = 8 };

FieldKind kind_from(unsigned seen) {
    if (seen & seen_text || seen == 0) return FieldKind::text;  // GDAL makes an all-null field a string
    return seen & seen_real ? FieldKind::real : FieldKind::integer;
}

// json-c's "%.17g", plus ".0" when that reads as an integer: GDAL's text for a real number in a
// text field (1.0e5 -> "100000.0", 0.1 -> "0.10000000000000001"). to_chars: no locale.
std::string gdal_number_text(double number) {
    char buffer[32];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::general, 17);
    std::string text(buffer, static_cast<std::size_t>(written.ptr - buffer));
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

// A value as GDAL gives it once its field's type is known. true/false wait as text until then.
FieldValue settle(FieldValue raw, FieldKind kind) {
    if (const auto* truth = std::get_if<std::string>(&raw); truth && kind != FieldKind::text) {
        const bool is_true = *truth == "true";
        return kind == FieldKind::integer ? FieldValue(std::int64_t{is_true}) : FieldValue(is_true ? 1.0 : 0.0);
    }
    if (const auto* integer = std::get_if<std::int64_t>(&raw)) {
        if (kind == FieldKind::real) return static_cast<double>(*integer);
        if (kind == FieldKind::text) return std::to_string(*integer);
    }
    if (const auto* real = std::get_if<double>(&raw); real && kind == FieldKind::text) return gdal_number_text(*real);
    return raw;
}

struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const noexcept { return std::hash<std::string_view>{}(name); }
};

// ---- The collection ---------------------------------------------------------------------

class CollectionReader {
public:
    CollectionReader(std::string path, std::string stem) : path_(std::move(path)) { layer_.name = std::move(stem); }

    // False when the document is not a FeatureCollection we can read exactly as GDAL would.
    bool read(json::object collection) {
        bool is_collection = false, has_features = false;
        for (const json::key_value_pair& member : collection) {
            const std::string_view key = member.key;
            const json::element& value = member.value;
            std::string_view text;
            if (key == "type") {
                if (value.get_string().get(text)) return false;
                is_collection = text == "FeatureCollection";
            } else if (key == "features") {
                if (!read_features(value)) return false;
                has_features = true;
            } else if (key == "crs") {
                if (!read_crs(value)) return false;
            } else if (key == "name" && value.get_string().get(text) == simdjson::SUCCESS) {
                layer_.name = text;
            }
        }
        return is_collection && has_features;
    }

    // Fields in GDAL's order and types, values settled to match; nullopt for date fields.
    std::optional<GeoJsonLayer> finish() && {
        const std::size_t count = layer_.fields.size();
        for (std::size_t field = 0; field < count; ++field) {
            layer_.fields[field].kind = kind_from(seen_[field]);
            if (seen_[field] == seen_text && holds_dates(field)) return std::nullopt;
        }
        const std::vector<std::size_t> order = order_.sorted(layer_.fields);
        for (GeoJsonFeature& feature : layer_.features) {
            feature.values.resize(count);
            std::vector<FieldValue> settled;
            settled.reserve(count);
            for (std::size_t field : order)
                settled.push_back(settle(std::move(feature.values[field]), layer_.fields[field].kind));
            feature.values = std::move(settled);
        }
        std::vector<FieldDef> fields;
        for (std::size_t field : order) fields.push_back(std::move(layer_.fields[field]));
        layer_.fields = std::move(fields);
        return std::move(layer_);
    }

private:
    // Only crs {"type": "name", "properties": {"name": ...}}; GDAL's other forms are GDAL's.
    bool read_crs(const json::element& value) {
        json::object crs, properties;
        std::string_view type, name;
        if (value.get_object().get(crs) || crs["type"].get_string().get(type) || type != "name" ||
            crs["properties"].get_object().get(properties) || properties["name"].get_string().get(name))
            return false;
        layer_.crs_name = name;
        return true;
    }

    bool read_features(const json::element& value) {
        json::array features;
        if (value.get_array().get(features)) return false;
        layer_.features.reserve(features.size());
        for (json::element feature_value : features) {
            json::object feature;
            if (feature_value.get_object().get(feature)) return false;
            check_field_values();
            try {
                if (!read_feature(feature)) return false;
            } catch (const TooManyPoints&) {
                refuse_feature_points(path_, "feature " + std::to_string(layer_.features.size() - 1));
            }
        }
        return true;
    }

    bool read_feature(json::object object) {
        GeoJsonFeature& feature = layer_.features.emplace_back();
        shape_.xy.clear();
        shape_.ring_ends.clear();
        shape_.polygon_ends.clear();
        bool is_feature = false, has_properties = false, has_other_members = false;
        for (const json::key_value_pair& member : object) {
            const std::string_view key = member.key;
            const json::element& value = member.value;
            std::string_view type;
            if (key == "type") {
                if (value.get_string().get(type)) return false;
                is_feature = type == "Feature";
            } else if (key == "properties") {
                if (!read_properties(value, feature)) return false;
                has_properties = true;
            } else if (key == "geometry") {
                if (!read_geometry_member(value)) return false;
            } else if (key == "id" || key == "stac_version") {
                return false;  // GDAL turns ids into feature ids or an "id" field, and STAC members into fields
            } else if (key != "bbox") {
                has_other_members = true;
            }
        }
        // Without "properties", GDAL reads a feature's other members as its fields.
        if (!is_feature || (has_other_members && !has_properties)) return false;
        feature.empty_geometry = shape_.xy.empty();
        feature.shape.xy.assign(shape_.xy.begin(), shape_.xy.end());  // exact size: ~35,000 of these stay
        feature.shape.ring_ends.assign(shape_.ring_ends.begin(), shape_.ring_ends.end());
        feature.shape.polygon_ends.assign(shape_.polygon_ends.begin(), shape_.polygon_ends.end());
        return true;
    }

    // null leaves the shape empty; a geometry object fills shape_.
    bool read_geometry_member(const json::element& value) {
        json::object geometry;
        if (value.is_null()) return true;
        return value.get_object().get(geometry) == simdjson::SUCCESS && read_geometry(geometry, shape_);
    }

    // An object of flat values; null and [] stand for no properties, as in GDAL.
    bool read_properties(const json::element& value, GeoJsonFeature& feature) {
        json::array empty;
        if (value.is_null()) return true;
        if (value.get_array().get(empty) == simdjson::SUCCESS) return empty.size() == 0;
        json::object properties;
        if (value.get_object().get(properties)) return false;
        std::size_t previous = no_field;
        for (const json::key_value_pair& member : properties) {
            const std::size_t field = field_called(member.key);
            // A repeated key: json-c keeps the last value in the first one's place. Rare; GDAL's.
            if (field == no_field || last_feature_[field] == layer_.features.size()) return false;
            last_feature_[field] = layer_.features.size();
            if (previous != no_field) order_.follows(previous, field);
            previous = field;
            if (feature.values.size() <= field) feature.values.resize(field + 1);
            if (!read_value(member.value, field, feature.values[field])) return false;
        }
        return true;
    }

    // The index of the field called `name`, added on first sight; no_field for names GDAL cuts short.
    std::size_t field_called(std::string_view name) {
        if (const auto found = index_.find(name); found != index_.end()) return found->second;
        if (name.find('\0') != std::string_view::npos) return no_field;
        const std::size_t field = layer_.fields.size();
        if (field == max_fields) refuse_fields(path_);
        layer_.fields.push_back({std::string(name), FieldKind::text});
        check_field_values();
        index_.emplace(std::string(name), field);
        seen_.push_back(0);
        last_feature_.push_back(0);
        order_.add_field();
        return field;
    }

    // Every feature will hold a value for every field: refused before that takes the memory.
    void check_field_values() const {
        if (layer_.features.size() * layer_.fields.size() > max_field_values)
            refuse_field_values(path_, layer_.features.size(), layer_.fields.size());
    }

    bool read_value(const json::element& value, std::size_t field, FieldValue& slot) {
        // GDAL clamps integers to int64's limits with a warning, even those written at a limit.
        constexpr auto lowest = std::numeric_limits<std::int64_t>::min();
        constexpr auto highest = std::numeric_limits<std::int64_t>::max();
        switch (value.type()) {
            case json::element_type::NULL_VALUE: return true;
            case json::element_type::INT64: {
                const std::int64_t integer = value.get_int64().value_unsafe();
                if (integer == lowest || integer == highest) return false;
                return hold(field, seen_integer, slot, integer);
            }
            case json::element_type::DOUBLE: return hold(field, seen_real, slot, value.get_double().value_unsafe());
            case json::element_type::BOOL:
                return hold(field, seen_boolean, slot, std::string(value.get_bool().value_unsafe() ? "true" : "false"));
            case json::element_type::STRING: {
                const std::string_view text = value.get_string().value_unsafe();
                return text.find('\0') == std::string_view::npos && hold(field, seen_text, slot, std::string(text));
            }
            default: return false;  // beyond int64, objects and arrays (GDAL flattens them or makes lists)
        }
    }

    bool hold(std::size_t field, Seen kind, FieldValue& slot, FieldValue value) {
        slot = std::move(value);
        seen_[field] |= kind;
        return true;
    }

    // GDAL reads a field of strings that all parse as dates or times as a Date/Time/DateTime
    // field and rewrites them ("2011-03-27" -> "2011/03/27"): those files are GDAL's.
    bool holds_dates(std::size_t field) const {
        CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
        CPLErrorStateBackuper keep_last_error;
        for (const GeoJsonFeature& feature : layer_.features) {
            if (feature.values.size() <= field) continue;
            const auto* text = std::get_if<std::string>(&feature.values[field]);
            OGRField parsed;
            if (text && !OGRParseDate(text->c_str(), &parsed, 0)) return false;
        }
        return true;
    }

    std::string path_;
    GeoJsonLayer layer_;
    GeoJsonPolygons shape_;  // the feature being read: grows once per file, each feature keeps an exact copy
    std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>> index_;
    std::vector<unsigned> seen_;               // Seen bits, per field
    std::vector<std::size_t> last_feature_;    // per field: 1 + the feature that last set it
    FieldOrder order_;
};

// ---- A feature too large to parse --------------------------------------------------------

// The first feature with more than max_feature_points points, found by one pass over the bytes
// before the DOM is built: parsing a 240 MB ring took 10 s and 1 GB just to refuse it after.
// Features are the objects in an array member of the top object (the collection's "features",
// not its "crs" object's "properties"); a point is an innermost array (one with no array or
// object inside). Only a file long enough to hold such a feature (six bytes a point at the
// least, "[0,0],") is scanned: the usual file costs nothing.
std::optional<std::size_t> feature_over_point_limit(std::string_view text) {
    if (text.size() < 6 * max_feature_points) return std::nullopt;
    std::size_t depth = 0, points = 0, features = 0;
    bool in_string = false, innermost = false, in_top_array = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
            case '"': in_string = true; break;
            case '{':
                if (depth++ == 2 && in_top_array) ++features, points = 0;
                innermost = false;
                break;
            case '[':
                if (depth++ == 1) in_top_array = true;
                innermost = true;
                break;
            case ']':
                if (innermost && ++points > max_feature_points && features > 0) return features - 1;
                innermost = false;
                [[fallthrough]];
            case '}':
                if (depth > 0 && --depth == 1) in_top_array = false;
                break;
            default: break;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<GeoJsonLayer> read_geojson(const std::string& path) {
    simdjson::padded_string text;
    if (simdjson::padded_string::load(path).get(text)) return std::nullopt;
    if (const auto feature = feature_over_point_limit(text)) refuse_feature_points(path, "feature " + std::to_string(*feature));
    // One parser per thread, kept: its buffers are sized once for the largest file instead of
    // being allocated (and page-faulted in) again for each of hundreds of files.
    thread_local json::parser parser;
    json::element document;
    json::object collection;
    CollectionReader reader(path, std::filesystem::path(path).stem().string());
    if (parser.parse(text).get(document) || document.get_object().get(collection) || !reader.read(collection))
        return std::nullopt;
    return std::move(reader).finish();
}

}  // namespace geo
