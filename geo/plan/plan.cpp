#include "geo/plan/plan.h"

#include "geo/core/errors.h"
#include "geo/core/wording.h"

#include <filesystem>
#include <fmt/format.h>
#include <algorithm>
#include <unordered_map>

namespace geo {
namespace {

std::optional<std::size_t> pick(const CsvTable& table, const std::string& chosen, const char* option,
                                std::initializer_list<std::string_view> guesses) {
    if (!chosen.empty()) {
        if (auto column = table.column(chosen)) return column;
        throw InputError(table.path, std::string(option) + " " + chosen, "no such column",
                         "Columns here: " + table.header_list());
    }
    return table.find_column(guesses);
}

[[noreturn]] void missing(const CsvTable& table, const char* what, const char* option) {
    std::string hint = "Columns here: " + table.header_list() + ". Name the column with " + option + ".";
    if (table.header.size() == 1)
        hint += " Only one column was found: is the table separated by something other than , ; tab or |?";
    throw InputError(table.path, "header", std::string("no column for the ") + what, hint);
}

}  // namespace

const CommandUnit* Plan::unit(const std::string& code) const {
    for (const CommandUnit& u : units)
        if (u.code == code) return &u;
    return nullptr;
}

Plan plan_from_table(const CsvTable& table, const PlanColumns& columns) {
    const auto key = pick(table, columns.key, "--plan-key",
                          {"CODE", "KEY", "AREA_CODE", "PARENT_CODE", "BOROUGH_CODE", "WARD_CODE", "LAD##CD",
                           "WD##CD", "LSOA##CD", "GSS_CODE"});
    const auto unit_code = pick(table, columns.unit_code, "--plan-unit",
                                {"UNIT_CODE", "COMMAND_UNIT_CODE", "COMMAND_UNIT", "BCU_CODE", "BCU", "PFA##CD"});
    const auto unit_name = pick(table, columns.unit_name, "--plan-unit-name",
                                {"UNIT_NAME", "COMMAND_UNIT_NAME", "BCU_NAME", "PFA##NM"});
    const auto colour = pick(table, columns.colour, "--plan-colour", {"COLOUR", "COLOR"});
    const auto phase = pick(table, columns.phase, "--plan-phase", {"PHASE"});
    if (!key) missing(table, "unit or parent code (e.g. code)", "--plan-key");
    if (!unit_code) missing(table, "command unit code (e.g. unit_code)", "--plan-unit");

    Plan plan;
    plan.path = table.path;
    plan.name = std::filesystem::path(table.path).stem().string();
    std::unordered_map<std::string, std::size_t> key_line, unit_index;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const std::size_t line = table.lines[r];
        const std::string where = fmt::format("line {}", line);
        PlanRow entry{row[*key], row[*unit_code], unit_name ? row[*unit_name] : "", line};
        if (entry.key.empty()) throw InputError(table.path, where, "the code is empty", "Every row needs a code.");
        if (auto [it, added] = key_line.try_emplace(entry.key, line); !added)
            throw InputError(table.path, where, fmt::format("{} is listed twice (first on line {})", entry.key, it->second),
                             "Keep one row per code.");
        if (entry.unit_code == "-") entry.unit_code.clear();
        if (!entry.unit_code.empty()) {
            CommandUnit unit{entry.unit_code, unit_name ? row[*unit_name] : "", colour ? row[*colour] : "",
                             phase ? row[*phase] : ""};
            if (!unit.colour.empty() && !is_colour(unit.colour))
                throw InputError(table.path, where, "colour " + unit.colour + " is not of the form #RRGGBB",
                                 "Write colours as hex, e.g. #1f77b4.");
            auto [it, added] = unit_index.try_emplace(unit.code, plan.units.size());
            if (added) {
                plan.units.push_back(unit);
            } else {
                CommandUnit& known = plan.units[it->second];
                if (!unit.name.empty() && !known.name.empty() && known.name != unit.name)
                    throw InputError(table.path, where,
                                     fmt::format("command unit {} is named '{}' here but '{}' earlier", unit.code,
                                                 unit.name, known.name),
                                     "Give each command unit one name.");
                if (known.name.empty()) known.name = unit.name;  // named on a later row only
                if (known.colour.empty()) known.colour = unit.colour;
                if (known.phase.empty()) known.phase = unit.phase;
            }
            entry.note.clear();
        }
        plan.rows.push_back(std::move(entry));
    }
    if (plan.rows.empty()) throw InputError(table.path, "", "the plan has no rows", "Add one row per borough or ward.");
    for (CommandUnit& unit : plan.units)
        if (unit.name.empty()) unit.name = unit.code;
    return plan;
}

Plan read_plan(const std::string& path, const PlanColumns& columns) { return plan_from_table(read_csv(path), columns); }

CodeChanges read_code_changes(const std::string& path) {
    const CsvTable table = read_csv(path);
    const auto old_code = table.find_column({"OLD_CODE", "OLD", "FROM"});
    const auto new_code = table.find_column({"NEW_CODE", "NEW", "TO"});
    if (!old_code || !new_code)
        throw InputError(path, "header", "needs columns old_code and new_code", "Columns here: " + table.header_list());
    CodeChanges changes;
    for (const auto& row : table.rows) changes[row[*old_code]] = row[*new_code];
    return changes;
}

}  // namespace geo
