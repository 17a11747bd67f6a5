// The GeoJSON fast reader: any bytes are read into a layer whose shapes hold together, or declined
// (nullopt) for GDAL to explain; it never throws for content.
#include "fuzz_support.h"
#include "geo/source/geojson_reader.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {

// The reader takes a path (simdjson loads it padded): one file per fuzzing process.
const std::string& input_path() {
    static const std::string path = [] {
        std::atexit([] { std::remove(input_path().c_str()); });
        return "/tmp/wardmap-fuzz-" + std::to_string(getpid()) + ".geojson";
    }();
    return path;
}

void check(const geo::GeoJsonLayer& layer) {
    for (const geo::GeoJsonFeature& feature : layer.features) {
        fuzz::require(feature.values.size() <= layer.fields.size(), "no more values than fields");
        const geo::GeoJsonPolygons& shape = feature.shape;
        fuzz::require(shape.xy.size() % 2 == 0, "x,y pairs");
        std::uint32_t previous = 0;
        for (std::uint32_t end : shape.ring_ends) {
            fuzz::require(end >= previous && end <= shape.xy.size() / 2, "ring ends ascend within the points");
            previous = end;
        }
        previous = 0;
        for (std::uint32_t end : shape.polygon_ends) {
            fuzz::require(end >= previous && end <= shape.ring_ends.size(), "polygon ends ascend within the rings");
            previous = end;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::FILE* file = std::fopen(input_path().c_str(), "wb");
    if (!file) return 0;
    std::fwrite(data, 1, size, file);
    std::fclose(file);
    if (const auto layer = geo::read_geojson(input_path())) check(*layer);
    return 0;
}
