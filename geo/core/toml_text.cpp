#include "geo/core/toml_text.h"

#include "geo/core/errors.h"

#include <cmath>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <string_view>

namespace geo {
namespace {

struct Refusal {
    std::size_t line;
    std::string problem;
};

// Length of the UTF-8 sequence at text[i], or 0 when it is not one (overlong forms, surrogates
// and code points past U+10FFFF included).
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    const unsigned c = byte(0);
    const auto follows = [&](std::size_t k) { return (byte(k) & 0xC0u) == 0x80u; };
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return follows(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned c1 = byte(1);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return 0;
        return follows(1) && follows(2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned c1 = byte(1);
        if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return 0;
        return follows(1) && follows(2) && follows(3) ? 4 : 0;
    }
    return 0;
}

bool starts_key(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '"' ||
           c == '\'';
}

// A cheap scan for what must not reach the parser. It follows quotes, comments, brackets and
// where a value starts as TOML does; where it and the parser could disagree, it refuses more, never
// less (the parser would refuse such a text anyway). What it refuses: bytes that are not UTF-8;
// control characters; outside quotes and comments, any character past ASCII (TOML 1.0 allows them
// nowhere else, and the parser's test for Unicode blanks reaches __builtin_unreachable() on most of
// them); a table header whose name does not start right after its brackets; mismatched brackets.
std::optional<Refusal> unsafe_for_parser(std::string_view text) {
    // bare: a value that is no string, array or table (a number, date, true): the parser reads it
    // up to a blank, bracket, comma or #, quotes included.
    enum class In { nothing, bare, comment, basic, literal, multi_basic, multi_literal } in = In::nothing;
    std::size_t line = 1;
    std::string open;           // [ and { open in values: a [ at the start of a line inside them is no header
    bool line_start = true;     // only blanks so far on this line
    bool value_next = false;    // after '=', or where an array takes its next element
    std::size_t bare_start = 0;
    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a byte-order mark, which the parser skips
    const auto at = [&](std::size_t k) { return k < text.size() ? text[k] : '\0'; };
    const auto triple = [&](std::size_t k, char q) { return at(k) == q && at(k + 1) == q && at(k + 2) == q; };
    while (i < text.size()) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) {
            const std::size_t length = utf8_length(text, i);
            if (length == 0) return Refusal{line, "the file is not UTF-8 text"};
            if (in == In::nothing || in == In::bare)
                return Refusal{line, fmt::format("'{}' outside quotes: TOML allows such characters only in \"quoted text\" "
                                                 "and # comments",
                                                 text.substr(i, length))};
            i += length;
            continue;
        }
        if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F)
            return Refusal{line, fmt::format("a control character (byte {:#04x})", static_cast<unsigned>(byte))};
        if (c == '\n') {
            ++line;
            // A single-line string never spans lines: the parser refuses it; scanning on as
            // outside quotes only refuses more.
            if (in != In::multi_basic && in != In::multi_literal) {
                in = In::nothing;
                line_start = true;
                value_next = !open.empty() && open.back() == '[' && value_next;
            }
            ++i;
            continue;
        }
        if (in == In::bare) {
            const auto ends_value = [](char e) {
                return e == ' ' || e == '\t' || e == '\r' || e == '\n' || e == ',' || e == ']' || e == '}' || e == '#';
            };
            // A date, a blank and a digit: the parser reads on as a date and time, and must find more
            // than one digit of the time. It takes the value for a date without its underscores
            // ("7__///-13-27" is ten characters so), so they are left out here too.
            if (c == ' ' && at(i + 1) >= '0' && at(i + 1) <= '9') {
                std::string value;
                for (std::size_t k = bare_start; k < i && value.size() <= 10; ++k)
                    if (text[k] != '_') value += text[k];
                if (value.size() == 10 && value[4] == '-' && value[7] == '-') {
                    if (ends_value(at(i + 2))) return Refusal{line, "a time of one digit after a date"};
                    i += 2;
                    continue;
                }
            }
            if (ends_value(c)) in = In::nothing;
            else {
                ++i;
                continue;
            }
        }
        if ((in == In::basic || in == In::multi_basic) && c == '\\') {
            // The parser tests what follows a backslash for blanks (a line-ending backslash).
            std::size_t next = i + 1;
            while (at(next) == ' ' || at(next) == '\t') ++next;
            if (static_cast<unsigned char>(at(next)) >= 0x80) return Refusal{line, "a backslash before a character it cannot escape"};
            // A line-ending backslash: the parser skips blanks and line ends after it, testing each
            // character for a blank, which reaches __builtin_unreachable() on some letters (U+FE7F).
            if (at(next) == '\n' || at(next) == '\r') {
                while (at(next) == ' ' || at(next) == '\t' || at(next) == '\n' || at(next) == '\r') ++next;
                if (static_cast<unsigned char>(at(next)) >= 0x80)
                    return Refusal{line, "a line-ending backslash before a line that starts with a letter other than A-Z"};
            }
        }
        switch (in) {
            case In::bare:
            case In::comment: break;
            case In::basic:
                if (c == '\\' && (at(i + 1) == '"' || at(i + 1) == '\\')) ++i;
                else if (c == '"') in = In::nothing;
                break;
            case In::literal:
                if (c == '\'') in = In::nothing;
                break;
            case In::multi_basic:
            case In::multi_literal: {
                const char quote = in == In::multi_basic ? '"' : '\'';
                if (in == In::multi_basic && c == '\\' && at(i + 1) != '\n' && static_cast<unsigned char>(at(i + 1)) < 0x80) ++i;
                else if (triple(i, quote)) {
                    // Up to two more quotes belong to the text ("""a""""" is a"").
                    i += 2;
                    for (int extra = 0; extra < 2 && at(i + 1) == quote; ++extra) ++i;
                    in = In::nothing;
                }
                break;
            }
            case In::nothing: {
                const bool value_here = value_next;
                // A comment keeps the value awaited: in an array the next line's value is still one.
                if (c != ' ' && c != '\t' && c != '\r' && c != '#') value_next = false;
                if (c == '#') in = In::comment;
                else if (c == '"' || c == '\'') {
                    if (triple(i, c)) {
                        in = c == '"' ? In::multi_basic : In::multi_literal;
                        i += 2;
                    } else in = c == '"' ? In::basic : In::literal;
                } else if (c == '=') value_next = true;
                else if (c == '[' && line_start && open.empty()) {
                    std::size_t name = i + 1;
                    if (at(name) == '[') ++name;
                    while (at(name) == ' ' || at(name) == '\t') ++name;
                    if (!starts_key(at(name))) return Refusal{line, "a table header with no name"};
                } else if (c == '[' || c == '{') {
                    open += c;
                    value_next = c == '[';
                } else if (c == ']' || c == '}') {
                    // The parser takes a } where an array expects a value as the start of one.
                    if (!open.empty() && (c == ']') != (open.back() == '['))
                        return Refusal{line, fmt::format("'{}' closes a '{}'", c, open.back())};
                    if (!open.empty()) open.pop_back();
                } else if (c == ',') value_next = !open.empty() && open.back() == '[';
                else if (value_here && c != ' ' && c != '\t' && c != '\r') {
                    in = In::bare;
                    bare_start = i;
                }
                if (c != ' ' && c != '\t') line_start = false;
                break;
            }
        }
        ++i;
    }
    return std::nullopt;
}

[[noreturn]] void refuse_number(const toml::node& node, const std::string& path, const std::string& key,
                                const std::string& problem, const std::string& example) {
    throw InputError(path, fmt::format("{} ({})", key, line_of(node)), problem, example);
}

}  // namespace

toml::table parse_toml(const std::string& text, const std::string& path, const std::string& fix) {
    if (const auto refusal = unsafe_for_parser(text))
        throw InputError(path, fmt::format("line {}", refusal->line), refusal->problem, fix);
    try {
        return toml::parse(std::string_view(text), std::string_view(path));
    } catch (const toml::parse_error& error) {
        throw InputError(path, fmt::format("line {}", error.source().begin.line), std::string(error.description()), fix);
    }
}

std::string line_of(const toml::node& node) { return fmt::format("line {}", node.source().begin.line); }

std::int64_t whole_number(const toml::node& node, const std::string& path, const std::string& key, std::int64_t min,
                          std::int64_t max, const std::string& what, const std::string& example) {
    const std::string range = fmt::format("expected a whole number from {} to {} ({})", min, max, what);
    if (const auto* integer = node.as_integer()) {
        const std::int64_t value = integer->get();
        if (value < min || value > max) refuse_number(node, path, key, fmt::format("{} is out of range: {}", value, range), example);
        return value;
    }
    // 2.0 is taken as 2; 2.5, nan and inf are not whole numbers.
    if (const auto* real = node.as_floating_point()) {
        const double value = real->get();
        if (std::isfinite(value) && value == std::floor(value) && value >= static_cast<double>(min) && value <= static_cast<double>(max))
            return static_cast<std::int64_t>(value);
        refuse_number(node, path, key, fmt::format("{} is not allowed: {}", value, range), example);
    }
    refuse_number(node, path, key, range, example);
}

double real_number(const toml::node& node, const std::string& path, const std::string& key, double min, double max,
                   const std::string& what, const std::string& example) {
    const std::string range = fmt::format("expected a number from {:g} to {:g} ({})", min, max, what);
    std::optional<double> value;
    if (const auto* real = node.as_floating_point()) value = real->get();
    else if (const auto* integer = node.as_integer()) value = static_cast<double>(integer->get());
    if (!value) refuse_number(node, path, key, range, example);
    if (!std::isfinite(*value) || *value < min || *value > max)
        refuse_number(node, path, key, fmt::format("{} is not allowed: {}", *value, range), example);
    return *value;
}

}  // namespace geo
