#include "geo/store/stored_plan.h"

#include "geo/core/errors.h"
#include "geo/export/atomic_output.h"

#include <fmt/format.h>

#include <fstream>
#include <regex>

namespace geo::store {

PlanToSave plan_to_save(const WardSet& wards, const PlanFile& plan, const std::string& text, const AppliedPlan& applied) {
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

std::string with_version(const std::string& text, int version) {
    static const std::regex line(R"((^|\n)version *= *[0-9]+)");
    std::smatch found;
    if (std::regex_search(text, found, line))
        return text.substr(0, found.position(0)) + found[1].str() + fmt::format("version = {}", version) +
               text.substr(found.position(0) + found.length(0));
    return fmt::format("version = {}\n", version) + text;  // TOML: a top-level key before any table
}

void write_text(const std::string& path, const std::string& text) {
    AtomicOutput output(path, true);
    {
        std::ofstream out(output.path(), std::ios::binary);
        out << text;
        out.flush();
        if (!out) throw OutputError(fmt::format("{}: could not write the plan (disk full?); the previous file is kept", path));
    }
    output.commit();
}

}  // namespace geo::store
