#pragma once
// What the planner asks for, as plain data: panels, keys, the mouse and the replay file all
// produce these, and one place (apply_command) carries them out.
#include "geo/planner/edit.h"
#include "geo/rollout/phase.h"
#include "ui/planner/candidate_run.h"
#include "ui/map/colour_modes.h"

#include <optional>

#include <string>
#include <variant>
#include <vector>

namespace ui {

struct Undo {};
struct Redo {};
struct Save {};                 // to the current path; asks for one if there is none
struct SaveAs { std::string path; };
struct OpenPlan { std::string path; };
struct ExportPlan { std::string path; };
struct ZoomTo { std::string code; };  // a ward, borough or command-unit code, or "all"
struct FlyTo { geo::Extent extent; };
struct Screenshot {
    std::string path;
    std::vector<std::string> probes;  // ward codes whose screen point and colour are reported
};
struct Quit {};
struct Stroke { bool begin = true; };  // a paint drag or a colour-picker drag: its edits are one undo step
struct Show {  // replay: "panels off" or "labels off" for a screenshot of the map alone
    bool panels = true, labels = true;
};


struct ColourBy { ColourMode mode = ColourMode::units; };
struct Timeline { std::optional<geo::Date> date; };  // nullopt: every ward as planned, none greyed
struct Autosave {};  // replay: write the autosave now, as the window does every few seconds
struct AnswerRecovery {  // replay: the recovery question's answer, as its buttons give it
    bool recover = true;    // false: discard the autosave
};
struct CompareWith {  // Compare with…: a plan file, PLAN@N (a version it keeps), a CSV table; "" the plan as saved
    std::string path;
};
struct ClearComparison {};
struct ExportMap {                                     // a briefing map, as `wardmap render` draws it
    std::string path;
    std::string theme = "bcu";
};

// The Candidates panel: a search in the background, its Cancel, a candidate shown on the map
// (without changing the plan) and a candidate made the plan being edited (one undo step).
struct GenerateCandidates { CandidateRequest request; };
struct CancelCandidates {};
struct WaitForCandidates {};  // replay: the frame waits for the search to end
struct PreviewCandidate {
    std::optional<CandidateRun::Pick> pick;  // nullopt: the plan's own colours again
};
struct AdoptCandidate { CandidateRun::Pick pick; };

// The team plan store (ui/planner/store_work.h): the File menu's dialogs and the replay give these.
struct ListStore {};
struct OpenFromStore {
    std::string plan;
    std::optional<int> version;  // none: the current one
};
struct SaveToStore {  // empty: the document's name, author (else $USER) and status
    std::string plan, author, status;
};
struct AnswerOvertaken {  // someone saved first: merge my moves on top of theirs, or keep both
    bool merge = true;
};

using Command = std::variant<geo::Edit, Undo, Redo, Save, SaveAs, OpenPlan, ExportPlan, ZoomTo, FlyTo, Screenshot, Quit, Stroke, Show,
                             ColourBy, Timeline, ExportMap, Autosave, AnswerRecovery,
                             ListStore, OpenFromStore, SaveToStore, AnswerOvertaken, CompareWith, ClearComparison,
                             GenerateCandidates, CancelCandidates, WaitForCandidates, PreviewCandidate, AdoptCandidate>;

}  // namespace ui
