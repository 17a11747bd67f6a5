// `wardmap view`: the planner window on any source `dissolve` accepts, with the bundled London
// wards and 12-BCU plan by default. Scriptable (--replay, --screenshot, --exit) and measurable
// (--bench-frames).
#include "cli/officer_options.h"
#include "cli/progress_bar.h"
#include "cli/rollout_options.h"
#include "cli/subcommands.h"

#include "geo/core/cancel.h"
#include "geo/core/errors.h"
#include "geo/model/plan_inputs.h"
#include "geo/store/store_location.h"
#include "ui/planner/run.h"

#include <memory>

namespace cli {

namespace {

struct ViewCommand {
    SourceOptions source;
    PlanOptions plan;
    ui::ViewerOptions viewer;
    MeasureOptions measures;
    RolloutOptions rollout;
    std::string size = "1600x1000";
    std::string store;
};

void parse_size(const std::string& size, ui::ViewerOptions& viewer) {
    const auto x = size.find('x');
    try {
        if (x == std::string::npos) throw std::invalid_argument(size);
        viewer.width = std::stoi(size.substr(0, x));
        viewer.height = std::stoi(size.substr(x + 1));
    } catch (const std::exception&) {
        throw geo::InputError("", "--size " + size, "expected WIDTHxHEIGHT", "e.g. --size 1600x1000");
    }
}

}  // namespace

void add_view(CLI::App& app, const CommonOptions& common, int& result) {
    auto options = std::make_shared<ViewCommand>();
    CLI::App* command = app.add_subcommand("view", "The planner window: group wards into command units on a live map");
    add_source_options(*command, options->source);
    add_plan_options(*command, options->plan, false);
    auto* group = command->add_option_group("Window");
    group->add_option("--replay", options->viewer.replay, "Replay planner actions from this file (move ward, move borough, undo, zoom to, save, screenshot, autosave, answer recover)");
    group->add_option("--screenshot", options->viewer.screenshot, "Save a PNG of the window when the replay is done (with --exit)");
    group->add_flag("--exit", options->viewer.exit_after, "Close the window when the replay is done (without --replay: once it has settled)");
    group->add_option("--bench-frames", options->viewer.bench_frames, "Time N frames of a scripted pan and zoom and 40 reassignments, print, close");
    group->add_option("--size", options->size, "Window size")->capture_default_str();
    group->add_option("--store", options->store,
                      "The team plan store for File > Open from store / Save to store, e.g. \"PG:dbname=plans host=gis.example\" "
                      "(default: $WARDMAP_STORE, else [store] connection in ~/.config/wardmap/settings.toml)");
    group->add_option("--screen-report", options->viewer.screen_report,
                      "After every frame, write where the wards and buttons are on screen and the input the window saw (JSON; for tests that click)");
    add_measure_options(*command, options->measures);
    add_generator_options(*command, options->rollout);
    command->callback([options, &common, &result] {
        ProgressBar progress(common.quiet);
        const geo::WardSet wards = load_sources(options->source, progress.callback());
        ui::ViewerOptions viewer = options->viewer;
        parse_size(options->size, viewer);
        // Only found, not connected to: the window connects when the planner asks (off the frame thread).
        const geo::store::StoreLocation store = geo::store::find_store(options->store);
        viewer.store = store.connection;
        viewer.store_from = store.from;
        viewer.boundary_path = options->source.sources.empty() ? bundled("shapes/london-wards-2014.gpkg") : options->source.sources.front();
        // The rules and tables `allocate` would read and the rollout `rollout` would make, kept
        // for the window to work out again after every edit. A table that cannot be read leaves
        // the window open and says so in its Officers panel.
        auto inputs = std::make_shared<const geo::PlanInputs>(geo::read_plan_inputs(options->measures, options->rollout, options->plan.plan));
        const std::string plan = options->plan.plan.empty() ? bundled("datasets/plans/mps-12-bcu-2018.csv") : options->plan.plan;
        const geo::CodeChanges changes =
            options->plan.code_changes.empty() ? geo::CodeChanges{} : geo::read_code_changes(options->plan.code_changes);
        geo::keep_running_on_interrupt();  // the window has its own close, which keeps the plan
        ui::run_planner(wards, ui::open_document(wards, plan, viewer.boundary_path, options->plan.columns, changes, std::move(inputs)), viewer);
        result = 0;
    });
}

}  // namespace cli
