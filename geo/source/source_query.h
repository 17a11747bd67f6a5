#pragma once
// GDAL's -where and -sql on a source: which features are read, and through which statement.
#include <string>

namespace geo {

struct SourceQuery {
    std::string where;  // an attribute filter (OGR SQL WHERE clause)
    std::string sql;    // a statement run on the source; its result is the layer read
    bool empty() const { return where.empty() && sql.empty(); }
};

}  // namespace geo
