#include "geo/attributes/ward_values.h"

#include "geo/core/errors.h"
#include "geo/core/name_pattern.h"
#include "geo/plan/csv_table.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <map>
#include <optional>

namespace geo {
namespace {

std::size_t required(const CsvTable& table, const std::string& given, std::initializer_list<std::string_view> guesses,
                     const char* what) {
    const auto found = given.empty() ? table.find_column(guesses) : table.column(given);
    if (!found)
        throw InputError(table.path, "header", fmt::format("no {} column{}", what, given.empty() ? "" : " " + given),
                         "Columns: " + table.header_list());
    return *found;
}

std::optional<double> number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return std::nullopt;
    return value;
}

// A figure the officer pools or a rollout are weighted by: a share of a negative, infinite or NaN
// figure means nothing, and would turn every share of the pool into NaN. Refused where it stands.
double weight_figure(double value, const std::string& text, const CsvTable& table, std::size_t row, std::size_t column) {
    if (std::isfinite(value) && value >= 0) return value;
    throw InputError(table.path, fmt::format("line {}, column {}", table.lines[row], table.header[column]),
                     fmt::format("'{}' is not a figure the wards can be weighted by", text),
                     "Figures are numbers, 0 or more; leave the cell empty when a ward has none.");
}

bool is_month(const std::string& name) {
    return name.size() == 6 && name.find_first_not_of("0123456789") == std::string::npos;
}

// Month columns [first, last] of a crime table, checked against what the file has.
std::vector<std::size_t> month_columns(const CsvTable& table, const CrimeSelection& selection) {
    std::vector<std::size_t> months;
    for (std::size_t c = 0; c < table.header.size(); ++c)
        if (is_month(table.header[c])) months.push_back(c);
    if (months.empty()) throw InputError(table.path, "header", "no month columns (YYYYMM)", "Columns: " + table.header_list());
    const std::string have = table.header[months.front()] + "-" + table.header[months.back()];
    const std::string first = selection.first_month.empty() ? table.header[months.front()] : selection.first_month;
    const std::string last = selection.last_month.empty() ? table.header[months.back()] : selection.last_month;
    for (const std::string* month : {&first, &last})
        if (!table.column(*month))
            throw InputError(table.path, "months " + first + "-" + last, "month " + *month + " is not in the file",
                             "It has the months " + have + ".");
    std::vector<std::size_t> chosen;
    for (std::size_t c : months)
        if (table.header[c] >= first && table.header[c] <= last) chosen.push_back(c);
    if (chosen.empty()) throw InputError(table.path, "months " + first + "-" + last, "no month in that range", "It has the months " + have + ".");
    return chosen;
}

void check_categories(const CsvTable& table, std::size_t major, const std::vector<std::string>& categories) {
    std::map<std::string, std::string> present;
    for (const auto& row : table.rows) present.emplace(upper(row[major]), row[major]);
    for (const std::string& category : categories)
        if (!present.count(upper(category))) {
            std::string list;
            for (const auto& [key, spelling] : present) list += (list.empty() ? "" : "; ") + spelling;
            throw InputError(table.path, "category " + category, "no such MajorText category", "Categories: " + list + ".");
        }
}

std::string measure_of(const CsvTable& table, const std::vector<std::size_t>& months, const CrimeSelection& selection) {
    std::string categories;
    for (const auto& category : selection.categories) categories += (categories.empty() ? "" : ", ") + category;
    return fmt::format("crime {}-{} ({})", table.header[months.front()], table.header[months.back()],
                       categories.empty() ? "all categories" : categories);
}

}  // namespace

WardValues read_crime(const std::string& path, const CrimeSelection& selection) {
    const CsvTable table = read_csv(path);
    const std::size_t major = required(table, "", {"MajorText"}, "MajorText");
    const std::size_t code = required(table, "", {"WardCode"}, "WardCode");
    const std::size_t name = required(table, "", {"WardName"}, "WardName");
    const std::size_t borough = required(table, "", {"LookUp_BoroughName", "Borough*"}, "borough");
    const std::vector<std::size_t> months = month_columns(table, selection);
    check_categories(table, major, selection.categories);
    std::vector<std::string> wanted;
    for (const auto& category : selection.categories) wanted.push_back(upper(category));

    WardValues values{path, measure_of(table, months, selection), {}, {}};
    std::map<std::string, std::size_t> row_of_code;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        auto [at, added] = row_of_code.emplace(row[code], values.rows.size());
        // Every ward is kept, even one with no crime in the chosen categories: a real zero, not a gap.
        if (added) values.rows.push_back({row[code], row[name], row[borough], 0.0, table.lines[r]});
        if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), upper(row[major])) == wanted.end()) continue;
        for (std::size_t c : months) {
            const auto count = number(row[c]);
            if (!count)
                throw InputError(path, fmt::format("line {}, column {}", table.lines[r], table.header[c]),
                                 "not a number: '" + row[c] + "'", "Crime counts are whole numbers.");
            double& total = values.rows[at->second].value;
            total += weight_figure(*count, row[c], table, r, c);
            if (!std::isfinite(total))
                throw InputError(path, fmt::format("line {}, column {}", table.lines[r], table.header[c]),
                                 fmt::format("the crimes of ward {} add up past any number", row[code]), "Crime counts are whole numbers.");
        }
    }
    return values;
}

WardValues read_ward_column(const std::string& path, const ColumnChoice& columns) {
    const CsvTable table = read_csv(path);
    const std::size_t code = required(table, columns.code, {"Ward Code", "New code", "WardCode", "*##CD"}, "ward code");
    const std::size_t name = required(table, columns.name, {"Ward Name", "WardName", "*##NM"}, "ward name");
    if (columns.value.empty()) throw InputError(path, "", "no value column chosen", "Columns: " + table.header_list());
    const std::size_t value = required(table, columns.value, {}, "value");

    WardValues values{path, table.header[value], {}, {}};
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        std::string ward = row[name], borough;
        // GLA ward profiles name wards "Barking and Dagenham - Abbey".
        if (const auto dash = ward.find(" - "); dash != std::string::npos) {
            borough = ward.substr(0, dash);
            ward = ward.substr(dash + 3);
        }
        const auto number_read = number(row[value]);
        if (!number_read) {
            values.without_value.push_back(fmt::format("{} {} (line {})", row[code], ward, table.lines[r]));
            continue;
        }
        values.rows.push_back({row[code], ward, borough, weight_figure(*number_read, row[value], table, r, value), table.lines[r]});
    }
    return values;
}

}  // namespace geo
