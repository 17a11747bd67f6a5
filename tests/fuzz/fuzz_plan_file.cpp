// The plan file (.wardplan): any bytes are read into a plan or refused with an InputError, and a
// plan read is written and read back as the same plan, written the same way again.
#include "fuzz_support.h"
#include "geo/core/errors.h"
#include "geo/planner/plan_file.h"

#include <algorithm>

namespace {

bool same_units(const std::vector<geo::CommandUnit>& a, const std::vector<geo::CommandUnit>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const geo::CommandUnit& x, const geo::CommandUnit& y) {
        return x.code == y.code && x.name == y.name && x.colour == y.colour && x.phase == y.phase && x.locked == y.locked;
    });
}

std::vector<std::pair<std::string, std::string>> sorted(std::vector<std::pair<std::string, std::string>> assignment) {
    std::sort(assignment.begin(), assignment.end());
    return assignment;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    geo::PlanFile plan;
    try {
        plan = geo::parse_plan_file(fuzz::text_of(data, size), "fuzz.wardplan");
    } catch (const geo::InputError&) {
        return 0;
    }
    const std::string written = geo::format_plan_file(plan);
    geo::PlanFile back;
    try {
        back = geo::parse_plan_file(written, "fuzz.wardplan");
    } catch (const geo::InputError& error) {
        std::fprintf(stderr, "%s\n--- written:\n%s\n", error.what(), written.c_str());
        fuzz::broken("a plan written is read back");
    }
    fuzz::require(back.name == plan.name && back.author == plan.author && back.status == plan.status, "name, author, status");
    fuzz::require(back.version == plan.version, "version");
    fuzz::require(back.boundary_path == plan.boundary_path && back.boundary_fingerprint == plan.boundary_fingerprint &&
                      back.boundary_wards == plan.boundary_wards,
                  "boundaries");
    fuzz::require(same_units(back.units, plan.units), "command units");
    fuzz::require(sorted(back.assignment) == sorted(plan.assignment), "assignment");
    fuzz::require(geo::format_plan_file(back) == written, "written the same way twice");
    return 0;
}
