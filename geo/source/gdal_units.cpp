// Reading a layer's features with GDAL: any vector format it knows.
#include "geo/core/errors.h"
#include "geo/gdal/error_capture.h"
#include "geo/source/ogr_to_geos.h"
#include "geo/source/source_file.h"

#include "geo/core/parallel.h"
#include "geo/source/geojson_reader.h"
#include "geo/source/limits.h"

#include <fmt/format.h>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace geo {
namespace {

FieldKind kind_of(OGRFieldType type) {
    switch (type) {
        case OFTInteger:
        case OFTInteger64: return FieldKind::integer;
        case OFTReal: return FieldKind::real;
        default: return FieldKind::text;
    }
}

FieldValue value_of(const OGRFeature& feature, int index, FieldKind kind) {
    if (!feature.IsFieldSetAndNotNull(index)) return std::monostate{};
    switch (kind) {
        case FieldKind::integer: return static_cast<std::int64_t>(feature.GetFieldAsInteger64(index));
        case FieldKind::real: return feature.GetFieldAsDouble(index);
        case FieldKind::text: return std::string(feature.GetFieldAsString(index));
    }
    return std::monostate{};
}

// The text of a mapped field for one feature: a real field, or the file-name stem field.
struct FieldReader {
    int index = -1;
    bool from_stem = false;
    std::string read(const OGRFeature& feature, const std::string& stem) const {
        if (from_stem) return stem;
        if (index < 0 || !feature.IsFieldSetAndNotNull(index)) return {};
        return feature.GetFieldAsString(index);
    }
};

FieldReader reader_for(const std::string& field, const OGRFeatureDefn& definition, const std::string& stem_field) {
    FieldReader reader;
    if (field.empty()) return reader;
    if (field == stem_field) reader.from_stem = true;
    else reader.index = definition.GetFieldIndex(field.c_str());
    return reader;
}

void note_gdal_messages(const gdal::CplErrorCapture& gdal, const std::string& path, HygieneReport& report) {
    std::map<std::string, int> seen;
    for (const auto& message : gdal.failures()) ++seen[message];
    for (const auto& message : gdal.warnings()) ++seen[message];
    for (const auto& [message, times] : seen)
        report.add({ProblemKind::gdal_message, "", "", path,
                    times > 1 ? fmt::format("{} (x{})", message, times) : message, std::nullopt, 0});
}

// One feature as read, before its shape is made: its unit, and its polygons flat in the source CRS.
struct Read {
    Ward unit;
    std::string where;
    bool has_geometry = false, geometry_empty = true;
    GeoJsonPolygons flat;
    ConvertedShape converted;
};

// Makes the shape of a read feature in the working CRS.
void convert(Read& read, VertexTransform& vertices) {
    if (read.has_geometry && !read.unit.code.empty() && !read.flat.polygon_ends.empty())
        read.converted.shape = to_geos(read.flat, vertices, read.where + " (" + read.unit.where() + ")").shape;
    read.flat = {};
}

// Features of a file in another CRS, in batches: this thread reads them with GDAL (which is not
// thread-safe per dataset) while the other cores transform them and make their shapes; once
// reading is done this thread converts too. The batches keep reading order, so the units and
// problems come out as a sequential read gives them; only the sharing of places
// (vertex_transform.h) stops at a batch's edge, and snapping joins those copies as it joins
// neighbouring files'. Validity is checked after snapping (load.cpp).
class BatchConverter {
public:
    struct Batch {
        std::vector<Read> reads;
        std::size_t merged = 0;  // copies of places merged (vertex_transform.h)
    };

    BatchConverter(const SourceFile& file, const Crs& working, double snap_tolerance)
        : file_(file), working_(working), snap_tolerance_(snap_tolerance) {
        for (unsigned i = 1; i < worker_count(1024); ++i) helpers_.emplace_back([this] { convert_batches(); });
    }
    ~BatchConverter() { finish_reading(); }  // helpers (jthreads) then join, also after a failure
    BatchConverter(const BatchConverter&) = delete;
    BatchConverter& operator=(const BatchConverter&) = delete;

    Read& next() {
        if (filling_.size() == batch_size) submit();
        return filling_.emplace_back();
    }
    // Converts what is left with the helpers, then hands back every batch in reading order.
    std::deque<Batch>& finish() {
        submit();
        finish_reading();
        convert_batches();
        helpers_.clear();
        if (failure_) std::rethrow_exception(failure_);
        return batches_;
    }

private:
    static constexpr std::size_t batch_size = 256;

    void submit() {
        if (filling_.empty()) return;
        std::lock_guard lock(mutex_);
        batches_.emplace_back().reads = std::exchange(filling_, {});
        ready_.notify_one();
    }
    void finish_reading() {
        std::lock_guard lock(mutex_);
        reading_done_ = true;
        ready_.notify_all();
    }
    void convert_batches() {
        for (;;) {
            Batch* batch = nullptr;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [&] { return taken_ < batches_.size() || reading_done_; });
                if (taken_ == batches_.size() || failure_) return;
                batch = &batches_[taken_++];  // a deque: the address holds while more are pushed
            }
            try {
                VertexTransform vertices(cached_transformer(file_.crs, working_), file_.crs, snap_tolerance_);
                for (Read& read : batch->reads) convert(read, vertices);
                batch->merged = vertices.merged();
            } catch (...) {
                std::lock_guard lock(mutex_);
                if (!failure_) failure_ = std::current_exception();
                return;
            }
        }
    }

    const SourceFile& file_;
    const Crs& working_;
    const double snap_tolerance_;
    std::vector<Read> filling_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Batch> batches_;
    std::size_t taken_ = 0;
    bool reading_done_ = false;
    std::exception_ptr failure_;
    std::vector<std::jthread> helpers_;  // last: started after, and joined before, what they use
};

}  // namespace

void gdal_units(SourceFile& source, const FieldMapping& mapping, const std::string& stem_field, const Crs& working,
                double snap_tolerance, FileUnits& file) {
    OpenedLayer& opened = source.gdal;
    const std::string& path = opened.info.path;
    const OGRFeatureDefn& definition = *opened.layer->GetLayerDefn();
    for (int i = 0; i < definition.GetFieldCount(); ++i)
        file.fields.push_back({definition.GetFieldDefn(i)->GetNameRef(), kind_of(definition.GetFieldDefn(i)->GetType())});
    if (!stem_field.empty()) file.fields.push_back({stem_field, FieldKind::text});

    const FieldReader code = reader_for(mapping.code, definition, stem_field);
    const FieldReader name = reader_for(mapping.name, definition, stem_field);
    const FieldReader parent = reader_for(mapping.parent, definition, stem_field);
    const FieldReader parent_name = reader_for(mapping.parent_name, definition, stem_field);

    // A file in the working CRS needs no transformation: its shapes are made as they are read.
    // Otherwise the transformation is the bulk of the work, and it goes to every core.
    const Transformer& transformer = cached_transformer(source.crs, working);
    std::optional<VertexTransform> as_read;
    std::optional<BatchConverter> batches;
    if (transformer.identity()) as_read.emplace(transformer, source.crs, snap_tolerance);
    else batches.emplace(source, working, snap_tolerance);

    gdal::CplErrorCapture gdal;
    std::size_t non_polygon = 0, features = 0;
    const auto keep = [&](Read& read) {
        if (!read.converted.shape && read.has_geometry && !read.geometry_empty) {
            ++non_polygon;
            return;
        }
        keep_unit(file, std::move(read.unit), std::move(read.converted), read.where, mapping);
    };
    const std::size_t field_count = static_cast<std::size_t>(definition.GetFieldCount());
    for (const auto& feature : *opened.layer) {
        ++features;
        if (features * field_count > max_field_values) refuse_field_values(path, features, field_count);
        Read one;
        Read& read = batches ? batches->next() : one;
        Ward& unit = read.unit;
        unit.feature = feature->GetFID();
        unit.code = code.read(*feature, file.info.stem);
        unit.name = name.read(*feature, file.info.stem);
        unit.parent_code = parent.read(*feature, file.info.stem);
        unit.parent_name = parent_name.read(*feature, file.info.stem);
        read.where = fmt::format("{} feature {}", path, unit.feature);
        for (int i = 0; i < definition.GetFieldCount(); ++i) unit.values.push_back(value_of(*feature, i, file.fields[i].kind));
        if (!stem_field.empty()) unit.values.emplace_back(file.info.stem);
        if (const OGRGeometry* geometry = feature->GetGeometryRef()) {
            if (polygon_points(*geometry) > max_feature_points)
                refuse_feature_points(path, fmt::format("feature {} ({})", unit.feature, unit.where()));
            read.has_geometry = true;
            read.geometry_empty = geometry->IsEmpty();
            read.converted.dropped_parts = flatten_polygons(*geometry, read.flat);
        }
        if (as_read) {
            convert(read, *as_read);
            keep(read);
        }
    }
    if (batches)
        for (BatchConverter::Batch& batch : batches->finish()) {
            for (Read& read : batch.reads) keep(read);
            file.report.vertices_snapped += batch.merged;
        }
    if (file.units.empty() && non_polygon > 0)
        throw InputError(path, "layer " + file.info.layer, fmt::format("none of its {} features is a polygon", features),
                         "wardmap dissolves areas: give a layer of ward or district polygons.");
    if (features == 0 && !opened.queried)
        throw InputError(path, "layer " + file.info.layer, "the layer has no features", "Give a file with boundary polygons.");
    file.info.features = features;
    note_gdal_messages(gdal, path, file.report);
    source.gdal.dataset.reset();  // close the file as soon as it is read
}

}  // namespace geo
