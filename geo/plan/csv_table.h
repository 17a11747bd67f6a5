#pragma once
// A small, strict CSV reader for plan and lookup tables: RFC 4180 quoting, a byte-order mark
// skipped, the delimiter detected (, ; tab |), and every fault reported with its line.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

struct CsvTable {
    std::string path;
    char delimiter = ',';
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;  // file line where each row starts

    // Column by name, ignoring case; nullopt if absent.
    std::optional<std::size_t> column(const std::string& name) const;
    // The first column whose name matches one of the patterns (geo/core/name_pattern.h).
    std::optional<std::size_t> find_column(std::initializer_list<std::string_view> patterns) const;
    std::string header_list() const;
};

// Throws InputError: unreadable, empty, not UTF-8, unterminated quote, a row with more or fewer
// fields than the header.
CsvTable read_csv(const std::string& path);
CsvTable parse_csv(const std::string& text, const std::string& path);

}  // namespace geo
