// geo/plan/csv_table: the strict CSV reader under plans and lookups. Small texts, one quirk each.
#include "geo/core/errors.h"
#include "geo/plan/csv_table.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using geo::CsvTable;
using geo::InputError;
using geo::parse_csv;
using testing::ElementsAre;
using testing::HasSubstr;

namespace {

// The message of the InputError that parsing `text` throws (fails the test if none).
std::string parse_error(const std::string& text, const std::string& path = "plan.csv") {
    try {
        parse_csv(text, path);
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), path);
        return e.what();
    }
    ADD_FAILURE() << "no InputError for:\n" << text;
    return {};
}

}  // namespace

TEST(Csv, ReadsHeaderRowsAndTheLineOfEachRow) {
    const CsvTable table = parse_csv("code,unit_code\nE09000002,EA\n\nE09000003,NW\n", "plan.csv");
    EXPECT_EQ(table.delimiter, ',');
    EXPECT_THAT(table.header, ElementsAre("code", "unit_code"));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_THAT(table.rows[1], ElementsAre("E09000003", "NW"));
    EXPECT_THAT(table.lines, ElementsAre(2u, 4u));  // the blank line 3 is skipped, not renumbered
}

TEST(Csv, ByteOrderMarkIsSkipped) {
    const CsvTable table = parse_csv("\xEF\xBB\xBFLAD17CD,PFA17CD\nE06000001,E23000013\n", "lookup.csv");
    ASSERT_FALSE(table.header.empty());
    EXPECT_EQ(table.header[0], "LAD17CD");  // not "\xEF\xBB\xBFLAD17CD"
    EXPECT_TRUE(table.column("lad17cd").has_value());
}

TEST(Csv, WindowsLineEndingsAreNotPartOfTheLastField) {
    const CsvTable table = parse_csv("code,unit_code\r\nE09000002,EA\r\n", "plan.csv");
    EXPECT_THAT(table.header, ElementsAre("code", "unit_code"));
    EXPECT_THAT(table.rows.at(0), ElementsAre("E09000002", "EA"));
}

TEST(Csv, SemicolonDelimiterIsDetected) {
    // A European spreadsheet's export: semicolons, with commas inside the names.
    const CsvTable table = parse_csv("code;unit_code;unit_name\nE09000002;EA;Barking, Havering\n", "plan.csv");
    EXPECT_EQ(table.delimiter, ';');
    EXPECT_THAT(table.rows.at(0), ElementsAre("E09000002", "EA", "Barking, Havering"));
}

TEST(Csv, TabAndPipeDelimitersAreDetected) {
    EXPECT_EQ(parse_csv("code\tunit_code\nA\tB\n", "t.tsv").delimiter, '\t');
    EXPECT_EQ(parse_csv("code|unit_code\nA|B\n", "t.txt").delimiter, '|');
}

TEST(Csv, QuotedFieldsKeepCommasAndDoubledQuotes) {
    const CsvTable table =
        parse_csv("code,unit_name,note\n"
                  "E09000007,\"Camden, Islington\",\"the \"\"Central North\"\" BCU\"\n",
                  "plan.csv");
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_THAT(table.rows[0], ElementsAre("E09000007", "Camden, Islington", "the \"Central North\" BCU"));
}

TEST(Csv, QuotedFieldMaySpanLinesAndLaterLinesKeepTheirNumbers) {
    const CsvTable table = parse_csv("code,note\nA,\"two\nlines\"\nB,x\n", "plan.csv");
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0][1], "two\nlines");
    EXPECT_THAT(table.lines, ElementsAre(2u, 4u));
}

TEST(Csv, RaggedRowNamesItsLineAndTheHeader) {
    const std::string message = parse_error("code,unit_code,unit_name\nA,U1,One\nB,U2\nC,U3,Three\n");
    EXPECT_THAT(message, HasSubstr("line 3"));
    EXPECT_THAT(message, HasSubstr("2 fields where the header has 3"));
    EXPECT_THAT(message, HasSubstr("code, unit_code, unit_name"));
}

TEST(Csv, RowWithTooManyFieldsIsRefused) {
    EXPECT_THAT(parse_error("code,unit_code\nA,U1\nB,U2,extra\n"), HasSubstr("line 3"));
}

TEST(Csv, RaggedRowAfterAQuotedNewlineNamesWhereTheRowStarts) {
    // Row 2 spans lines 2-3; the bad row starts on line 4.
    EXPECT_THAT(parse_error("code,note\nA,\"x\ny\"\nB\n"), HasSubstr("line 4"));
}

TEST(Csv, NonUtf8ByteNamesItsLine) {
    // "Bromley" fine, then a Latin-1 é (0xE9) on line 3, as Excel's "CSV" export writes it.
    try {
        parse_csv("code,unit_name\nE09000006,Bromley\nE09000007,Caf\xE9\n", "latin1.csv");
        FAIL() << "a Latin-1 byte was accepted as UTF-8";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), "line 3");
        EXPECT_THAT(e.what(), HasSubstr("latin1.csv"));
        EXPECT_THAT(e.what(), HasSubstr("not UTF-8"));
        EXPECT_THAT(e.what(), HasSubstr("0xE9"));
    }
}

TEST(Csv, ValidMultiByteUtf8IsAccepted) {
    const CsvTable table = parse_csv("code,name\nW06000001,Ynys M\xC3\xB4n\n", "wales.csv");
    EXPECT_EQ(table.rows.at(0)[1], "Ynys M\xC3\xB4n");
}

TEST(Csv, TruncatedUtf8SequenceAtTheEndIsRefused) {
    EXPECT_THAT(parse_error("code,name\nA,B\xC3"), HasSubstr("line 2"));
}

TEST(Csv, UnterminatedQuoteNamesTheLineWhereTheFieldStarts) {
    const std::string message = parse_error("code,unit_name\nA,One\nB,\"Two\nC,Three\n");
    EXPECT_THAT(message, HasSubstr("line 3"));
    EXPECT_THAT(message, HasSubstr("never closed"));
}

TEST(Csv, EmptyTextIsRefused) {
    EXPECT_THAT(parse_error(""), HasSubstr("empty"));
}

TEST(Csv, OnlyBlankLinesAndABomCountAsEmpty) {
    EXPECT_THAT(parse_error("\xEF\xBB\xBF\n\r\n\n"), HasSubstr("empty"));
}

TEST(Csv, HeaderOnlyGivesNoRows) {
    const CsvTable table = parse_csv("code,unit_code", "plan.csv");  // no final newline
    EXPECT_THAT(table.header, ElementsAre("code", "unit_code"));
    EXPECT_TRUE(table.rows.empty());
}

TEST(Csv, LastRowWithoutNewlineIsRead) {
    const CsvTable table = parse_csv("code,unit_code\nA,U1\nB,U2", "plan.csv");
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_THAT(table.rows[1], ElementsAre("B", "U2"));
}

TEST(Csv, LastRowEndingInAnEmptyFieldKeepsIt) {
    const CsvTable table = parse_csv("code,unit_code\nA,", "plan.csv");
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_THAT(table.rows[0], ElementsAre("A", ""));
}

TEST(Csv, FindColumnMatchesWholeUpperCasedNames) {
    const CsvTable table = parse_csv("FID,lad17cd,PFA17CD\n1,E06000001,E23000013\n", "lookup.csv");
    EXPECT_EQ(table.find_column({"LAD##CD"}), 1u);
    EXPECT_EQ(table.find_column({"PFA##CD"}), 2u);
    EXPECT_FALSE(table.find_column({"CD"}).has_value());  // a substring is not a match
    EXPECT_FALSE(table.column("PFA17NM").has_value());
}

TEST(Csv, ReadCsvOfAMissingFileIsAnInputErrorNamingIt) {
    try {
        geo::read_csv("/nonexistent/plan.csv");
        FAIL() << "no error for a missing file";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("/nonexistent/plan.csv"));
    }
}

TEST(Csv, ReadsTheRealOnsLookupWithItsByteOrderMark) {
    const CsvTable table = geo::read_csv(wardmap_test::shared_data("gb/lad17-csp17-pfa17-lookup.csv"));
    EXPECT_THAT(table.header, ElementsAre("LAD17CD", "LAD17NM", "CSP17CD", "CSP17NM", "PFA17CD", "PFA17NM", "FID"));
    EXPECT_EQ(table.rows.size(), 348u);
}
