#pragma once
// Keeps the officers, the rollout and the map's fills in step with the plan, the colour mode and
// the timeline. Called once a frame after the commands; cheap when nothing changed. No ImGui here.
#include "ui/planner/planner.h"

namespace ui {

void sync_overlays(Planner& planner);

}  // namespace ui
