// Horizon and shift-start conversions on the 2026 daylight-saving transitions.
// Expected instants come from Python's zoneinfo (an independent tz implementation),
// e.g. datetime(2026,3,8,tzinfo=ZoneInfo("America/New_York")).timestamp() == 1772946000,
// and the interval indices are hand arithmetic on those instants (written per test).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace staffplan::test {
namespace {

Plan one_day(const std::string& zone, const std::string& date, const std::string& interval,
             const std::string& sites = "") {
  return load::load_plan_text(
      base_plan({{3, "timezone: " + zone}, {4, "start: " + date}, {6, "interval: " + interval}}, sites), "plan.yaml");
}

std::string site(const std::string& zone, const std::string& start, const std::string& latest,
                 const std::string& step = "30m") {
  return "sites:\n  - name: s\n    timezone: " + zone +
         "\n    hourly_cost: 10\n    shifts:\n      - { name: x, start: \"" + start + "\", latest_start: \"" +
         latest + "\", start_step: " + step + ", length: 2h }\n";
}

struct Start {
  std::string date;
  int minute;
  int interval;
};

std::vector<Start> starts_of(const Plan& plan) {
  std::vector<Start> out;
  for (const auto& s : plan.sites.at(0).shifts.at(0).starts) out.push_back({s.local_date, s.local_minute, s.interval});
  return out;
}

MATCHER_P3(IsStart, date, minute, interval, "") {
  return arg.date == date && arg.minute == minute && arg.interval == interval;
}

using ::testing::ElementsAre;

TEST(TimeZones, NewYorkSpringForwardDayHas46HalfHours) {
  const Plan plan = one_day("America/New_York", "2026-03-08", "30m");
  EXPECT_EQ(plan.horizon.start_utc, 1772946000);  // 2026-03-08 00:00 EST
  EXPECT_EQ(plan.horizon.count, 46);               // (1773028800 - 1772946000) / 1800
  ASSERT_EQ(plan.horizon.utc_offset_s.size(), 47u);
  EXPECT_EQ(plan.horizon.utc_offset_s[0], -18000);
  EXPECT_EQ(plan.horizon.utc_offset_s[3], -18000);  // 01:30 EST
  EXPECT_EQ(plan.horizon.utc_offset_s[4], -14400);  // 07:00Z: 03:00 EDT, the jump
  EXPECT_EQ(plan.horizon.utc_offset_s[46], -14400);
}

TEST(TimeZones, NewYorkFallBackDayHas50HalfHours) {
  const Plan plan = one_day("America/New_York", "2026-11-01", "30m");
  EXPECT_EQ(plan.horizon.start_utc, 1793505600);  // 2026-11-01 00:00 EDT
  EXPECT_EQ(plan.horizon.count, 50);               // 25 h
  EXPECT_EQ(plan.horizon.utc_offset_s[3], -14400);  // 01:30 EDT
  EXPECT_EQ(plan.horizon.utc_offset_s[4], -18000);  // 06:00Z: the second 01:00, EST
}

TEST(TimeZones, OsloTransitions) {
  const Plan spring = one_day("Europe/Oslo", "2026-03-29", "30m");
  EXPECT_EQ(spring.horizon.start_utc, 1774738800);
  EXPECT_EQ(spring.horizon.count, 46);
  EXPECT_EQ(spring.horizon.utc_offset_s[4], 7200);  // 01:00Z = 03:00 CEST
  const Plan autumn = one_day("Europe/Oslo", "2026-10-25", "15m");
  EXPECT_EQ(autumn.horizon.start_utc, 1792879200);
  EXPECT_EQ(autumn.horizon.count, 100);  // 25 h of quarter hours
}

TEST(TimeZones, KolkataHasNoDaylightSaving) {
  const Plan plan = one_day("Asia/Kolkata", "2026-03-08", "60m");
  EXPECT_EQ(plan.horizon.start_utc, 1772908200);
  EXPECT_EQ(plan.horizon.count, 24);
  for (int offset : plan.horizon.utc_offset_s) EXPECT_EQ(offset, 19800);
}

TEST(TimeZones, NonexistentShiftStartsAreSkipped) {
  // New York 2026-03-08: 02:00 and 02:30 do not exist; 03:00 EDT = 07:00Z,
  // (07:00Z - 05:00Z) / 30m = interval 4.
  const Plan plan = one_day("America/New_York", "2026-03-08", "30m", site("America/New_York", "02:00", "03:00"));
  EXPECT_THAT(starts_of(plan), ElementsAre(IsStart("2026-03-08", 180, 4)));
}

TEST(TimeZones, RepeatedShiftStartsUseTheFirstOccurrence) {
  // New York 2026-11-01: 01:00 and 01:30 happen twice; the first (EDT) is used:
  // 01:00 EDT = 05:00Z -> (05:00Z - 04:00Z) / 30m = 2; 01:30 -> 3; 02:00 EST = 07:00Z -> 6.
  const Plan plan = one_day("America/New_York", "2026-11-01", "30m", site("America/New_York", "01:00", "02:00"));
  EXPECT_THAT(starts_of(plan), ElementsAre(IsStart("2026-11-01", 60, 2), IsStart("2026-11-01", 90, 3),
                                           IsStart("2026-11-01", 120, 6)));
}

TEST(TimeZones, OsloSpringForwardSkipsTheMissingHour) {
  // Oslo 2026-03-29: 02:00-02:59 do not exist; 03:00 CEST = 01:00Z, start 23:00Z -> interval 4.
  const Plan plan = one_day("Europe/Oslo", "2026-03-29", "30m", site("Europe/Oslo", "02:00", "03:00"));
  EXPECT_THAT(starts_of(plan), ElementsAre(IsStart("2026-03-29", 180, 4)));
}

TEST(TimeZones, OsloFallBackUsesFirstOccurrence) {
  // Oslo 2026-10-25: 02:00-02:59 happen twice; first is CEST: 02:00 CEST = 00:00Z,
  // horizon start 22:00Z -> interval 4 (30m); 03:00 CET = 02:00Z -> interval 8.
  const Plan plan = one_day("Europe/Oslo", "2026-10-25", "30m", site("Europe/Oslo", "02:00", "03:00", "60m"));
  EXPECT_THAT(starts_of(plan), ElementsAre(IsStart("2026-10-25", 120, 4), IsStart("2026-10-25", 180, 8)));
}

TEST(TimeZones, KolkataOnAHalfHourGridWorks) {
  // Kolkata 09:00 IST = 03:30Z. Horizon 2026-11-23 00:00 EST = 05:00Z, 2 days.
  // 2026-11-23 09:00 IST is before it; 2026-11-24 03:30Z is 22.5 h in -> 45;
  // 2026-11-25 03:30Z is 46.5 h in -> 93.
  const Plan plan = load::load_plan_text(base_plan({{5, "days: 2"}, {6, "interval: 30m"}}, site("Asia/Kolkata", "09:00", "09:00")),
                                         "plan.yaml");
  EXPECT_THAT(starts_of(plan), ElementsAre(IsStart("2026-11-24", 540, 45), IsStart("2026-11-25", 540, 93)));
  EXPECT_EQ(plan.sites[0].utc_offset_s.front(), 19800);
}

TEST(TimeZones, KolkataOnAnHourGridIsAnError) {
  EXPECT_THAT(errors_of(base_plan({}, site("Asia/Kolkata", "09:00", "09:00", "60m"))),
              ElementsAre("plan.yaml:19:9: error: site 's' shift 'x': start 09:00 (Asia/Kolkata) is not on the plan's "
                          "60m interval grid (America/New_York); use start times on the grid or a shorter interval"));
}

TEST(TimeZones, SiteBehindThePlanClockStartsOnTheLocalDayBefore) {
  // Plan in Manila from 2026-11-23 00:00 PHT = 2026-11-22 16:00Z. New York 19:00 EST on
  // 2026-11-22 = 2026-11-23 00:00Z, 8 h in -> interval 8 (60m).
  const Plan plan = load::load_plan_text(base_plan({{3, "timezone: Asia/Manila"}}, site("America/New_York", "19:00", "19:00", "60m")),
                                         "plan.yaml");
  EXPECT_EQ(plan.horizon.start_utc, 1795363200);
  EXPECT_THAT(starts_of(plan), ElementsAre(IsStart("2026-11-22", 1140, 8)));
}

TEST(TimeZones, SiteAheadOfThePlanClock) {
  // Plan in New York from 2026-11-23 05:00Z; Manila 08:00 PHT on 2026-11-24 = 2026-11-24 00:00Z,
  // 19 h in -> interval 19 (60m). 2026-11-23 08:00 PHT = 2026-11-23 00:00Z is before the horizon.
  const Plan plan = load::load_plan_text(base_plan({}, site("Asia/Manila", "08:00", "08:00", "60m")), "plan.yaml");
  EXPECT_THAT(starts_of(plan), ElementsAre(IsStart("2026-11-24", 480, 19)));
  EXPECT_EQ(plan.sites[0].utc_offset_s.back(), 28800);
}

TEST(TimeZones, RowTimestampsWithAndWithoutOffset) {
  // Fall back day: "01:00" alone is the first (EDT) occurrence, interval 1 of the 60m grid
  // (04:00Z start); "01:00-05:00" is the second, 06:00Z -> interval 2.
  const Plan plan = load::load_plan_text(
      base_plan({{4, "start: 2026-11-01"},
                 {13, "      rows:\n        - { at: \"2026-11-01T01:00\", calls: 7 }\n"
                      "        - { at: \"2026-11-01T01:00-05:00\", calls: 9, aht: 200s }"}}),
      "plan.yaml");
  ASSERT_EQ(plan.queues[0].calls.size(), 25u);
  EXPECT_EQ(plan.queues[0].calls[1], 7);
  EXPECT_EQ(plan.queues[0].calls[2], 9);
  EXPECT_EQ(plan.queues[0].aht_s_per_interval[1], 300);
  EXPECT_EQ(plan.queues[0].aht_s_per_interval[2], 200);
}

}  // namespace
}  // namespace staffplan::test
