// Deferrable work (SPEC §10): loading (workload formula, windows in their own time
// zone across a DST change), every class of bad input, placement by the plan
// (rebuilt from the report rows, against hand calculations), the infeasible case,
// and rounding/repair keeping the Work rows.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

#include "load/load.hpp"
#include "model/errors.hpp"
#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/rounding.hpp"
#include "optimize/rows_hold.hpp"
#include "require/require.hpp"
#include "support/run_cli.hpp"

namespace staffplan {
namespace {

using ::testing::HasSubstr;
using testing::run_staffplan;

// A one-day UTC plan, 60-minute intervals, no shrinkage. Queue `inbound` has no
// calls but min_agents 3 from 08:00 to 16:00, so it needs exactly 3 agents then.
// Line numbers (1-based) for the error tests: `work:` starts at line 15.
std::string header(const std::string& extra_top = "") {
  return "version: 1\n"                                  // 1
         "name: work test\n"                             // 2
         "timezone: UTC\n"                               // 3
         "start: 2026-11-23\n"                           // 4
         "days: 1\n"                                     // 5
         "interval: 60m\n"                               // 6
         "shrinkage: 0%\n"                               // 7
         "goal: { service_level: 80% }\n"                // 8
         "queues:\n"                                     // 9
         "  - name: inbound\n"                           // 10
         "    aht: 300s\n"                               // 11
         "    open: \"08:00-16:00\"\n"                   // 12
         "    min_agents: 3\n"                           // 13
         "    forecast: { rows: [] }\n" +                // 14
         extra_top;
}

// Site a: 5 seats at $10/h, one blended group (inbound + backlog), an 8-hour day
// shift at 08:00. Site b: $20/h, backlog only, 4-hour shifts starting 08:00..12:00.
const std::string two_sites =
    "sites:\n"
    "  - name: a\n"
    "    hourly_cost: 10\n"
    "    seats: 5\n"
    "    queues: [inbound, backlog]\n"
    "    groups:\n"
    "      - { name: blended, queues: [inbound, backlog] }\n"
    "    shifts:\n"
    "      - { name: day, start: \"08:00\", length: 8h }\n"
    "  - name: b\n"
    "    hourly_cost: 20\n"
    "    queues: [backlog]\n"
    "    shifts:\n"
    "      - { name: part, start: \"08:00\", latest_start: \"12:00\", start_step: 60m, length: 4h }\n";

std::string backlog(const std::string& window = "08:00-16:00") {
  return "work:\n"                                       // 15
         "  - name: backlog\n"                           // 16
         "    kind: backlog\n"                           // 17
         "    items: 40\n"                               // 18
         "    handle: 30m\n"                             // 19
         "    window: \"" + window + "\"\n";             // 20
}

std::vector<std::string> errors_of(const std::string& text) {
  std::vector<std::string> out;
  try {
    load::load_plan_text(text, "plan.yaml");
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(d.to_string());
  }
  return out;
}

// ---- loading -----------------------------------------------------------------

TEST(WorkLoad, OutboundWorkloadIsTheSpecFormula) {
  // 3000 records × 1.4 attempts = 4200 attempts; each takes on average
  // 0.3 × (6 min + 1 min) + 0.7 × 20 s = 126 s + 14 s = 140 s;
  // 4200 × 140 s = 588 000 s = 163.333... agent-hours.
  const Plan plan = load::load_plan_text(header(
                                             "work:\n"
                                             "  - name: renewals\n"
                                             "    kind: outbound\n"
                                             "    records: 3000\n"
                                             "    attempts_per_record: 1.4\n"
                                             "    contact_rate: 30%\n"
                                             "    talk: 6m\n"
                                             "    wrap: 1m\n"
                                             "    no_contact: 20s\n"
                                             "    window: \"09:00-20:00\"\n"
                                             "    timezone: America/Chicago\n"
                                             "    days: [mon, tue]\n") +
                                             "sites:\n  - { name: a, hourly_cost: 10, shifts: [{ name: d, start: "
                                             "\"08:00\", length: 8h }] }\n",
                                         "plan.yaml");
  ASSERT_EQ(plan.work.size(), 1u);
  EXPECT_NEAR(plan.work[0].hours_per_day, 588000.0 / 3600.0, 1e-9);
  // Monday 2026-11-23 09:00-20:00 in Chicago (UTC-6) is 15:00-02:00 UTC: it ends
  // after the one-day UTC horizon, so no day of the work lies inside it.
  EXPECT_TRUE(plan.work[0].days.empty());
  // The site without `queues` takes every queue and every work: default groups.
  EXPECT_EQ(plan.sites[0].work, std::vector<int>{0});
}

TEST(WorkLoad, BacklogWorkloadAndDefaults) {
  // 40 items × 30 min = 20 agent-hours; timezone: the plan's; days: every day.
  const Plan plan = load::load_plan_text(header(backlog()) + two_sites, "plan.yaml");
  ASSERT_EQ(plan.work.size(), 1u);
  EXPECT_DOUBLE_EQ(plan.work[0].hours_per_day, 20.0);
  EXPECT_EQ(plan.work[0].timezone, "UTC");
  ASSERT_EQ(plan.work[0].days.size(), 1u);
  const WorkDay& day = plan.work[0].days[0];
  EXPECT_EQ(day.local_date, "2026-11-23");
  ASSERT_EQ(day.intervals.size(), 8u);  // 08:00..15:00
  EXPECT_EQ(day.intervals.front().first, 8);
  EXPECT_EQ(day.intervals.back().first, 15);
  const auto groups = agent_groups(plan, plan.sites[1]);  // site b: default group per work
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].name, "backlog");
  EXPECT_TRUE(groups[0].queues.empty());
  EXPECT_EQ(groups[0].work, std::vector<int>{0});
}

// US daylight saving time ends on Sunday 2026-11-01 at 02:00: 01:00-02:00 happens
// twice. Chicago 00:00 that day is CDT (UTC-5) = 05:00 UTC; Chicago 04:00 is CST
// (UTC-6) = 10:00 UTC: the "00:00-04:00" window lasts 5 real hours. The plan clock
// is New York from Saturday 2026-10-31 00:00 EDT = 04:00 UTC, so 05:00 UTC on
// Sunday is 25 hours later: 30-minute intervals 50..59.
std::string dst_plan(int seats, int items) {
  return "version: 1\n"
         "name: dst\n"
         "timezone: America/New_York\n"
         "start: 2026-10-31\n"
         "days: 3\n"
         "interval: 30m\n"
         "shrinkage: 0%\n"
         "goal: { service_level: 80% }\n"
         "queues:\n"
         "  - { name: inbound, aht: 300s, forecast: { rows: [] } }\n"
         "work:\n"
         "  - name: night\n"
         "    kind: backlog\n"
         "    items: " + std::to_string(items) + "\n"
         "    handle: 20m\n"
         "    window: \"00:00-04:00\"\n"
         "    timezone: America/Chicago\n"
         "    days: [sun]\n"
         "sites:\n"
         "  - name: chicago\n"
         "    timezone: America/Chicago\n"
         "    hourly_cost: 15\n"
         "    seats: " + std::to_string(seats) + "\n"
         "    queues: [inbound, night]\n"
         "    groups: [{ name: blended, queues: [inbound, night] }]\n"
         "    shifts:\n"
         "      - { name: night, start: \"00:00\", length: 6h }\n";
}

TEST(WorkLoad, WindowInItsOwnTimeZoneAcrossDaylightSavingEnd) {
  const Plan plan = load::load_plan_text(dst_plan(3, 45), "plan.yaml");
  ASSERT_EQ(plan.work[0].days.size(), 1u);
  const WorkDay& day = plan.work[0].days[0];
  EXPECT_EQ(day.local_date, "2026-11-01");
  EXPECT_EQ(day.from_utc, 1793509200);  // 2026-11-01T05:00:00Z
  EXPECT_EQ(day.to_utc, 1793509200 + 5 * 3600);
  ASSERT_EQ(day.intervals.size(), 10u);
  for (int k = 0; k < 10; ++k) {
    EXPECT_EQ(day.intervals[k].first, 50 + k);
    EXPECT_EQ(day.intervals[k].second, 1.0);
  }
}

// ---- bad input: one test per class, file:line:column and field named -----------

TEST(WorkErrors, UnknownKind) {
  std::string text = header(backlog()) + two_sites;
  text.replace(text.find("kind: backlog"), 13, "kind: backlg");
  EXPECT_THAT(errors_of(text), ::testing::Contains(
                                   "plan.yaml:17:11: error: work[backlog].kind: unknown kind 'backlg'; did you mean 'backlog'?"));
}

TEST(WorkErrors, MissingField) {
  std::string text = header(backlog()) + two_sites;
  text.replace(text.find("    handle: 30m\n"), 16, "");
  EXPECT_THAT(errors_of(text),
              ::testing::ElementsAre("plan.yaml:16:5: error: missing required key 'handle' in work[backlog]"));
}

TEST(WorkErrors, KeyOfTheOtherKind) {
  std::string text = header(backlog()) + two_sites;
  text.replace(text.find("    items: 40\n"), 14, "    records: 40\n");
  const auto errors = errors_of(text);
  ASSERT_FALSE(errors.empty());
  EXPECT_THAT(errors[0], HasSubstr("plan.yaml:18:5: error:"));
  EXPECT_THAT(errors[0], HasSubstr("records"));
}

TEST(WorkErrors, BadWindow) {
  EXPECT_THAT(errors_of(header(backlog("9am-5pm")) + two_sites),
              ::testing::ElementsAre("plan.yaml:20:13: error: work[backlog].window: expected a window like "
                                     "\"09:00-20:00\", got '9am-5pm'"));
  EXPECT_THAT(errors_of(header(backlog("08:00-08:00")) + two_sites),
              ::testing::ElementsAre(HasSubstr("plan.yaml:20:13: error: work[backlog].window is empty")));
}

TEST(WorkErrors, ContactRateOutsideZeroToHundredPercent) {
  const std::string work =
      "work:\n"
      "  - name: backlog\n"
      "    kind: outbound\n"
      "    records: 100\n"
      "    contact_rate: 130%\n"
      "    talk: 5m\n"
      "    window: \"08:00-16:00\"\n";
  EXPECT_THAT(errors_of(header(work) + two_sites),
              ::testing::ElementsAre("plan.yaml:19:19: error: work[backlog].contact_rate must be in [0, 1], got 130%"));
}

TEST(WorkErrors, NameClashesWithAQueue) {
  std::string text = header(backlog()) + two_sites;
  text.replace(text.find("  - name: backlog\n"), 18, "  - name: inbound\n");
  EXPECT_THAT(errors_of(text), ::testing::Contains(HasSubstr(
                                   "plan.yaml:16:11: error: work[0].name: work name 'inbound' is already a queue's name")));
}

TEST(WorkErrors, NotListedByAnyGroup) {
  std::string sites = two_sites;
  sites.replace(sites.find("[inbound, backlog] }"), 20, "[inbound] }");
  sites.replace(sites.find("  - name: b\n"), std::string::npos, "");
  EXPECT_THAT(errors_of(header(backlog()) + sites),
              ::testing::ElementsAre(HasSubstr("plan.yaml:16:5: error: work 'backlog' is not listed by any site or group")));
}

TEST(WorkErrors, UnknownTimeZone) {
  EXPECT_THAT(errors_of(header(backlog() + "    timezone: America/Chicgo\n") + two_sites),
              ::testing::ElementsAre("plan.yaml:21:15: error: work[backlog].timezone: unknown time zone "
                                     "'America/Chicgo' (expected an IANA name like America/Chicago)"));
}

TEST(WorkErrors, GroupTakesWorkItsSiteDoesNotList) {
  std::string sites = two_sites;
  sites.replace(sites.find("    queues: [inbound, backlog]\n"), 31, "    queues: [inbound]\n");
  EXPECT_THAT(errors_of(header(backlog()) + sites),
              ::testing::Contains(HasSubstr("work 'backlog' is not listed by site a")));
}

TEST(WorkErrors, CliExitsTwoWithoutOutput) {
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/plan.yaml", header(backlog("25:00-26:00")) + two_sites);
  const auto run = run_staffplan({"plan", dir + "/plan.yaml", "-o", dir + "/out.csv"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("plan.yaml:20:13: error: work[backlog].window"));
  EXPECT_FALSE(std::ifstream(dir + "/out.csv").good());
}

// ---- placement -----------------------------------------------------------------

// Placements parsed back from `plan -f json`: per work row, its intervals.
struct Placed {
  std::string work, day, site, group;
  double row_hours = 0;
  std::vector<std::tuple<std::string, double, double>> intervals;  // start, agents, hours
};

std::vector<Placed> placed_of(const std::string& pretty) {
  // Whitespace outside strings dropped, so the rows match one pattern.
  std::string json;
  bool in_string = false;
  for (std::size_t k = 0; k < pretty.size(); ++k) {
    const char c = pretty[k];
    if (c == '"' && (k == 0 || pretty[k - 1] != '\\')) in_string = !in_string;
    if (in_string || (c != ' ' && c != '\n')) json += c;
  }
  std::vector<Placed> out;
  const auto at = json.find("\"work\":[{\"work\"");
  if (at == std::string::npos) return out;
  const std::regex row(
      R"re(\{"work":"([^"]*)","day":"([^"]*)","window_start":"[^"]*","window_end":"[^"]*","workload_hours":[^,]*,"site":"([^"]*)","group":"([^"]*)","hours":([^,]*),"intervals":\[([^\]]*)\]\})re");
  const std::regex interval(R"re(\{"start":"([^"]*)","agents":([^,]*),"hours":([^}]*)\})re");
  const std::string rest = json.substr(at);
  for (std::sregex_iterator it(rest.begin(), rest.end(), row), end; it != end; ++it) {
    Placed p{(*it)[1], (*it)[2], (*it)[3], (*it)[4], std::stod((*it)[5]), {}};
    const std::string list = (*it)[6];
    for (std::sregex_iterator k(list.begin(), list.end(), interval); k != end; ++k)
      p.intervals.emplace_back((*k)[1], std::stod((*k)[2]), std::stod((*k)[3]));
    out.push_back(std::move(p));
  }
  return out;
}

// "2026-11-01T01:30:00-05:00" -> UTC seconds (independent of the program's clock code).
std::int64_t utc_of(const std::string& iso) {
  int y, mo, d, h, mi, s, oh, om;
  char sign;
  std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d%c%d:%d", &y, &mo, &d, &h, &mi, &s, &sign, &oh, &om);
  // Days from civil (Howard Hinnant's algorithm, written out).
  y -= mo <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
  const int offset = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
  return days * 86400 + h * 3600 + mi * 60 + s - offset;
}

TEST(WorkPlan, CoversExactlyEachDaysWorkloadInsideItsWindowAcrossDst) {
  // 45 items × 20 min = 15 agent-hours; 3 seats × 5 real hours = 15: the work fits
  // only when the repeated hour 01:00-02:00 counts twice (a 4-hour window would hold 12).
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/plan.yaml", dst_plan(3, 45));
  const auto run = run_staffplan({"plan", dir + "/plan.yaml", "-f", "json", "--time-limit", "20"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto rows = placed_of(run.out);
  ASSERT_FALSE(rows.empty());
  double total = 0;
  const std::int64_t from = utc_of("2026-11-01T00:00:00-05:00"), to = utc_of("2026-11-01T04:00:00-06:00");
  ASSERT_EQ(to - from, 5 * 3600);
  for (const Placed& p : rows) {
    EXPECT_EQ(p.work, "night");
    EXPECT_EQ(p.day, "2026-11-01");
    double row = 0;
    for (const auto& [start, agents, hours] : p.intervals) {
      const std::int64_t t = utc_of(start);
      EXPECT_GE(t, from) << start;
      EXPECT_LE(t + 1800, to) << start;
      EXPECT_NEAR(hours, agents * 0.5, 1e-6);  // whole 30-minute intervals inside the window
      row += hours;
    }
    EXPECT_NEAR(row, p.row_hours, 1e-2);
    total += row;
  }
  EXPECT_NEAR(total, 15.0, 1e-4);
  // CSV view: one row per work, day, site and group; hours add up to the workload.
  const auto csv = run_staffplan({"plan", dir + "/plan.yaml", "--view", "work", "-f", "csv", "--time-limit", "20"});
  EXPECT_EQ(csv.out,
            "work,day,window_start,window_end,workload_hours,site,group,hours\r\n"
            "night,2026-11-01,2026-11-01T01:00:00-04:00,2026-11-01T05:00:00-05:00,15.00,chicago,blended,15.00\r\n");
}

TEST(WorkPlan, CheapestIdleCapacityByHand) {
  // Inbound needs 3 agents 08:00-16:00 (24 agent-hours); the backlog 20 hours in
  // the same window. Site a (5 seats, $10/h, 8 h shifts) answers both; site b
  // ($20/h, 4 h shifts) does only the backlog. With n agents at a (n <= 5) and
  // m four-hour shifts at b: 8n - 24 + 4m >= 20, cost 80n + 80m.
  //   n = 5: 16 h spare at a, 4 h left -> m = 1: 400 + 80 = 480
  //   n = 4:  8 h spare, 12 h left   -> m = 3: 320 + 240 = 560
  //   n = 3:  0 h spare, 20 h left   -> m = 5: 240 + 400 = 640
  // Optimum 480: a's idle capacity (16 h) is used first, b does the last 4 h.
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/plan.yaml", header(backlog()) + two_sites);
  const auto run = run_staffplan({"plan", dir + "/plan.yaml", "-f", "json", "--time-limit", "20"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\"cost\": 480,"), std::string::npos);
  double at_a = 0, at_b = 0;
  for (const Placed& p : placed_of(run.out)) (p.site == "a" ? at_a : at_b) += p.row_hours;
  EXPECT_NEAR(at_a, 16.0, 1e-2);
  EXPECT_NEAR(at_b, 4.0, 1e-2);
  EXPECT_NE(run.out.find("\"work_hours\": 20,"), std::string::npos);
  const auto summary = run_staffplan({"plan", dir + "/plan.yaml", "--view", "summary", "--time-limit", "20"});
  EXPECT_THAT(summary.out, HasSubstr("work backlog: 20.00 h placed of 20.00 h over 1 day\n"));
  // a's 5 agents are all needed in every interval 08:00-16:00 (3 on calls, 2 on the
  // backlog: 16 h = 2 × 8), so the calls see exactly 3 productive agents: agents on
  // work are not available to calls (what `simulate` runs against too).
  const auto intervals =
      run_staffplan({"plan", dir + "/plan.yaml", "--view", "intervals", "-f", "csv", "--time-limit", "20"});
  for (int h = 8; h < 16; ++h)
    EXPECT_THAT(intervals.out, HasSubstr(fmt::format("2026-11-23T{:02}:00:00+00:00,inbound,0.0,3,3.00,3.00,0,", h)));
}

TEST(WorkPlan, InfeasibleNamesTheDayAndTheShortfall) {
  // 20 hours of backlog in 08:00-10:00: 5 seats × 2 h = 10 h at most at site a,
  // and site b's shifts start at 08:00 at the earliest... give b no shift then.
  std::string sites = two_sites;
  sites.replace(sites.find("start: \"08:00\", latest_start"), 14, "start: \"12:00\"");
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/plan.yaml", header(backlog("08:00-10:00")) + sites);
  const auto run = run_staffplan({"plan", dir + "/plan.yaml", "-o", dir + "/out.csv"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("work backlog, day 2026-11-23 (window 08:00-10:00 UTC): 20.0 h of work, at most "
                                 "10.0 h fit (seats and max_agents at sites a); short 10.0 h"));
  EXPECT_FALSE(std::ifstream(dir + "/out.csv").good());
}

TEST(WorkPlan, SimulateRunsCallsOnlyWithAWorkOnlyGroup) {
  // Site b's default group does only the backlog: it answers no calls, so simulate
  // (solving, or reading the plan's JSON) leaves it out instead of failing.
  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/plan.yaml", header(backlog()) + two_sites);
  const auto direct = run_staffplan({"simulate", dir + "/plan.yaml", "--replications", "3", "-f", "csv"});
  EXPECT_EQ(direct.exit_code, 0) << direct.err;
  ASSERT_EQ(run_staffplan({"plan", dir + "/plan.yaml", "-f", "json", "-o", dir + "/plan.json"}).exit_code, 0);
  const auto from_json = run_staffplan(
      {"simulate", dir + "/plan.yaml", "--plan", dir + "/plan.json", "--replications", "3", "-f", "csv"});
  EXPECT_EQ(from_json.exit_code, 0) << from_json.err;
  EXPECT_EQ(from_json.out, direct.out);
}

// ---- rounding keeps the Work rows ---------------------------------------------

TEST(WorkRounding, RepairFromNothingSatisfiesEveryRow) {
  const Plan plan = load::load_plan_text(header(backlog()) + two_sites, "plan.yaml");
  const require::Requirement req = require::compute(plan);
  const optimize::ColumnSet columns = optimize::build_columns(plan);
  const optimize::MilpModel m = optimize::build_milp(plan, req, columns, std::nullopt);
  ASSERT_FALSE(m.rows_of(optimize::RowFamily::work).empty());
  ASSERT_FALSE(m.vars_of(optimize::VarFamily::work).empty());
  for (const std::vector<double>& start :
       {std::vector<double>(m.num_vars(), 0.0), std::vector<double>(m.num_vars(), 0.5)}) {
    const auto x = optimize::round_and_repair(m, start);
    ASSERT_TRUE(x);
    testing::expect_rows_hold(m, *x);
    for (int v : m.vars_of(optimize::VarFamily::agents)) EXPECT_EQ((*x)[v], std::round((*x)[v]));
  }
}

}  // namespace
}  // namespace staffplan
