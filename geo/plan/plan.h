#pragma once
// A plan: which command unit each unit (ward) or parent (borough) belongs to. Plans key on codes
// (GSS codes such as E09000007); names are labels, because names change between ward sets.
#include "geo/plan/csv_table.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo {

struct CommandUnit {
    std::string code, name, colour, phase;
    bool locked = false;  // the planner cannot move wards into or out of a locked unit
};

struct PlanRow {
    std::string key;        // a unit code or a parent code
    std::string unit_code;  // empty: the plan leaves this area out on purpose
    std::string note;       // the row's unit name when it is left out (e.g. "City of London Police")
    std::size_t line = 0;
};

struct Plan {
    std::string name;  // file stem unless the table says otherwise
    std::string path;
    std::vector<CommandUnit> units;
    std::vector<PlanRow> rows;

    const CommandUnit* unit(const std::string& code) const;
};

// Which table columns hold what; empty means guess from common names.
struct PlanColumns {
    std::string key, unit_code, unit_name, colour, phase;
};

// Throws InputError naming the file and line: missing columns, duplicate keys, a unit code with
// two names, a colour that is not #RRGGBB.
Plan read_plan(const std::string& path, const PlanColumns& columns = {});
Plan plan_from_table(const CsvTable& table, const PlanColumns& columns);

// Old code -> new code, for boundary files older than a lookup table (ONS 2012-2013 changes).
using CodeChanges = std::map<std::string, std::string>;
CodeChanges read_code_changes(const std::string& path);

}  // namespace geo
