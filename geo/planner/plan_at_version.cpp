#include "geo/planner/plan_at_version.h"

#include "geo/core/errors.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <regex>

namespace geo {
namespace {

std::map<std::string, std::string> by_ward(const AssignmentLines& lines) { return {lines.begin(), lines.end()}; }

bool same_units(const std::vector<CommandUnit>& a, const std::vector<CommandUnit>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const CommandUnit& x, const CommandUnit& y) {
        return x.code == y.code && x.name == y.name && x.colour == y.colour && x.phase == y.phase && x.locked == y.locked;
    });
}

std::string where(const PlanFile& plan) { return plan.path.empty() ? std::string("the plan") : plan.path; }

// A version rebuilt from the later ones is checked against the content checksum recorded for it.
std::string rebuilt_problem(const PlanFile& rebuilt) {
    const PlanVersion& version = rebuilt.versions.back();
    const std::string actual = content_checksum(rebuilt);
    if (version.content.empty() || version.content == actual) return {};
    return fmt::format("version {} rebuilt from the later versions' moves has content {}, not the {} recorded for it: "
                       "the history has been changed by hand",
                       version.version, actual, version.content);
}

// Each move of the current version ends where the version has the ward: a `to` changed by hand
// would otherwise go unseen, since undoing a move reads only its `from`.
std::string moves_problem(const PlanFile& plan, const std::map<std::string, std::string>& lines) {
    const PlanVersion& last = plan.versions.back();
    for (const WardMove& move : last.moves) {
        const auto it = lines.find(move.ward);
        const std::string now = it == lines.end() ? "" : it->second;
        if (now != move.to)
            return fmt::format("version {} records {} moved to \"{}\", but the version has it in \"{}\": the history has been changed by hand",
                               last.version, move.ward, move.to, now);
    }
    return {};
}

}  // namespace

std::vector<WardMove> ward_moves(const AssignmentLines& from, const AssignmentLines& to) {
    const auto before = by_ward(from), after = by_ward(to);
    std::vector<WardMove> moves;
    for (const auto& [ward, unit] : before)
        if (const auto it = after.find(ward); it == after.end() || it->second != unit) moves.push_back({ward, unit, it == after.end() ? "" : it->second});
    for (const auto& [ward, unit] : after)
        if (!before.count(ward)) moves.push_back({ward, "", unit});
    std::sort(moves.begin(), moves.end(), [](const WardMove& a, const WardMove& b) { return a.ward < b.ward; });
    return moves;
}

void record_parent(PlanVersion& version, const PlanFile& parent, const PlanFile& plan) {
    version.moves_kept = true;
    version.moves = ward_moves(parent.assignment, plan.assignment);
    version.parent_name = parent.name == plan.name ? std::nullopt : std::optional(parent.name);
    version.parent_units = same_units(parent.units, plan.units) ? std::nullopt : std::optional(parent.units);
}

PlanFile parent_plan(const PlanFile& plan) {
    if (plan.versions.size() < 2)
        throw InputError(where(plan), "[[versions]]", fmt::format("version {} is the first the plan keeps", current_version(plan).version),
                         "`wardmap plan log` lists the versions a plan keeps.");
    const PlanVersion& last = plan.versions.back();
    if (!last.moves_kept)
        throw InputError(where(plan), fmt::format("[[versions]] version {}", last.version),
                         fmt::format("version {} does not keep what it changed from version {} (recorded by an older wardmap)", last.version,
                                     plan.versions[plan.versions.size() - 2].version),
                         "Compare with a copy of the earlier plan's file instead; versions saved from now on keep their changes.");
    PlanFile parent = plan;
    auto lines = by_ward(plan.assignment);
    if (const std::string problem = moves_problem(plan, lines); !problem.empty())
        throw InputError(where(plan), fmt::format("[[versions]] version {}", last.version), problem,
                         "Ask whoever keeps the plan for a copy as it was; `wardmap plan log` shows the history.");
    for (const WardMove& move : last.moves) {
        if (move.from.empty()) lines.erase(move.ward);
        else lines[move.ward] = move.from;
    }
    parent.assignment.assign(lines.begin(), lines.end());
    parent.notes.clear();  // of the wards as they are now: not the parent's
    if (last.parent_name) parent.name = *last.parent_name;
    if (last.parent_units) parent.units = *last.parent_units;
    parent.versions.pop_back();
    const PlanVersion& now = parent.versions.back();
    parent.version = now.version, parent.status = now.status, parent.author = now.author;
    return parent;
}

PlanFile plan_at_version(const PlanFile& plan, int number) {
    if (plan.versions.empty()) {
        if (number == current_version(plan).version) return plan;
        throw InputError(where(plan), "", fmt::format("the plan keeps no history: it is version {} only, not {}", current_version(plan).version, number),
                         "`wardmap plan log` lists the versions a plan keeps.");
    }
    if (std::none_of(plan.versions.begin(), plan.versions.end(), [&](const PlanVersion& v) { return v.version == number; }))
        throw InputError(where(plan), "[[versions]]",
                         fmt::format("the plan has no version {} (versions {} to {})", number, plan.versions.front().version, plan.versions.back().version),
                         "`wardmap plan log` lists the versions a plan keeps.");
    PlanFile at = plan;
    while (at.versions.back().version != number) {
        at = parent_plan(at);
        if (const std::string problem = rebuilt_problem(at); !problem.empty())
            throw InputError(where(plan), fmt::format("[[versions]] version {}", at.versions.back().version), problem,
                             "Ask whoever keeps the plan for a copy as it was; `wardmap plan log` shows the history.");
    }
    return at;
}

VersionedPath versioned_name(const std::string& argument) {
    static const std::regex with_version(R"((.+)@(\d{1,9}))");
    std::smatch match;
    if (!std::regex_match(argument, match, with_version)) return {argument, std::nullopt};
    return {match[1].str(), std::stoi(match[2].str())};
}

VersionedPath versioned_path(const std::string& argument) {
    if (std::filesystem::exists(argument)) return {argument, std::nullopt};
    VersionedPath split = versioned_name(argument);
    if (!split.version || !is_plan_file(split.path)) return {argument, std::nullopt};
    return split;
}

std::string check_history(const PlanFile& plan) {
    PlanFile at = plan;
    while (at.versions.size() > 1 && at.versions.back().moves_kept) {
        if (const std::string problem = moves_problem(at, by_ward(at.assignment)); !problem.empty()) return problem;
        at = parent_plan(at);
        if (const std::string problem = rebuilt_problem(at); !problem.empty()) return problem;
    }
    return {};
}

}  // namespace geo
