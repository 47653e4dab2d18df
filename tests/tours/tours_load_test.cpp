// Weekly tours in the plan file (SPEC §8): what loads, and one test per class of
// bad contract input, each with its file:line:column, field and value.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/plan_fixture.hpp"

namespace staffplan::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// base_plan() with `days` (line 5) and one site from line 14 on; `contracts`
// starts at line 21.
//  14 sites:
//  15   - name: manila
//  16     timezone: Asia/Manila
//  17     hourly_cost: 9
//  18     shifts:
//  19       - { name: day, start: "08:00", latest_start: "10:00", length: 9h }
//  20       - { name: night, start: "19:00", latest_start: "22:00", length: 9h, days: [mon, tue, wed, thu, fri] }
//  21     contracts:
//  22       - <contract>
std::string toured(const std::string& contract, int days = 7, const std::string& top = "",
                   const std::string& extra_contract = "") {
  std::string tail =
      "sites:\n"
      "  - name: manila\n"
      "    timezone: Asia/Manila\n"
      "    hourly_cost: 9\n"
      "    shifts:\n"
      "      - { name: day, start: \"08:00\", latest_start: \"10:00\", length: 9h }\n"
      "      - { name: night, start: \"19:00\", latest_start: \"22:00\", length: 9h, days: [mon, tue, wed, thu, fri] }\n"
      "    contracts:\n"
      "      - " + contract + "\n" + extra_contract + top;
  return base_plan({{5, "days: " + std::to_string(days)}}, tail);
}

const std::string both = "{ name: ft, shifts: [day, night], days_per_week: 5, same_start: false }";

TEST(LoadTours, ContractsLoadWithDefaults) {
  const Plan plan = load::load_plan_text(
      toured("{ name: ft, shifts: [night, day], days_per_week: 5, same_start: false, max_agents: 120, hourly_cost: 11 }",
             14, "fte_hours: 37h30m\n"),
      "plan.yaml");
  const Site& site = plan.sites.at(0);
  ASSERT_EQ(site.contracts.size(), 1u);
  const Contract& c = site.contracts[0];
  EXPECT_EQ(c.name, "ft");
  EXPECT_EQ(c.shifts, (std::vector<int>{0, 1}));  // sorted like the site's shifts
  EXPECT_EQ(c.days_per_week, 5);
  EXPECT_EQ(c.days_off, DaysOff::consecutive);   // the default
  EXPECT_FALSE(c.same_start);
  EXPECT_EQ(c.max_agents, 120);
  EXPECT_EQ(c.hourly_cost, 11);
  EXPECT_DOUBLE_EQ(plan.fte_hours, 37.5);
  EXPECT_TRUE(plan.has_tours());
}

TEST(LoadTours, FteHoursDefaultsToForty) {
  const Plan plan = load::load_plan_text(toured(both), "plan.yaml");
  EXPECT_DOUBLE_EQ(plan.fte_hours, 40);
  EXPECT_TRUE(plan.sites.at(0).contracts.at(0).same_start == false);
}

// Patterns by hand: 5 of 7 with 2 consecutive days off is 7 weekly patterns
// (one per first day off); with the days off anywhere, C(7,5) = 21.
TEST(LoadTours, TourPatternsCountedByHand) {
  Contract c;
  c.days_per_week = 5;
  EXPECT_EQ(tour_patterns(c).size(), 7u);
  c.days_off = DaysOff::any;
  EXPECT_EQ(tour_patterns(c).size(), 21u);
  c.days_per_week = 7;
  EXPECT_EQ(tour_patterns(c), std::vector<unsigned>{0x7f});
  c.days_per_week = 1;
  c.days_off = DaysOff::consecutive;
  EXPECT_EQ(tour_patterns(c).size(), 7u);  // six days off in a row
  c.days_per_week = 5;
  // mon-fri (0b0011111) and sat-wed (sat, sun, mon, tue, wed) are consecutive-off patterns.
  const auto p = tour_patterns(c);
  EXPECT_NE(std::find(p.begin(), p.end(), 0x1fu), p.end());
  EXPECT_NE(std::find(p.begin(), p.end(), 0x67u), p.end());
  EXPECT_EQ(std::find(p.begin(), p.end(), 0x5fu), p.end());  // off wed and sun: not consecutive
}

TEST(LoadTours, HorizonNotWholeWeeks) {
  EXPECT_THAT(errors_of(toured(both, 10)),
              ElementsAre("plan.yaml:22:7: error: sites[manila].contracts: weekly tours need a horizon of whole "
                          "weeks, but days is 10 (use 7, 14, 21, ...)"));
}

TEST(LoadTours, DaysPerWeekOutOfRange) {
  EXPECT_THAT(errors_of(toured("{ name: ft, shifts: [day, night], days_per_week: 8, same_start: false }")),
              ElementsAre("plan.yaml:22:58: error: sites[manila].contracts[ft].days_per_week must be from 1 to 7, "
                          "got 8"));
  EXPECT_THAT(errors_of(toured("{ name: ft, shifts: [day, night], days_per_week: 0, same_start: false }")),
              ElementsAre(HasSubstr("days_per_week must be from 1 to 7, got 0")));
}

TEST(LoadTours, ContractNamesAShiftTheSiteLacks) {
  EXPECT_THAT(errors_of(toured("{ name: ft, shifts: [day, nigth], days_per_week: 5, same_start: false }")),
              ElementsAre("plan.yaml:22:35: error: sites[manila].contracts[ft].shifts: unknown shift 'nigth'; "
                          "did you mean 'night'?"));
  EXPECT_THAT(errors_of(toured("{ name: ft, shifts: [day, zzz], days_per_week: 5, same_start: false }")),
              ElementsAre("plan.yaml:22:35: error: sites[manila].contracts[ft].shifts: unknown shift 'zzz' "
                          "(site manila's shifts: day, night)"));
}

TEST(LoadTours, SameStartWithShiftsWhoseStartsDoNotOverlap) {
  EXPECT_THAT(errors_of(toured("{ name: ft, shifts: [day, night], days_per_week: 5 }")),
              ElementsAre("plan.yaml:22:29: error: sites[manila].contracts[ft].shifts: same_start needs shifts with "
                          "a start time in common, but day starts 08:00-10:00, night starts 19:00-22:00 (set "
                          "same_start: false, or give each shift its own contract)"));
}

TEST(LoadTours, UnknownDaysOff) {
  EXPECT_THAT(errors_of(toured("{ name: ft, shifts: [day, night], days_per_week: 5, days_off: consecutiv, "
                               "same_start: false }")),
              ElementsAre("plan.yaml:22:71: error: sites[manila].contracts[ft].days_off: unknown value "
                          "'consecutiv'; did you mean 'consecutive'?"));
}

TEST(LoadTours, NoTourFitsTheDaysTheShiftsRun) {
  // night runs mon-fri only: six working days cannot fit.
  EXPECT_THAT(errors_of(toured("{ name: ft, shifts: [night], days_per_week: 6 }", 7, "",
                               "      - { name: pt, shifts: [day], days_per_week: 3 }\n")),
              ElementsAre("plan.yaml:22:53: error: sites[manila].contracts[ft].days_per_week: no tour of 6 working "
                          "days with consecutive days off fits the days its shifts run (mon, tue, wed, thu, fri at "
                          "one start time)"));
}

TEST(LoadTours, ShiftInNoContract) {
  EXPECT_THAT(errors_of(toured("{ name: ft, shifts: [day], days_per_week: 5 }")),
              ElementsAre("plan.yaml:20:9: error: sites[manila].shifts[night]: the shift is in no contract; a site "
                          "with contracts plans only weekly tours (add it to a contract's shifts or remove it)"));
}

TEST(LoadTours, DuplicateContractAndUnknownKey) {
  EXPECT_THAT(errors_of(toured(both, 7, "", "      - { name: ft, shifts: [day], days_per_week: 5 }\n")),
              ElementsAre("plan.yaml:23:17: error: duplicate contract name 'ft' in sites[manila].contracts"));
  EXPECT_THAT(errors_of(toured("{ name: ft, shifts: [day, night], days_per_wek: 5, same_start: false }")),
              ElementsAre(HasSubstr("days_per_wek"), HasSubstr("missing required key")));
}

TEST(LoadTours, FteHoursOutOfRange) {
  EXPECT_THAT(errors_of(toured(both, 7, "fte_hours: 200h\n")),
              ElementsAre("plan.yaml:23:12: error: fte_hours must be at most 168h (a week), got 200h"));
}

}  // namespace
}  // namespace staffplan::test
