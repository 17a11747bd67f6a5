#include "cli/officer_options.h"

#include "geo/core/errors.h"
#include "geo/export/format.h"
#include "geo/export/write.h"

#include <fmt/ostream.h>
#include <ostream>

namespace cli {

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

nlohmann::json joins_json(const geo::WardSet& set, const std::vector<geo::JoinResult>& joins) {
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

void print_joins(std::ostream& out, const geo::WardSet& set, const std::vector<geo::JoinResult>& joins) {
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

geo::WrittenOutput write_table(const geo::OutputLayer& table, const geo::Crs& working, const std::string& path, bool overwrite) {
    geo::WriteOptions write;
    write.path = path;
    write.format = &geo::format_info(geo::Format::csv);
    write.overwrite = overwrite;
    geo::write_layers({table}, working, write);
    geo::WrittenOutput written;
    written.path = path;
    written.format = write.format->name;
    written.crs = "no geometry";
    written.layers.push_back({table.name, table.features.size()});
    return written;
}

}  // namespace cli
