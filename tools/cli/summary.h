#pragma once
// What subcommands print: a readable summary, or the same facts as JSON with --json.
#include "geo/plan/apply.h"
#include "geo/validate/validate.h"

#include <nlohmann/json.hpp>

#include <iosfwd>

namespace cli {

// What loading the sources and dissolving the parents and groups found (repairs, duplicate codes,
// gaps, ...): every command that loads boundaries reports it, or a planner would never hear of it.
geo::HygieneReport plan_hygiene(const geo::UnitSet& set, const geo::AppliedPlan& applied);

nlohmann::json sources_json(const geo::UnitSet& set);
nlohmann::json hygiene_json(const geo::HygieneReport& report);
nlohmann::json dissolved_json(const geo::UnitSet& set, const geo::DissolveResult& result);
nlohmann::json plan_json(const geo::UnitSet& set, const geo::AppliedPlan& applied);
nlohmann::json findings_json(const geo::ValidationReport& report);

void print_sources(std::ostream& out, const geo::UnitSet& set);
void print_hygiene(std::ostream& out, const geo::HygieneReport& report, std::size_t most = 20);
void print_dissolved(std::ostream& out, const geo::DissolveResult& result, const char* what);
void print_plan(std::ostream& out, const geo::UnitSet& set, const geo::AppliedPlan& applied);
void print_findings(std::ostream& out, const geo::ValidationReport& report);

}  // namespace cli
