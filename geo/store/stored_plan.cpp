#include "geo/store/stored_plan.h"

namespace geo::store {

PlanToSave plan_to_save(const UnitSet& wards, const PlanFile& plan, const std::string& text, const AppliedPlan& applied) {
    PlanToSave out;
    out.name = plan.name;
    out.author = plan.author;
    out.status = plan.status;
    out.fingerprint = ward_set_fingerprint(wards);
    out.boundaries = plan.boundary_path;
    out.wards = static_cast<int>(wards.units.size());
    out.text = text;
    out.parent = plan.version;
    out.assignment = plan.assignment;
    out.srid = wards.working_crs.epsg;
    for (const DissolvedUnit& unit : applied.groups.units)
        out.units.push_back({unit.info.code, unit.info.name, unit.info.colour, static_cast<int>(unit.members.size()),
                             unit.area / 1e6, unit.shape.get()});
    return out;
}

}  // namespace geo::store
