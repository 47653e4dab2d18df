#include "report/clock.hpp"
#include "report/writer.hpp"

#include <gtest/gtest.h>

using namespace staffplan::report;

TEST(Csv, QuotesOnlyWhenNeeded) {
  CsvWriter csv({"a", "b"});
  csv.add_row({"plain", "with,comma"});
  csv.add_row({"say \"hi\"", ""});
  EXPECT_EQ(csv.str(), "a,b\r\nplain,\"with,comma\"\r\n\"say \"\"hi\"\"\",\r\n");
}

// SPEC §6, issue 9: text that a spreadsheet would run as a formula gets a leading '
// (the OWASP "CSV injection" triggers = + - @ tab CR); numbers are left alone.
TEST(Csv, NeutralisesFormulaTextButNotNumbers) {
  CsvWriter csv({"cell"});
  for (const char* cell : {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tq", "-cmd", "=1,2", "a=b"})
    csv.add_row({cell});
  EXPECT_EQ(csv.str(),
            "cell\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"  // the ' goes inside the RFC 4180 quotes
            "'+1+1\r\n"
            "'-2+3\r\n"
            "'@SUM(A1)\r\n"
            "'\tq\r\n"
            "'-cmd\r\n"
            "\"'=1,2\"\r\n"
            "a=b\r\n");
}

TEST(Csv, CarriageReturnAtTheStartIsNeutralisedAndQuoted) {
  CsvWriter csv({"cell"});
  csv.add_row({"\r=1"});
  EXPECT_EQ(csv.str(), "cell\r\n\"'\r=1\"\r\n");
}

TEST(Csv, NumbersStayAsTheyAre) {
  CsvWriter csv({"n"});
  for (const char* cell : {"-1", "-0.25", "+3", "-1e+06", "2.5E-3", "0", "-.5", "12.", "2026-11-23T08:00:00-05:00", ""})
    csv.add_row({cell});
  EXPECT_EQ(csv.str(), "n\r\n-1\r\n-0.25\r\n+3\r\n-1e+06\r\n2.5E-3\r\n0\r\n-.5\r\n12.\r\n"
                       "2026-11-23T08:00:00-05:00\r\n\r\n");
  // Not numbers, though they start like one: neutralised.
  CsvWriter odd({"n"});
  for (const char* cell : {"-", "-e5", "-1-1", "+inf", "-1e"}) odd.add_row({cell});
  EXPECT_EQ(odd.str(), "n\r\n'-\r\n'-e5\r\n'-1-1\r\n'+inf\r\n'-1e\r\n");
}

TEST(Json, NestedDocument) {
  JsonWriter json;
  json.begin_object().key("name").value("x\"y").key("n").value(3).key("v").value(0.5);
  json.key("none").null().key("list").begin_array().value(1).value(2).end_array();
  json.key("empty").begin_array().end_array().end_object();
  EXPECT_EQ(json.str(),
            "{\n  \"name\": \"x\\\"y\",\n  \"n\": 3,\n  \"v\": 0.5,\n  \"none\": null,\n"
            "  \"list\": [\n    1,\n    2\n  ],\n  \"empty\": []\n}\n");
}

TEST(Json, NonFiniteIsNull) {
  JsonWriter json;
  json.begin_array().value(1.0 / 0.0).value(-0.0).end_array();
  EXPECT_EQ(json.str(), "[\n  null,\n  0\n]\n");
}

TEST(Fixed, NoNegativeZero) {
  EXPECT_EQ(fixed(-0.0001, 3), "0.000");
  EXPECT_EQ(fixed(0.88836, 4), "0.8884");
  EXPECT_EQ(fixed(1.0 / 0.0, 2), "");
}

TEST(Table, AlignsColumns) {
  Table t({"name", "n"}, {Table::Align::left, Table::Align::right});
  t.add_row({"a", "10"});
  t.add_row({"long", "2"});
  t.add_rule();
  t.add_row({"total", "12"});
  EXPECT_EQ(t.str(), "name    n\n---------\na      10\nlong    2\n---------\ntotal  12\n");
}

TEST(Clock, IsoTimestampWithOffset) {
  // 2026-11-23T13:30:00Z is 08:30 in New York (EST, UTC-5): 1795440600 s since epoch.
  EXPECT_EQ(iso_timestamp(1795440600, -5 * 3600), "2026-11-23T08:30:00-05:00");
  EXPECT_EQ(iso_timestamp(1795440600, 5 * 3600 + 1800), "2026-11-23T19:00:00+05:30");
  EXPECT_EQ(local_date(1795440600, -14 * 3600), "2026-11-22");
  EXPECT_EQ(local_hhmm(1795440600, 0), "13:30");
}
