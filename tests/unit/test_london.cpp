// The GLA ward files of 2014 and 2018, as they are: load, dissolve into boroughs, and the 12-BCU
// plan of 2018 applied to both ward sets.
#include "geo/core/errors.h"
#include "geo/dissolve/dissolve.h"
#include "geo/plan/apply.h"
#include "geo/plan/resolve.h"
#include "geo/source/load.h"
#include "geo/validate/validate.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>

using testing::HasSubstr;
using testing::IsEmpty;
using testing::UnorderedElementsAre;
using wardmap_test::shared_data;
using wardmap_test::source_dir;

namespace {

struct WardFile {
    const char* year;
    const char* path;  // under shared/data
    std::size_t wards;
    geo::FieldMapping mapping;
    const char* hectares;    // the GLA's own area field
    std::size_t most_wards;  // in one borough (Croydon has 28 from 2018)
};

const WardFile wards_2014{"2014", "london/wards-2014-mapinfo/London_Ward.tab", 654,
                         {"GSS_Code", "Name", "LB_GSS_Code", "Borough"}, "Hectares", 25};
const WardFile wards_2018{"2018", "london/wards-2018-mapinfo/London_Ward.tab", 657,
                         {"GSS_CODE", "NAME", "LAGSSCODE", "DISTRICT"}, "HECTARES", 28};

void PrintTo(const WardFile& wards, std::ostream* out) { *out << wards.year << " wards " << wards.path; }

// Loaded once per process: the tests only read them.
const geo::WardSet& loaded(const WardFile& wards) {
    static std::map<std::string, std::unique_ptr<geo::WardSet>> cache;
    auto& slot = cache[wards.year];
    if (!slot) {
        geo::LoadOptions options;
        options.sources = {shared_data(wards.path)};
        slot = std::make_unique<geo::WardSet>(geo::load_units(options));
    }
    return *slot;
}

std::vector<std::string> codes_of(const std::vector<const geo::Problem*>& problems) {
    std::vector<std::string> codes;
    for (const auto* p : problems) codes.push_back(p->unit_code);
    return codes;
}

double dissolved_area(const geo::DissolveResult& result) {
    double total = 0;
    for (const auto& unit : result.units) total += unit.area;
    return total;
}

const std::string bcu_plan = "datasets/plans/mps-12-bcu-2018.csv";

class LondonWards : public testing::TestWithParam<WardFile> {};

}  // namespace

TEST_P(LondonWards, LoadsEveryWardInBritishNationalGrid) {
    const geo::WardSet& set = loaded(GetParam());
    EXPECT_EQ(set.units.size(), GetParam().wards);
    ASSERT_EQ(set.sources.size(), 1u);
    EXPECT_EQ(set.sources[0].features, GetParam().wards);
    EXPECT_THAT(set.sources[0].crs_how, HasSubstr("recognised"));
    EXPECT_THAT(set.sources[0].crs_label, HasSubstr("EPSG:27700"));
    EXPECT_EQ(set.working_crs.epsg, 27700);
    EXPECT_EQ(set.mapping.code, GetParam().mapping.code);
    EXPECT_EQ(set.mapping.name, GetParam().mapping.name);
    EXPECT_EQ(set.mapping.parent, GetParam().mapping.parent);
    EXPECT_EQ(set.mapping.parent_name, GetParam().mapping.parent_name);
    // Greater London in metres: roughly 503 000-562 000 E, 155 000-201 000 N.
    EXPECT_NEAR(set.extent.min_x, 503500, 1500);
    EXPECT_NEAR(set.extent.max_y, 200900, 1500);
    EXPECT_EQ(set.hygiene.count(geo::ProblemKind::duplicate_code), 0u);
    EXPECT_EQ(set.hygiene.count(geo::ProblemKind::missing_code), 0u);
    std::size_t city = 0;
    for (const auto& unit : set.units) {
        EXPECT_TRUE(wardmap_test::is_valid(*unit.shape)) << unit.where();
        if (unit.parent_code == "E09000001") ++city;
    }
    EXPECT_EQ(city, 25u);
}

TEST_P(LondonWards, DissolveIntoThirtyThreeWholeBoroughs) {
    const geo::WardSet& set = loaded(GetParam());
    const geo::DissolveResult boroughs = geo::dissolve(set, geo::group_by_parent(set), {});
    ASSERT_EQ(boroughs.units.size(), 33u);
    EXPECT_EQ(boroughs.units.front().info.code, "E09000001");
    EXPECT_EQ(boroughs.units.back().info.code, "E09000033");
    std::size_t members = 0;
    for (const auto& borough : boroughs.units) {
        EXPECT_EQ(borough.parts, 1) << borough.info.code << " " << borough.info.name;
        EXPECT_TRUE(wardmap_test::is_valid(*borough.shape)) << borough.info.code;
        EXPECT_GE(borough.members.size(), 16u) << borough.info.code;
        EXPECT_LE(borough.members.size(), GetParam().most_wards) << borough.info.code;
        EXPECT_FALSE(borough.info.name.empty()) << borough.info.code;
        members += borough.members.size();
    }
    EXPECT_EQ(members, GetParam().wards);
    const double ward_area = wardmap_test::total_area(set.units);
    EXPECT_NEAR(dissolved_area(boroughs), ward_area, 1e-4 * ward_area);
    // The GLA's Hectares field, summed, agrees: 159,469.72 ha (to mean high water, hence > 1,572 km²).
    const int hectares = set.field_index(GetParam().hectares);
    ASSERT_GE(hectares, 0);
    double field_area = 0;
    for (const auto& unit : set.units) field_area += geo::as_number(unit.values[hectares]).value_or(0) * 1e4;
    EXPECT_NEAR(field_area, 159469.72e4, 0.01e4);
    EXPECT_NEAR(dissolved_area(boroughs), field_area, 1e-4 * field_area);
}

TEST_P(LondonWards, TwelveBcusFromTheBundledPlan) {
    ASSERT_TRUE(std::filesystem::exists(source_dir(bcu_plan))) << source_dir(bcu_plan) << " is missing";
    const geo::WardSet& set = loaded(GetParam());
    const geo::Plan plan = geo::read_plan(source_dir(bcu_plan));
    ASSERT_EQ(plan.units.size(), 12u);

    const geo::PlanResolution resolution = geo::resolve_plan(set, plan);
    EXPECT_EQ(resolution.left_out.size(), 25u);  // the City of London's wards: its own police force
    for (std::size_t u : resolution.left_out) EXPECT_EQ(set.units[u].parent_code, "E09000001");
    EXPECT_THAT(resolution.unassigned, IsEmpty());
    for (const auto& row : resolution.unknown_rows)
        ADD_FAILURE() << "plan line " << row.line << ": " << row.key << " matches no ward or borough";
    EXPECT_THAT(geo::check_whole_parents(set, resolution), IsEmpty());

    const geo::DissolveResult bcus = geo::dissolve(set, resolution.grouping, {});
    ASSERT_EQ(bcus.units.size(), 12u);
    for (const auto& bcu : bcus.units) {
        EXPECT_EQ(bcu.parts, 1) << bcu.info.code << " " << bcu.info.name;
        EXPECT_EQ(bcu.holes, 0) << bcu.info.code << " " << bcu.info.name;
        EXPECT_GE(bcu.parents.size(), 2u) << bcu.info.code;  // every BCU joins 2-4 boroughs
        EXPECT_LE(bcu.parents.size(), 4u) << bcu.info.code;
    }
    double city_area = 0;
    for (std::size_t u : resolution.left_out) city_area += geo::geos::area(*set.units[u].shape);
    const double ward_area = wardmap_test::total_area(set.units);
    EXPECT_NEAR(dissolved_area(bcus) + city_area, ward_area, 1e-4 * ward_area);

    const geo::ValidationReport report = geo::validate_plan(set, resolution, bcus, {});
    EXPECT_EQ(report.errors(), 0u);
    for (const auto& finding : report.findings)
        EXPECT_NE(finding.severity, geo::Severity::error) << geo::to_string(finding.kind) << ": " << finding.message;
}

TEST_P(LondonWards, ApplyPlanFromBoroughShapesAgreesWithWardShapes) {
    // Command units made of whole boroughs are merged from the dissolved boroughs: the result
    // must be the one merging their wards gives.
    ASSERT_TRUE(std::filesystem::exists(source_dir(bcu_plan))) << source_dir(bcu_plan) << " is missing";
    const geo::WardSet& set = loaded(GetParam());
    const geo::Plan plan = geo::read_plan(source_dir(bcu_plan));
    const geo::AppliedPlan fast = geo::apply_plan(set, plan, {}, {}, true);
    const geo::AppliedPlan direct = geo::apply_plan(set, plan, {}, {}, false);
    EXPECT_EQ(fast.parents.units.size(), 33u);
    EXPECT_TRUE(direct.parents.units.empty());
    ASSERT_EQ(fast.groups.units.size(), 12u);
    ASSERT_EQ(direct.groups.units.size(), 12u);
    for (std::size_t i = 0; i < 12; ++i) {
        const auto& a = fast.groups.units[i];
        const auto& b = direct.groups.units[i];
        EXPECT_EQ(a.info.code, b.info.code);
        EXPECT_EQ(a.members, b.members) << a.info.code;
        EXPECT_EQ(a.parts, 1) << a.info.code;
        EXPECT_EQ(a.holes, b.holes) << a.info.code;
        EXPECT_NEAR(a.area, b.area, 1e-6 * b.area) << a.info.code;
        EXPECT_NEAR(a.perimeter, b.perimeter, 1e-6 * b.perimeter) << a.info.code;
        EXPECT_TRUE(wardmap_test::is_valid(*a.shape)) << a.info.code;
    }
}

INSTANTIATE_TEST_SUITE_P(London, LondonWards, testing::Values(wards_2014, wards_2018),
                         [](const testing::TestParamInfo<WardFile>& info) { return std::string("Wards") + info.param.year; });

TEST(London2014, ExactlyColvilleAndPembridgeAreRepaired) {
    const geo::WardSet& set = loaded(wards_2014);
    const auto repaired = set.hygiene.of(geo::ProblemKind::invalid_repaired);
    EXPECT_THAT(codes_of(repaired), UnorderedElementsAre("E05009392", "E05009400"));  // Colville, Pembridge
    for (const auto* problem : repaired) {
        EXPECT_THAT(problem->detail, HasSubstr("Self-intersection")) << problem->unit_code;
        ASSERT_TRUE(problem->location.has_value()) << problem->unit_code;
        EXPECT_NEAR(problem->location->x, 524859, 300) << problem->unit_code;
        EXPECT_NEAR(problem->location->y, 180764, 300) << problem->unit_code;
        EXPECT_THAT(problem->source, HasSubstr("London_Ward.tab")) << problem->unit_code;
    }
}

TEST(London2018, GeoJsonWithBngCoordinatesButNoCrsIsRefusedWithTheFix) {
    geo::LoadOptions options;
    options.sources = {shared_data("london/wards-2018-bng-no-crs.geojson")};
    try {
        geo::load_units(options);
        FAIL() << "metres were read as degrees";
    } catch (const geo::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("wards-2018-bng-no-crs.geojson"));
        EXPECT_THAT(e.what(), HasSubstr("-s_srs EPSG:27700"));
    }
}

TEST(London2018, GeoJsonWithBngCoordinatesLoadsWithSourceSrs) {
    geo::LoadOptions options;
    options.sources = {shared_data("london/wards-2018-bng-no-crs.geojson")};
    options.source_srs = "EPSG:27700";
    const geo::WardSet set = geo::load_units(options);
    EXPECT_EQ(set.units.size(), 657u);
    EXPECT_EQ(set.sources.at(0).crs_how, "given by -s_srs");
    EXPECT_EQ(set.working_crs.epsg, 27700);
    const double area = wardmap_test::total_area(set.units);
    EXPECT_NEAR(area, wardmap_test::total_area(loaded(wards_2018).units), 1e-4 * area);
}

TEST(LondonLoad, MissingFileIsAnInputErrorNamingIt) {
    geo::LoadOptions options;
    options.sources = {shared_data("london/no-such-wards.tab")};
    EXPECT_THAT([&] { geo::load_units(options); },
                testing::ThrowsMessage<geo::InputError>(HasSubstr("no-such-wards.tab")));
}

TEST(LondonLoad, UnknownFieldOverrideListsTheFileFields) {
    geo::LoadOptions options;
    options.sources = {shared_data(wards_2018.path)};
    options.fields.code = "WD18CD";
    EXPECT_THAT([&] { geo::load_units(options); },
                testing::ThrowsMessage<geo::InputError>(HasSubstr("GSS_CODE")));
}

TEST(LondonLoad, CityMergedFileHasOneCityWard) {
    geo::LoadOptions options;
    options.sources = {shared_data("london/wards-2014-mapinfo/London_Ward_CityMerged.tab")};
    const geo::WardSet set = geo::load_units(options);
    EXPECT_EQ(set.units.size(), 630u);
    const auto boroughs = geo::dissolve(set, geo::group_by_parent(set), {});
    EXPECT_EQ(boroughs.units.size(), 33u);
}
