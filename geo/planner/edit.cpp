#include "geo/planner/edit.h"

#include <fmt/format.h>

namespace geo {

namespace {

std::string target(const std::string& to) { return to.empty() ? std::string("no command unit") : to; }

struct Describe {
    const WardSet& wards;

    std::string operator()(const MoveWards& e) const {
        if (e.wards.size() == 1 && e.wards.front() < wards.units.size())
            return fmt::format("Move ward {} to {}", wards.units[e.wards.front()].where(), target(e.to));
        return fmt::format("Move {} wards to {}", e.wards.size(), target(e.to));
    }
    std::string operator()(const MoveParents& e) const {
        if (e.parents.size() == 1) {
            for (const Ward& ward : wards.units)
                if (ward.parent_code == e.parents.front())
                    return fmt::format("Move borough {} {} to {}", ward.parent_code, ward.parent_name, target(e.to));
            return fmt::format("Move borough {} to {}", e.parents.front(), target(e.to));
        }
        return fmt::format("Move {} boroughs to {}", e.parents.size(), target(e.to));
    }
    std::string operator()(const CreateUnit& e) const {
        return fmt::format("Create command unit {} ({})", e.unit.code, e.unit.name);
    }
    std::string operator()(const RenameUnit& e) const { return fmt::format("Rename {} to \"{}\"", e.code, e.name); }
    std::string operator()(const RecolourUnit& e) const { return fmt::format("Recolour {} {}", e.code, e.colour); }
    std::string operator()(const DeleteUnit& e) const { return fmt::format("Delete command unit {}", e.code); }
    std::string operator()(const LockUnit& e) const { return fmt::format("{} {}", e.locked ? "Lock" : "Unlock", e.code); }
    std::string operator()(const ReplacePlan& e) const {
        return e.label.empty() ? fmt::format("Use another plan of {} command units", e.units.size()) : e.label;
    }
};

}  // namespace

std::string describe(const Edit& edit, const WardSet& wards) { return std::visit(Describe{wards}, edit); }

}  // namespace geo
