#include "ui/planner/run.h"

#include "geo/core/errors.h"
#include "ui/app/back_buffer.h"
#include "ui/app/env_flag.h"
#include "ui/app/screenshot.h"
#include "ui/app/window.h"
#include "ui/planner/bench.h"
#include "ui/planner/frame.h"
#include "ui/planner/replay.h"
#include "ui/planner/screen_report.h"
#include "render/gl/gl.h"

#include <GLFW/glfw3.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <deque>

namespace ui {

namespace {

constexpr auto autosave_every = std::chrono::seconds(5);

// The Candidates panel's state as the test reads it: the search's end, its rows, the plan's
// percentiles, and how the window kept up while it ran.
nlohmann::json candidates_report(const Planner& planner) {
    const CandidateRun& run = planner.candidates;
    nlohmann::json out = {{"running", run.running()},
                          {"stage", run.stage()},
                          {"fraction", run.fraction()},
                          {"cancelled", run.cancelled()},
                          {"error", run.error()},
                          {"seconds", run.seconds()},
                          {"cancel_ms", run.cancel_ms()},
                          {"frames_while_running", run.frames_while_running()},
                          {"slowest_frame_ms", run.slowest_frame_ms()},
                          {"mean_frame_ms", run.mean_frame_ms()},
                          {"previewing", run.preview.has_value()}};
    if (!run.result()) return out;
    const geo::CandidateSearch& search = *run.result();
    out["valid"] = search.valid;
    out["scored"] = search.scored;
    out["exhaustive"] = search.exhaustive;
    out["summary"] = search_summary(search);
    out["explanation"] = search.explanation;
    for (const CandidateList list : {CandidateList::best, CandidateList::pareto}) {
        nlohmann::json rows = nlohmann::json::array();
        for (const CandidateRow& row : candidate_rows(search, list))
            rows.push_back({{"rank", row.rank}, {"pareto", row.pareto}, {"workload_ratio", row.workload_ratio}, {"differs", row.differs}});
        out[list == CandidateList::best ? "best" : "pareto"] = rows;
    }
    const geo::PlanFigures& figures = planner.document.session->figures();
    if (figures.scores) {
        nlohmann::json percentiles;
        const std::vector<double> values = percentiles_among_scored(search, *figures.scores);
        for (std::size_t c = 0; c < values.size(); ++c) percentiles[geo::score_columns()[c].key] = values[c];
        out["percentiles"] = percentiles;
    }
    return out;
}

// The screenshot, the question on screen if any, and for each probe ward where its label point is
// on screen and what colour is there, as one JSON line on stdout: what the GUI test checks.
void take_screenshot(const Planner& planner, const PanelStates& panels, const Screenshot& shot) {
    const Pixels pixels = read_framebuffer(planner.view.width, planner.view.height);
    write_png(shot.path, pixels);
    nlohmann::json report = {{"screenshot", shot.path}, {"width", pixels.width}, {"height", pixels.height}, {"question", panels.question}};
    report["wards"] = nlohmann::json::array();
    const geo::Assignment& assignment = planner.document.session->assignment();
    for (const std::string& code : shot.probes) {
        for (std::size_t i = 0; i < planner.wards.units.size(); ++i) {
            if (planner.wards.units[i].code != code) continue;
            const ScreenPoint p = planner.view.to_screen(world(planner.map.index().label_point(i)));
            const int unit = assignment.unit_of[i];
            report["wards"].push_back({{"code", code},
                                       {"x", p.x},
                                       {"y", p.y},
                                       {"unit", unit >= 0 ? assignment.units[static_cast<std::size_t>(unit)].code : ""},
                                       {"unit_colour", colour_hex(planner.map.unit_colour(*planner.document.session, unit))},
                                       {"colour", colour_hex(planner.map.ward_colours().at(i))}});
        }
    }
    // How long the last recompute of officers and rollout took: the cost of an edit beyond the map.
    const geo::PlanFigures& figures = planner.document.session->figures();
    report["allocation_ms"] = figures.allocation_ms;
    report["rollout_ms"] = figures.rollout_ms;
    // The plan's scores as the Statistics panel shows them: a test compares them with `wardmap score`.
    if (figures.scores) {
        nlohmann::json scores;
        for (const geo::ScoreColumn& column : geo::score_columns()) scores[column.key] = column.of(*figures.scores);
        report["scores"] = scores;
        report["scores_ms"] = figures.scores_ms;
    } else if (!figures.scores_error.empty()) {
        report["scores_error"] = figures.scores_error;
    }
    report["candidates"] = candidates_report(planner);
    // Dissolves so far in this process: exports and briefing maps reuse the session's shapes.
    report["dissolves"] = geo::dissolve_calls();
    std::printf("%s\n", report.dump().c_str());
    std::fflush(stdout);
}

class Replay {
public:
    Replay(std::vector<ReplayStep> steps) : steps_(steps.begin(), steps.end()) {}
    bool done() const { return steps_.empty() && wait_ == 0; }
    // The command of this frame, if one is due.
    std::optional<ReplayStep> next() {
        if (wait_ > 0) return --wait_, std::nullopt;
        if (steps_.empty()) return std::nullopt;
        ReplayStep step = std::move(steps_.front());
        steps_.pop_front();
        wait_ = step.wait_frames;
        return step;
    }

private:
    std::deque<ReplayStep> steps_;
    int wait_ = 1;  // one frame first, so the panels have their size
};

void check_replay_step(Planner& planner, const ReplayStep& step, const std::string& path) {
    if (std::holds_alternative<geo::Edit>(step.command) && !planner.refused.empty()) planner.error = "refused: " + planner.refused;
    if (planner.error.empty()) return;
    const std::string error = std::exchange(planner.error, "");
    throw geo::InputError(path, "line " + std::to_string(step.line), error, "The replay stops at the first failing action.");
}

void frame_size(const Window& window, Planner& planner) {
    window.framebuffer_size(planner.view.width, planner.view.height);
}

}  // namespace

void run_planner(const geo::WardSet& wards, Document document, const ViewerOptions& options) {
    GlfwLibrary glfw;
    Window window(options.width, options.height, document.title());
    BackBuffer back_buffer(window.get());
    ImGuiBinding imgui(window);
    FrameDamage damage;
    Planner planner(wards, options.boundary_path, std::move(document));
    planner.store.connection = options.store;
    planner.store.from = options.store_from;
    planner.map.sync_all(*planner.document.session);
    const auto& units = planner.document.session->assignment().units;
    planner.active_unit = units.empty() ? "" : units.front().code;
    frame_size(window, planner);
    planner.view.inset_left = panel_width + 16, planner.view.inset_top = 24, planner.view.inset_bottom = bottom_height;
    planner.view.inset_right = panel_width + 16;  // the officers and rollout column
    planner.view.fit(wards.extent);
    PanelStates panels;
    if (options.bench_frames > 0) {
        run_bench(planner, options.bench_frames, [&] {
            glfwPollEvents();
            frame_size(window, planner);
            imgui.new_frame();
            build_frame(planner, panels, {});
            draw_frame(planner, panels, imgui, damage, back_buffer.age());
            glFinish();  // the software renderer's work counts too
            back_buffer.swap();
        });
        // Whether the figures above are of frames composed only where they changed.
        std::printf("%ld of %ld frames composed over the frame before (the back buffer kept; WARDMAP_FULL_FRAMES=1: none)\n",
                    back_buffer.frames_over_kept(), back_buffer.frames_begun());
        return;
    }

    const bool scripted = !options.replay.empty();
    // A script or a picture of the start shows each frame's officers and rollout of the plan as it
    // is; an interactive window shows the newest and takes the current ones when they are ready.
    planner.wait_for_figures = scripted || !options.screenshot.empty();
    planner.store.synchronous = scripted;  // a replay's next step sees what the store did
    Replay replay(scripted ? read_replay(options.replay, wards) : std::vector<ReplayStep>{});
    panels.mouse = !scripted;
    // Asked in a replay too: a replay after a crash sees what the planner would, and answers it.
    panels.autosave = recoverable_autosave(planner.document);
    panels.recovering = !panels.autosave.empty();
    auto last_autosave = std::chrono::steady_clock::now();
    std::optional<ScreenReport> report;
    if (!options.screen_report.empty()) report.emplace(options.screen_report);
    std::string title;
    std::optional<FrameCheck> check;
    if (env_flag("WARDMAP_CHECK_FRAMES")) check.emplace();
    constexpr int settle_frames = 2;
    auto frame_began = std::chrono::steady_clock::now();
    int frames_drawn = 0;
    for (;;) {
        glfwPollEvents();
        if (glfwWindowShouldClose(window.get())) {
            glfwSetWindowShouldClose(window.get(), GLFW_FALSE);
            planner.quit = true;
        }
        frame_size(window, planner);
        imgui.new_frame();
        // ImGui sizes a table's columns from what the frame before drew: the first frames only settle.
        if (frames_drawn <= settle_frames) ++frames_drawn;  // counts only as far as it needs to
        const bool settled = frames_drawn > settle_frames;
        std::optional<ReplayStep> step = scripted && settled ? replay.next() : std::nullopt;
        std::vector<Command> commands;
        if (step && !std::holds_alternative<Screenshot>(step->command)) commands.push_back(step->command);
        build_frame(planner, panels, std::move(commands));
        if (step) check_replay_step(planner, *step, options.replay);
        draw_frame(planner, panels, imgui, damage, back_buffer.age());
        if (check) check->check(planner, imgui, damage);
        if (step && std::holds_alternative<Screenshot>(step->command)) take_screenshot(planner, panels, std::get<Screenshot>(step->command));
        // Without a replay, --exit closes the window as soon as it has settled: a picture of the start.
        const bool finished = settled && options.exit_after && (!scripted || replay.done());
        if (finished && !options.screenshot.empty()) take_screenshot(planner, panels, Screenshot{options.screenshot, {}});
        back_buffer.swap();
        if (const std::string now = planner.document.title(); now != title) glfwSetWindowTitle(window.get(), (title = now).c_str());
        // After the swap and the title: what the report says is on screen is.
        if (report) report->after_frame(planner, panels, settled, check ? &*check : nullptr);
        const auto frame_ended = std::chrono::steady_clock::now();
        planner.candidates.note_frame(std::chrono::duration<double, std::milli>(frame_ended - frame_began).count());
        frame_began = frame_ended;
        const bool closing = panels.close_now && (panels.discarded || !planner.document.modified());
        if (check && (finished || closing)) std::printf("%s\n", check->report().c_str()), std::fflush(stdout);
        if (finished) return;
        if (closing) break;
        // Not while the recovery question is open: the autosave it offers must not be written over.
        if (!scripted && !panels.recovering && std::chrono::steady_clock::now() - last_autosave > autosave_every) {
            last_autosave = std::chrono::steady_clock::now();
            try {
                if (autosave(wards, planner.document)) planner.status = "Autosaved";
            } catch (const geo::Error& error) {
                planner.status = std::string("Autosave failed: ") + error.what();
            }
        }
    }
    // An autosave not yet recovered or discarded stays for the next start.
    if (!planner.document.modified() && !panels.recovering) discard_autosave(planner.document);
}

}  // namespace ui
