#include "geo/export/read_back.h"

#include "geo/core/errors.h"
#include "geo/gdal/error_capture.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {
namespace {

// One value as both sides can hold it. Text formats (CSV, KML) read numbers back as text and cannot
// tell an empty text from a null, and a Shapefile pads text with spaces: so nulls and "" are alike,
// outer spaces do not count, and numbers are compared as numbers.
struct Cell {
    bool real = false;
    std::string text;  // text and integers, exactly
    double number = std::numeric_limits<double>::quiet_NaN();  // reals; NaN for null
    std::string shown() const { return real ? (std::isnan(number) ? "null" : fmt::format("{}", number)) : "'" + text + "'"; }
};
using Row = std::vector<Cell>;

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

Cell meant(const FieldDef& field, const FieldValue& value, const FormatInfo& format) {
    Cell cell;
    cell.real = field.kind == FieldKind::real;
    if (std::holds_alternative<std::monostate>(value)) return cell;
    if (cell.real) {
        cell.number = as_number(value).value_or(std::numeric_limits<double>::quiet_NaN());
    } else if (field.kind == FieldKind::integer) {
        if (const auto* i = std::get_if<std::int64_t>(&value)) cell.text = std::to_string(*i);
        else if (const auto number = as_number(value)) cell.text = std::to_string(static_cast<std::int64_t>(*number));
    } else {
        cell.text = trimmed(as_text(value));
        if (format.format == Format::shapefile && cell.text.size() > 254) cell.text.resize(254);  // the format's limit
    }
    return cell;
}

Cell read(OGRFeature& feature, int index, const FieldDef& field) {
    Cell cell;
    cell.real = field.kind == FieldKind::real;
    if (!feature.IsFieldSetAndNotNull(index)) return cell;
    const bool as_text_field = feature.GetFieldDefnRef(index)->GetType() == OFTString;
    const std::string text = trimmed(feature.GetFieldAsString(index));
    if (as_text_field && text.empty()) return cell;
    if (cell.real) cell.number = feature.GetFieldAsDouble(index);
    else if (field.kind == FieldKind::integer) cell.text = std::to_string(feature.GetFieldAsInteger64(index));
    else cell.text = text;
    return cell;
}

bool same(const Cell& a, const Cell& b) {
    if (!a.real) return a.text == b.text;
    if (std::isnan(a.number) || std::isnan(b.number)) return std::isnan(a.number) && std::isnan(b.number);
    // Text formats print 15 or more significant digits; a Shapefile 15 decimals.
    return std::abs(a.number - b.number) <= 1e-9 * std::max(1.0, std::abs(a.number));
}

bool before(const Row& a, const Row& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].text != b[i].text) return a[i].text < b[i].text;
        const double x = std::isnan(a[i].number) ? -INFINITY : a[i].number, y = std::isnan(b[i].number) ? -INFINITY : b[i].number;
        if (x != y) return x < y;
    }
    return false;
}

OGRLayer* layer_in(GDALDataset& dataset, const OutputLayer& layer, const FormatInfo& format, std::size_t wanted) {
    if (format.multi_layer || wanted > 1) return dataset.GetLayerByName(layer.name.c_str());
    return dataset.GetLayerCount() == 1 ? dataset.GetLayer(0) : nullptr;
}

}  // namespace

void check_read_back(const std::string& path, const std::string& shown, const FormatInfo& format,
                     const std::vector<OutputLayer>& layers, const std::vector<std::vector<std::string>>& written) {
    gdal::CplErrorCapture gdal;
    // KML: GDAL's own KML reader sees only <name>; LIBKML, where GDAL has it, reads every field.
    const char* const drivers[] = {format.format == Format::kml ? "LIBKML" : format.name, format.name, nullptr};
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!dataset)
        throw OutputError(fmt::format("{}: the file written does not read back as written: GDAL cannot open it{}\n"
                                      "  Check the disk has room and is writable; nothing was left behind.",
                                      shown, gdal.failures().empty() ? "" : " (" + gdal.last_failure() + ")"));
    check_read_back(*dataset, shown, format, layers, written);
}

void check_read_back(GDALDataset& opened, const std::string& shown, const FormatInfo& format,
                     const std::vector<OutputLayer>& layers, const std::vector<std::vector<std::string>>& written) {
    gdal::CplErrorCapture gdal;
    GDALDataset* dataset = &opened;
    const auto broken = [&](const std::string& what) {
        return OutputError(fmt::format("{}: the {} written does not read back as written: {}{}\n"
                                       "  Check the disk has room and is writable; nothing was left behind.",
                                       shown, format.database ? "table" : "file", what,
                                       gdal.failures().empty() ? "" : " (" + gdal.last_failure() + ")"));
    };
    const bool only_names = dataset->GetDriver() && std::string(dataset->GetDriver()->GetDescription()) == "KML";  // then what it can read is compared
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const OutputLayer& layer = layers[l];
        OGRLayer* back = layer_in(*dataset, layer, format, layers.size());
        if (!back) throw broken("no layer " + layer.name);
        const char* const ignored[] = {"OGR_GEOMETRY", "OGR_STYLE", nullptr};
        back->SetIgnoredFields(const_cast<const char**>(ignored));
        std::vector<int> index;
        for (std::size_t f = 0; f < layer.fields.size(); ++f) {
            // By name, as a reader finds it (any case: KML's "name" comes back as its Name column).
            index.push_back(back->GetLayerDefn()->GetFieldIndex(written[l][f].c_str()));
            if (index.back() < 0 && !only_names) throw broken(fmt::format("layer {} has no field {}", layer.name, written[l][f]));
        }
        std::vector<Row> expected, got;
        for (const OutputFeature& feature : layer.features) {
            Row row;
            for (std::size_t f = 0; f < layer.fields.size(); ++f)
                if (index[f] >= 0) row.push_back(meant(layer.fields[f], f < feature.values.size() ? feature.values[f] : FieldValue(), format));
            expected.push_back(std::move(row));
        }
        back->ResetReading();
        for (OGRFeatureUniquePtr feature(back->GetNextFeature()); feature; feature.reset(back->GetNextFeature())) {
            Row row;
            for (std::size_t f = 0; f < layer.fields.size(); ++f)
                if (index[f] >= 0) row.push_back(read(*feature, index[f], layer.fields[f]));
            got.push_back(std::move(row));
        }
        if (!gdal.failures().empty()) throw broken("reading layer " + layer.name + " failed");
        if (got.size() != expected.size())
            throw broken(fmt::format("layer {} has {} features, {} were written", layer.name, got.size(), expected.size()));
        // FlatGeobuf's spatial index orders features along a curve; a database keeps no order.
        if (format.format == Format::flatgeobuf || format.database) {
            std::stable_sort(expected.begin(), expected.end(), before);
            std::stable_sort(got.begin(), got.end(), before);
        }
        std::vector<std::string> compared;
        for (std::size_t f = 0; f < layer.fields.size(); ++f)
            if (index[f] >= 0) compared.push_back(layer.fields[f].name);
        for (std::size_t r = 0; r < got.size(); ++r)
            for (std::size_t c = 0; c < compared.size(); ++c)
                if (!same(expected[r][c], got[r][c]))
                    throw broken(fmt::format("layer {}, feature {}, field {} reads {} where {} was written", layer.name,
                                             r + 1, compared[c], got[r][c].shown(), expected[r][c].shown()));
    }
}

}  // namespace geo
