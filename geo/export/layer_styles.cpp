#include "geo/export/layer_styles.h"

#include "geo/core/errors.h"
#include "geo/core/version.h"
#include "geo/gdal/error_capture.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <ctime>

namespace geo {
namespace {

// QGIS's own columns (QgsOgrProviderMetadata::saveStyle): it finds a layer's default style by
// f_table_schema = '', f_table_name and f_geometry_column, so the schema is '' and not null.
void create_fields(OGRLayer& table) {
    struct Column {
        const char* name;
        OGRFieldType type;
        int width;
    };
    const Column columns[] = {{"f_table_catalog", OFTString, 256}, {"f_table_schema", OFTString, 256}, {"f_table_name", OFTString, 256},
                              {"f_geometry_column", OFTString, 256}, {"styleName", OFTString, 30},    {"styleQML", OFTString, 0},
                              {"styleSLD", OFTString, 0},           {"useAsDefault", OFTInteger, 0},  {"description", OFTString, 0},
                              {"owner", OFTString, 30},             {"ui", OFTString, 30},            {"update_time", OFTDateTime, 0}};
    for (const Column& column : columns) {
        OGRFieldDefn field(column.name, column.type);
        field.SetWidth(column.width);
        if (column.type == OFTInteger) field.SetSubType(OFSTBoolean);
        if (table.CreateField(&field) != OGRERR_NONE) throw OutputError(std::string("cannot create the layer_styles column ") + column.name);
    }
}

}  // namespace

void write_layer_styles(GDALDataset& dataset, const std::vector<LayerStyle>& styles) {
    if (styles.empty()) return;
    gdal::CplErrorCapture gdal;
    OGRLayer* table = dataset.CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
    if (!table) throw OutputError("cannot create the layer_styles table (" + gdal.last_failure() + ")");
    create_fields(*table);
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    for (const LayerStyle& style : styles) {
        OGRLayer* layer = dataset.GetLayerByName(style.layer.c_str());
        if (!layer) throw OutputError("a style for " + style.layer + ", which is not in the file");
        OGRFeature row(table->GetLayerDefn());
        row.SetField("f_table_catalog", "");
        row.SetField("f_table_schema", "");
        row.SetField("f_table_name", style.layer.c_str());
        row.SetField("f_geometry_column", layer->GetGeometryColumn());
        row.SetField("styleName", style.name.c_str());
        row.SetField("styleQML", to_qml(style).c_str());
        row.SetField("styleSLD", to_sld(style).c_str());
        row.SetField("useAsDefault", style.is_default ? 1 : 0);
        row.SetField("description", (style.description + " (wardmap " + std::string(tool_version) + ")").c_str());
        row.SetField("owner", "");
        row.SetField("update_time", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, static_cast<float>(utc.tm_sec), 100);
        if (table->CreateFeature(&row) != OGRERR_NONE)
            throw OutputError("cannot write the style of " + style.layer + " (" + gdal.last_failure() + ")");
    }
}

}  // namespace geo
