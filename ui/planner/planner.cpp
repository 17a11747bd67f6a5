#include "ui/planner/planner.h"

#include "geo/core/errors.h"
#include "geo/export/plan_output.h"
#include "render/style/style_colours.h"
#include "ui/planner/export_map.h"

#include <fmt/format.h>

#include <type_traits>

namespace ui {

namespace {

void after_edit(Planner& planner, const geo::EditOutcome& outcome, const std::string& done) {
    planner.refused = outcome.applied ? "" : outcome.refused.empty() ? "nothing to change" : outcome.refused;
    if (!outcome.applied) {
        planner.status = planner.refused;
        return;
    }
    planner.map.sync(*planner.document.session, outcome);
    planner.status = done;
    if (!outcome.locked_wards.empty())
        planner.status += " (" + std::to_string(outcome.locked_wards.size()) + " ward(s) in locked units stayed)";
}

// The `export` subcommand's writer on the shapes the session holds; the planner typed the path
// and confirmed it.
void export_to(Planner& planner, const std::string& path) {
    geo::PlanOutput output;
    output.path = path;
    output.overwrite = true;
    const geo::AppliedPlan& applied = applied_plan(planner);
    output.colours = render::style_colours(planner.wards, applied.grouping);  // the colours on screen
    const geo::WrittenOutput written = geo::write_plan(planner.wards, applied, output);
    const std::string renamed = written.renamed_note();
    planner.status = written.summary() + (renamed.empty() ? "" : "; " + renamed);
}

void run(Planner& planner, const Command& command) {
    geo::PlanSession& session = *planner.document.session;
    std::visit(
        [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, geo::Edit>) {
                const bool was_read_only = planner.document.read_only() || !planner.document.integrity_problem.empty();
                const geo::EditOutcome outcome = session.apply(c);
                // A signed-off plan is never edited in place: the edit starts a new draft version.
                if (outcome.applied && was_read_only) make_new_draft(planner.document);
                after_edit(planner, outcome, geo::describe(c, planner.wards));
                if (outcome.applied && was_read_only)
                    planner.status += " (a new draft version of the signed-off plan: save it with Save as)";
            } else if constexpr (std::is_same_v<T, Undo>) {
                const std::string label = session.undo_label();
                after_edit(planner, session.undo(), "Undone: " + label);
            } else if constexpr (std::is_same_v<T, Redo>) {
                const std::string label = session.redo_label();
                after_edit(planner, session.redo(), "Redone: " + label);
            } else if constexpr (std::is_same_v<T, Save>) {
                if (planner.document.path.empty()) throw geo::OutputError("this plan has no file yet: use Save as");
                save_document(planner.wards, planner.document, planner.document.path);
                planner.status = "Saved " + planner.document.path;
            } else if constexpr (std::is_same_v<T, SaveAs>) {
                save_document(planner.wards, planner.document, c.path);
                planner.status = "Saved " + c.path;
            } else if constexpr (std::is_same_v<T, OpenPlan>) {
                replace_document(planner, open_document(planner.wards, c.path, planner.boundary_path, {}, {}, planner.document.inputs));
                planner.status = "Opened " + c.path;
            } else if constexpr (std::is_same_v<T, ExportPlan>) {
                export_to(planner, c.path);
            } else if constexpr (std::is_same_v<T, ZoomTo>) {
                const geo::Extent extent = extent_of(planner, c.code);
                if (extent.empty) throw geo::InputError("", "zoom to " + c.code, "no ward, borough or command unit has this code", "");
                planner.view.fit(extent);
                planner.flying_to.reset();
            } else if constexpr (std::is_same_v<T, FlyTo>) {
                MapView target = planner.view;
                target.fit(c.extent, 0.25);
                planner.flying_to = target;
            } else if constexpr (std::is_same_v<T, Stroke>) {
                if (c.begin) session.begin_stroke();
                else session.end_stroke();
            } else if constexpr (std::is_same_v<T, Show>) {
                planner.show = c;
            } else if constexpr (std::is_same_v<T, ColourBy>) {
                planner.colour_mode = c.mode;
                planner.colours_dirty = true;
            } else if constexpr (std::is_same_v<T, Timeline>) {
                planner.timeline = c.date;
                planner.colours_dirty = true;
            } else if constexpr (std::is_same_v<T, ExportMap>) {
                planner.status = export_map(planner, c.path, c.theme);
            } else if constexpr (std::is_same_v<T, CompareWith>) {
                planner.comparison = open_comparison(planner.wards, planner.document, c.path);
                planner.status = "Comparing with " + planner.comparison->label;
            } else if constexpr (std::is_same_v<T, ClearComparison>) {
                planner.comparison.reset();
                planner.status = "Comparison cleared";
            } else if constexpr (std::is_same_v<T, Quit>) {
                planner.quit = true;
            } else if constexpr (std::is_same_v<T, Autosave>) {
                planner.status = autosave(planner.wards, planner.document) ? "Autosaved" : "Nothing new to autosave";
            } else if constexpr (std::is_same_v<T, GenerateCandidates>) {
                const std::shared_ptr<const geo::PlanScorer> scorer = session.scorer();
                if (!scorer) {
                    const std::string why = session.figures().scores_error;
                    throw geo::InputError("", "candidates", "plans cannot be scored here" + (why.empty() ? std::string() : ": " + why),
                                          "Candidates are scored as `wardmap score` scores a plan: give the planner officer rules and a reference plan.");
                }
                planner.candidates.start(scorer, c.request);
                planner.colours_dirty = true;
                planner.status = "Generating candidates...";
            } else if constexpr (std::is_same_v<T, CancelCandidates>) {
                planner.candidates.cancel();
                planner.status = "Cancelling the candidate search...";
            } else if constexpr (std::is_same_v<T, WaitForCandidates>) {
                planner.candidates.wait();
            } else if constexpr (std::is_same_v<T, PreviewCandidate>) {
                if (c.pick && !planner.candidates.candidate(*c.pick)) throw geo::InputError("", "preview", "there is no such candidate", "Generate candidates first.");
                planner.candidates.preview = c.pick;
                ++planner.candidates.preview_serial;
                planner.colours_dirty = true;
            } else if constexpr (std::is_same_v<T, AdoptCandidate>) {
                const geo::Candidate* candidate = planner.candidates.candidate(c.pick);
                if (!candidate) throw geo::InputError("", "use candidate", "there is no such candidate", "Generate candidates first.");
                const std::string label = fmt::format("Use candidate ranked {}{}", candidate->rank, c.pick.list == CandidateList::pareto ? " (Pareto front)" : "");
                const geo::Edit edit = adopt_edit(*candidate, label);
                planner.candidates.preview.reset();
                ++planner.candidates.preview_serial;
                run(planner, edit);
            } else if constexpr (std::is_same_v<T, ListStore>) {
                start_listing(planner.store);
            } else if constexpr (std::is_same_v<T, OpenFromStore>) {
                start_open(planner.store, c.plan, c.version);
            } else if constexpr (std::is_same_v<T, SaveToStore>) {
                start_save(planner.store, planner.wards, planner.document, c.plan, c.author, c.status);
            } else if constexpr (std::is_same_v<T, AnswerOvertaken>) {
                if (!planner.store.overtaken)
                    throw geo::InputError("", "answer", "no save to the store was overtaken",
                                          "The window asks Merge or Keep both when someone saved the plan before you.");
                if (c.merge) start_merge(planner.store, planner.wards);
                else planner.status = keep_both(planner.store);
            } else if constexpr (std::is_same_v<T, AnswerRecovery>) {
                // The frame hands an answer to the question when it is on screen: here there is none.
                throw geo::InputError("", "answer", "no recovery question is open",
                                      "The window asks it at start, when the plan has an autosave newer than itself.");
            }
            // Screenshot needs the drawn frame: the frame loop takes it.
        },
        command);
}

// Errors from files and the store become `error`, shown in a dialog.
template <typename Work>
void guarded(Planner& planner, Work work) {
    try {
        work();
    } catch (const geo::Error& error) {
        planner.error = error.what();
    } catch (const std::exception& error) {  // a bug, not a crash: say so and carry on
        planner.error = std::string("Unexpected error: ") + error.what();
    }
}

}  // namespace

void apply_command(Planner& planner, const Command& command) {
    guarded(planner, [&] { run(planner, command); });
    if (planner.store.synchronous) finish_store(planner);
}

void finish_store(Planner& planner, bool wait) {
    guarded(planner, [&] {
        std::optional<StoreFinished> finished = finish_store_work(planner.store, planner.wards, planner.document, wait);
        if (!finished) return;
        if (finished->document) replace_document(planner, std::move(*finished->document));
        planner.status = finished->status;
    });
}

geo::LatestFigures shown_figures(const Planner& planner) {
    const geo::PlanSession& session = *planner.document.session;
    if (planner.wait_for_figures) return {&session.figures(), session.revision(), true};
    return session.latest_figures();
}

geo::Extent extent_of(const Planner& planner, const std::string& code) {
    geo::Extent extent;
    if (code == "all") return planner.wards.extent;
    const geo::PlanSession& session = *planner.document.session;
    const int unit = session.assignment().find(code);
    if (unit >= 0 && session.shape(static_cast<std::size_t>(unit)))
        return geo::geos::envelope(*session.shape(static_cast<std::size_t>(unit)));
    for (std::size_t i = 0; i < planner.wards.units.size(); ++i) {
        const geo::Ward& ward = planner.wards.units[i];
        if (ward.code == code || ward.parent_code == code) extent.include(planner.map.index().envelope(i));
    }
    return extent;
}

void replace_document(Planner& planner, Document document) {
    // Another plan: "the saved plan" compared with would be the old one's. A recovered autosave is
    // the same plan: the comparison stays, worked out again for it.
    if (document.source != planner.document.source) planner.comparison.reset();
    else if (planner.comparison) planner.comparison->worked_out = false;
    planner.document = std::move(document);
    planner.colours_dirty = true;
    planner.map.sync_all(*planner.document.session);
    const auto& units = planner.document.session->assignment().units;
    if (planner.document.session->assignment().find(planner.active_unit) < 0)
        planner.active_unit = units.empty() ? "" : units.front().code;
}

}  // namespace ui
