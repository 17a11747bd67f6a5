#pragma once
// What subcommands print: a readable summary, or the same facts as JSON with --json.
#include "geo/export/plan_output.h"
#include "geo/plan/apply.h"
#include "geo/validate/validate.h"

#include <nlohmann/json.hpp>

#include <iosfwd>

namespace cli {

// What loading the sources and dissolving the parents and groups found (repairs, duplicate codes,
// gaps, ...): every command that loads boundaries reports it, or a planner would never hear of it.
geo::HygieneReport plan_hygiene(const geo::WardSet& set, const geo::AppliedPlan& applied);

// Every JSON document wardmap prints carries this as "schema_version": raised when a key changes
// meaning or goes away (new keys do not raise it), so that scripts can check what they read.
inline constexpr int json_schema_version = 1;
// Prints the document on stdout with "schema_version" first.
void print_json(const nlohmann::json& document);

// An output written: {"path", "format", "crs" ("EPSG:27700"; null without geometry), "layers": [{"name", "features"}], "renamed": [{"layer", "from", "to"}]}.
nlohmann::json written_json(const geo::WrittenOutput& written);
// The "wrote ..." line on the report; fields the format renamed are a note on stderr, which -q keeps.
void print_written(std::ostream& report, const geo::WrittenOutput& written);
void note_renamed(const geo::WrittenOutput& written);

nlohmann::json sources_json(const geo::WardSet& set);
nlohmann::json hygiene_json(const geo::HygieneReport& report);
nlohmann::json dissolved_json(const geo::WardSet& set, const geo::DissolveResult& result);
nlohmann::json plan_json(const geo::WardSet& set, const geo::AppliedPlan& applied);
nlohmann::json findings_json(const geo::ValidationReport& report);
// Validation, allocation and rollout findings alike: severity, kind, code, message, codes, location.
nlohmann::json findings_json(const std::vector<geo::Finding>& findings);

void print_sources(std::ostream& out, const geo::WardSet& set);
void print_hygiene(std::ostream& out, const geo::HygieneReport& report, std::size_t most = 20);
void print_dissolved(std::ostream& out, const geo::DissolveResult& result, const char* what);
void print_plan(std::ostream& out, const geo::WardSet& set, const geo::AppliedPlan& applied);
void print_findings(std::ostream& out, const geo::ValidationReport& report);

}  // namespace cli
