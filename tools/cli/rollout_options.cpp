#include "cli/rollout_options.h"


namespace cli {

void add_generator_options(CLI::App& command, RolloutOptions& o) {
    auto* group = command.add_option_group("Rollout (default: the SLP tranches, BCU by BCU, pathfinders first)");
    auto* step = group->add_option("--step-change", o.step_change, "Step Change option 1-6 of 2003 (1: 208 wards a year; 2: 96,264,264; 3: 96,176,176,176; 6: 1 deferred a year)")
                     ->check(CLI::Range(1, 6));
    auto* per_year = group->add_option("--per-year", o.per_year, "So many wards a year from --start until all are live")->excludes(step);
    auto* counts = group->add_option("--counts", o.counts, "Wards per yearly phase from --start, e.g. 96,264,264")->delimiter(',')->excludes(step)->excludes(per_year);
    group->add_option("--tranches", o.tranches, "CSV unit_code,phase,start: whole command units per phase (default: bundled SLP 2017-2019)")
        ->excludes(step)->excludes(per_year)->excludes(counts);
    group->add_flag("--plan-phases", o.plan_phases, "Each command unit goes live whole on the date in the plan's phase column")
        ->excludes(step)->excludes(per_year)->excludes(counts);
    group->add_option("--start", o.start, "Start of the first yearly phase (default 2004-04-01)");
    group->add_option("--remainder", o.remainder, "Wards the counts leave over: into the last phase, or a phase of their own")
        ->check(CLI::IsMember({"last", "own"}));
    group->add_option("--priority", o.priority, "Which wards first: plan, demand (most crime, --crime), access (least, --access), boroughs (--boroughs), outward (--from)")
        ->check(CLI::IsMember({"plan", "demand", "access", "boroughs", "outward"}));
    group->add_option("--boroughs", o.boroughs, "Borough order, codes or names, for --priority boroughs")->delimiter(',');
    group->add_option("--from", o.seeds, "Command units, boroughs or wards to grow outward from, e.g. EA,CN")->delimiter(',');
    group->add_option("--move", o.moves, "Hand edit: CODE=PHASE moves a ward, a borough or a command unit (repeatable)");
}

}  // namespace cli
