#include "geo/source/load.h"

#include "geo/core/errors.h"
#include "geo/core/parallel.h"
#include "geo/gdal/error_capture.h"
#include "geo/hygiene/repair.h"
#include "geo/hygiene/snap.h"
#include "geo/source/source_file.h"

#include <fmt/format.h>
#include <map>
#include <mutex>
#include <unordered_map>

namespace geo {
namespace {

// Merges each file's fields by name into one list; an integer meeting a real becomes real,
// a number meeting text becomes text.
void merge_fields(std::vector<FileUnits>& files, UnitSet& set) {
    std::unordered_map<std::string, std::size_t> index;
    for (const FileUnits& file : files)
        for (const FieldDef& field : file.fields) {
            auto [it, added] = index.try_emplace(field.name, set.fields.size());
            if (added) set.fields.push_back(field);
            else if (set.fields[it->second].kind != field.kind)
                set.fields[it->second].kind = (field.numeric() && set.fields[it->second].numeric()) ? FieldKind::real : FieldKind::text;
        }
    for (FileUnits& file : files) {
        std::vector<std::size_t> to_global;
        for (const FieldDef& field : file.fields) to_global.push_back(index.at(field.name));
        for (Unit& unit : file.units) {
            std::vector<FieldValue> values(set.fields.size());
            for (std::size_t i = 0; i < unit.values.size(); ++i) {
                const FieldDef& global = set.fields[to_global[i]];
                FieldValue& value = values[to_global[i]];
                value = std::move(unit.values[i]);
                if (global.kind == FieldKind::real)
                    if (auto number = as_number(value)) value = *number;
                if (global.kind == FieldKind::text && !std::holds_alternative<std::monostate>(value)) value = as_text(value);
            }
            unit.values = std::move(values);
            unit.source = set.sources.size();
            set.units.push_back(std::move(unit));
        }
        set.sources.push_back(std::move(file.info));
        set.hygiene.append(file.report);
    }
}

// Validity is checked unit by unit on every core, after reading: one big file gets both cores too.
void repair_invalid(UnitSet& set, const Progress& progress) {
    std::vector<HygieneReport> found(set.units.size());
    std::mutex progress_mutex;
    parallel_for(set.units.size(), [&](std::size_t u) {
        Unit& unit = set.units[u];
        ensure_valid(unit, fmt::format("{} feature {}", set.sources[unit.source].path, unit.feature), found[u]);
        if (u % 1024 == 0) {
            std::lock_guard lock(progress_mutex);
            report(progress, "checking", static_cast<double>(u) / set.units.size());
        }
    });
    for (const HygieneReport& report : found) set.hygiene.append(report);
}

void report_duplicates(UnitSet& set) {
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < set.units.size(); ++i) {
        const Unit& unit = set.units[i];
        auto [it, added] = first.try_emplace(unit.code, i);
        if (!added) {
            const Unit& earlier = set.units[it->second];
            set.hygiene.add({ProblemKind::duplicate_code, unit.code, unit.name,
                             fmt::format("{} feature {}", set.sources[unit.source].path, unit.feature),
                             fmt::format("same code as {} feature {} ({})", set.sources[earlier.source].path,
                                         earlier.feature, earlier.name),
                             Location{0, 0}, 0});
            set.hygiene.problems.back().location = [&] { auto p = geos::point_on_surface(*unit.shape); return Location{p.x, p.y}; }();
        }
    }
}

}  // namespace

UnitSet load_units(const LoadOptions& options, const Progress& progress) {
    const std::vector<std::string> paths = expand_sources(options.sources);
    if (paths.empty()) throw InputError("", "", "no boundary source given", "Name a file, a folder of files or a zip.");
    const std::optional<Crs> source_srs =
        options.source_srs ? std::optional(crs_from_user(*options.source_srs, "-s_srs")) : std::nullopt;

    // The first file decides the field mapping and the working CRS; the rest load in parallel.
    std::vector<SourceFile> opened(paths.size());
    opened[0] = open_source(paths[0], options.layer, source_srs);
    UnitSet set;
    set.mapping = map_fields(available_fields(opened[0], options.stem_field), options.fields, paths[0]);
    // A projected source in metres is worked in as it is: no transformation, no rounding.
    const Crs& first = opened[0].crs;
    if (first.srs.IsProjected() && first.srs.GetLinearUnits() == 1.0) {
        set.working_crs = first;
        set.working_crs.how = "the first source's own: projected, in metres";
    } else {
        set.working_crs = choose_working_crs(to_lonlat(opened[0].info.extent, first));
    }

    std::vector<FileUnits> files(paths.size());
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
    parallel_for(paths.size(), [&](std::size_t i) {
        if (i > 0) opened[i] = open_source(paths[i], options.layer, source_srs);
        files[i] = read_units(opened[i], set.mapping, options.stem_field, set.working_crs);
        opened[i].geojson.reset();  // free what the file held as soon as its units are made
        opened[i].gdal.dataset.reset();
        std::lock_guard lock(progress_mutex);
        report(progress, "reading", static_cast<double>(++done) / paths.size());
    });
    merge_fields(files, set);
    report_duplicates(set);
    // Snap first, then check validity once: snapping moves most vertices of a generalised set,
    // and every moved shape would need checking again.
    snap_coverage(set.units, options.snap_tolerance, set.hygiene, progress);
    report(progress, "checking", 0);
    repair_invalid(set, progress);
    for (const Unit& unit : set.units) {
        double minx, miny, maxx, maxy;
        GEOSGeom_getXMin_r(geos::handle(), unit.shape.get(), &minx);
        GEOSGeom_getYMin_r(geos::handle(), unit.shape.get(), &miny);
        GEOSGeom_getXMax_r(geos::handle(), unit.shape.get(), &maxx);
        GEOSGeom_getYMax_r(geos::handle(), unit.shape.get(), &maxy);
        set.extent.include(minx, miny);
        set.extent.include(maxx, maxy);
    }
    return set;
}

}  // namespace geo
