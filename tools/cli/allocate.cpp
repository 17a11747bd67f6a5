// `wardmap allocate`: officers per ward and per command unit from the rules, the plan and the ward
// tables the pools are split by; checked against the establishment.
#include "cli/officer_options.h"
#include "cli/progress_bar.h"
#include "cli/subcommands.h"
#include "cli/summary.h"
#include "geo/model/plan_figures.h"

#include "geo/officers/allocation_columns.h"

#include <fmt/ostream.h>
#include <iostream>
#include <memory>

namespace cli {
namespace {

struct AllocateCommand {
    SourceOptions source;
    PlanOptions plan;
    OutputOptions output;
    MeasureOptions measures;
    std::string table;
};

std::string establishment_line(const geo::Allocation& allocation) {
    const auto surplus = allocation.surplus();
    if (!surplus) return fmt::format("{} officers allocated; no establishment in the rules", allocation.officers);
    return *surplus >= 0 ? fmt::format("establishment {}: {} allocated, {} not allocated by these rules", *allocation.establishment,
                                       allocation.officers, *surplus)
                         : fmt::format("establishment {}: {} allocated, a shortfall of {}", *allocation.establishment, allocation.officers, -*surplus);
}

nlohmann::json allocation_json(const geo::Allocation& allocation) {
    nlohmann::json units = nlohmann::json::array();
    for (const auto& unit : allocation.units) {
        nlohmann::json pools;
        for (std::size_t p = 0; p < allocation.pools.size(); ++p)
            pools[allocation.pools[p]] = {{"posts", unit.pool_posts[p]}, {"share", unit.pool_weight[p]}};
        units.push_back({{"code", unit.code}, {"name", unit.name}, {"wards", unit.wards}, {"dwo", unit.dwo}, {"pcso", unit.pcso},
                         {"chief_superintendents", unit.chief_superintendents}, {"superintendents", unit.superintendents},
                         {"pools", pools}, {"officers", unit.officers()}});
    }
    nlohmann::json out{{"command_units", units}, {"officers", allocation.officers}, {"pcsos", allocation.pcsos},
                       {"dwo", allocation.dwo}, {"leadership", allocation.leadership}, {"findings", findings_json(allocation.findings)}};
    if (allocation.establishment) out["establishment"] = *allocation.establishment, out["surplus"] = *allocation.surplus();
    return out;
}

void print_allocation(std::ostream& out, const geo::Allocation& allocation) {
    fmt::print(out, "  {:<6} {:<24} {:>5} {:>5} {:>5} {:>4}", "code", "name", "wards", "DWO", "PCSO", "lead");
    for (std::size_t p = 0; p < allocation.pools.size(); ++p) fmt::print(out, " {:>8}", fmt::format("pool {}", p + 1));
    fmt::print(out, " {:>8}\n", "officers");
    for (const auto& unit : allocation.units) {
        fmt::print(out, "  {:<6} {:<24} {:>5} {:>5} {:>5} {:>4}", unit.code, unit.name, unit.wards, unit.dwo, unit.pcso,
                   unit.chief_superintendents + unit.superintendents);
        for (int posts : unit.pool_posts) fmt::print(out, " {:>8}", posts);
        fmt::print(out, " {:>8}\n", unit.officers());
    }
    fmt::print(out, "  {:<6} {:<24} {:>5} {:>5} {:>5} {:>4}", "", "total", allocation.ward_of_unit.size() - std::count(allocation.ward_of_unit.begin(), allocation.ward_of_unit.end(), std::nullopt),
               allocation.dwo, allocation.pcsos, allocation.leadership);
    for (int size : allocation.pool_sizes) fmt::print(out, " {:>8}", size);
    fmt::print(out, " {:>8}\n", allocation.officers);
    for (std::size_t p = 0; p < allocation.pools.size(); ++p) fmt::print(out, "  pool {}: {}\n", p + 1, allocation.pools[p]);
    fmt::print(out, "{}\n", establishment_line(allocation));
    for (const geo::Finding& finding : allocation.findings) fmt::print(out, "note    {}\n", finding.message);
}

void run(const AllocateCommand& o, const CommonOptions& common) {
    ProgressBar progress(common.quiet);
    const geo::WardSet set = load_sources(o.source, progress.callback());
    const geo::AppliedPlan applied = apply_plan_options(set, o.plan, geo::writes_parents(o.output), progress.callback());
    const geo::OfficerRules rules = geo::read_rules_for(o.measures, o.plan.plan);
    const geo::OfficerFigures officers =
        geo::allocate_plan(set, applied.grouping, rules, geo::read_measure_tables(o.measures, &rules, rules.measures_used()));
    const geo::Allocation& allocation = officers.allocation;
    const geo::WrittenOutput written = geo::write_plan(set, applied, styled_output(o.output, set, applied), progress.callback(), geo::allocation_columns(set, allocation));
    const std::optional<geo::WrittenOutput> table = o.table.empty() ? std::nullopt : std::optional(write_table(geo::allocation_table(allocation), set.working_crs, o.table, o.output.overwrite));
    if (common.json) {
        nlohmann::json out = allocation_json(allocation);
        out["rules"] = rules.path;
        out["joins"] = joins_json(set, officers.joins);
        out["hygiene"] = hygiene_json(plan_hygiene(set, applied));
        out["output"] = written_json(written);
        note_renamed(written);
        if (table) out["table"] = written_json(*table);
        print_json(out);
        return;
    }
    fmt::print(common.report(), "{} units from {} file(s); rules {}\n", set.units.size(), set.sources.size(), rules.path);
    print_plan(common.report(), set, applied);
    print_hygiene(common.report(), plan_hygiene(set, applied), 5);
    print_joins(common.report(), set, officers.joins);
    print_allocation(common.report(), allocation);
    print_written(common.report(), written);
    if (table) print_written(common.report(), *table);
}

}  // namespace

void add_allocate(CLI::App& app, const CommonOptions& common, int& result) {
    auto options = std::make_shared<AllocateCommand>();
    CLI::App* command = app.add_subcommand("allocate", "Officers per ward and command unit: fixed posts, leadership, pools split by crime, population, area or access");
    add_source_options(*command, options->source);
    add_plan_options(*command, options->plan, false);
    add_output_options(*command, options->output, false);
    add_measure_options(*command, options->measures);
    command->add_option("--table", options->table, "Also write one row per command unit to this CSV");
    command->callback([options, &common, &result] {
        run(*options, common);
        result = 0;
    });
}

}  // namespace cli
