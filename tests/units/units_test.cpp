#include "units/units.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace staffplan::units;

TEST(Duration, BareNumberIsSeconds) {
  EXPECT_DOUBLE_EQ(parse_duration("20"), 20.0);
  EXPECT_DOUBLE_EQ(parse_duration("2.5"), 2.5);
  EXPECT_DOUBLE_EQ(parse_duration(" 0 "), 0.0);
}

TEST(Duration, UnitsCombineInDecreasingOrder) {
  EXPECT_DOUBLE_EQ(parse_duration("20s"), 20.0);
  EXPECT_DOUBLE_EQ(parse_duration("5m"), 300.0);
  EXPECT_DOUBLE_EQ(parse_duration("8h"), 28800.0);
  EXPECT_DOUBLE_EQ(parse_duration("1h30m"), 5400.0);
  EXPECT_DOUBLE_EQ(parse_duration("8h30m"), 30600.0);
  EXPECT_DOUBLE_EQ(parse_duration("2m30s"), 150.0);
  EXPECT_DOUBLE_EQ(parse_duration("1.5h"), 5400.0);
  EXPECT_DOUBLE_EQ(parse_duration("250ms"), 0.25);
}

TEST(Duration, RejectsMalformedText) {
  for (const char* bad : {"", "s", "abc", "-5s", "-5", "5x", "30m1h", "1h1h", "nan", "inf", "1e400s",
                          "0x10", "5 m", "m5", "1h-30m"}) {
    EXPECT_THROW(parse_duration(bad), ParseError) << bad;
  }
}

TEST(Duration, ErrorNamesTheText) {
  try {
    parse_duration("abc");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_STREQ(e.what(), "expected a duration like 20s, 5m or 1h30m (a bare number is seconds), got 'abc'");
  }
}

TEST(Fraction, DecimalOrPercent) {
  EXPECT_DOUBLE_EQ(parse_fraction("0.8"), 0.8);
  EXPECT_DOUBLE_EQ(parse_fraction("80%"), 0.8);
  EXPECT_DOUBLE_EQ(parse_fraction("80 %"), 0.8);
  EXPECT_DOUBLE_EQ(parse_fraction("12.5%"), 0.125);
  EXPECT_DOUBLE_EQ(parse_fraction("1.5"), 1.5);  // range is the caller's check
  EXPECT_DOUBLE_EQ(parse_fraction("-0"), 0.0);
  EXPECT_FALSE(std::signbit(parse_fraction("-0")));
}

TEST(Fraction, RejectsNonNumbers) {
  for (const char* bad : {"", "%", "abc", "80%%", "nan", "NaN", "inf", "-inf", "0x1p3", "1e999", "80 percent"})
    EXPECT_THROW(parse_fraction(bad), ParseError) << bad;
}

TEST(Number, StrictDecimal) {
  EXPECT_DOUBLE_EQ(parse_number("28"), 28.0);
  EXPECT_DOUBLE_EQ(parse_number("-3.25"), -3.25);
  EXPECT_DOUBLE_EQ(parse_number("1e3"), 1000.0);
  for (const char* bad : {"", "1e308x", "1e309", "0x10", ".nan", ".inf", "nan", "12,5", "+"})
    EXPECT_THROW(parse_number(bad), ParseError) << bad;
}

TEST(Count, WholeNonNegativeInt) {
  EXPECT_EQ(parse_count("0"), 0);
  EXPECT_EQ(parse_count("2147483647"), 2147483647);
  for (const char* bad : {"", "-1", "1.5", "1e3", "2147483648", "99999999999999999999", "12a"})
    EXPECT_THROW(parse_count(bad), ParseError) << bad;
}

TEST(TimeOfDay, HoursAndMinutes) {
  EXPECT_EQ(parse_time_of_day("00:00"), 0);
  EXPECT_EQ(parse_time_of_day("07:30"), 450);
  EXPECT_EQ(parse_time_of_day("23:59"), 1439);
  EXPECT_EQ(parse_time_of_day("24:00", true), 1440);
  for (const char* bad : {"24:00", "7:30", "07:60", "25:00", "0730", "07:30:00", "ab:cd"})
    EXPECT_THROW(parse_time_of_day(bad), ParseError) << bad;
}

TEST(Format, DurationRoundTrips) {
  EXPECT_EQ(format_duration(1800), "30m");
  EXPECT_EQ(format_duration(5400), "1h30m");
  EXPECT_EQ(format_duration(20), "20s");
  EXPECT_EQ(format_duration(0), "0s");
  EXPECT_EQ(format_duration(3725), "1h2m5s");
  for (double s : {1800.0, 5400.0, 20.0, 3725.0, 86400.0}) EXPECT_DOUBLE_EQ(parse_duration(format_duration(s)), s);
}

TEST(Format, TimeOfDay) {
  EXPECT_EQ(format_time_of_day(450), "07:30");
  EXPECT_EQ(format_time_of_day(1440 + 30), "00:30");
  EXPECT_EQ(format_time_of_day(-30), "23:30");
}
