#pragma once
// The planner's plan as the exports and briefing maps read it, and File > Export map…: the same
// render::render_briefing that `wardmap render` calls, on the plan being edited (not a screenshot).
#include "ui/planner/planner.h"

#include <string>

namespace ui {

// The session's command units and boroughs, named as the document: the shapes the session holds,
// not dissolved again.
geo::AppliedPlan applied_plan(const Planner& planner);

// Writes a briefing map (.pdf, .svg or .png from the path; theme bcu, phase, or a field), replacing
// the file: the planner typed the path. Returns the status line. Throws geo::Error.
std::string export_map(const Planner& planner, const std::string& path, const std::string& theme);

}  // namespace ui
