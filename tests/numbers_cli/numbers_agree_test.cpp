// One plan, the same numbers everywhere (issue 9): the service-level threshold
// default, the peak across queues, productive agents through the plan JSON, shortfall
// in whole agents, abandonment in erlang_a plans and `simulate --strict` goals.
// Expected values: the published Erlang C case (100 calls / 30 min, AHT 180 s:
// 14 agents, SL(20 s) 0.888350, P(wait) 0.174132, ASA 7.836 s; 13 agents: ASA
// 0.368 × 180 / 3 ≈ 22 s) and hand arithmetic written at each test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_cli.hpp"

namespace {

using namespace staffplan::testing;  // run_staffplan, source_path, temp files

// The number after "key": at or after `from` in a JSON document (one field per line).
double json_number(const std::string& json, const std::string& key, std::size_t from = 0) {
  const auto at = json.find("\"" + key + "\": ", from);
  if (at == std::string::npos) return -1;
  const std::string rest = json.substr(at + key.size() + 4);
  if (rest.rfind("null", 0) == 0) return -2;
  return std::stod(rest);
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class Temp {
 public:
  Temp() : dir_(make_temp_dir()) {}
  ~Temp() { std::filesystem::remove_all(dir_); }
  std::string file(const std::string& name, const std::string& text) {
    write_file(dir_ + "/" + name, text);
    return dir_ + "/" + name;
  }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

 private:
  std::string dir_;
};

// One day of 30-minute intervals in UTC; `calls` at 08:00 only; one site.
std::string one_interval_plan(const std::string& model_goal, const std::string& site_extra,
                              const std::string& calls = "100", const std::string& shift_extra = "") {
  return "version: 1\nname: t\ntimezone: UTC\nstart: 2026-11-23\ndays: 1\ninterval: 30m\n" + model_goal +
         "queues:\n  - name: q\n    aht: 180s\n    forecast:\n      rows:\n        - { at: \"2026-11-23T08:00\", "
         "calls: " + calls + " }\n"
         "sites:\n  - name: s\n    timezone: UTC\n    hourly_cost: 10\n" + site_extra +
         "    shifts:\n      - { name: d, start: \"08:00\", length: 4h" + shift_extra + " }\n";
}

// ---- service-level threshold ------------------------------------------------

TEST(ThresholdDefault, ErlangSlWithoutWithinMeans20Seconds) {
  const auto without = run_staffplan({"erlang", "--calls", "100", "--aht", "180s", "--sl", "80%", "-f", "json"});
  ASSERT_EQ(without.exit_code, 0) << without.err;
  const auto with = run_staffplan(
      {"erlang", "--calls", "100", "--aht", "180s", "--sl", "80%", "--within", "20s", "-f", "json"});
  EXPECT_EQ(without.out, with.out);
  EXPECT_EQ(json_number(without.out, "agents"), 14);
  EXPECT_NEAR(json_number(without.out, "service_level"), 0.888350, 5e-7);
  EXPECT_EQ(json_number(without.out, "answer_within_s"), 20);
}

TEST(ThresholdDefault, RequireAndPlanMeasureAGoalWithoutAnswerWithinAt20Seconds) {
  // Goal ASA 8 s only: 14 agents (13 give ASA ≈ 22 s). The service level printed is
  // SL(20 s) = 0.888350, not SL(0 s) = 1 − P(wait) = 0.825868.
  Temp t;
  const std::string plan = t.file("asa.yaml", one_interval_plan("model: erlang_c\ngoal: { asa: 8s }\n", ""));
  const auto req = run_staffplan({"require", plan, "-f", "json"});
  ASSERT_EQ(req.exit_code, 0) << req.err;
  const auto at = req.out.find("\"start\": \"2026-11-23T08:00:00+00:00\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(json_number(req.out, "agents", at), 14);
  EXPECT_NEAR(json_number(req.out, "service_level", at), 0.888350, 5e-7);
  // Every object carrying service_level carries answer_within_s.
  EXPECT_EQ(count_of(req.out, "\"service_level\""), count_of(req.out, "\"answer_within_s\": 20"));

  const auto planned = run_staffplan({"plan", plan, "-f", "json"});
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  const auto row = planned.out.find("\"start\": \"2026-11-23T08:00:00+00:00\"", planned.out.find("\"intervals\""));
  ASSERT_NE(row, std::string::npos);
  EXPECT_NEAR(json_number(planned.out, "service_level", row), 0.8884, 1e-9);  // 4 decimals
  EXPECT_EQ(count_of(planned.out, "\"service_level\""), count_of(planned.out, "\"answer_within_s\": 20"));
}

TEST(ThresholdDefault, PlanFileServiceLevelWithoutAnswerWithinIsAccepted) {
  Temp t;
  const std::string plan = t.file("sl.yaml", one_interval_plan("model: erlang_c\ngoal: { service_level: 80% }\n", ""));
  const auto run = run_staffplan({"require", plan, "-f", "csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find(",q,100.00,180.0,10.000,14,14,0.8884,"), std::string::npos) << run.out;
}

// ---- peak across queues -------------------------------------------------------

TEST(PeakAcrossQueues, TotalsPeakIsThePeakOfTheSum) {
  const auto csv = run_staffplan({"require", source_path("configs/follow-the-sun.yaml"), "-f", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  // Independent: sum the agents column over queues per start, take the largest.
  std::map<std::string, int> at_once;
  std::istringstream lines(csv.out);
  std::string line;
  std::getline(lines, line);  // header: start,queue,calls,aht_s,erlangs,agents,...
  int largest_single = 0;
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::stringstream cells(line);
    for (std::string c; std::getline(cells, c, ',');) f.push_back(c);
    ASSERT_GE(f.size(), 6u);
    at_once[f[0]] += std::stoi(f[5]);
    largest_single = std::max(largest_single, std::stoi(f[5]));
  }
  int peak = 0;
  for (const auto& [start, agents] : at_once) peak = std::max(peak, agents);
  EXPECT_EQ(peak, 35);  // the figure, 24 being the largest single queue
  EXPECT_EQ(largest_single, 24);
  const auto json = run_staffplan({"require", source_path("configs/follow-the-sun.yaml"), "-f", "json"});
  const auto totals = json.out.find("\"totals\"");
  EXPECT_EQ(json_number(json.out, "peak_agents", totals), peak);
}

// ---- productive agents and shortfall ------------------------------------------

TEST(ProductiveAgents, PlanJsonRoundTripGivesTheSameStaffing) {
  // 3 agents forced by min_agents at 33.34 % shrinkage: 3 × 0.6666 = 1.9998
  // productive, so 1 whole agent answers calls, however the number travels. 1 call
  // (A = 0.1) needs 1 agent: SL(20 s) = 1 − 0.1 e^{−0.9·20/180} = 0.9095.
  Temp t;
  const std::string plan = t.file(
      "p.yaml", one_interval_plan("model: erlang_c\ngoal: { service_level: 80% }\n", "    shrinkage: 33.34%\n", "1",
                                  ", min_agents: 3"));
  const auto solved = run_staffplan({"plan", plan, "-f", "json", "-o", t.path("plan.json")});
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  const std::string plan_json = read_file(t.path("plan.json"));
  const auto row = plan_json.find("\"start\": \"2026-11-23T08:00:00+00:00\"", plan_json.find("\"intervals\""));
  EXPECT_NEAR(json_number(plan_json, "productive", row), 1.9998, 1e-9);
  const auto direct = run_staffplan({"simulate", plan, "-f", "json", "--seed", "7", "--replications", "5"});
  const auto through = run_staffplan(
      {"simulate", plan, "--plan", t.path("plan.json"), "-f", "json", "--seed", "7", "--replications", "5"});
  ASSERT_EQ(direct.exit_code, 0) << direct.err;
  ASSERT_EQ(through.exit_code, 0) << through.err;
  EXPECT_EQ(direct.out, through.out);
  const auto sim_row = direct.out.find("\"start\": \"2026-11-23T08:00:00+00:00\"", direct.out.find("\"intervals\""));
  EXPECT_EQ(json_number(direct.out, "agents", sim_row), 1);
}

TEST(Shortfall, CountsWholeAgentsLikeTheMetrics) {
  // 3 seats at 35 % shrinkage: at most 3 × 0.65 = 1.95 productive, 1 whole agent.
  // 100 calls need 14; with --allow-shortfall the interval is 13 whole agents short,
  // and its service level is that of 1 agent for 10 Erlangs: 0 (unstable).
  Temp t;
  const std::string plan = t.file(
      "s.yaml", one_interval_plan("model: erlang_c\ngoal: { service_level: 80% }\n", "    seats: 3\n    shrinkage: 35%\n"));
  const auto json = run_staffplan({"plan", plan, "--allow-shortfall", "1000", "-f", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto row = json.out.find("\"start\": \"2026-11-23T08:00:00+00:00\"", json.out.find("\"intervals\""));
  EXPECT_NEAR(json_number(json.out, "productive", row), 1.95, 1e-9);
  EXPECT_EQ(json_number(json.out, "shortfall", row), 13);
  EXPECT_EQ(json_number(json.out, "service_level", row), 0);
  const auto table = run_staffplan({"plan", plan, "--allow-shortfall", "1000"});
  EXPECT_NE(table.out.find("2026-11-23T08:00:00+00:00 q: 13 of 14 agents short (1.95 productive; service "
                           "evaluated at 1)"),
            std::string::npos)
      << table.out;
}

// ---- abandonment --------------------------------------------------------------

TEST(Abandonment, ErlangAPlanViewsShowIt) {
  Temp t;
  const std::string plan = t.file(
      "a.yaml", one_interval_plan("model: erlang_a\npatience: 2m\ngoal: { service_level: 80%, max_abandon: 5% }\n", ""));
  const auto csv = run_staffplan({"plan", plan, "--view", "intervals", "-f", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find("\r\n")),
            "start,queue,calls,required,present,productive,shortfall,service_level,asa_s,occupancy,p_abandon");
  const auto summary = run_staffplan({"plan", plan, "--view", "summary"});
  EXPECT_NE(summary.out.find("abandonment (call-weighted): "), std::string::npos) << summary.out;
  const auto json = run_staffplan({"plan", plan, "-f", "json"});
  const double p = json_number(json.out, "p_abandon", json.out.find("\"summary\""));
  EXPECT_GE(p, 0);
  EXPECT_LE(p, 0.05);
}

// A hand-written plan JSON with 1 productive agent at 08:00 for 10 Erlangs.
std::string one_agent_json() {
  std::string rows;
  for (int h = 0; h < 48; ++h) {
    const std::string start = "2026-11-23T" + std::string(h / 2 < 10 ? "0" : "") + std::to_string(h / 2) +
                              (h % 2 ? ":30" : ":00") + ":00+00:00";
    rows += std::string(h ? "," : "") + "{\"start\": \"" + start + "\", \"queue\": \"q\", \"productive\": " +
            (h == 16 ? "1" : "0") + "}";
  }
  return "{\"intervals\": [" + rows + "]}";
}

TEST(SimulateStrict, ChecksAsaGoal) {
  Temp t;
  const std::string plan = t.file("asa.yaml", one_interval_plan("model: erlang_c\ngoal: { asa: 8s }\n", "", "20"));
  const std::string staffing = t.file("one.json", one_agent_json());
  const auto run = run_staffplan({"simulate", plan, "--plan", staffing, "--strict", "--seed", "1", "-f", "csv"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("queue 'q' ASA"), std::string::npos) << run.err;
}

TEST(SimulateStrict, ChecksMaxAbandonGoal) {
  Temp t;
  const std::string plan =
      t.file("ab.yaml", one_interval_plan("model: erlang_a\npatience: 1m\ngoal: { max_abandon: 5% }\n", "", "60"));
  const std::string staffing = t.file("one.json", one_agent_json());
  const auto run = run_staffplan({"simulate", plan, "--plan", staffing, "--strict", "--seed", "1", "-f", "csv"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("queue 'q' abandonment"), std::string::npos) << run.err;
}

}  // namespace
