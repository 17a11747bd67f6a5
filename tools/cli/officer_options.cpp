#include "cli/officer_options.h"

#include "geo/core/errors.h"
#include "geo/export/format.h"
#include "geo/export/write.h"

#include <filesystem>
#include <fmt/ostream.h>
#include <ostream>

namespace cli {
namespace {

constexpr const char* bundled_rules_file = "datasets/officers/mps-2018.toml";

// A path in the rules file is relative to the rules file.
std::string beside(const std::string& rules_path, const std::string& file) {
    const std::filesystem::path path(file);
    return path.is_absolute() ? file : (std::filesystem::path(rules_path).parent_path() / path).lexically_normal().string();
}

geo::MeasureSource source_for(const std::string& name, const MeasureOptions& o, const geo::OfficerRules* rules) {
    geo::MeasureSource source;
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
        throw geo::InputError(rules ? rules->path : "", name, "the " + name + " figures are needed but no table was given",
                              "Give --" + name + " FILE (e.g. ../shared/data/london/" +
                                  (name == "crime" ? "mps-ward-crime-2017-03-to-2019-02.csv" : name == "population" ? "ward-profiles-2015.csv" : "ward-2014-ptai-2015.csv") +
                                  ") or [measure." + name + "] file = ... in the rules.");
    return source;
}

geo::WardValues read_measure(const std::string& name, const geo::MeasureSource& source) {
    if (name != "crime") return geo::read_ward_column(source.file, {"", source.column, ""});
    geo::CrimeSelection selection;
    selection.categories = source.categories;
    if (!source.months.empty()) {
        const auto dash = source.months.find('-');
        selection.first_month = source.months.substr(0, dash);
        selection.last_month = dash == std::string::npos ? selection.first_month : source.months.substr(dash + 1);
    }
    return geo::read_crime(source.file, selection);
}

}  // namespace

void add_measure_options(CLI::App& command, MeasureOptions& o) {
    auto* group = command.add_option_group("Officers and ward tables");
    group->add_option("--rules", o.rules, "Officer rules (TOML); default: PLAN.officers.toml beside --plan, else bundled datasets/officers/mps-2018.toml");
    group->add_option("--crime", o.crime, "MPS ward crime table (MajorText, WardCode, one column per month YYYYMM)");
    group->add_option("--months", o.months, "Months of the crime table to add up: YYYYMM-YYYYMM (default: all)");
    group->add_option("--categories", o.categories, "Crime MajorText categories to count (default: all)")->delimiter(',');
    group->add_option("--population", o.population, "Ward table with a population column (e.g. GLA ward profiles)");
    group->add_option("--population-column", o.population_column, "Its column (default: Population - 2015)");
    group->add_option("--access", o.access, "Ward table of public transport access (e.g. PTAI)");
    group->add_option("--access-column", o.access_column, "Its column (default: AvPTAI2015)");
    group->add_flag("--borough-totals", o.borough_totals, "Population wards still without a value share their borough's total row (GLA profiles), reported");
    group->add_flag("--name-fallback", o.name_fallback, "Wards whose code is not in a table: match by ward name within the borough, reported");
}

geo::OfficerRules read_rules_option(const MeasureOptions& o, const std::string& plan_path) {
    if (!o.rules.empty()) return geo::read_rules(o.rules);
    if (!plan_path.empty()) {
        const std::filesystem::path plan(plan_path);
        const std::filesystem::path beside_plan = plan.parent_path() / (plan.stem().string() + ".officers.toml");
        if (std::filesystem::exists(beside_plan)) return geo::read_rules(beside_plan.string());
    }
    return geo::read_rules(bundled(bundled_rules_file));
}

bool bundled_rules(const geo::OfficerRules& rules) { return rules.path == bundled(bundled_rules_file); }

std::vector<geo::MeasureTable> read_measure_tables(const MeasureOptions& o, const geo::OfficerRules* rules,
                                                   const std::vector<std::string>& names) {
    std::vector<geo::MeasureTable> tables;
    for (const std::string& name : names) {
        if (name == "equal") continue;
        if (name == "area") {
            tables.push_back({name, {}, geo::JoinFallback::none});
            continue;
        }
        const geo::MeasureSource source = source_for(name, o, rules);
        tables.push_back({name, read_measure(name, source),
                          source.name_fallback ? geo::JoinFallback::name_and_borough : geo::JoinFallback::none,
                          source.borough_totals});
    }
    return tables;
}

JoinedMeasures join_measures(const geo::UnitSet& set, const geo::Grouping& grouping, const MeasureOptions& o,
                             const geo::OfficerRules* rules, const std::vector<std::string>& names) {
    return geo::join_measure_tables(set, grouping, read_measure_tables(o, rules, names));
}

nlohmann::json joins_json(const geo::UnitSet& set, const std::vector<geo::JoinResult>& joins) {
    nlohmann::json out = nlohmann::json::array();
    for (const geo::JoinResult& join : joins) {
        nlohmann::json item{{"file", join.path}, {"measure", join.measure}, {"wards", join.considered}, {"by_code", join.by_code},
                            {"by_name", join.by_fallback.size()}, {"non_ward_rows", join.non_ward_rows}, {"without_value", join.without_value}};
        item["unmatched_wards"] = nlohmann::json::array();
        for (std::size_t u : join.unmatched_units) item["unmatched_wards"].push_back(set.units[u].where());
        item["unmatched_table_codes"] = join.unmatched_codes;
        item["borough_share"] = nlohmann::json::array();
        for (std::size_t u : join.by_borough_share) item["borough_share"].push_back(set.units[u].where());
        item["matched_by_name"] = nlohmann::json::array();
        for (const auto& match : join.by_fallback) item["matched_by_name"].push_back(set.units[match.unit].where() + " <- " + match.table_code);
        out.push_back(std::move(item));
    }
    return out;
}

void print_joins(std::ostream& out, const geo::UnitSet& set, const std::vector<geo::JoinResult>& joins) {
    auto listed = [](const std::vector<std::string>& items) {
        std::string text;
        for (std::size_t i = 0; i < std::min<std::size_t>(items.size(), 10); ++i) text += (i ? ", " : "") + items[i];
        return items.size() > 10 ? fmt::format("{}, ... ({} more; --json lists all)", text, items.size() - 10) : text;
    };
    for (const geo::JoinResult& join : joins) {
        fmt::print(out, "{}: {}\n  {} of {} wards matched by code", join.path, join.measure, join.by_code, join.considered);
        if (!join.by_fallback.empty()) fmt::print(out, ", {} by ward name and borough", join.by_fallback.size());
        if (!join.by_borough_share.empty()) fmt::print(out, ", {} given a share of their borough's total", join.by_borough_share.size());
        fmt::print(out, "\n");
        std::vector<std::string> wards;
        for (std::size_t u : join.unmatched_units) wards.push_back(set.units[u].where());
        if (!wards.empty())
            fmt::print(out, "  {} ward(s) with no value{}: {}\n", wards.size(),
                       join.by_fallback.empty() ? " (--name-fallback tries ward name and borough)" : "", listed(wards));
        if (!join.unmatched_codes.empty())
            fmt::print(out, "  {} ward code(s) of the table matched no ward: {}\n", join.unmatched_codes.size(), listed(join.unmatched_codes));
        if (join.non_ward_rows > 0) fmt::print(out, "  {} row(s) not of wards (boroughs, London, ...) ignored\n", join.non_ward_rows);
        if (!join.without_value.empty())
            fmt::print(out, "  {} row(s) with no number: {}\n", join.without_value.size(), listed(join.without_value));
    }
}

std::string write_table(const geo::OutputLayer& table, const geo::Crs& working, const std::string& path, bool overwrite) {
    geo::WriteOptions write;
    write.path = path;
    write.format = &geo::format_info(geo::Format::csv);
    write.overwrite = overwrite;
    geo::write_layers({table}, working, write);
    return fmt::format("wrote {} ({} rows)", path, table.features.size());
}

}  // namespace cli
