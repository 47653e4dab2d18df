// Display width of table cells (issue 9: zero-width and combining characters shifted
// the columns). Expected widths are hand counts of terminal columns, with the
// categories taken from the Unicode Character Database: U+0301 is Mn (0 columns),
// U+200B is Cf (0), U+65E5 and U+D55C are East_Asian_Width W (2), U+FF21 is F (2),
// U+1F600 is W (2), U+00E9 is N (1).
#include <gtest/gtest.h>

#include "report/text_width.hpp"
#include "report/writer.hpp"

namespace staffplan::report {
namespace {

TEST(TextWidth, CodePoints) {
  EXPECT_EQ(code_point_width(U'a'), 1);
  EXPECT_EQ(code_point_width(0x00E9), 1);
  EXPECT_EQ(code_point_width(0x0301), 0);
  EXPECT_EQ(code_point_width(0x200B), 0);
  EXPECT_EQ(code_point_width(0xFEFF), 0);
  EXPECT_EQ(code_point_width(0x65E5), 2);
  EXPECT_EQ(code_point_width(0xD55C), 2);
  EXPECT_EQ(code_point_width(0xFF21), 2);
  EXPECT_EQ(code_point_width(0x1F600), 2);
  EXPECT_EQ(code_point_width(0x20000), 2);
  EXPECT_EQ(code_point_width(0x0410), 1);  // Cyrillic A
}

TEST(TextWidth, Strings) {
  EXPECT_EQ(display_width("english"), 7u);
  EXPECT_EQ(display_width("Caf\xC3\xA9"), 4u);      // precomposed e-acute
  EXPECT_EQ(display_width("Cafe\xCC\x81"), 4u);     // e + combining acute
  EXPECT_EQ(display_width("a\xE2\x80\x8B" "b"), 2u);  // zero-width space
  EXPECT_EQ(display_width("日本語"), 6u);
  EXPECT_EQ(display_width("한국어 support"), 14u);
  EXPECT_EQ(display_width("\xFF"), 1u);             // not UTF-8: one column, no crash
}

// Every row of an aligned table has its second column starting at the same
// terminal column: the first column's display width is padded to the widest.
TEST(TextWidth, TableAlignsWideAndCombiningNames) {
  Table t({"queue", "agents"}, {Table::Align::left, Table::Align::right});
  t.add_row({"english", "12"});
  t.add_row({"日本語", "7"});
  t.add_row({"Cafe\xCC\x81", "3"});
  t.add_row({"a\xE2\x80\x8B" "b", "4"});
  EXPECT_EQ(t.str(),
            "queue    agents\n"
            "---------------\n"
            "english      12\n"
            "日本語        7\n"
            "Cafe\xCC\x81" "          3\n"
            "a\xE2\x80\x8B" "b            4\n");
}

}  // namespace
}  // namespace staffplan::report
