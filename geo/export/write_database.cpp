#include "geo/export/write_database.h"

#include "geo/core/errors.h"
#include "geo/export/read_back.h"
#include "geo/export/write_layer.h"
#include "geo/gdal/connection.h"
#include "geo/gdal/error_capture.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace geo {
namespace {

// The transaction, rolled back unless committed: an exception (or Ctrl-C, which throws
// Cancelled) between the first DROP and the commit leaves the database as it was.
class Transaction {
public:
    Transaction(GDALDataset& dataset, const std::string& shown, const gdal::CplErrorCapture& gdal) : dataset_(dataset) {
        if (dataset_.StartTransaction(FALSE) != OGRERR_NONE)
            throw OutputError(shown + ": cannot start a transaction (" + gdal.last_failure() + ")");
    }
    ~Transaction() {
        if (!done_) dataset_.RollbackTransaction();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit(const std::string& shown, const gdal::CplErrorCapture& gdal) {
        done_ = true;
        if (dataset_.CommitTransaction() != OGRERR_NONE)
            throw OutputError(shown + ": the transaction did not commit (" + gdal.last_failure() + "); nothing was written");
    }

private:
    GDALDataset& dataset_;
    bool done_ = false;
};

int layer_index(GDALDataset& dataset, const std::string& name) {
    for (int i = 0; i < dataset.GetLayerCount(); ++i)
        if (name == dataset.GetLayer(i)->GetName()) return i;
    return -1;
}

// Views and foreign keys of others that use a table: GDAL drops a table WITH CASCADE, which would
// silently drop a team's views along with it. Empty when none (or not PostgreSQL).
std::vector<std::string> users_of(GDALDataset& dataset, const std::string& table) {
    const std::string sql = fmt::format(
        "SELECT DISTINCT 'view ' || v.relname AS what FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid "
        "JOIN pg_class v ON v.oid = r.ev_class WHERE d.refobjid = to_regclass('{0}') AND v.oid <> d.refobjid "
        "UNION SELECT DISTINCT 'foreign key ' || c.conname || ' of ' || t.relname FROM pg_constraint c "
        "JOIN pg_class t ON t.oid = c.conrelid WHERE c.confrelid = to_regclass('{0}') AND c.conrelid <> c.confrelid",
        table);
    std::vector<std::string> users;
    if (OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
        for (OGRFeatureUniquePtr row(result->GetNextFeature()); row; row.reset(result->GetNextFeature()))
            users.emplace_back(row->GetFieldAsString(0));
        dataset.ReleaseResultSet(result);
    }
    return users;
}

}  // namespace

WrittenFieldNames write_database(const std::vector<OutputLayer>& layers, const Crs& target, OGRCoordinateTransformation* transform,
                    const WriteOptions& options, const Progress& progress) {
    const std::string shown = gdal::redacted(options.path);
    gdal::CplErrorCapture gdal;
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(options.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR));
    if (!dataset) {
        throw OutputError(shown + ": cannot connect (" + gdal::one_line(gdal.last_failure()) +
                          ")\n  Check dbname, host, port and user (a password goes in ~/.pgpass or PGPASSWORD) and that "
                          "the user may create tables there.");
    }
    for (const OutputLayer& layer : layers)
        if (layer_index(*dataset, layer.name) >= 0 && !options.overwrite)
            throw OutputError(fmt::format("{}: table {} exists\n  Give --overwrite to replace the tables ({}) in one "
                                          "transaction, or write elsewhere (e.g. active_schema=other in the connection string).",
                                          shown, layer.name, [&] {
                                              std::string names;
                                              for (const OutputLayer& l : layers) names += (names.empty() ? "" : ", ") + l.name;
                                              return names;
                                          }()));
    for (const OutputLayer& layer : layers) {
        if (layer_index(*dataset, layer.name) < 0) continue;
        const std::vector<std::string> users = users_of(*dataset, layer.name);
        if (!users.empty())
            throw OutputError(fmt::format("{}: table {} is used by {}: replacing the table would drop {}\n  Drop or "
                                          "change {} first, or write elsewhere (e.g. active_schema=other in the connection "
                                          "string). Nothing was written.",
                                          shown, layer.name, fmt::join(users, ", "), users.size() == 1 ? "it" : "them",
                                          users.size() == 1 ? "it" : "them"));
    }
    const FormatInfo& format = *options.format;
    std::vector<std::vector<std::string>> written;
    {
        Transaction transaction(*dataset, shown, gdal);
        try {
            for (const OutputLayer& layer : layers) {
                // DROP TABLE inside the transaction: readers keep the old table until the commit.
                if (const int index = layer_index(*dataset, layer.name); index >= 0 && dataset->DeleteLayer(index) != OGRERR_NONE)
                    throw OutputError("cannot replace table " + layer.name + " (" + gdal.last_failure() + ")");
                written.push_back(write_layer(*dataset, layer, format, const_cast<OGRSpatialReference*>(&target.srs), transform,
                                              options, progress, gdal));
            }
            if (!gdal.failures().empty()) throw OutputError("writing failed (" + gdal.last_failure() + ")");
            check_read_back(*dataset, shown, format, layers, written);  // on this connection: sees its own writes
        } catch (const OutputError& error) {
            std::string what = error.what();
            if (what.rfind(shown, 0) != 0) what = shown + ": " + what;
            throw OutputError(what + "\n  The transaction was rolled back: the database is as it was.");
        }
        transaction.commit(shown, gdal);
    }
    return written;
}

}  // namespace geo
