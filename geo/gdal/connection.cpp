#include "geo/gdal/connection.h"

#include <regex>

namespace geo::gdal {

bool is_connection_string(const std::string& text) {
    static const std::regex prefix("^[A-Za-z][A-Za-z0-9_]+:");
    return std::regex_search(text, prefix);
}

bool is_postgres(const std::string& text) {
    return text.size() >= 3 && (text[0] == 'P' || text[0] == 'p') && (text[1] == 'G' || text[1] == 'g') && text[2] == ':';
}

std::string redacted(const std::string& text) {
    // libpq's keyword=value form: the value runs to the next space, or is quoted ('...').
    static const std::regex password(R"((password\s*=\s*)('(\\.|[^'])*'|\S+))", std::regex::icase);
    return std::regex_replace(text, password, "$1***");
}

std::string one_line(std::string message) {
    static const std::regex noise(R"(PQconnectdb failed\.\s*)");
    static const std::regex breaks(R"(\s*\n\s*)");
    message = std::regex_replace(std::regex_replace(message, noise, ""), breaks, "; ");
    while (!message.empty() && (message.back() == ' ' || message.back() == ';')) message.pop_back();
    return message;
}

}  // namespace geo::gdal
