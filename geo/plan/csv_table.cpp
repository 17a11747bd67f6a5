#include "geo/plan/csv_table.h"

#include "geo/core/errors.h"
#include "geo/core/name_pattern.h"
#include "geo/core/read_text.h"

#include <algorithm>
#include <fmt/format.h>

namespace geo {
namespace {

// The first invalid UTF-8 byte, if any.
std::optional<std::size_t> invalid_utf8(const std::string& text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = bytes[i];
        const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (extra < 0) return i;
        for (int k = 1; k <= extra; ++k)
            if (i + k >= text.size() || (bytes[i + k] & 0xC0) != 0x80) return i;
        i += extra + 1;
    }
    return std::nullopt;
}

char detect_delimiter(const std::string& text) {
    const std::string first = text.substr(0, text.find('\n'));
    char best = ',';
    std::size_t most = 0;
    for (char candidate : {',', ';', '\t', '|'}) {
        bool quoted = false;
        std::size_t count = 0;
        for (char c : first) {
            if (c == '"') quoted = !quoted;
            else if (c == candidate && !quoted) ++count;
        }
        if (count > most) most = count, best = candidate;
    }
    return best;
}

std::string trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

// Values (rows times columns) of one table. A plan or lookup table has a row per ward or district
// (the largest here, 22,438 rows of 30); 64 MiB of empty fields would take ~3 GB as strings.
constexpr std::size_t max_values = 5'000'000;

}  // namespace

std::optional<std::size_t> CsvTable::column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (upper(header[i]) == upper(name)) return i;
    return std::nullopt;
}

std::optional<std::size_t> CsvTable::find_column(std::initializer_list<std::string_view> patterns) const {
    for (std::string_view pattern : patterns)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (name_matches(header[i], pattern)) return i;
    return std::nullopt;
}

std::string CsvTable::header_list() const {
    std::string list;
    for (const auto& name : header) list += (list.empty() ? "" : ", ") + name;
    return list;
}

CsvTable parse_csv(const std::string& raw, const std::string& path) {
    std::string text = raw.rfind("\xEF\xBB\xBF", 0) == 0 ? raw.substr(3) : raw;
    if (auto bad = invalid_utf8(text)) {
        const std::size_t line = 1 + std::count(text.begin(), text.begin() + *bad, '\n');
        throw InputError(path, fmt::format("line {}", line),
                         fmt::format("the file is not UTF-8 text (byte 0x{:02X})", static_cast<unsigned char>(text[*bad])),
                         "Save the table as UTF-8 (CSV UTF-8 in a spreadsheet program).");
    }
    CsvTable table;
    table.path = path;
    table.delimiter = detect_delimiter(text);
    std::vector<std::string> record;
    std::string field;
    // Whether `field` is only blanks so far, kept as it grows: trimming the field at every quote
    // made a line of `" " " "...` quadratic (800 KB took minutes).
    bool field_blank = true;
    auto append = [&](char c) {
        field += c;
        field_blank = field_blank && (c == ' ' || c == '\t' || c == '\r');
    };
    std::size_t line = 1, record_line = 1;
    auto next_field = [&] {
        if (record.size() == max_values)
            throw InputError(path, fmt::format("line {}", record_line),
                             fmt::format("more than {} fields on one line, the most wardmap reads in a table", max_values),
                             "A plan or lookup table has a few columns: check that this is the right file.");
        record.push_back(trim(field));
        field.clear();
        field_blank = true;
    };
    bool quoted = false, any = false;
    auto end_record = [&] {
        next_field();
        const bool blank = record.size() == 1 && record[0].empty();
        if (!blank) {
            if (table.header.empty()) {
                table.header = std::move(record);
            } else {
                if (record.size() != table.header.size())
                    throw InputError(path, fmt::format("line {}", record_line),
                                     fmt::format("{} fields where the header has {} ({})", record.size(),
                                                 table.header.size(), table.header_list()),
                                     "Check the delimiter and quoting on that line.");
                if ((table.rows.size() + 1) * table.header.size() > max_values)
                    throw InputError(path, fmt::format("line {}", record_line),
                                     fmt::format("more than {} values ({} rows of {} columns), the most wardmap reads in a table",
                                                 max_values, table.rows.size() + 1, table.header.size()),
                                     "A plan or lookup table has one row per ward or district: check that this is the right file.");
                table.rows.push_back(std::move(record));
                table.lines.push_back(record_line);
            }
        }
        record.clear();
        any = false;
        record_line = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') append('"'), ++i;
            else if (c == '"') quoted = false;
            else append(c);
            if (c == '\n') ++line;
        } else if (c == '"' && field_blank) {
            quoted = true, any = true;
        } else if (c == table.delimiter) {
            next_field(), any = true;
        } else if (c == '\n') {
            ++line;
            end_record();
        } else if (c != '\r') {
            append(c), any = true;
        }
    }
    if (quoted)
        throw InputError(path, fmt::format("line {}", record_line), "a quoted field is never closed",
                         "Add the closing double quote.");
    if (any || !field.empty() || !record.empty()) end_record();
    if (table.header.empty()) throw InputError(path, "", "the table is empty", "Give a CSV table with a header row.");
    return table;
}

CsvTable read_csv(const std::string& path) {
    return parse_csv(read_text(path, "the table", "Check the path and that the file is readable."), path);
}

}  // namespace geo
