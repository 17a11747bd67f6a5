#pragma once
// Layers written as tables into a database GDAL connects to (PostgreSQL/PostGIS), in one
// transaction: the atomic-output machinery is for files; here the database gives the same
// promise. Readers see the old tables or the new ones, never half; after an error or Ctrl-C the
// transaction is rolled back and nothing is left.
#include "geo/core/progress.h"
#include "geo/export/write.h"

#include <vector>

namespace geo {

// Refuses (OutputError, before writing anything) a table that exists unless options.overwrite,
// which drops and re-creates it in the same transaction. Each table is read back before commit.
WrittenFieldNames write_database(const std::vector<OutputLayer>& layers, const Crs& target, OGRCoordinateTransformation* transform,
                    const WriteOptions& options, const Progress& progress = {});

}  // namespace geo
