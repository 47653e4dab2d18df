// Issue 9, forecast CSVs from spreadsheets and other programs: a header with no rows
// (a failed export), European number formats and separators named as the probable
// cause, and foreign text quoted cut at 80 characters with control bytes escaped.
// Expected texts are written by hand from the file contents in each test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "plan_fixture.hpp"
#include "support/run_cli.hpp"

namespace staffplan::test {
namespace {

using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using staffplan::testing::make_temp_dir;
using staffplan::testing::write_file;

const std::string kEuropean =
    "this looks like a spreadsheet export with European settings; export with ',' between fields, '.' as the "
    "decimal point and no thousands separators";

class CsvHostile : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::vector<std::string> errors(const std::string& csv) {
    write_file(dir_ + "/f.csv", csv);
    write_file(dir_ + "/plan.yaml", base_plan({{13, "      csv: f.csv"}}));
    return file_errors_of(dir_ + "/plan.yaml");
  }
  std::string dir_;
};

TEST_F(CsvHostile, HeaderWithoutRowsIsRefused) {
  const std::string message =
      "error: the forecast file has a header but no rows (a failed export?); a queue with no calls is written "
      "'forecast: { rows: [] }'";
  EXPECT_THAT(errors("start,calls\n"), ElementsAre(dir_ + "/f.csv:1:1: " + message));
  EXPECT_THAT(errors("start,calls,aht_s\r\n\r\n\n"), ElementsAre(dir_ + "/f.csv:1:1: " + message));
  // One row, even of 0 calls, is a forecast.
  EXPECT_THAT(errors("start,calls\n2026-11-23T08:00,0\n"), ElementsAre());
}

TEST_F(CsvHostile, DecimalCommaNamesTheProbableCause) {
  EXPECT_THAT(errors("start,calls\n2026-11-23T08:00,\"10,5\"\n"),
              ElementsAre(AllOf(HasSubstr("/f.csv:2:"),
                                EndsWith("error: expected 2 fields, got 3; a number with ',' as the decimal point or "
                                         "thousands separator (\"10,5\", \"1,200\") splits into two fields: " +
                                         kEuropean))));
  EXPECT_THAT(errors("start,calls,aht_s\n2026-11-23T08:00,1,200,180\n"),
              ElementsAre(HasSubstr("expected 3 fields, got 4; a number with ','")));
  // The error points at the number that was split (column 18), or at the first extra
  // field (column 21), or at the end of a short line (column 17).
  EXPECT_THAT(errors("start,calls\n2026-11-23T08:00,\"10,5\"\n"), ElementsAre(HasSubstr("/f.csv:2:18: error:")));
  EXPECT_THAT(errors("start,calls\n2026-11-23T08:00,10,note\n"), ElementsAre(HasSubstr("/f.csv:2:21: error:")));
  EXPECT_THAT(errors("start,calls\n2026-11-23T08:00\n"), ElementsAre(HasSubstr("/f.csv:2:17: error: expected 2 fields, got 1")));
  // Too many fields that are not numbers: no guess.
  EXPECT_THAT(errors("start,calls\n2026-11-23T08:00,10,note\n"), ElementsAre(EndsWith("expected 2 fields, got 3")));
}

TEST_F(CsvHostile, SemicolonsNameTheProbableCause) {
  EXPECT_THAT(errors("start;calls\n2026-11-23T08:00;10,5\n"),
              ElementsAre(dir_ + "/f.csv:1:1: error: expected the header 'start,calls' or 'start,calls,aht_s', got "
                                 "'start;calls'; the fields are separated by ';': " + kEuropean));
}

TEST_F(CsvHostile, ThousandsSeparatorsNameTheProbableCause) {
  EXPECT_THAT(errors("start,calls\n2026-11-23T08:00,1 200\n"),
              ElementsAre(EndsWith("error: calls: expected a finite number, got '1 200'; a space as the thousands "
                                   "separator: " + kEuropean)));
  EXPECT_THAT(errors("start,calls\n2026-11-23T08:00,1.200.000\n"),
              ElementsAre(EndsWith("got '1.200.000'; '.' as the thousands separator: " + kEuropean)));
}

TEST_F(CsvHostile, QuotedForeignTextIsCutAndEscaped) {
  // CR-only line ends: the whole file is one line; the quote stops after 80 characters.
  std::string cr_only = "start,calls\r";
  for (int i = 0; i < 1000; ++i) cr_only += "2026-11-23T08:00,10\r";
  const auto cr = errors(cr_only);
  ASSERT_EQ(cr.size(), 1u);
  EXPECT_THAT(cr[0], HasSubstr("got 'start,calls\\x0D2026-11-23T08:00,10\\x0D2026-11-23T08:00,10\\x0D2026-11-23T08:00,10"
                               "\\x0D2026-11-...'; the lines end with a carriage return only"));
  EXPECT_LT(cr[0].size(), 400u);
  // A long field with an escape sequence in a data row.
  const auto esc = errors("start,calls\n\x1B[2J" + std::string(500, 'x') + ",1\n");
  ASSERT_EQ(esc.size(), 1u);
  EXPECT_THAT(esc[0], HasSubstr("got '\\x1B[2J" + std::string(76, 'x') + "...'"));
  EXPECT_EQ(esc[0].find('\x1B'), std::string::npos);
}

}  // namespace
}  // namespace staffplan::test
