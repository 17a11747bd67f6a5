// The plan table (CSV): any bytes are read into a plan or refused with an InputError.
#include "fuzz_support.h"
#include "geo/core/errors.h"
#include "geo/plan/plan.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const geo::CsvTable table = geo::parse_csv(fuzz::text_of(data, size), "plan.csv");
        fuzz::require(table.lines.size() == table.rows.size(), "one line number per row");
        for (const auto& row : table.rows) fuzz::require(row.size() == table.header.size(), "every row as wide as the header");
        const geo::Plan plan = geo::plan_from_table(table, {});
        for (const geo::PlanRow& row : plan.rows)
            fuzz::require(row.unit_code.empty() || plan.unit(row.unit_code), "every row's command unit is among the plan's units");
    } catch (const geo::InputError&) {
    }
    return 0;
}
