#pragma once
// A team's plans kept in PostgreSQL/PostGIS. Every save is a new version: its parent, author, time,
// status and the fingerprint of the boundaries it was made on, the plan file's text as it is, and
// the command units it makes (codes, names, colours, shapes) and each ward's command unit, so that
// a plan is read by plain SQL and shown by QGIS (the view wardmap.current_command_units).
//
// Two planners saving the same plan at once never lose an edit: saves of one plan take turns (the
// plan's row is locked, SELECT ... FOR UPDATE), and a save whose parent is no longer the current
// version is kept as a new version beside it, not made current, and the saver is told; or, asked
// to merge, is merged with the current version (merge.h) and saved on top of it.
//
//   wardmap.plans               name, current_version, created_at
//   wardmap.plan_versions       plan, version, parent, author, saved_at, status, fingerprint, wards,
//                               boundaries, saved_over (the current version it did not replace), plan_text
//   wardmap.plan_command_units  plan, version, code, name, colour, wards, area_km2, geom (MultiPolygon)
//   wardmap.plan_assignments    plan, version, ward_code, cu_code
//   wardmap.current_command_units (view) the current version of every plan, geom in EPSG:4326
#include "geo/geos/context.h"
#include "geo/store/pg_connection.h"

#include <optional>
#include <string>
#include <vector>

namespace geo::store {

struct StoredUnit {
    std::string code, name, colour;
    int wards = 0;
    double area_km2 = 0;
    const GEOSGeometry* shape = nullptr;  // borrowed, in the CRS of `srid`
};

struct PlanToSave {
    std::string name, author, status, fingerprint, boundaries, text;
    int wards = 0;
    std::optional<int> parent;  // the version this was made from; none for a first save
    std::vector<StoredUnit> units;
    std::vector<std::pair<std::string, std::string>> assignment;  // ward code -> unit code ("-" left out)
    int srid = 0;                                                 // EPSG code of the shapes (0: unknown)
};

struct VersionInfo {
    std::string plan;
    int version = 0;
    std::optional<int> parent, saved_over;
    std::string author, saved_at, status, fingerprint, boundaries;
    int wards = 0;
    bool current = false;
};

struct SaveResult {
    int version = 0;
    bool current = true;              // false: someone saved a newer version first
    bool stale = false;               // only_if_current and it would not be: nothing was saved
    std::optional<VersionInfo> ahead;  // that newer version, when not current
};

struct PlanSummary {
    std::string name;
    int current_version = 0, versions = 0;
    VersionInfo current;
};

class PlanStore {
public:
    // Connects and creates the schema wardmap and its tables if missing. Throws InputError (cannot
    // connect) or OutputError (cannot create them).
    explicit PlanStore(const std::string& connection);

    // only_if_current: when another version was saved since the parent, save nothing and say so
    // (stale), so that the caller can merge and try again.
    SaveResult save(const PlanToSave& plan, bool only_if_current = false);
    std::vector<PlanSummary> plans();
    // Newest first. Throws InputError for an unknown plan.
    std::vector<VersionInfo> versions(const std::string& plan);
    // The plan text of a version (the current one if none); throws InputError naming what exists.
    std::pair<VersionInfo, std::string> load(const std::string& plan, std::optional<int> version);

    const std::string& shown() const noexcept { return db_.shown(); }

private:
    VersionInfo versions_in_transaction(const std::string& plan, int version);
    PgConnection db_;
};

}  // namespace geo::store
