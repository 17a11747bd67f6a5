#include "geo/compare/ward_figures.h"

namespace geo {

WardFigures ward_figures(const WardSet& wards, const std::vector<MeasureTable>& tables) {
    Grouping everyone;  // one group of every ward: each is joined
    everyone.groups.push_back({"*", "all wards", "", ""});
    everyone.group_of_unit.assign(wards.units.size(), 0);
    WardFigures figures;
    for (const MeasureTable& table : tables) {
        if (table.name != "crime" && table.name != "population") continue;
        const JoinedMeasures joined = join_measure_tables(wards, everyone, {table});
        (table.name == "crime" ? figures.crime : figures.population) = joined.measures.front().of_unit;
    }
    const Measure area = area_measure(wards);
    for (const auto& value : area.of_unit) figures.area_km2.push_back(value.value_or(0));
    return figures;
}

std::vector<std::string> figure_measures(const MeasureChoice& choice, const OfficerRules& rules) {
    std::vector<std::string> names;
    for (const std::string name : {"crime", "population"}) {
        const std::string& given = name == "crime" ? choice.crime : choice.population;
        const auto named = rules.measures.find(name);
        if (!given.empty() || (named != rules.measures.end() && !named->second.file.empty())) names.push_back(name);
    }
    return names;
}

}  // namespace geo
