// geo/source/fields: which field is the unit code, name, parent code and parent name, across the
// GLA and ONS releases, with overrides.
#include "geo/core/errors.h"
#include "geo/source/fields.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using geo::FieldChoice;
using geo::FieldMapping;
using geo::InputError;
using geo::map_fields;
using testing::HasSubstr;

namespace {

void expect_mapping(const FieldMapping& mapping, const std::string& code, const std::string& name,
                    const std::string& parent, const std::string& parent_name) {
    EXPECT_EQ(mapping.code, code);
    EXPECT_EQ(mapping.name, name);
    EXPECT_EQ(mapping.parent, parent);
    EXPECT_EQ(mapping.parent_name, parent_name);
}

const std::vector<std::string> gla_2014 = {"Name", "GSS_Code", "Hectares", "Non_Inland_Area",
                                           "LB_GSS_Code", "Borough", "Global_Polygon_ID"};
const std::vector<std::string> gla_2018 = {"NAME", "GSS_CODE", "DISTRICT", "LAGSSCODE", "HECTARES", "NONLD_AREA"};

}  // namespace

TEST(Fields, GlaWards2014) {
    expect_mapping(map_fields(gla_2014, {}, "London_Ward.tab"), "GSS_Code", "Name", "LB_GSS_Code", "Borough");
}

TEST(Fields, GlaWards2018) {
    expect_mapping(map_fields(gla_2018, {}, "London_Ward.tab"), "GSS_CODE", "NAME", "LAGSSCODE", "DISTRICT");
}

TEST(Fields, OnsWards2013) {
    // The Welsh files also carry the old-style code and the Welsh name: WD13CDO, WD13NMW.
    expect_mapping(map_fields({"WD13CD", "WD13CDO", "WD13NM", "WD13NMW"}, {}, "W06000001.json"), "WD13CD", "WD13NM",
                   "", "");
}

TEST(Fields, OnsLsoas2011) {
    expect_mapping(map_fields({"LSOA11CD", "LSOA11NM"}, {}, "E06000001.json"), "LSOA11CD", "LSOA11NM", "", "");
}

TEST(Fields, OnsLsoasWithTheFileStemAsParent) {
    const FieldChoice choice{std::nullopt, std::nullopt, std::string("LAD"), std::nullopt};
    expect_mapping(map_fields({"LSOA11CD", "LSOA11NM", "LAD"}, choice, "E06000001.json"), "LSOA11CD", "LSOA11NM",
                   "LAD", "");
}

TEST(Fields, OnsLookupStyleUnitWithParentDistrict) {
    // A ward table with its district: the ward is the unit, the LAD its parent, never the reverse.
    expect_mapping(map_fields({"LAD17CD", "LAD17NM", "WD17CD", "WD17NM"}, {}, "wards.gpkg"), "WD17CD", "WD17NM",
                   "LAD17CD", "LAD17NM");
}

TEST(Fields, ParentOnlyCodesAreNotGuessedAsTheUnit) {
    // Only district and police-force codes: the generic XXnnCD guess must skip them.
    EXPECT_THROW(map_fields({"LAD17CD", "PFA17CD", "NAME"}, {}, "lookup.gpkg"), InputError);
}

TEST(Fields, OverrideChoosesAnotherField) {
    const FieldChoice choice{std::string("Global_Polygon_ID"), std::string("Borough"), std::nullopt, std::nullopt};
    const FieldMapping mapping = map_fields(gla_2014, choice, "London_Ward.tab");
    EXPECT_EQ(mapping.code, "Global_Polygon_ID");
    EXPECT_EQ(mapping.name, "Borough");
    EXPECT_EQ(mapping.parent, "LB_GSS_Code");
    EXPECT_EQ(mapping.parent_name, "");  // the guess is Borough, taken as the name already
}

TEST(Fields, OverrideForgivesCase) {
    const FieldChoice choice{std::string("gss_code"), std::nullopt, std::string("lb_gss_code"), std::nullopt};
    const FieldMapping mapping = map_fields(gla_2014, choice, "London_Ward.tab");
    EXPECT_EQ(mapping.code, "GSS_Code");  // the file's own spelling
    EXPECT_EQ(mapping.parent, "LB_GSS_Code");
}

TEST(Fields, OverrideWithUnknownNameListsTheFields) {
    const FieldChoice choice{std::nullopt, std::nullopt, std::string("LAD11CD"), std::nullopt};
    try {
        map_fields(gla_2018, choice, "wards-2018/London_Ward.tab");
        FAIL() << "an unknown parent field was accepted";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "wards-2018/London_Ward.tab");
        EXPECT_THAT(e.what(), HasSubstr("--parent-field LAD11CD"));
        EXPECT_THAT(e.what(), HasSubstr("NAME, GSS_CODE, DISTRICT, LAGSSCODE, HECTARES, NONLD_AREA"));
    }
}

TEST(Fields, UnknownCodeOverrideIsAnError) {
    const FieldChoice choice{std::string("WD22CD"), std::nullopt, std::nullopt, std::nullopt};
    EXPECT_THROW(map_fields(gla_2014, choice, "London_Ward.tab"), InputError);
}

TEST(Fields, NoCodeFieldIsAnErrorListingTheFields) {
    try {
        map_fields({"NAME", "HECTARES", "AREA"}, {}, "mystery.shp");
        FAIL() << "a mapping without a code field was made";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "mystery.shp");
        EXPECT_THAT(e.what(), HasSubstr("--code-field"));
        EXPECT_THAT(e.what(), HasSubstr("NAME, HECTARES, AREA"));
    }
}

TEST(Fields, NoFieldsAtAllSaysNone) {
    EXPECT_THAT([] { map_fields({}, {}, "empty.geojson"); },
                testing::ThrowsMessage<InputError>(HasSubstr("(none)")));
}

TEST(FieldDef, NumbersThatNameAFeatureAreIdentifiersNotMeasures) {
    for (const char* name : {"Global_Polygon_ID", "OBJECTID", "objectid", "FID", "id", "Polygon ID"}) {
        const geo::FieldDef field{name, geo::FieldKind::integer};
        EXPECT_TRUE(field.identifier()) << name;
        EXPECT_FALSE(field.measure()) << name;
    }
    for (const char* name : {"Hectares", "Non_Inland_Area", "Population", "crimes", "PAID_POSTS", "Avid"}) {
        const geo::FieldDef field{name, geo::FieldKind::real};
        EXPECT_FALSE(field.identifier()) << name;
        EXPECT_TRUE(field.measure()) << name;
    }
    EXPECT_FALSE((geo::FieldDef{"Hectares", geo::FieldKind::text}.measure()));
}
