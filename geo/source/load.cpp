#include "geo/source/load.h"

#include "geo/core/errors.h"
#include "geo/core/parallel.h"
#include "geo/crs/crs.h"
#include "geo/gdal/error_capture.h"
#include "geo/hygiene/repair.h"
#include "geo/hygiene/snap.h"
#include "geo/source/source_file.h"

#include <fmt/format.h>
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <numeric>
#include <thread>
#include <utility>
#include <mutex>
#include <unordered_map>

namespace geo {
namespace {

// Merges each file's fields by name into one list; an integer meeting a real becomes real,
// a number meeting text becomes text.
void merge_fields(std::vector<FileUnits>& files, WardSet& set) {
    std::unordered_map<std::string, std::size_t> index;
    for (const FileUnits& file : files)
        for (const FieldDef& field : file.fields) {
            auto [it, added] = index.try_emplace(field.name, set.fields.size());
            if (added) set.fields.push_back(field);
            else if (set.fields[it->second].kind != field.kind)
                set.fields[it->second].kind = (field.numeric() && set.fields[it->second].numeric()) ? FieldKind::real : FieldKind::text;
        }
    std::size_t total = 0;
    for (const FileUnits& file : files) total += file.units.size();
    set.units.reserve(set.units.size() + total);
    for (FileUnits& file : files) {
        std::vector<std::size_t> to_global;
        bool as_they_are = file.fields.size() == set.fields.size();  // the usual folder: same fields everywhere
        for (const FieldDef& field : file.fields) {
            to_global.push_back(index.at(field.name));
            as_they_are = as_they_are && to_global.back() == to_global.size() - 1 && set.fields[to_global.back()].kind == field.kind;
        }
        for (Ward& unit : file.units) {
            if (as_they_are) {
                unit.source = set.sources.size();
                set.units.push_back(std::move(unit));
                continue;
            }
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

std::string where_from(const WardSet& set, const Ward& unit) {
    return fmt::format("{} feature {}", set.sources[unit.source].path, unit.feature);
}

// Checks (and repairs) the validity of the given units on every core; problems in unit order.
void repair_invalid(WardSet& set, const std::vector<std::size_t>& which, const Progress& progress) {
    std::vector<HygieneReport> found(which.size());
    std::mutex progress_mutex;
    parallel_for(which.size(), [&](std::size_t k) {
        Ward& unit = set.units[which[k]];
        ensure_valid(unit, where_from(set, unit), found[k]);
        if (k % 1024 == 0) {
            std::lock_guard lock(progress_mutex);
            report(progress, "checking", static_cast<double>(k) / which.size());
        }
    });
    for (const HygieneReport& report : found) set.hygiene.append(report);
}

// While one large file is read on one core, the other checks each unit as soon as it is read.
class ValidateWhileReading {
public:
    explicit ValidateWhileReading(std::string path) : path_(std::move(path)), worker_([this] { run(); }) {}
    ~ValidateWhileReading() {
        std::lock_guard lock(mutex_);
        done_ = true;
        ready_.notify_one();
    }  // worker_ (a jthread) joins here; a failure nobody asked for is dropped with the load
    ValidateWhileReading(const ValidateWhileReading&) = delete;
    ValidateWhileReading& operator=(const ValidateWhileReading&) = delete;

    void add(Ward& unit) {
        std::lock_guard lock(mutex_);
        queue_.push_back(&unit);
        ready_.notify_one();
    }
    // Waits for the last unit; the reports come in the order the units were read.
    std::vector<HygieneReport> finish() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
            ready_.notify_one();
        }
        if (worker_.joinable()) worker_.join();
        if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
        return std::move(found_);
    }

private:
    void run() {
        for (std::size_t next = 0;;) {
            Ward* unit = nullptr;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [&] { return next < queue_.size() || done_; });
                if (next == queue_.size()) return;
                unit = queue_[next++];
            }
            found_.emplace_back();
            try {
                ensure_valid(*unit, fmt::format("{} feature {}", path_, unit->feature), found_.back());
            } catch (...) {  // handed to the reading thread by finish()
                failure_ = std::current_exception();
                return;
            }
        }
    }

    std::string path_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Ward*> queue_;
    bool done_ = false;
    std::vector<HygieneReport> found_;
    std::exception_ptr failure_;
    std::jthread worker_;  // last: started after, and joined before, everything it uses
};

void report_duplicates(WardSet& set) {
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < set.units.size(); ++i) {
        const Ward& unit = set.units[i];
        auto [it, added] = first.try_emplace(unit.code, i);
        if (!added) {
            const Ward& earlier = set.units[it->second];
            set.hygiene.add({ProblemKind::duplicate_code, unit.code, unit.name,
                             fmt::format("{} feature {}", set.sources[unit.source].path, unit.feature),
                             fmt::format("same code as {} feature {} ({})", set.sources[earlier.source].path,
                                         earlier.feature, earlier.name),
                             Location{0, 0}, 0});
            set.hygiene.problems.back().location = [&] { auto p = geos::point_on_surface(*unit.shape); return Location{p.x, p.y}; }();
        }
    }
}

// A projected source in metres is worked in as it is: no transformation, no rounding.
Crs working_crs_for(const SourceFile& first) {
    if (first.crs.srs.IsProjected() && first.crs.srs.GetLinearUnits() == 1.0) {
        Crs crs = first.crs;
        crs.how = "the first source's own: projected, in metres";
        return crs;
    }
    return choose_working_crs(to_lonlat(first.info.extent, first.crs));
}

// Loading carries on past features it must leave out, but a source that leaves nothing would give
// a plan of empty command units and an output that looks written.
void refuse_when_nothing_kept(const WardSet& set, const std::vector<std::string>& paths, const SourceQuery& query) {
    if (!set.units.empty()) return;
    if (!query.empty() && set.hygiene.problems.empty())
        throw InputError(paths.size() == 1 ? paths.front() : fmt::format("{} and {} more file(s)", paths.front(), paths.size() - 1),
                         query.sql.empty() ? "-where " + query.where : "-sql " + query.sql, "no feature is kept",
                         "Check it against the values `ogrinfo -al -so " + paths.front() + "` lists.");
    std::size_t features = 0;
    for (const SourceInfo& source : set.sources) features += source.features;
    const std::size_t no_geometry = set.hygiene.count(ProblemKind::empty_geometry);
    const std::size_t no_code = set.hygiene.count(ProblemKind::missing_code);
    features = std::max(features, no_geometry + no_code);  // some drivers cannot count cheaply
    const std::string file = paths.size() == 1 ? paths.front() : fmt::format("{} and {} more file(s)", paths.front(), paths.size() - 1);
    if (no_code == 0)
        throw InputError(file, "", fmt::format("none of its {} feature(s) has a geometry: every one is null or empty", no_geometry),
                         "Give the file that holds the boundary polygons; `ogrinfo -al -so` shows what this one holds.");
    throw InputError(file, "", fmt::format("no feature can be used: {} of {} have no geometry and {} no code in field {}", no_geometry,
                                           features, no_code, set.mapping.code),
                     "Give the field holding the unit codes with --code-field, or the file that holds the boundaries.");
}

Extent extent_of(const std::vector<Ward>& units) {
    Extent extent;
    for (const Ward& unit : units) extent.include(geos::envelope(*unit.shape));
    return extent;
}

}  // namespace

WardSet load_units(const LoadOptions& options, const Progress& progress) {
    const std::vector<std::string> paths = expand_sources(options.sources);
    if (paths.empty()) throw InputError("", "", "no boundary source given", "Name a file, a folder of files or a zip.");
    const std::optional<Crs> source_srs =
        options.source_srs ? std::optional(crs_from_user(*options.source_srs, "-s_srs")) : std::nullopt;

    // The first file decides the field mapping and the working CRS; the rest load in parallel.
    std::vector<SourceFile> opened(paths.size());
    opened[0] = open_source(paths[0], options.layer, source_srs, options.query);
    WardSet set;
    set.mapping = map_fields(available_fields(opened[0], options.stem_field), options.fields, paths[0]);
    set.working_crs = working_crs_for(opened[0]);

    std::vector<FileUnits> files(paths.size());  // before `early`, which must stop before they go
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
    // A single file in the working CRS is checked while it is read: its vertices rarely move
    // when snapped (none of London's wards do), so few units need checking again. Anything else
    // is snapped first and checked once: transformed coordinates, and neighbouring files, are
    // where near-copies of a vertex come from, and every shape snapping moves must be checked.
    std::optional<ValidateWhileReading> early;
    if (paths.size() == 1 && cached_transformer(opened[0].crs, set.working_crs).identity()) early.emplace(paths[0]);
    parallel_for(paths.size(), [&](std::size_t i) {
        if (i > 0) opened[i] = open_source(paths[i], options.layer, source_srs, options.query);
        if (early) files[i].on_kept = [&](Ward& unit) { early->add(unit); };
        read_units(opened[i], set.mapping, options.stem_field, set.working_crs, options.snap_tolerance, files[i]);
        files[i].on_kept = nullptr;
        opened[i].geojson.reset();  // free what the file held as soon as its units are made
        opened[i].gdal.dataset.reset();
        std::lock_guard lock(progress_mutex);
        report(progress, "reading", static_cast<double>(++done) / paths.size());
    });
    const std::vector<HygieneReport> checked_early = early ? early->finish() : std::vector<HygieneReport>{};
    merge_fields(files, set);
    refuse_when_nothing_kept(set, paths, options.query);
    for (const HygieneReport& found : checked_early) set.hygiene.append(found);
    report_duplicates(set);
    std::vector<std::size_t> moved;
    snap_coverage(set.units, options.snap_tolerance, set.hygiene, progress, &moved);
    report(progress, "checking", 0);
    std::vector<std::size_t> all(set.units.size());
    std::iota(all.begin(), all.end(), 0);
    repair_invalid(set, early ? moved : all, progress);
    set.extent = extent_of(set.units);
    return set;
}

}  // namespace geo
