#include "geo/candidates/scoring_setup.h"

#include "geo/core/errors.h"
#include "geo/gdal/error_capture.h"
#include "geo/officers/measure_tables.h"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <numeric>

namespace geo {
namespace {

const std::vector<std::string> table_measures{"crime", "population", "access"};

bool is_table_measure(const std::string& name) {
    return std::find(table_measures.begin(), table_measures.end(), name) != table_measures.end();
}

WardMeasure ward_measure(const Measure& measure, const Grouping& reference) {
    WardMeasure out{measure.name, std::vector<double>(measure.of_unit.size(), 0.0), 0};
    for (std::size_t w = 0; w < measure.of_unit.size(); ++w) {
        if (measure.of_unit[w]) out.of_ward[w] = *measure.of_unit[w];
        else if (reference.group_of_unit[w] >= 0) ++out.missing;
    }
    return out;
}

WardMeasure area_of_wards(const WardSet& wards) {
    const Measure area = area_measure(wards);
    WardMeasure out{"area", {}, 0};
    for (const auto& v : area.of_unit) out.of_ward.push_back(v.value_or(0));
    return out;
}

std::vector<Station> read_stations(const WardSet& wards, const std::string& path, const std::string& name_field) {
    gdal::ensure_registered();
    gdal::CplErrorCapture capture;
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset || dataset->GetLayerCount() == 0)
        throw InputError(path, "", "cannot be opened as a point layer" + (capture.last_failure().empty() ? std::string() : ": " + capture.last_failure()), "Give a GeoPackage, GeoJSON, CSV with geometry or Shapefile of stations.");
    OGRLayer* layer = dataset->GetLayer(0);
    const OGRSpatialReference* declared = layer->GetSpatialRef();
    if (!declared) throw InputError(path, "", "declares no coordinate reference system", "Save the stations with their CRS (e.g. EPSG:27700).");
    const Crs crs = crs_from_declared(*declared);
    const Transformer& to_wards = cached_transformer(crs, wards.working_crs);
    const KmScale scale = km_scale(wards);
    const OGRFeatureDefn* definition = layer->GetLayerDefn();
    int name_index = name_field.empty() ? -1 : definition->GetFieldIndex(name_field.c_str());
    if (!name_field.empty() && name_index < 0) throw InputError(path, "", "has no field " + name_field, "Name one of its fields with --stations-name.");
    for (int f = 0; name_index < 0 && f < definition->GetFieldCount(); ++f)
        if (definition->GetFieldDefn(f)->GetType() == OFTString) name_index = f;
    std::vector<Station> stations;
    for (const auto& feature : *layer) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || geometry->IsEmpty()) continue;
        if (wkbFlatten(geometry->getGeometryType()) != wkbPoint)
            throw InputError(path, "feature " + std::to_string(feature->GetFID()), "is not a point", "Give one point per station.");
        double x = geometry->toPoint()->getX(), y = geometry->toPoint()->getY();
        const std::string name = name_index >= 0 ? feature->GetFieldAsString(name_index) : "station " + std::to_string(feature->GetFID());
        to_wards.apply(1, &x, &y, path + ": " + name);
        stations.push_back({name, x * scale.x, y * scale.y});
    }
    if (stations.empty()) throw InputError(path, "", "has no stations (no points)", "Give a layer of station points.");
    return stations;
}

}  // namespace

WardMeasure field_measure(const WardSet& wards, const std::string& field) {
    const int index = wards.field_index(field);
    if (index < 0 || !wards.fields[static_cast<std::size_t>(index)].numeric()) {
        std::string numeric;
        for (const FieldDef& f : wards.fields)
            if (f.measure()) numeric += (numeric.empty() ? "" : ", ") + f.name;
        throw InputError("", field, index < 0 ? "is not a field of the wards" : "is not a numeric field",
                         "Measures: crime, population, area, access; numeric fields: " + (numeric.empty() ? std::string("none") : numeric) + ".");
    }
    WardMeasure out{field, {}, 0};
    for (const Ward& unit : wards.units) {
        const auto value = as_number(unit.values[static_cast<std::size_t>(index)]);
        out.of_ward.push_back(value.value_or(0));
        out.missing += value ? 0 : 1;
    }
    return out;
}

ScoringSources read_scoring_sources(const WardSet& wards, const Grouping& reference, const ScoringChoice& choice,
                                    const std::string& reference_path) {
    ScoringSources sources;
    ScoringSetup& setup = sources.setup;
    const OfficerRules rules = read_rules_for(choice.measures, reference_path);
    // Every table the rules, the demand or a balance asks for, each read and joined once.
    std::vector<std::string> names = rules.measures_used();
    for (const std::string& name : [&] {
             std::vector<std::string> wanted{choice.demand, "population"};
             wanted.insert(wanted.end(), choice.balance.begin(), choice.balance.end());
             return wanted;
         }())
        if (is_table_measure(name) && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    const std::vector<MeasureTable> tables = read_measure_tables(choice.measures, &rules, names);
    JoinedMeasures joined = join_measure_tables(wards, reference, tables);
    sources.joins = joined.joins;
    const auto measure = [&](const std::string& name) -> WardMeasure {
        if (name == "area") return area_of_wards(wards);
        for (const Measure& m : joined.measures)
            if (m.name == name) return ward_measure(m, reference);
        return field_measure(wards, name);
    };
    setup.demand = measure(choice.demand);
    setup.population = measure("population");
    for (const std::string& name : choice.balance)
        if (name != choice.demand && name != "population" && name != "area") setup.balance.push_back(measure(name));
    for (const std::string& name : rules.measures_used())
        if (name != "equal" && name != "area") setup.pool_measures.push_back(measure(name));
    setup.rules = rules;
    // Reach and retention weigh wards by people: a ward the table misses counts as the mean ward,
    // not as nobody (the GLA profiles miss 59 of the 2014 wards).
    if (setup.population->missing > 0) {
        double sum = 0;
        std::size_t known = 0;
        for (std::size_t w = 0; w < wards.units.size(); ++w)
            if (reference.group_of_unit[w] >= 0 && setup.population->of_ward[w] > 0) sum += setup.population->of_ward[w], ++known;
        const double mean = known ? sum / static_cast<double>(known) : 1;
        for (std::size_t w = 0; w < wards.units.size(); ++w)
            if (reference.group_of_unit[w] >= 0 && setup.population->of_ward[w] <= 0) setup.population->of_ward[w] = mean;
        sources.notes.push_back(fmt::format("population: {} ward(s) without a figure are weighted as the mean ward ({:.0f}) in reach, "
                                            "retention and population balance", setup.population->missing, mean));
    }
    if (setup.demand.missing > 0)
        sources.notes.push_back(fmt::format("{}: {} ward(s) without a figure count as 0", setup.demand.name, setup.demand.missing));
    setup.reference_unit = reference.group_of_unit;
    setup.reference_units = reference.groups;
    if (!choice.stations.empty()) setup.stations = read_stations(wards, choice.stations, choice.stations_name_field);
    return sources;
}

}  // namespace geo
