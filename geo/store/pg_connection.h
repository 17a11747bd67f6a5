#pragma once
// One libpq connection, RAII, for the plan store: parameterised statements (values never pasted
// into SQL), and every failure an exception naming the server (without its password) and what to do.
#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geo::store {

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// NULL is std::nullopt.
using Parameter = std::optional<std::string>;

// SQLSTATE 23505 (a unique key) and 40001/40P01 (serialisation, deadlock): a concurrent writer.
class StoreConflict : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class PgConnection {
public:
    // `connection` as GDAL spells it ("PG:dbname=plans host=gis.example"); GDAL's own keys
    // (tables=, schemas=, active_schema=) are dropped. Throws InputError when it cannot connect.
    explicit PgConnection(const std::string& connection);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Runs one statement; throws OutputError (StoreConflict for SQLSTATE 23505/40001/40P01).
    Result exec(const std::string& sql, const std::vector<Parameter>& parameters = {});
    const std::string& shown() const noexcept { return shown_; }

private:
    PGconn* connection_ = nullptr;
    std::string shown_;  // the connection string without its password, for messages
};

// The libpq form of a GDAL connection string: "PG:" and GDAL's own keys removed.
std::string libpq_conninfo(const std::string& connection);

// A value of a result: row r, column c; empty for NULL.
std::string value(const Result& result, int row, int column);
bool is_null(const Result& result, int row, int column);

}  // namespace geo::store
