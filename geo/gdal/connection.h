#pragma once
// GDAL opens more than files: database connection strings (`PG:dbname=... tables=wards`,
// `MySQL:...`, `MSSQL:...`) and URLs. These are told apart from file names here, once, for the
// sources that are read and the outputs that are written.
#include <string>

namespace geo::gdal {

// `PREFIX:...` with a prefix of two or more letters (a one-letter prefix is a Windows drive).
bool is_connection_string(const std::string& text);
// A PostgreSQL connection string as GDAL spells it: `PG:...` (any case).
bool is_postgres(const std::string& text);
// The text with any `password=...` replaced by `password=***`: connection strings are shown in
// messages and written into outputs' provenance, and a password belongs in ~/.pgpass instead.
std::string redacted(const std::string& text);
// What libpq says about a failed connection, on one line: "PQconnectdb failed." and line breaks dropped.
std::string one_line(std::string message);

}  // namespace geo::gdal
