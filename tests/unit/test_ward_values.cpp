// geo/attributes/ward_values: the figures officer pools and rollouts are weighted by. A NaN,
// infinite or negative figure is refused naming the file, the line and the column.
#include "geo/attributes/ward_values.h"
#include "geo/core/errors.h"
#include "support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::HasSubstr;
using wardmap_test::TempDir;
using wardmap_test::write_text;

std::string column_message(const std::string& table) {
    TempDir dir;
    const std::string path = (dir.path() / "profiles.csv").string();
    write_text(path, table);
    try {
        geo::read_ward_column(path, {"", "Population", ""});
    } catch (const geo::InputError& error) {
        return error.what();
    }
    return "no error";
}

std::string crime_message(const std::string& cell) {
    TempDir dir;
    const std::string path = (dir.path() / "crime.csv").string();
    write_text(path, "MajorText,WardCode,WardName,LookUp_BoroughName,201801,201802\n"
                     "Burglary,E05000001,A,Camden,1,2\nRobbery,E05000001,A,Camden," + cell + ",3\n");
    try {
        geo::read_crime(path);
    } catch (const geo::InputError& error) {
        return error.what();
    }
    return "no error";
}

TEST(WardValues, NanInfiniteAndNegativeFiguresAreRefusedWithFileLineAndColumn) {
    const std::string head = "Ward Code,Ward Name,Population\nE05000001,A,100\n";
    EXPECT_THAT(column_message(head + "E05000002,B,nan\n"), HasSubstr("profiles.csv: line 3, column Population: 'nan' is not a figure"));
    EXPECT_THAT(column_message(head + "E05000002,B,-inf\n"), HasSubstr("line 3, column Population: '-inf' is not a figure"));
    EXPECT_THAT(column_message(head + "E05000002,B,1e999\n"), HasSubstr("line 3, column Population: '1e999'"));
    EXPECT_THAT(column_message(head + "E05000002,B,-5\n"), HasSubstr("line 3, column Population: '-5'"));
    EXPECT_THAT(crime_message("NaN"), HasSubstr("crime.csv: line 3, column 201801: 'NaN' is not a figure"));
    EXPECT_THAT(crime_message("-2"), HasSubstr("crime.csv: line 3, column 201801: '-2'"));
    EXPECT_THAT(crime_message("1e308,1e308\nRobbery,E05000001,A,Camden,1e308"), HasSubstr("add up past any number"));
}

TEST(WardValues, FiguresOfZeroAndMoreAreSummedAndKept) {
    TempDir dir;
    const std::string path = (dir.path() / "crime.csv").string();
    write_text(path, "MajorText,WardCode,WardName,LookUp_BoroughName,201801,201802\n"
                     "Burglary,E05000001,A,Camden,1,2\nRobbery,E05000001,A,Camden,0,3.5\n");
    const geo::WardValues crime = geo::read_crime(path);
    ASSERT_EQ(crime.rows.size(), 1u);
    EXPECT_DOUBLE_EQ(crime.rows[0].value, 6.5);
}

}  // namespace
