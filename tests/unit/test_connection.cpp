// Connection strings told apart from file names (geo/gdal/connection.h), for sources, outputs and
// the plan store; passwords never shown.
#include "geo/core/errors.h"
#include "geo/export/plan_output.h"
#include "geo/gdal/connection.h"
#include "geo/store/pg_connection.h"

#include <gtest/gtest.h>

namespace {

using geo::gdal::is_connection_string;
using geo::gdal::is_postgres;
using geo::gdal::redacted;

TEST(Connection, ConnectionStringsAreNotFileNames) {
    EXPECT_TRUE(is_connection_string("PG:dbname=gis tables=wards"));
    EXPECT_TRUE(is_connection_string("pg:dbname=gis"));
    EXPECT_TRUE(is_connection_string("MySQL:gis,user=me"));
    EXPECT_TRUE(is_connection_string("https://example.org/wards.geojson"));
    EXPECT_FALSE(is_connection_string("C:wards.shp"));  // a drive letter
    EXPECT_FALSE(is_connection_string("shapes/london-wards-2014.gpkg"));
    EXPECT_FALSE(is_connection_string("/vsizip/x.zip/w.shp"));
    EXPECT_FALSE(is_connection_string("./PG:dbname=x"));
    EXPECT_TRUE(is_postgres("PG:dbname=x"));
    EXPECT_TRUE(is_postgres("Pg:dbname=x"));
    EXPECT_FALSE(is_postgres("PGX:dbname=x"));
    EXPECT_FALSE(is_postgres("MySQL:x"));
}

TEST(Connection, PasswordsAreRedacted) {
    EXPECT_EQ(redacted("PG:dbname=gis password=hunter2 host=db"), "PG:dbname=gis password=*** host=db");
    EXPECT_EQ(redacted("PG:dbname=gis PASSWORD = 'two words' host=db"), "PG:dbname=gis PASSWORD = *** host=db");
    EXPECT_EQ(redacted("PG:dbname=gis"), "PG:dbname=gis");
}

TEST(Connection, LibpqMessagesOnOneLine) {
    EXPECT_EQ(geo::gdal::one_line("PQconnectdb failed.\nconnection to server on socket \"/x\" failed: No such file or directory\n"
                                  "\tIs the server running locally?\n"),
              "connection to server on socket \"/x\" failed: No such file or directory; Is the server running locally?");
}

TEST(Connection, GdalKeysAreLeftOutForLibpq) {
    EXPECT_EQ(geo::store::libpq_conninfo("PG:dbname=gis tables=wards host=db"), "dbname=gis host=db");
    EXPECT_EQ(geo::store::libpq_conninfo("PG:dbname=gis active_schema=plans schemas='a,b'"), "dbname=gis");
    EXPECT_EQ(geo::store::libpq_conninfo("dbname=gis port=5433"), "dbname=gis port=5433");
}

TEST(Connection, OutputFormatOfADatabase) {
    geo::PlanOutput output;
    output.path = "PG:dbname=gis";
    EXPECT_EQ(geo::output_format(output).format, geo::Format::postgres);
    output.format = "PostgreSQL";
    EXPECT_EQ(geo::output_format(output).format, geo::Format::postgres);
    // A file format aimed at a database would write a file named "PG:dbname=gis".
    output.format = "GPKG";
    EXPECT_THROW(geo::output_format(output), geo::InputError);
    output.path = "x.gpkg";
    output.format = "PostgreSQL";
    EXPECT_THROW(geo::output_format(output), geo::InputError);
    // A file with no extension is not a database.
    output.format.clear();
    output.path = "bcus";
    EXPECT_THROW(geo::output_format(output), geo::InputError);
}

}  // namespace
