#include "geo/officers/inputs.h"

#include "geo/core/bundled.h"
#include "geo/core/errors.h"

#include <filesystem>

namespace geo {
namespace {

constexpr const char* bundled_rules_file = "datasets/officers/mps-2018.toml";

// A path in the rules file is relative to the rules file.
std::string beside(const std::string& rules_path, const std::string& file) {
    const std::filesystem::path path(file);
    return path.is_absolute() ? file : (std::filesystem::path(rules_path).parent_path() / path).lexically_normal().string();
}

MeasureSource source_for(const std::string& name, const MeasureChoice& o, const OfficerRules* rules) {
    MeasureSource source;
    if (rules)
        if (const auto found = rules->measures.find(name); found != rules->measures.end()) {
            source = found->second;
            if (!source.file.empty()) source.file = beside(rules->path, source.file);
        }
    const std::string& given = name == "crime" ? o.crime : name == "population" ? o.population : o.access;
    if (!given.empty()) source.file = given;
    if (name == "crime") {
        if (!o.months.empty()) source.months = o.months;
        if (!o.categories.empty()) source.categories = o.categories;
    }
    const std::string& column = name == "population" ? o.population_column : name == "access" ? o.access_column : std::string();
    if (!column.empty()) source.column = column;
    if (source.column.empty()) source.column = name == "population" ? "Population - 2015" : "AvPTAI2015";
    source.name_fallback = source.name_fallback || o.name_fallback;
    if (name == "population") source.borough_totals = source.borough_totals || o.borough_totals;
    if (source.file.empty())
        throw InputError(rules ? rules->path : "", name, "the " + name + " figures are needed but no table was given",
                         "Give --" + name + " FILE (e.g. ../shared/data/london/" +
                             (name == "crime" ? "mps-ward-crime-2017-03-to-2019-02.csv" : name == "population" ? "ward-profiles-2015.csv" : "ward-2014-ptai-2015.csv") +
                             ") or [measure." + name + "] file = ... in the rules.");
    return source;
}

WardValues read_measure(const std::string& name, const MeasureSource& source) {
    if (name != "crime") return read_ward_column(source.file, {"", source.column, ""});
    CrimeSelection selection;
    selection.categories = source.categories;
    if (!source.months.empty()) {
        const auto dash = source.months.find('-');
        selection.first_month = source.months.substr(0, dash);
        selection.last_month = dash == std::string::npos ? selection.first_month : source.months.substr(dash + 1);
    }
    return read_crime(source.file, selection);
}

}  // namespace

OfficerRules read_rules_for(const MeasureChoice& o, const std::string& plan_path) {
    if (!o.rules.empty()) return read_rules(o.rules);
    if (!plan_path.empty()) {
        const std::filesystem::path plan(plan_path);
        const std::filesystem::path beside_plan = plan.parent_path() / (plan.stem().string() + ".officers.toml");
        if (std::filesystem::exists(beside_plan)) return read_rules(beside_plan.string());
    }
    return read_rules(bundled(bundled_rules_file));
}

bool bundled_rules(const OfficerRules& rules) { return rules.path == bundled(bundled_rules_file); }

std::vector<MeasureTable> read_measure_tables(const MeasureChoice& o, const OfficerRules* rules, const std::vector<std::string>& names) {
    std::vector<MeasureTable> tables;
    for (const std::string& name : names) {
        if (name == "equal") continue;
        if (name == "area") {
            tables.push_back({name, {}, JoinFallback::none});
            continue;
        }
        const MeasureSource source = source_for(name, o, rules);
        tables.push_back({name, read_measure(name, source), source.name_fallback ? JoinFallback::name_and_borough : JoinFallback::none,
                          source.borough_totals});
    }
    return tables;
}

}  // namespace geo
