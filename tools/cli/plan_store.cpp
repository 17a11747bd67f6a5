// wardmap plan save|list|show|load: plans kept in a team's PostgreSQL/PostGIS (geo/store).
#include "cli/exit_codes.h"
#include "cli/progress_bar.h"
#include "cli/subcommands.h"

#include "geo/core/errors.h"
#include "geo/core/read_text.h"
#include "geo/planner/plan_file.h"
#include "geo/store/plan_store.h"
#include "geo/store/merge_save.h"
#include "geo/store/stored_plan.h"
#include "geo/store/store_location.h"

#include <fmt/ostream.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

namespace cli {
namespace {

struct StoreOptions {
    std::string store;  // --store, else $WARDMAP_STORE
    std::string plan, output, author, status;
    std::optional<int> version, parent;
    bool overwrite = false, merge = false;
    SourceOptions source;
};

std::string store_of(const StoreOptions& o) { return geo::store::store_connection(o.store); }


nlohmann::json version_json(const geo::store::VersionInfo& v) {
    nlohmann::json out = {{"plan", v.plan},       {"version", v.version}, {"author", v.author},
                          {"saved_at", v.saved_at}, {"status", v.status},   {"fingerprint", v.fingerprint},
                          {"wards", v.wards},      {"boundaries", v.boundaries}, {"current", v.current}};
    out["parent"] = v.parent ? nlohmann::json(*v.parent) : nlohmann::json();
    out["saved_over"] = v.saved_over ? nlohmann::json(*v.saved_over) : nlohmann::json();
    return out;
}

void add_store_option(CLI::App& command, StoreOptions& o) {
    command.add_option("--store", o.store, "The plan store: a PostgreSQL/PostGIS connection, e.g. \"PG:dbname=plans host=gis.example\" (default: $WARDMAP_STORE, else [store] connection in ~/.config/wardmap/settings.toml)");
}

int save(const StoreOptions& o, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    const std::string text = geo::read_text(o.plan, "plan file", "Give a plan file saved by the planner (.wardplan).");
    geo::PlanFile file = geo::parse_plan_file(text, o.plan);
    if (file.name.empty())
        throw geo::InputError(o.plan, "name", "the plan has no name", "Write name = \"...\" at the top of the plan file.");
    if (!o.author.empty()) file.author = o.author;
    if (file.author.empty()) file.author = geo::store::login_name();
    if (!o.status.empty()) file.status = o.status;
    if (o.parent) file.version = *o.parent;
    const int started_from = file.version;
    const geo::WardSet wards = load_sources(o.source, progress.callback());
    geo::assignment_from(wards, file);  // refuses a plan made on other boundaries
    const geo::AppliedPlan applied = geo::apply_plan(wards, geo::plan_from_file(file), {}, {}, false, progress.callback());
    geo::store::PlanStore store(store_of(o));
    // --merge: someone saved first; my moves on top of theirs, as long as no ward was moved by both.
    geo::store::MergedSave outcome;
    if (o.merge) {
        outcome = geo::store::save_merging(store, wards, file, text, applied, progress.callback());
    } else {
        outcome.saved = store.save(geo::store::plan_to_save(wards, file, text, applied));
        outcome.text = text;
    }
    const geo::store::SaveResult& saved = outcome.saved;
    const std::string& written = outcome.text;
    const std::optional<geo::store::VersionInfo>& merged_with = outcome.merged_with;
    const std::vector<std::string>& conflicts = outcome.conflicts;
    // The file now stands for the version saved: the next save from it names that one as its parent.
    // Kept beside instead, it still names the version it started from, so that saving it again with
    // --merge merges against that one.
    if (saved.current) geo::store::write_text(o.plan, geo::store::with_version(written, saved.version));
    if (common.json) {
        nlohmann::json out = {{"schema_version", 1}, {"plan", file.name}, {"version", saved.version}, {"current", saved.current},
                              {"store", store.shown()}, {"conflicts", conflicts}};
        if (saved.ahead) out["ahead"] = version_json(*saved.ahead);
        out["merged_with"] = merged_with ? nlohmann::json(merged_with->version) : nlohmann::json();
        std::cout << out.dump(2) << '\n';
    } else if (merged_with) {
        fmt::print(std::cout, "saved {} version {}: your moves merged with version {} by {} (saved at {}), into {}\n", file.name,
                   saved.version, merged_with->version, merged_with->author, merged_with->saved_at, o.plan);
    } else if (saved.current) {
        fmt::print(std::cout, "saved {} version {} ({} command units, {} wards) to {}\n", file.name, saved.version,
                   applied.groups.units.size(), wards.units.size(), store.shown());
    }
    if (saved.current) return exit_code::ok;
    const auto& ahead = *saved.ahead;
    fmt::print(std::cerr,
               "wardmap: plan {} was saved as version {} by {} at {} since the version {} you started from.\n"
               "  Your edit is kept as version {}, beside it, and version {} stays current; nothing is lost.\n",
               file.name, ahead.version, ahead.author, ahead.saved_at, started_from, saved.version, ahead.version);
    if (!conflicts.empty())
        fmt::print(std::cerr, "  Not merged: {}.\n", fmt::join(conflicts, ", "));
    fmt::print(std::cerr,
               "  {} (`wardmap plan show {} --version {}`), then load version {}, make your moves again and save.\n",
               conflicts.empty() ? "Save again with --merge to put your moves on top of it, or compare them"
                                 : "Compare them",
               file.name, ahead.version, ahead.version);
    return exit_code::saved_not_current;
}

}  // namespace

void add_plan_store(CLI::App* plan, const CommonOptions& common, int& result) {
    auto o = std::make_shared<StoreOptions>();

    CLI::App* save_command = plan->add_subcommand("save", "Save a plan file to the store as a new version");
    save_command->add_option("plan", o->plan, "The plan file (.wardplan)")->required();
    add_source_options(*save_command, o->source);
    add_store_option(*save_command, *o);
    save_command->add_option("--author", o->author, "Who saves it (default: the plan's author, else your login)");
    save_command->add_option("--status", o->status, "Its status: draft, proposed, approved, ... (default: the plan's)");
    save_command->add_option("--parent", o->parent, "The version it was made from (default: the plan file's version)");
    save_command->add_flag("--merge", o->merge,
                           "If someone saved since your version, put your moves on top of theirs (refused for a ward moved by both)");
    save_command->callback([o, &common, &result] { result = save(*o, common); });

    CLI::App* list = plan->add_subcommand("list", "The plans in the store, or one plan's versions");
    list->add_option("name", o->plan, "A plan: list its versions");
    add_store_option(*list, *o);
    list->callback([o, &common, &result] {
        geo::store::PlanStore store(store_of(*o));
        if (o->plan.empty()) {
            const auto plans = store.plans();
            if (common.json) {
                nlohmann::json out = {{"schema_version", 1}, {"store", store.shown()}, {"plans", nlohmann::json::array()}};
                for (const auto& p : plans)
                    out["plans"].push_back({{"name", p.name}, {"versions", p.versions}, {"current", version_json(p.current)}});
                std::cout << out.dump(2) << '\n';
            } else {
                fmt::print(std::cout, "{:<24} {:>7} {:>8}  {:<12} {:<23} {:<10} {}\n", "plan", "current", "versions", "author",
                           "saved", "status", "wards");
                for (const auto& p : plans)
                    fmt::print(std::cout, "{:<24} {:>7} {:>8}  {:<12} {:<23} {:<10} {}\n", p.name, p.current_version, p.versions,
                               p.current.author, p.current.saved_at, p.current.status, p.current.wards);
            }
        } else {
            const auto versions = store.versions(o->plan);
            if (common.json) {
                nlohmann::json out = {{"schema_version", 1}, {"store", store.shown()}, {"plan", o->plan}, {"versions", nlohmann::json::array()}};
                for (const auto& v : versions) out["versions"].push_back(version_json(v));
                std::cout << out.dump(2) << '\n';
            } else {
                fmt::print(std::cout, "{:>7} {:>6}  {:<12} {:<23} {:<10} {}\n", "version", "parent", "author", "saved", "status", "");
                for (const auto& v : versions)
                    fmt::print(std::cout, "{:>7} {:>6}  {:<12} {:<23} {:<10} {}\n", v.version, v.parent ? std::to_string(*v.parent) : "-",
                               v.author, v.saved_at, v.status,
                               v.current ? "current" : v.saved_over ? fmt::format("saved while {} was current", *v.saved_over) : "");
            }
        }
        result = exit_code::ok;
    });

    CLI::App* show = plan->add_subcommand("show", "Print a version of a plan (default: the current one)");
    show->add_option("name", o->plan, "The plan")->required();
    show->add_option("--version", o->version, "Which version");
    add_store_option(*show, *o);
    show->callback([o, &result] {
        geo::store::PlanStore store(store_of(*o));
        const auto [info, text] = store.load(o->plan, o->version);
        std::cout << text;
        result = exit_code::ok;
    });

    CLI::App* load = plan->add_subcommand("load", "Write a version of a plan (default: the current one) to a plan file");
    load->add_option("name", o->plan, "The plan")->required();
    load->add_option("--version", o->version, "Which version");
    load->add_option("-o,--output", o->output, "The plan file to write (.wardplan)")->required();
    load->add_flag("--overwrite", o->overwrite, "Replace the file if it exists");
    add_store_option(*load, *o);
    load->callback([o, &common, &result] {
        geo::store::PlanStore store(store_of(*o));
        const auto [info, text] = store.load(o->plan, o->version);
        std::error_code ignored;
        if (!o->overwrite && std::filesystem::exists(o->output, ignored))
            throw geo::OutputError(o->output + ": exists\n  Give --overwrite to replace it, or another -o.");
        // The version it is in the store, so that a save from this file names it as its parent.
        geo::store::write_text(o->output, geo::store::with_version(text, info.version));
        if (common.json)
            std::cout << nlohmann::json{{"schema_version", 1}, {"plan", info.plan}, {"version", info.version}, {"output", o->output}}.dump(2)
                      << '\n';
        else
            fmt::print(std::cout, "wrote {} ({} version {}{}, {} by {} at {})\n", o->output, info.plan, info.version,
                       info.current ? ", current" : "", info.status, info.author, info.saved_at);
        result = exit_code::ok;
    });
}

}  // namespace cli
