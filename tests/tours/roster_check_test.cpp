// An independent check of `plan --view roster` (SPEC §8): from the roster CSV rows
// alone this test rebuilds every hour's agents on shift (site-local times turned
// into the plan clock by hand: Manila is UTC+8 all year, the plan clock is UTC),
// and verifies coverage against the required agents of `--view intervals`, the
// seats, the paid hours of `--view summary`, and the contract rules: each line
// works exactly days_per_week days, its days off in one run when asked, one start.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_cli.hpp"

namespace staffplan::testing {
namespace {

// RFC 4180 rows (quoted cells may hold commas).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    if (quoted) {
      if (c == '"' && k + 1 < text.size() && text[k + 1] == '"') cell += '"', ++k;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(cell), cell.clear();
    } else if (c == '\n') {
      row.push_back(cell), cell.clear();
      rows.push_back(row), row.clear();
    } else if (c != '\r') {
      cell += c;
    }
  }
  return rows;
}

int column(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t k = 0; k < header.size(); ++k)
    if (header[k] == name) return static_cast<int>(k);
  ADD_FAILURE() << "no column " << name;
  return 0;
}

const std::vector<std::string> weekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int weekday_of(const std::string& name) {
  for (int d = 0; d < 7; ++d)
    if (weekdays[d] == name) return d;
  ADD_FAILURE() << "bad weekday " << name;
  return 0;
}

// "mon-fri", "sat-tue", "mon,wed-thu" -> weekday set.
std::vector<bool> days_of(const std::string& text) {
  std::vector<bool> on(7, false);
  std::stringstream in(text);
  std::string run;
  while (std::getline(in, run, ',')) {
    const auto dash = run.find('-');
    const int a = weekday_of(run.substr(0, dash));
    const int b = dash == std::string::npos ? a : weekday_of(run.substr(dash + 1));
    for (int d = a;; d = (d + 1) % 7) {
      on[d] = true;
      if (d == b) break;
    }
  }
  return on;
}

int minutes_of(const std::string& hhmm) { return std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2)); }

std::string plan_text() {
  std::string volumes;
  for (int d = 0; d < 7; ++d)
    for (int h = 0; h < 24; ++h) {
      // Manila-local business hours 08:00-24:00 (UTC 00:00-16:00), lighter at weekends.
      const int local = (h + 8) % 24;
      int calls = local >= 8 ? 40 + 6 * (local % 5) : 0;
      if (d >= 5) calls /= 2;
      volumes += (volumes.empty() ? "" : ", ") + std::to_string(calls);
    }
  return "version: 1\n"
         "name: roster check\n"
         "timezone: UTC\n"
         "start: 2026-11-23\n"
         "days: 7\n"
         "interval: 60m\n"
         "shrinkage: 20%\n"
         "goal: { service_level: 80%, answer_within: 20s }\n"
         "fte_hours: 40h\n"
         "queues:\n"
         "  - name: english\n"
         "    aht: 300s\n"
         "    forecast:\n"
         "      volumes: [" + volumes + "]\n"
         "sites:\n"
         "  - name: manila\n"
         "    timezone: Asia/Manila\n"
         "    hourly_cost: 9\n"
         "    seats: 40\n"
         "    shifts:\n"
         "      - { name: day, start: \"08:00\", latest_start: \"11:00\", length: 9h }\n"
         "      - { name: night, start: \"15:00\", latest_start: \"17:00\", length: 8h }\n"
         "    contracts:\n"
         "      - { name: day-5, shifts: [day], days_per_week: 5, days_off: consecutive }\n"
         "      - { name: night-5, shifts: [night], days_per_week: 5 }\n"
         "      - { name: part-4, shifts: [day, night], days_per_week: 4, days_off: any, same_start: false, "
         "hourly_cost: 8 }\n";
}

TEST(RosterCheck, RosterRowsAloneRebuildCoverageSeatsAndHours) {
  const std::string dir = make_temp_dir();
  const std::string plan = dir + "/roster.yaml";
  write_file(plan, plan_text());
  const std::vector<std::string> common = {"plan", plan, "-f", "csv", "--time-limit", "20s", "--gap", "0.02"};
  auto with = [&](const std::string& view) {
    std::vector<std::string> args = common;
    args.insert(args.end(), {"--view", view});
    const CliRun run = run_staffplan(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return parse_csv(run.out);
  };
  const auto roster = with("roster");
  const auto intervals = with("intervals");
  const auto summary = with("summary");
  ASSERT_GT(roster.size(), 1u);
  const auto& h = roster[0];
  ASSERT_EQ(h, (std::vector<std::string>{"site", "group", "contract", "days", "start_local", "end_local", "days_off",
                                         "agents", "weekly_paid_hours", "cost"}));
  const std::map<std::string, int> days_per_week = {{"day-5", 5}, {"night-5", 5}, {"part-4", 4}};
  const std::map<std::string, double> rate = {{"day-5", 9}, {"night-5", 9}, {"part-4", 8}};
  std::vector<int> on_shift(168, 0);
  double paid_hours = 0, cost = 0;
  int headcount = 0;
  for (std::size_t r = 1; r < roster.size(); ++r) {
    const auto& row = roster[r];
    const std::string contract = row[column(h, "contract")];
    const std::vector<bool> on = days_of(row[column(h, "days")]);
    const std::vector<bool> off = days_of(row[column(h, "days_off")]);
    int worked = 0;
    for (int d = 0; d < 7; ++d) {
      worked += on[d];
      EXPECT_NE(on[d], off[d]) << "days and days_off must split the week";
    }
    EXPECT_EQ(worked, days_per_week.at(contract));
    if (contract != "part-4") {
      // Days off in one run, cyclically: exactly one working day is followed by a day off.
      int runs = 0;
      for (int d = 0; d < 7; ++d) runs += on[d] && !on[(d + 1) % 7];
      EXPECT_EQ(runs, 1) << row[column(h, "days")];
    }
    const std::string start = row[column(h, "start_local")], end = row[column(h, "end_local")];
    if (contract != "part-4") EXPECT_EQ(start.find(';'), std::string::npos) << "same start every day";
    // One start/end per working day (in time order) or one for all.
    std::vector<std::string> starts, ends;
    std::stringstream ss(start), se(end);
    for (std::string t; std::getline(ss, t, ';');) starts.push_back(t);
    for (std::string t; std::getline(se, t, ';');) ends.push_back(t);
    const int agents = std::stoi(row[column(h, "agents")]);
    headcount += agents;
    double hours = 0;
    // Working days in plan (UTC) time order: Manila weekday d at local minute m is
    // UTC minute d*1440 + m - 480 (mod the week).
    // Working days in the order `days` lists them: from the first day on after a day off.
    int first = 0;
    for (int d = 0; d < 7; ++d)
      if (on[d] && !on[(d + 6) % 7]) {
        first = d;
        break;
      }
    std::vector<int> order;
    for (int k = 0; k < 7; ++k)
      if (on[(first + k) % 7]) order.push_back((first + k) % 7);
    // Manila weekday d at local minute m is UTC minute d*1440 + m - 480 of the week.
    std::vector<std::pair<int, int>> starts_utc;  // (utc minute of the week, length minutes)
    for (std::size_t n = 0; n < order.size(); ++n) {
      const std::string& s = starts.size() == 1 ? starts[0] : starts.at(n);
      const std::string& e = ends.size() == 1 ? ends[0] : ends.at(n);
      const int m = minutes_of(s);
      const int length = (minutes_of(e) - m + 1440) % 1440;
      starts_utc.emplace_back(((order[n] * 1440 + m - 480) % 10080 + 10080) % 10080, length);
    }
    for (const auto& [utc, length] : starts_utc) {
      hours += length / 60.0;
      for (int t = 0; t < length; t += 60) on_shift[((utc + t) / 60) % 168] += agents;
    }
    EXPECT_NEAR(std::stod(row[column(h, "weekly_paid_hours")]), hours, 1e-9);
    paid_hours += agents * hours;
    cost += agents * hours * rate.at(contract);
    EXPECT_NEAR(std::stod(row[column(h, "cost")]), agents * hours * rate.at(contract), 0.006);
  }
  // Coverage: productive = 80 % of those on shift (no breaks) ≥ required.
  const auto& ih = intervals[0];
  ASSERT_EQ(intervals.size(), 169u);
  for (std::size_t r = 1; r < intervals.size(); ++r) {
    const int i = static_cast<int>(r - 1);
    EXPECT_GE(0.8 * on_shift[i] + 1e-9, std::stod(intervals[r][column(ih, "required")])) << "hour " << i;
    EXPECT_LE(on_shift[i], 40) << "seats, hour " << i;
    EXPECT_NEAR(std::stod(intervals[r][column(ih, "present")]), on_shift[i], 1e-9) << "hour " << i;
  }
  // Summary totals: paid hours, cost, headcount and FTE = paid hours / 40.
  const auto& sh = summary[0];
  const auto& total = summary.back();
  ASSERT_EQ(total[0], "total");
  EXPECT_NEAR(std::stod(total[column(sh, "paid_hours")]), paid_hours, 0.006);
  EXPECT_NEAR(std::stod(total[column(sh, "cost")]), cost, 0.006);
  EXPECT_EQ(std::stoi(total[column(sh, "headcount")]), headcount);
  EXPECT_NEAR(std::stod(total[column(sh, "fte")]), paid_hours / 40, 0.006);
}

// `compare` (SPEC §12) shows the headcount and FTE of a tour plan beside a daily
// plan of the same week (which has none), equal to `plan`'s own summary.
TEST(RosterCheck, CompareShowsHeadcountAndFte) {
  const std::string dir = make_temp_dir();
  const std::string tours = dir + "/tours.yaml", daily = dir + "/daily.yaml";
  const std::string text = plan_text();
  write_file(tours, text);
  write_file(daily, text.substr(0, text.find("    contracts:\n")));
  const std::vector<std::string> limits = {"--time-limit", "20s", "--gap", "0.02", "-f", "csv"};
  std::vector<std::string> args = {"compare", tours, daily};
  args.insert(args.end(), limits.begin(), limits.end());
  const CliRun run = run_staffplan(args);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  args = {"plan", tours, "--view", "summary"};
  args.insert(args.end(), limits.begin(), limits.end());
  const CliRun plan = run_staffplan(args);
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const auto summary = parse_csv(plan.out);
  const auto rows = parse_csv(run.out);
  std::map<std::string, std::vector<std::string>> by_metric;
  for (const auto& row : rows) by_metric[row[0]] = row;
  ASSERT_TRUE(by_metric.count("headcount")) << run.out;
  EXPECT_EQ(by_metric["headcount"][1], summary.back()[column(summary[0], "headcount")]);
  EXPECT_EQ(by_metric["headcount"][2], "");
  EXPECT_EQ(by_metric["fte"][1], summary.back()[column(summary[0], "fte")]);
  EXPECT_EQ(by_metric["site_headcount:manila"][1], by_metric["headcount"][1]);
}

}  // namespace
}  // namespace staffplan::testing
