// A day or week service level (measured_over) is one number everywhere: plan's
// service_periods equal the call-weighted average of plan's own interval rows
// (recomputed here), meet the goal and the interval floor the plan promises, and
// `simulate --plan` predicts the same figure for every period.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "load/diagnostics.hpp"
#include "load/yaml_document.hpp"
#include "support/json_tree.hpp"
#include "support/run_cli.hpp"

namespace {

using namespace staffplan::testing;  // run_staffplan, source_path, temp files
using staffplan::load::Node;

struct Json {
  std::unique_ptr<staffplan::load::Tree> tree;
  Node root() const { return tree->root(); }
};
Json parse_json(const std::string& text) {
  staffplan::load::Diagnostics diagnostics("json");
  Json json{staffplan::load::parse_document(text, diagnostics, "JSON output", "JSON", false)};
  EXPECT_TRUE(json.tree) << text;
  return json;
}
double num(const Node& n) { return std::stod(n.Scalar()); }

// The local date of an ISO timestamp "2026-11-23T08:30:00-05:00".
std::string local_date(const Node& start) { return start.Scalar().substr(0, 10); }

// The first two days of configs/global-service-level.yaml (one line of volumes per
// day), so that the test solves a small model.
std::string two_day_plan(const std::string& dir) {
  std::string text = read_file(source_path("configs/global-service-level.yaml"));
  text.replace(text.find("days: 7"), 7, "days: 2");
  std::size_t line = text.find('\n', text.find("volumes: ["));
  for (int day = 0; day < 2; ++day) line = text.find('\n', line + 1);
  text.erase(line + 1, text.find("      ]", line) - (line + 1));
  write_file(dir + "/two-days.yaml", text);
  return dir + "/two-days.yaml";
}

TEST(PeriodsAgree, DayGoalPlanIntervalsAndSimulatePrediction) {
  const std::string dir = make_temp_dir();
  const std::string config = two_day_plan(dir);
  const std::string plan_json = dir + "/plan.json";
  // Any feasible plan will do: the figures must agree, whatever its cost.
  const auto plan = run_staffplan({"plan", config, "--set", "goal.measured_over=day", "--time-limit", "30s",
                                   "--gap", "2%", "-q", "-f", "json", "-o", plan_json});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const Json planned = parse_json(read_file(plan_json));

  // Call-weighted service level and the lowest interval with calls, per local day,
  // from the intervals view (service levels there are rounded to 4 decimals).
  struct Day {
    double calls = 0, answered = 0, lowest = 1;
  };
  std::map<std::string, Day> days;
  for (const Node row : planned.root()["intervals"]) {
    const double calls = num(row["calls"]);
    Day& d = days[local_date(row["start"])];
    d.calls += calls;
    d.answered += calls * num(row["service_level"]);
    if (calls > 0) d.lowest = std::min(d.lowest, num(row["service_level"]));
  }
  const Node periods = planned.root()["service_periods"];
  ASSERT_EQ(periods.size(), 2u);  // one queue, two local days
  for (const Node p : periods) {
    const Day& d = days.at(local_date(p["period_start"]));
    EXPECT_EQ(p["measured_over"].Scalar(), "day");
    EXPECT_NEAR(num(p["calls"]), d.calls, 0.5);
    EXPECT_NEAR(num(p["service_level"]), d.answered / d.calls, 2e-4) << p["period_start"].Scalar();
    EXPECT_NEAR(num(p["lowest_service_level"]), d.lowest, 1e-4);
    // What the plan promises: 80 % over the day, no interval with calls under 50 %.
    EXPECT_GE(num(p["service_level"]) + 1e-4, 0.8);
    EXPECT_GE(d.lowest + 1e-4, 0.5);
  }

  const auto sim = run_staffplan({"simulate", config, "--set", "goal.measured_over=day", "--plan", plan_json,
                                  "--replications", "2", "-f", "json"});
  ASSERT_EQ(sim.exit_code, 0) << sim.err;
  const Json simulated = parse_json(sim.out);
  const Node sim_periods = simulated.root()["periods"];
  ASSERT_EQ(sim_periods.size(), periods.size());
  for (std::size_t k = 0; k < periods.size(); ++k) {
    EXPECT_EQ(sim_periods[k]["period_start"].Scalar(), periods[k]["period_start"].Scalar());
    EXPECT_EQ(sim_periods[k]["calls"].Scalar(), periods[k]["calls"].Scalar());
    EXPECT_EQ(sim_periods[k]["predicted_service_level"].Scalar(), periods[k]["service_level"].Scalar());
  }
}

}  // namespace
