// `wardmap plan sign-off|propose|log PLAN`: a plan file's versions and their status. Sign-off
// records who, when, the plan's content checksum and the boundary file's; `log` prints the history
// and says whether a signed-off plan has been changed since.
#include "cli/exit_codes.h"
#include "cli/subcommands.h"
#include "cli/summary.h"
#include "geo/core/errors.h"
#include "geo/planner/plan_at_version.h"
#include "geo/planner/plan_file.h"

#include <filesystem>
#include <fmt/ostream.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <memory>

namespace cli {
namespace {

namespace fs = std::filesystem;

struct PlanCommand {
    std::string plan, by;
};

geo::PlanFile read_plan_file_only(const std::string& path) {
    if (!geo::is_plan_file(path))
        throw geo::InputError(path, "", "versions are kept in plan files, not CSV plan tables",
                              "Open the table in the planner (wardmap view --plan TABLE) and save it as a .wardplan.");
    return geo::read_plan_file(path);
}

// The boundary file named by the plan, relative to the plan's folder as it is written.
std::string boundary_checksum(const geo::PlanFile& plan) {
    if (plan.boundary_path.empty()) return {};
    fs::path boundaries(plan.boundary_path);
    if (boundaries.is_relative()) boundaries = fs::path(plan.path).parent_path() / boundaries;
    return geo::file_checksum(boundaries.string());
}

nlohmann::json version_json(const geo::PlanVersion& version) {
    nlohmann::json out{{"version", version.version}, {"status", version.status}, {"author", version.author}, {"signed_by", version.signed_by},
                       {"time", version.time}, {"parent", version.parent}, {"content", version.content},
                       {"boundary_checksum", version.boundary_checksum}};
    if (version.moves_kept) {
        out["moves"] = nlohmann::json::array();
        for (const geo::WardMove& move : version.moves) out["moves"].push_back({{"ward", move.ward}, {"from", move.from}, {"to", move.to}});
    }
    return out;
}

// "3 ward(s) moved: E05000026 EA → CN, ..." (the first few).
std::string moves_text(const geo::PlanVersion& version) {
    if (!version.moves_kept) return {};
    std::string text = fmt::format("{} ward(s) moved since the parent", version.moves.size());
    for (std::size_t i = 0; i < version.moves.size() && i < 4; ++i) {
        const geo::WardMove& move = version.moves[i];
        text += fmt::format("{} {} {} → {}", i ? "," : ":", move.ward, move.from.empty() ? "none" : move.from, move.to.empty() ? "none" : move.to);
    }
    return text + (version.moves.size() > 4 ? ", ..." : "");
}

void mark(const PlanCommand& o, const CommonOptions& common, bool signing) {
    const geo::PlanFile plan = read_plan_file_only(o.plan);
    const std::string boundaries = boundary_checksum(plan);
    const geo::PlanFile marked = signing ? geo::sign_off(plan, o.by, geo::utc_now(), boundaries)
                                         : geo::propose(plan, o.by, geo::utc_now(), boundaries);
    geo::write_plan_file(o.plan, marked);
    const geo::PlanVersion& version = marked.versions.back();
    if (common.json) {
        print_json(nlohmann::json{{"plan", o.plan}, {"version", version_json(version)}});
        return;
    }
    fmt::print(common.report(), "{}: version {} {} by {} at {}\n  content {}\n  boundaries {}\n", o.plan, version.version, version.status,
               version.signed_by, version.time, version.content, boundaries.empty() ? "(file not found: no checksum)" : boundaries);
}

// Exit 4 when a signed-off plan has been changed since, or an earlier version rebuilt from the
// history is not the content recorded for it: a plan that fails its check.
int log(const PlanCommand& o, const CommonOptions& common) {
    const geo::PlanFile plan = read_plan_file_only(o.plan);
    std::vector<geo::PlanVersion> versions = plan.versions;
    if (versions.empty()) versions.push_back(geo::current_version(plan));
    const geo::Integrity integrity = geo::check_integrity(plan);
    const std::string history = geo::check_history(plan);
    const std::string content = geo::content_checksum(plan);
    const std::string boundaries = boundary_checksum(plan);
    const std::string recorded_boundaries = versions.back().boundary_checksum;
    const bool boundaries_changed = !recorded_boundaries.empty() && recorded_boundaries != boundaries;
    if (common.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const geo::PlanVersion& version : versions) list.push_back(version_json(version));
        print_json(nlohmann::json{{"plan", o.plan}, {"name", plan.name}, {"versions", list}, {"content", content},
                                   {"signed_off", integrity.signed_off}, {"changed_since_sign_off", integrity.changed},
                                   {"boundaries_changed", boundaries_changed}, {"history_problem", history}});
    } else {
        fmt::print(common.report(), "{} ({})\n", plan.name, o.plan);
        for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
            fmt::print(common.report(), "version {}  {:<10} {}  by {}{}\n", it->version, it->status, it->time.empty() ? "(no time)" : it->time,
                       it->author.empty() ? "(no author)" : it->author,
                       it->signed_by.empty() ? "" : fmt::format(", {} by {}", it->status == geo::status_proposed ? "proposed" : "signed off", it->signed_by));
            fmt::print(common.report(), "  content {}{}\n", it->content.empty() ? "(not recorded)" : it->content,
                       it->parent.empty() ? "" : "  parent " + it->parent);
            if (const std::string moves = moves_text(*it); !moves.empty()) fmt::print(common.report(), "  {}\n", moves);
        }
        fmt::print(common.report(), "content now {}\n", content);
        if (integrity.changed) fmt::print(common.report(), "CHANGED SINCE SIGN-OFF: {}\n", integrity.message());
        else if (integrity.signed_off) fmt::print(common.report(), "signed off; unchanged since\n");
        if (!history.empty()) fmt::print(common.report(), "HISTORY CHANGED: {}\n", history);
        if (boundaries_changed)
            fmt::print(common.report(), "the boundary file {} has changed since it was recorded ({} then, {} now)\n", plan.boundary_path,
                       recorded_boundaries, boundaries.empty() ? "not found" : boundaries);
    }
    return integrity.changed || !history.empty() ? exit_code::validation_failed : exit_code::ok;
}

}  // namespace

void add_plan(CLI::App& app, CommonOptions& common, int& result) {
    CLI::App* command = app.add_subcommand("plan", "A plan's versions and the team's store: sign-off, propose, log; save, list, show, load");
    command->require_subcommand(1);
    auto options = std::make_shared<PlanCommand>();
    CLI::App* sign_off = command->add_subcommand("sign-off", "Mark the plan's current version signed off (read-only in the planner; an edit makes a new draft version)");
    CLI::App* propose = command->add_subcommand("propose", "Mark the plan's current version proposed");
    CLI::App* log = command->add_subcommand("log", "Print the plan's versions, and whether a signed-off plan has been changed since (exit 4)");
    for (CLI::App* sub : {sign_off, propose, log}) {
        sub->add_option("plan", options->plan, "The plan file (.wardplan, .toml)")->required();
    }
    for (CLI::App* sub : {sign_off, propose}) sub->add_option("--by", options->by, "Who signs it off or proposes it")->required();
    sign_off->callback([options, &common, &result] { mark(*options, common, true), result = exit_code::ok; });
    propose->callback([options, &common, &result] { mark(*options, common, false), result = exit_code::ok; });
    log->callback([options, &common, &result] { result = cli::log(*options, common); });
    add_plan_store(command, common, result);  // -q and --json: tools/wardmap.cpp adds them to every nested command
}

}  // namespace cli
