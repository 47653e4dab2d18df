// `staffplan compare` end to end (SPEC §12): its columns equal separate `plan` runs,
// in every format; headers, missing sites, exit codes and -o follow plan's rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "load/diagnostics.hpp"
#include "load/yaml_document.hpp"
#include "support/json_tree.hpp"
#include "support/run_cli.hpp"

namespace {

using staffplan::load::Node;
using namespace staffplan::testing;  // run_staffplan, source_path, temp files

const std::string dst = source_path("tests/data/optimize/dst-week.yaml");
const std::string london = source_path("tests/data/optimize/london-breaks.yaml");

// The dst-week plan under Erlang A (2 min patience), so abandonment shows.
std::string erlang_a_copy(const std::string& dir) {
  std::string text = read_file(dst);
  text.replace(text.find("model: erlang_c"), 15, "model: erlang_a\npatience: 2m");
  const std::string path = dir + "/impatient.yaml";
  write_file(path, text);
  return path;
}

TEST(CompareCli, JsonColumnsEqualSeparatePlanRuns) {
  const std::string dir = make_temp_dir();
  const std::vector<std::string> files = {dst, london, erlang_a_copy(dir)};
  const std::vector<std::string> set = {"--set", "goal.answer_within=30s"};
  std::vector<std::string> args = {"compare"};
  args.insert(args.end(), files.begin(), files.end());
  args.insert(args.end(), set.begin(), set.end());
  args.insert(args.end(), {"-f", "json"});
  const auto compare = run_staffplan(args);
  ASSERT_EQ(compare.exit_code, 0) << compare.err;
  const Json comparison = parse_json(compare.out);
  const Node columns = comparison.root()["plans"];
  ASSERT_EQ(columns.size(), 3u);
  for (std::size_t k = 0; k < files.size(); ++k) {
    const auto plan = run_staffplan({"plan", files[k], set[0], set[1], "-f", "json"});
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    const Json separate = parse_json(plan.out);
    const Node summary = separate.root()["summary"];
    const Node column = columns[k];
    EXPECT_EQ(column["file"].Scalar(), files[k]);
    for (const char* key : {"status", "cost", "paid_cost", "shortfall_cost", "lower_bound", "gap", "agents",
                            "paid_hours", "shortfall_agent_hours", "service_level", "answer_within_s"})
      EXPECT_EQ(column[key].Scalar(), summary[key].Scalar()) << files[k] << " " << key;
    EXPECT_EQ(column["p_abandon"].IsNull(), summary["p_abandon"].IsNull()) << files[k];
    EXPECT_EQ(column["p_abandon"].Scalar(), summary["p_abandon"].Scalar()) << files[k];
    EXPECT_EQ(column["inhouse_cost"].Scalar(), summary["paid_cost"].Scalar());
    EXPECT_EQ(column["outsourced_cost"].Scalar(), "0");
    ASSERT_EQ(column["sites"].size(), summary["sites"].size());
    for (std::size_t s = 0; s < summary["sites"].size(); ++s)
      for (const char* key : {"name", "agents", "paid_hours", "cost"})
        EXPECT_EQ(column["sites"][s][key].Scalar(), summary["sites"][s][key].Scalar()) << key;
    // Calls and handled minutes rebuilt from plan's own interval rows: every plan
    // here has aht 180 s, so a handled call is 3 minutes.
    double calls = 0, handled = 0;
    for (const Node row : separate.root()["intervals"]) {
      const double c = std::stod(row["calls"].Scalar());
      const double abandon = row["p_abandon"].IsDefined() ? std::stod(row["p_abandon"].Scalar()) : 0;
      calls += c;
      handled += c * (1 - abandon) * 3;
    }
    EXPECT_NEAR(std::stod(column["calls"].Scalar()), calls, 1e-6);
    EXPECT_NEAR(std::stod(column["handled_minutes"].Scalar()), handled, 1e-3);  // p_abandon rows: 4 decimals
    EXPECT_NEAR(std::stod(column["cost_per_call"].Scalar()), std::stod(summary["paid_cost"].Scalar()) / calls, 1e-6);
  }
  // The --set reached every plan: all service levels measured at 30 s.
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(columns[k]["answer_within_s"].Scalar(), "30");
  std::filesystem::remove_all(dir);
}

TEST(CompareCli, CsvByHandAndEqualToPlanSummaries) {
  // By hand (PlanCli tests): dst-week 2 agents × 8 h × 20 on two days = 640, 32 h,
  // SL 0.9154; london-breaks 7 agents × 7.5 paid h × 20 = 1050, SL 0.9032. Both
  // have 20 calls of 180 s: 60 handled minutes; 640 / 20 = 32 per call.
  const auto run = run_staffplan({"compare", dst, london, "-f", "csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "metric,dst-week.yaml,london-breaks.yaml\r\n"
            "status,optimal,optimal\r\n"
            "cost,640.00,1050.00\r\n"
            "inhouse_cost,640.00,1050.00\r\n"
            "outsourced_cost,0.00,0.00\r\n"
            "gap,0.000000,0.000000\r\n"
            "paid_hours,32.00,52.50\r\n"
            "agents,4,7\r\n"
            "calls,20.00,20.00\r\n"
            "handled_minutes,60.00,60.00\r\n"
            "cost_per_call,32.0000,52.5000\r\n"
            "cost_per_handled_minute,10.6667,17.5000\r\n"
            "service_level,0.915352,0.903189\r\n"
            "answer_within_s,20.0,20.0\r\n"
            "site_cost:boston,640.00,\r\n"
            "site_cost:london,,1050.00\r\n");
  // The same cells as each plan's own summary CSV (its total row).
  for (const auto& [file, total] : {std::pair{dst, std::string("total,4,32.00,640.00,0.9154,optimal,640.00,0.000000")},
                                    std::pair{london, std::string("total,7,52.50,1050.00,0.9032,optimal,1050.00,0.000000")}}) {
    const auto plan = run_staffplan({"plan", file, "-f", "csv", "--view", "summary"});
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    EXPECT_NE(plan.out.find(total), std::string::npos) << plan.out;
  }
}

TEST(CompareCli, TableShowsMissingSitesAsDashAndAbandonmentOnlyWhenSomePlanHasIt) {
  const std::string dir = make_temp_dir();
  const auto plain = run_staffplan({"compare", dst, london});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.find("abandonment"), std::string::npos);
  EXPECT_NE(plain.out.find("cost at boston"), std::string::npos);
  EXPECT_NE(plain.out.find("dst-week.yaml  london-breaks.yaml"), std::string::npos) << plain.out;
  // The per-site rows are a section of their own: a rule right above the first.
  const auto site_rows = plain.out.find("cost at boston");
  const auto rule = plain.out.rfind('\n', site_rows - 2);
  EXPECT_EQ(plain.out.substr(rule + 1, 10), "----------") << plain.out;
  // boston row: 640.00 under dst-week, "-" under london-breaks.
  const auto boston = plain.out.substr(plain.out.find("cost at boston"));
  EXPECT_EQ(boston.substr(0, boston.find('\n')).back(), '-');
  const auto impatient = run_staffplan({"compare", dst, erlang_a_copy(dir)});
  ASSERT_EQ(impatient.exit_code, 0) << impatient.err;
  const auto row = impatient.out.substr(impatient.out.find("abandonment"));
  EXPECT_NE(row.substr(0, row.find('\n')).find(" - "), std::string::npos) << row;  // erlang_c column
  std::filesystem::remove_all(dir);
}

// A week with 10 calls of 180 s at 09:00 every day: 2 agents needed (the dst-week
// hand calculation), one 8 h shift at 08:00. Daily shifts: 2 × 7 × 8 h × 20 = 2240.
// With 5-day contracts and 2 consecutive days off: 14 agent-days need at least 3
// agents (15 days); 3 suffice (off Mon-Tue, Wed-Thu, Fri-Sat leaves at least 2 each
// day): headcount 3, 3 × 5 × 8 h × 20 = 2400.
std::string tours_week(const std::string& dir, bool contracts) {
  std::string rows;
  for (int d = 0; d < 7; ++d) rows += "        - { at: \"2026-11-" + std::to_string(23 + d) + "T09:00\", calls: 10 }\n";
  const std::string text =
      "version: 1\nname: week\ntimezone: America/New_York\nstart: 2026-11-23\ndays: 7\ninterval: 60m\n"
      "shrinkage: 0%\ngoal: { service_level: 80%, answer_within: 20s }\n"
      "queues:\n  - name: english\n    aht: 180s\n    forecast:\n      rows:\n" + rows +
      "sites:\n  - name: boston\n    timezone: America/New_York\n    hourly_cost: 20\n" +
      (contracts ? "    contracts:\n      - { name: ft, shifts: [day], days_per_week: 5, days_off: consecutive }\n" : "") +
      "    shifts:\n      - { name: day, start: \"08:00\", length: 8h }\n";
  const std::string path = dir + (contracts ? "/tours.yaml" : "/daily.yaml");
  write_file(path, text);
  return path;
}

TEST(CompareCli, HeadcountRowsByHandWhenSomePlanHasTours) {
  const std::string dir = make_temp_dir();
  const std::string daily = tours_week(dir, false), tours = tours_week(dir, true);
  const auto csv = run_staffplan({"compare", daily, tours, "-f", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  for (const char* row : {"cost,2240.00,2400.00\r\n", "agents,14,15\r\n", "headcount,,3\r\n",
                          "site_cost:boston,2240.00,2400.00\r\n", "site_headcount:boston,,3\r\n"})
    EXPECT_NE(csv.out.find(row), std::string::npos) << row << "\n" << csv.out;
  // The same contracts given by --set: the same numbers as the separate plan run.
  const std::string set = "sites.boston.contracts=[{name: ft, shifts: [day], days_per_week: 5, days_off: consecutive}]";
  const auto json = run_staffplan({"compare", daily, "--set", set, "-f", "json"});
  const auto plan = run_staffplan({"plan", tours, "-f", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const Json compared = parse_json(json.out), separate = parse_json(plan.out);
  const Node column = compared.root()["plans"][0];
  const Node summary = separate.root()["summary"];
  for (const char* key : {"cost", "paid_hours", "headcount", "fte"})
    EXPECT_EQ(column[key].Scalar(), summary[key].Scalar()) << key;
  EXPECT_EQ(column["headcount"].Scalar(), "3");
  std::filesystem::remove_all(dir);
}

TEST(CompareCli, DuplicateFileNamesGetDistinctHeaders) {
  const std::string a = make_temp_dir(), b = make_temp_dir();
  write_file(a + "/week.yaml", read_file(dst));
  write_file(b + "/week.yaml", read_file(dst));
  const auto run = run_staffplan({"compare", a + "/week.yaml", b + "/week.yaml", dst, dst, "-f", "csv"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.substr(0, run.out.find("\r\n")),
            "metric," + a + "/week.yaml," + b + "/week.yaml,dst-week.yaml,dst-week.yaml #2");
  std::filesystem::remove_all(a);
  std::filesystem::remove_all(b);
}

TEST(CompareCli, BadInputAnywhereExits2BeforeSolvingWithEveryError) {
  const std::string dir = make_temp_dir();
  const std::string bad = dir + "/bad.yaml";
  std::string text = read_file(dst);
  text.replace(text.find("shrinkage: 0%"), 13, "shrinkage: 1.5");
  write_file(bad, text);
  const auto run = run_staffplan({"compare", dst, bad, london, "--set", "sites.boston.hourly_cost=abc"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  // The bad --set once (two plans have a boston site and both refuse it), the file's
  // own error, and the site that london-breaks does not have.
  EXPECT_EQ(run.err,
            "--set sites.boston.hourly_cost=abc: error: sites[boston].hourly_cost: expected a finite number, got "
            "'abc'\n" +
                bad + ":11:12: error: shrinkage must be in [0, 1), got 1.5\n"
                      "--set sites.boston.hourly_cost=abc: error: sites has no item named 'boston' (it has: london)\n");
  std::filesystem::remove_all(dir);
}

TEST(CompareCli, APlanWithoutResultExits1AndLeavesTheOutputFile) {
  const std::string dir = make_temp_dir();
  const std::string out = dir + "/comparison.csv";
  write_file(out, "before\n");
  const auto run = run_staffplan(
      {"compare", dst, source_path("tests/data/optimize/uncovered-night.yaml"), "-f", "csv", "-o", out});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(read_file(out), "before\n");
  const std::string incomplete = read_file(out + ".interrupted");
  EXPECT_NE(incomplete.find("status,optimal,no_result\r\n"), std::string::npos) << incomplete;
  EXPECT_NE(incomplete.find("cost,640.00,\r\n"), std::string::npos) << incomplete;
  EXPECT_NE(run.err.find("uncovered-night.yaml: cannot cover the requirement"), std::string::npos) << run.err;
  std::filesystem::remove_all(dir);
}

TEST(CompareCli, SameInputSameOutput) {
  const auto a = run_staffplan({"compare", dst, london});
  const auto b = run_staffplan({"compare", dst, london});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

}  // namespace
