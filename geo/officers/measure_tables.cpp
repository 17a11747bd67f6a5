#include "geo/officers/measure_tables.h"

#include "geo/core/errors.h"

#include <fmt/format.h>

namespace geo {

JoinedMeasures join_measure_tables(const WardSet& set, const Grouping& grouping, const std::vector<MeasureTable>& tables) {
    JoinedMeasures joined;
    for (const MeasureTable& table : tables) {
        if (table.name == "area") {
            joined.measures.push_back(area_measure(set));
            continue;
        }
        JoinResult join = join_by_code(set, grouping, table.values, table.fallback);
        if (table.borough_totals) fill_from_borough_totals(set, table.values, join);
        // A table none of whose rows is a ward of the plan is the wrong table (2014 codes on the 2022
        // wards): weighting by it would quietly drop the measure from every share.
        const std::size_t matched = join.by_code + join.by_fallback.size() + join.by_borough_share.size();
        if (join.considered > 0 && matched == 0)
            throw InputError(table.values.path, table.name,
                             fmt::format("none of the {} wards of the plan is in the table", join.considered),
                             "Its ward codes are of another ward set (the bundled tables have the 2014 codes): give --" + table.name +
                                 " FILE with these wards' codes, or match by name with --name-fallback.");
        joined.measures.push_back({table.name, fmt::format("{}: {}", table.values.path, table.values.measure), join.value_of_unit});
        joined.joins.push_back(std::move(join));
    }
    return joined;
}

}  // namespace geo
