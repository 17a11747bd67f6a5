#pragma once
// One number per ward code read from a public table: recorded crime summed over chosen months and
// categories, or one column of a profile or access table. Joining them to units is join.h's job.
#include <string>
#include <vector>

namespace geo {

struct WardValue {
    std::string code, name, borough;  // borough may be empty when the table has none
    double value = 0;
    std::size_t line = 0;
};

struct WardValues {
    std::string path;
    std::string measure;                    // "crime 201703-201902 (all categories)", "Population - 2015"
    std::vector<WardValue> rows;            // one per code, in file order
    std::vector<std::string> without_value; // "E05000026 Abbey (line 3)": empty or not a number, left out
};

// Which months (YYYYMM, inclusive; empty = the file's first / last) and major categories (MajorText,
// any case; empty = all) to add up. Throws InputError listing what the file has when a month or
// category is not in it.
struct CrimeSelection {
    std::string first_month, last_month;
    std::vector<std::string> categories;
};
WardValues read_crime(const std::string& path, const CrimeSelection& selection = {});

// Column names; empty ones are guessed ("Ward Code"/"New code"/"WardCode", "Ward Name"/"Ward name").
// A profile's "Borough - Ward" name is split into borough and ward name.
struct ColumnChoice {
    std::string code, value, name;
};
WardValues read_ward_column(const std::string& path, const ColumnChoice& columns);

}  // namespace geo
