#include "geo/store/pg_connection.h"

#include "geo/core/errors.h"
#include "geo/gdal/connection.h"

#include <algorithm>
#include <cstdlib>
#include <regex>

namespace geo::store {

std::string libpq_conninfo(const std::string& connection) {
    std::string text = gdal::is_postgres(connection) ? connection.substr(3) : connection;
    static const std::regex gdal_keys(R"((^|\s+)(tables|schemas|active_schema|list_all_tables)\s*=\s*('[^']*'|\S*))",
                                      std::regex::icase);
    text = std::regex_replace(text, gdal_keys, "");
    return text.substr(std::min(text.size(), text.find_first_not_of(' ')));
}

PgConnection::PgConnection(const std::string& connection) : shown_(gdal::redacted(connection)) {
    // A server that does not answer is said within seconds, not libpq's default of waiting for ever
    // (the planner window waits on it). First, so that a connect_timeout given wins; and not over
    // PGCONNECT_TIMEOUT, which a conninfo key would override.
    const char* timeout = std::getenv("PGCONNECT_TIMEOUT");
    const std::string conninfo = (timeout && *timeout ? "" : "connect_timeout=5 ") + libpq_conninfo(connection);
    connection_ = PQconnectdb(conninfo.c_str());
    if (!connection_ || PQstatus(connection_) != CONNECTION_OK) {
        const std::string why = gdal::one_line(connection_ ? PQerrorMessage(connection_) : "out of memory");
        PQfinish(connection_);
        connection_ = nullptr;
        throw InputError(shown_, "--store", "cannot connect to the plan store: " + why,
                         "Check dbname, host, port and user (a password goes in ~/.pgpass or PGPASSWORD, not on the "
                         "command line) and that the server is running; `psql \"" + libpq_conninfo(shown_) +
                             "\"` shows the same.");
    }
    // Plans are text in UTF-8 whatever the server's default.
    PQsetClientEncoding(connection_, "UTF8");
    exec("SET client_min_messages = warning");
}

PgConnection::~PgConnection() { PQfinish(connection_); }

Result PgConnection::exec(const std::string& sql, const std::vector<Parameter>& parameters) {
    std::vector<const char*> values;
    for (const Parameter& parameter : parameters) values.push_back(parameter ? parameter->c_str() : nullptr);
    Result result(PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                               nullptr, 0));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
    const char* state = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
    const std::string why = gdal::one_line(result ? PQresultErrorMessage(result.get()) : PQerrorMessage(connection_));
    const std::string code = state ? state : "";
    if (code == "23505" || code == "40001" || code == "40P01") throw StoreConflict(why);
    std::string fix = "Check that the user may create and write tables in the schema wardmap (an administrator can run "
                      "CREATE SCHEMA wardmap AUTHORIZATION <user>).";
    if (code == "42883" || why.find("geometry") != std::string::npos)
        fix = "The plan store needs PostGIS in that database: CREATE EXTENSION postgis;";
    throw OutputError(shown_ + ": the plan store: " + why + (code.empty() ? "" : " (SQLSTATE " + code + ")") + "\n  " + fix);
}

std::string value(const Result& result, int row, int column) {
    return PQgetisnull(result.get(), row, column) ? std::string() : std::string(PQgetvalue(result.get(), row, column));
}

bool is_null(const Result& result, int row, int column) { return PQgetisnull(result.get(), row, column) != 0; }

}  // namespace geo::store
