// geo/export/text_precision: text formats get numbers at the precision they mean.
#include "geo/export/text_precision.h"

#include <gtest/gtest.h>

namespace {

geo::OutputLayer one_row(const std::string& field, double value) {
    geo::OutputLayer layer{"command_units", "", {{"code", geo::FieldKind::text}, {field, geo::FieldKind::real}}, {}};
    layer.features.push_back({nullptr, {std::string("CE"), value}});
    return layer;
}

double rounded(const std::string& field, double value) {
    std::vector<geo::OutputLayer> layers{one_row(field, value)};
    geo::round_for_text(layers);
    return std::get<double>(layers[0].features[0].values[1]);
}

}  // namespace

TEST(TextPrecision, AreaInSquareKilometresToTheSquareMetre) {
    EXPECT_DOUBLE_EQ(rounded("area_km2", 40.624013960000063), 40.624014);  // issue #19's example
    EXPECT_DOUBLE_EQ(rounded("perim_km", 52.1234567891), 52.123457);
    EXPECT_DOUBLE_EQ(rounded("compact", 0.33999987), 0.34);
}

TEST(TextPrecision, OtherRealsToTenSignificantFigures) {
    EXPECT_DOUBLE_EQ(rounded("Hectares", 4062.4013960000063), 4062.401396);
    EXPECT_DOUBLE_EQ(rounded("Population", 12345.666666666666), 12345.66667);
    EXPECT_DOUBLE_EQ(rounded("tiny", 0.000123456789012), 0.000123456789);
    EXPECT_DOUBLE_EQ(rounded("Hectares", 0.0), 0.0);
    EXPECT_DOUBLE_EQ(rounded("Hectares", -2.50000000001), -2.5);
}

TEST(TextPrecision, TextIntegersAndNullsUntouched) {
    geo::OutputLayer layer{"units", "", {{"code", geo::FieldKind::text}, {"units", geo::FieldKind::integer}, {"area_km2", geo::FieldKind::real}}, {}};
    layer.features.push_back({nullptr, {std::string("1.23456789"), std::int64_t{123456789012}, geo::FieldValue()}});
    std::vector<geo::OutputLayer> layers{layer};
    geo::round_for_text(layers);
    EXPECT_EQ(std::get<std::string>(layers[0].features[0].values[0]), "1.23456789");
    EXPECT_EQ(std::get<std::int64_t>(layers[0].features[0].values[1]), 123456789012);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(layers[0].features[0].values[2]));
}
