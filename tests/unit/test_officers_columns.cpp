// Officers and phases as export columns: added after the layers' own, joined by code, nulls where
// a unit has none, and no clash with a source field of the same name.
#include "support.h"

#include "geo/export/plan_layers.h"
#include "geo/officers/allocation_columns.h"
#include "geo/rollout/rollout_columns.h"

#include <gmock/gmock.h>

using namespace wardmap_test;

namespace {

std::vector<std::string> names_of(const geo::OutputLayer& layer) {
    std::vector<std::string> names;
    for (const auto& field : layer.fields) names.push_back(field.name);
    return names;
}

TEST(OfficersColumns, UnitsCarryPostsAndPhaseOrNulls) {
    geo::WardSet wards = row_of_wards({{"W1", "One", "B1", "B"}, {"W2", "Two", "B1", "B"}, {"W3", "Three", "B2", "C"}});
    wards.fields = {{"dwo", geo::FieldKind::integer}};  // a source field that clashes with ours
    for (auto& unit : wards.units) unit.values = {std::int64_t{9}};
    const geo::Grouping grouping{{{"A", "Unit A", "", ""}}, {0, 0, -1}};

    geo::Allocation allocation;
    allocation.pools = {"Safeguarding uplift"};
    allocation.ward_of_unit = {geo::WardPosts{2, 1}, geo::WardPosts{3, 1}, std::nullopt};
    allocation.units = {{"A", "Unit A", 2, 5, 2, 1, 5, {7}, {1.0}}};
    geo::Rollout rollout;
    rollout.phases = {{"Pathfinders", {2017, 1, 1}}, {"North", {2019, 1, 9}}};
    rollout.phase_of_unit = {0, 1, -1};

    geo::LayerExtras extras = geo::rollout_columns(wards, grouping, rollout);
    const geo::LayerExtras officers = geo::allocation_columns(wards, allocation);
    extras.units.append(officers.units);
    extras.command_units.append(officers.command_units);

    const geo::OutputLayer units = geo::units_layer(wards, grouping, true, extras.units);
    EXPECT_THAT(names_of(units), ::testing::ElementsAre("code", "name", "parent", "parent_nm", "cu_code", "cu_name", "phase", "src_dwo",
                                                        "live_phase", "live_date", "dwo", "pcso"));
    EXPECT_EQ(units.features[1].values[8], geo::FieldValue(std::string("North")));
    EXPECT_EQ(units.features[1].values[9], geo::FieldValue(std::string("2019-01-09")));
    EXPECT_EQ(units.features[1].values[10], geo::FieldValue(std::int64_t{3}));
    for (std::size_t v = 8; v < 12; ++v) EXPECT_TRUE(std::holds_alternative<std::monostate>(units.features[2].values[v])) << v;

    EXPECT_EQ(extras.command_units.by_code.at("A"),
              (std::vector<geo::FieldValue>{std::string("2017-01-01"), std::string("North"), std::string("2019-01-09"), std::int64_t{5},
                                            std::int64_t{2}, std::int64_t{1}, std::int64_t{5}, std::int64_t{7}, std::int64_t{18}}));
    EXPECT_EQ(extras.command_units.fields[7].name, "safeguarding_uplift");
}

TEST(OfficersColumns, ColumnNamesEveryFormatTakes) {
    EXPECT_EQ(geo::column_name("Neighbourhood demand-led"), "neighbourhood_demand_led");
    EXPECT_EQ(geo::column_name("  Response (24/7) "), "response_24_7");
    EXPECT_EQ(geo::column_name("101 calls"), "pool_101_calls");
    EXPECT_EQ(geo::column_name("--"), "pool_");
}

}  // namespace
