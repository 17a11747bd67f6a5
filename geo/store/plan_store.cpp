#include "geo/store/plan_store.h"

#include "geo/core/errors.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace geo::store {
namespace {

// Made once per database, under a lock so that two first runs at once do not race.
const char* const schema[] = {
    "CREATE SCHEMA IF NOT EXISTS wardmap",
    R"(CREATE TABLE IF NOT EXISTS wardmap.plans (
         name text PRIMARY KEY,
         current_version integer NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()))",
    R"(CREATE TABLE IF NOT EXISTS wardmap.plan_versions (
         plan text NOT NULL REFERENCES wardmap.plans (name),
         version integer NOT NULL,
         parent integer,
         author text NOT NULL,
         saved_at timestamptz NOT NULL DEFAULT now(),
         status text NOT NULL,
         fingerprint text NOT NULL,
         wards integer NOT NULL,
         boundaries text NOT NULL,
         saved_over integer,
         plan_text text NOT NULL,
         PRIMARY KEY (plan, version),
         FOREIGN KEY (plan, parent) REFERENCES wardmap.plan_versions (plan, version)))",
    R"(CREATE TABLE IF NOT EXISTS wardmap.plan_command_units (
         plan text NOT NULL,
         version integer NOT NULL,
         code text NOT NULL,
         name text NOT NULL,
         colour text NOT NULL,
         wards integer NOT NULL,
         area_km2 double precision NOT NULL,
         geom geometry(MultiPolygon),
         PRIMARY KEY (plan, version, code),
         FOREIGN KEY (plan, version) REFERENCES wardmap.plan_versions (plan, version)))",
    R"(CREATE TABLE IF NOT EXISTS wardmap.plan_assignments (
         plan text NOT NULL,
         version integer NOT NULL,
         ward_code text NOT NULL,
         cu_code text NOT NULL,
         PRIMARY KEY (plan, version, ward_code),
         FOREIGN KEY (plan, version) REFERENCES wardmap.plan_versions (plan, version)))",
    // For QGIS: one geometry type and CRS (lon/lat, whatever each plan was made in) and an integer key.
    R"(CREATE OR REPLACE VIEW wardmap.current_command_units AS
       SELECT (row_number() OVER (ORDER BY u.plan, u.code))::integer AS fid,
              u.plan, u.version, u.code, u.name, u.colour, u.wards, u.area_km2, v.author, v.status, v.saved_at,
              (CASE WHEN ST_SRID(u.geom) = 0 THEN NULL ELSE ST_Transform(u.geom, 4326) END)::geometry(MultiPolygon, 4326) AS geom
       FROM wardmap.plan_command_units u
       JOIN wardmap.plans p ON p.name = u.plan AND p.current_version = u.version
       JOIN wardmap.plan_versions v ON v.plan = u.plan AND v.version = u.version)",
};

// BEGIN ... COMMIT, rolled back unless committed.
class Transaction {
public:
    explicit Transaction(PgConnection& db) : db_(db) { db_.exec("BEGIN"); }
    ~Transaction() {
        if (!done_) try {
                db_.exec("ROLLBACK");
            } catch (...) {  // the connection is gone; the server rolls back on its own
            }
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        done_ = true;
        db_.exec("COMMIT");
    }

private:
    PgConnection& db_;
    bool done_ = false;
};

std::optional<int> optional_int(const Result& result, int row, int column) {
    if (is_null(result, row, column)) return std::nullopt;
    return std::stoi(value(result, row, column));
}

const char* const version_columns =
    "v.plan, v.version, v.parent, v.author, to_char(v.saved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', "
    "v.status, v.fingerprint, v.wards, v.boundaries, v.saved_over, p.current_version = v.version";

VersionInfo version_from(const Result& result, int row) {
    VersionInfo info;
    info.plan = value(result, row, 0);
    info.version = std::stoi(value(result, row, 1));
    info.parent = optional_int(result, row, 2);
    info.author = value(result, row, 3);
    info.saved_at = value(result, row, 4);
    info.status = value(result, row, 5);
    info.fingerprint = value(result, row, 6);
    info.wards = std::stoi(value(result, row, 7));
    info.boundaries = value(result, row, 8);
    info.saved_over = optional_int(result, row, 9);
    info.current = value(result, row, 10) == "t";
    return info;
}

// A PostgreSQL array literal of text: {"a","b"} with " and \ escaped.
std::string text_array(const std::vector<std::string>& items) {
    std::string out = "{";
    for (const std::string& item : items) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (char c : item) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

std::string hex(const std::vector<unsigned char>& bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

// Only for the test of two saves at once (tests/cli/cases_pg.sh): holds the plan's lock this many
// seconds, so that the second save certainly arrives while the first is inside its transaction.
void pause_for_test() {
    if (const char* seconds = std::getenv("WARDMAP_STORE_TEST_PAUSE"))
        std::this_thread::sleep_for(std::chrono::duration<double>(std::atof(seconds)));
}

}  // namespace

PlanStore::PlanStore(const std::string& connection) : db_(connection) {
    if (value(db_.exec("SELECT to_regclass('wardmap.current_command_units') IS NOT NULL"), 0, 0) == "t") return;
    Transaction transaction(db_);
    db_.exec("SELECT pg_advisory_xact_lock(hashtext('wardmap plan store schema'))");
    for (const char* statement : schema) db_.exec(statement);
    transaction.commit();
}

SaveResult PlanStore::save(const PlanToSave& plan, bool only_if_current) {
    Transaction transaction(db_);
    db_.exec("INSERT INTO wardmap.plans (name, current_version) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING", {plan.name});
    // Saves of one plan take turns from here to the commit.
    const int current = std::stoi(value(db_.exec("SELECT current_version FROM wardmap.plans WHERE name = $1 FOR UPDATE", {plan.name}), 0, 0));
    pause_for_test();
    const int version = std::stoi(
        value(db_.exec("SELECT coalesce(max(version), 0) + 1 FROM wardmap.plan_versions WHERE plan = $1", {plan.name}), 0, 0));
    std::optional<int> parent;
    if (plan.parent &&
        PQntuples(db_.exec("SELECT 1 FROM wardmap.plan_versions WHERE plan = $1 AND version = $2",
                           {plan.name, std::to_string(*plan.parent)}).get()) > 0)
        parent = plan.parent;
    SaveResult result;
    result.version = version;
    result.current = current == 0 || parent == current;
    if (!result.current && only_if_current) {  // rolled back: nothing saved
        result.stale = true;
        result.version = 0;
        result.ahead = versions_in_transaction(plan.name, current);
        return result;
    }
    const Parameter parent_text = parent ? Parameter(std::to_string(*parent)) : std::nullopt;
    const Parameter over = result.current ? std::nullopt : Parameter(std::to_string(current));
    db_.exec("INSERT INTO wardmap.plan_versions (plan, version, parent, author, status, fingerprint, wards, boundaries, "
             "saved_over, plan_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
             {plan.name, std::to_string(version), parent_text, plan.author, plan.status, plan.fingerprint,
              std::to_string(plan.wards), plan.boundaries, over, plan.text});
    for (const StoredUnit& unit : plan.units)
        db_.exec("INSERT INTO wardmap.plan_command_units (plan, version, code, name, colour, wards, area_km2, geom) VALUES "
                 "($1, $2, $3, $4, $5, $6, $7, ST_Multi(ST_SetSRID(ST_GeomFromWKB(decode($8, 'hex')), $9::integer)))",
                 {plan.name, std::to_string(version), unit.code, unit.name, unit.colour, std::to_string(unit.wards),
                  fmt::format("{:.17g}", unit.area_km2), unit.shape ? Parameter(hex(geos::to_wkb(*unit.shape))) : std::nullopt,
                  std::to_string(plan.srid)});
    std::vector<std::string> wards, units;
    for (const auto& [ward, unit] : plan.assignment) {
        wards.push_back(ward);
        units.push_back(unit);
    }
    db_.exec("INSERT INTO wardmap.plan_assignments (plan, version, ward_code, cu_code) "
             "SELECT $1, $2, w, u FROM unnest($3::text[], $4::text[]) AS a(w, u)",
             {plan.name, std::to_string(version), text_array(wards), text_array(units)});
    if (result.current) {
        db_.exec("UPDATE wardmap.plans SET current_version = $2 WHERE name = $1", {plan.name, std::to_string(version)});
    } else {
        result.ahead = versions_in_transaction(plan.name, current);
    }
    transaction.commit();
    return result;
}

VersionInfo PlanStore::versions_in_transaction(const std::string& plan, int version) {
    const Result result = db_.exec(fmt::format("SELECT {} FROM wardmap.plan_versions v JOIN wardmap.plans p ON p.name = v.plan "
                                               "WHERE v.plan = $1 AND v.version = $2",
                                               version_columns),
                                   {plan, std::to_string(version)});
    return version_from(result, 0);
}

std::vector<PlanSummary> PlanStore::plans() {
    const Result result = db_.exec(fmt::format("SELECT {}, (SELECT count(*) FROM wardmap.plan_versions w WHERE w.plan = p.name) "
                                               "FROM wardmap.plans p JOIN wardmap.plan_versions v "
                                               "ON v.plan = p.name AND v.version = p.current_version ORDER BY p.name",
                                               version_columns));
    std::vector<PlanSummary> out;
    for (int row = 0; row < PQntuples(result.get()); ++row) {
        PlanSummary summary;
        summary.current = version_from(result, row);
        summary.name = summary.current.plan;
        summary.current_version = summary.current.version;
        summary.versions = std::stoi(value(result, row, 11));
        out.push_back(std::move(summary));
    }
    return out;
}

std::vector<VersionInfo> PlanStore::versions(const std::string& plan) {
    const Result result = db_.exec(fmt::format("SELECT {} FROM wardmap.plan_versions v JOIN wardmap.plans p ON p.name = v.plan "
                                               "WHERE v.plan = $1 ORDER BY v.version DESC",
                                               version_columns),
                                   {plan});
    std::vector<VersionInfo> out;
    for (int row = 0; row < PQntuples(result.get()); ++row) out.push_back(version_from(result, row));
    if (out.empty()) {
        std::string names;
        for (const PlanSummary& summary : plans()) names += (names.empty() ? "" : ", ") + summary.name;
        throw InputError(shown(), "plan " + plan, "no such plan in the store",
                         names.empty() ? "The store holds no plans yet: `wardmap plan save PLAN.wardplan` adds one."
                                       : "Plans here: " + names + ".");
    }
    return out;
}

std::pair<VersionInfo, std::string> PlanStore::load(const std::string& plan, std::optional<int> version) {
    const std::vector<VersionInfo> all = versions(plan);
    const Result result = db_.exec(
        fmt::format("SELECT {}, v.plan_text FROM wardmap.plan_versions v JOIN wardmap.plans p ON p.name = v.plan "
                    "WHERE v.plan = $1 AND v.version = coalesce($2::integer, p.current_version)",
                    version_columns),
        {plan, version ? Parameter(std::to_string(*version)) : std::nullopt});
    if (PQntuples(result.get()) == 0)
        throw InputError(shown(), fmt::format("plan {} version {}", plan, version.value_or(0)), "no such version",
                         fmt::format("Versions 1 to {} exist; `wardmap plan list {}` lists them.", all.front().version, plan));
    return {version_from(result, 0), value(result, 0, 11)};
}

}  // namespace geo::store
