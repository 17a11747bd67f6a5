#include "geo/officers/measure_tables.h"

#include <fmt/format.h>

namespace geo {

JoinedMeasures join_measure_tables(const UnitSet& set, const Grouping& grouping, const std::vector<MeasureTable>& tables) {
    JoinedMeasures joined;
    for (const MeasureTable& table : tables) {
        if (table.name == "area") {
            joined.measures.push_back(area_measure(set));
            continue;
        }
        JoinResult join = join_by_code(set, grouping, table.values, table.fallback);
        if (table.borough_totals) fill_from_borough_totals(set, table.values, join);
        joined.measures.push_back({table.name, fmt::format("{}: {}", table.values.path, table.values.measure), join.value_of_unit});
        joined.joins.push_back(std::move(join));
    }
    return joined;
}

}  // namespace geo
