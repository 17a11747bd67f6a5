#include "tests/gui/clicks/london_plans.h"

#include "geo/planner/plan_file.h"
#include "geo/source/load.h"

namespace clicks {

namespace {

const std::string bundled_plan = WARDMAP_SOURCE_DIR "/datasets/plans/mps-12-bcu-2018.csv";

geo::PlanFile bundled_plan_file(const geo::WardSet& wards) {
    geo::PlanFile meta;
    const geo::Assignment assignment = geo::open_plan(wards, bundled_plan, &meta);
    meta.boundary_path = WARDMAP_SOURCE_DIR "/shapes/london-wards-2014.gpkg";
    return geo::plan_file_from(wards, assignment, meta);
}

WardUnits as_map(const geo::PlanFile& plan) { return WardUnits(plan.assignment.begin(), plan.assignment.end()); }

}  // namespace

const London& London::get() {
    static const London london = [] {
        London l;
        geo::LoadOptions load;
        load.sources = {WARDMAP_SOURCE_DIR "/shapes/london-wards-2014.gpkg"};
        l.wards = geo::load_units(load);
        l.bundled = as_map(bundled_plan_file(l.wards));
        return l;
    }();
    return london;
}

std::string London::borough_of(const std::string& ward) const {
    for (const geo::Ward& unit : wards.units)
        if (unit.code == ward) return unit.parent_code;
    return "";
}

std::set<std::string> London::wards_of_borough(const std::string& borough) const {
    std::set<std::string> codes;
    for (const geo::Ward& unit : wards.units)
        if (unit.parent_code == borough) codes.insert(unit.code);
    return codes;
}

void write_start_plan(const std::string& path) { geo::write_plan_file(path, bundled_plan_file(London::get().wards)); }

WardUnits saved_plan(const std::string& path) { return as_map(geo::read_plan_file(path)); }

std::set<std::string> moved_between(const WardUnits& before, const WardUnits& after) {
    std::set<std::string> moved;
    for (const auto& [ward, unit] : after) {
        const auto was = before.find(ward);
        if (was == before.end() || was->second != unit) moved.insert(ward);
    }
    for (const auto& [ward, unit] : before)
        if (!after.count(ward)) moved.insert(ward);
    return moved;
}

}  // namespace clicks
