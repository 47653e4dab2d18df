// Opening hours per weekday (`open`, SPEC §12): which intervals are open, overnight
// hours that belong to the day they start on, and errors for bad weekday names,
// bad ranges, a day listed twice and overnight hours running into the next day.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace staffplan::test {
namespace {

using ::testing::ElementsAre;

// base_plan() (one day from Monday 2026-11-23, 60-minute intervals) with `open` on line 12.
std::string with_open(const std::string& open, int days = 1) {
  return base_plan({{5, "days: " + std::to_string(days)}, {11, "    aht: 300s\n    open: " + open}});
}

// Open flags of the first `count` intervals, as 'o' / '.'.
std::string open_pattern(const Plan& plan, int from, int count) {
  std::string out;
  for (int i = from; i < from + count; ++i) out += plan.queues[0].open_at(plan.horizon, i) ? 'o' : '.';
  return out;
}

TEST(OpenHours, PlainRangeIsEveryDay) {
  const Plan plan = load::load_plan_text(with_open("\"07:00-09:00\"", 2), "plan.yaml");
  EXPECT_EQ(open_pattern(plan, 0, 24), ".......oo...............");
  EXPECT_EQ(open_pattern(plan, 24, 24), ".......oo...............");
}

TEST(OpenHours, PerWeekdayWithClosedDays) {
  // 2026-11-23 is a Monday; seven days: mon..sun.
  const Plan plan =
      load::load_plan_text(with_open("{ mon-fri: \"07:00-22:00\", sat: \"09:00-17:00\" }", 7), "plan.yaml");
  for (int day = 0; day < 5; ++day)
    EXPECT_EQ(open_pattern(plan, 24 * day, 24), ".......ooooooooooooooo..") << day;
  EXPECT_EQ(open_pattern(plan, 24 * 5, 24), ".........oooooooo.......");
  EXPECT_EQ(open_pattern(plan, 24 * 6, 24), std::string(24, '.'));
  EXPECT_EQ(plan.queues[0].open->text, "mon-fri 07:00-22:00, sat 09:00-17:00");
}

TEST(OpenHours, OvernightHoursBelongToTheDayTheyStartOn) {
  // fri 20:00-02:00 covers Saturday 00:00-02:00; sat is otherwise closed; the wrap
  // range sun-mon covers Sunday and Monday evenings (and Monday/Tuesday mornings).
  const Plan plan = load::load_plan_text(with_open("{ fri: \"20:00-02:00\", \"sun-mon\": \"22:00-01:00\" }", 7),
                                         "plan.yaml");
  EXPECT_EQ(open_pattern(plan, 0, 24), "o.....................oo");  // mon, and the sunday before spills in
  EXPECT_EQ(open_pattern(plan, 24, 24), "o.......................");           // tue: monday's hour past midnight
  EXPECT_EQ(open_pattern(plan, 24 * 4, 24), "....................oooo");       // fri
  EXPECT_EQ(open_pattern(plan, 24 * 5, 24), "oo......................");       // sat: friday's hours
  EXPECT_EQ(open_pattern(plan, 24 * 6, 24), "......................oo");       // sun
  // The first morning of the horizon counts the day before it (Sunday 22:00-01:00).
  const Plan monday = load::load_plan_text(with_open("{ sun: \"22:00-01:00\" }"), "plan.yaml");
  EXPECT_EQ(open_pattern(monday, 0, 3), "o..");
}

TEST(OpenHours, MinAgentsOnlyWhileOpen) {
  const std::string text =
      base_plan({{5, "days: 7"}, {11, "    aht: 300s\n    open: { mon-fri: \"07:00-22:00\" }\n    min_agents: 2"}});
  const Plan plan = load::load_plan_text(text, "plan.yaml");
  EXPECT_EQ(plan.queues[0].min_agents, 2);
  EXPECT_TRUE(plan.queues[0].open_at(plan.horizon, 24 * 4 + 8));   // friday 08:00
  EXPECT_FALSE(plan.queues[0].open_at(plan.horizon, 24 * 5 + 8));  // saturday 08:00: no floor
}

TEST(OpenHours, ErrorsNameTheWeekdayTheRangeAndThePlace) {
  EXPECT_THAT(errors_of(with_open("{ mon-thur: \"07:00-22:00\" }")),
              ElementsAre("plan.yaml:12:13: error: queues[english].open: unknown weekday 'thur' in 'mon-thur'; did "
                          "you mean 'thu'?"));
  EXPECT_THAT(errors_of(with_open("{ weekdays: \"07:00-22:00\" }")),
              ElementsAre("plan.yaml:12:13: error: queues[english].open: unknown weekday 'weekdays' in 'weekdays' "
                          "(expected mon, tue, wed, thu, fri, sat or sun, or ranges like mon-fri)"));
  EXPECT_THAT(errors_of(with_open("{ sat: \"9-5\" }")),
              ElementsAre("plan.yaml:12:18: error: queues[english].open.sat: expected opening hours like "
                          "\"07:00-23:00\", got '9-5'"));
  EXPECT_THAT(errors_of(with_open("{ sat: \"09:00-09:00\" }")),
              ElementsAre("plan.yaml:12:18: error: queues[english].open.sat is empty ('09:00-09:00'); write "
                          "00:00-24:00 for always open"));
  EXPECT_THAT(errors_of(with_open("{ mon-fri: \"07:00-22:00\", fri: \"08:00-12:00\" }")),
              ElementsAre("plan.yaml:12:37: error: queues[english].open: fri is listed twice ('mon-fri' and 'fri')"));
  EXPECT_THAT(errors_of(with_open("{ fri: \"20:00-02:00\", sat: \"01:00-10:00\" }")),
              ElementsAre("plan.yaml:12:11: error: queues[english].open: fri's hours 20:00-02:00 run into sat's "
                          "01:00-10:00"));
  EXPECT_THAT(errors_of(with_open("{}")),
              ElementsAre("plan.yaml:12:11: error: queues[english].open lists no weekdays (leave it out for a queue "
                          "that is always open)"));
  EXPECT_THAT(errors_of(with_open("[mon, tue]")),
              ElementsAre(::testing::StartsWith("plan.yaml:12:11: error: queues[english].open")));
}

TEST(OpenHours, ClosedAndTouchingOvernightHoursAreFine) {
  EXPECT_THAT(errors_of(with_open("{ fri: \"20:00-02:00\", sat: \"02:00-10:00\", sun: closed }")), ElementsAre());
}

}  // namespace
}  // namespace staffplan::test
