// `staffplan validate` runs every check that comes before the solve (issue 9): a plan
// that `require` or `plan` refuses is not "ok". Goals no staffing meets exit 2 (as
// `require`); an interval no shift covers exits 1 naming queue and interval (as `plan`).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/run_cli.hpp"

namespace {

using namespace staffplan::testing;  // run_staffplan, source_path, temp files

// One queue, one day of hourly intervals, 20 calls at 09:00, one day shift.
std::string plan_text(const std::string& model_and_goal, const std::string& extra_row = "") {
  return "version: 1\nname: t\ntimezone: America/New_York\nstart: 2026-11-23\ndays: 1\ninterval: 60m\n" +
         model_and_goal +
         "queues:\n  - name: english\n    aht: 180s\n    forecast:\n      rows:\n"
         "        - { at: \"2026-11-23T09:00\", calls: 20 }\n" +
         extra_row +
         "sites:\n  - name: boston\n    timezone: America/New_York\n    hourly_cost: 20\n"
         "    shifts:\n      - { name: day, start: \"08:00\", length: 8h }\n";
}

struct Outcome {
  int validate, require, plan;
  std::string validate_err;
};

Outcome run_all(const std::string& text) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/plan.yaml";
  write_file(file, text);
  const auto v = run_staffplan({"validate", file});
  const auto r = run_staffplan({"require", file});
  const auto p = run_staffplan({"plan", file});
  std::filesystem::remove_all(dir);
  return {v.exit_code, r.exit_code, p.exit_code, v.err};
}

TEST(ValidatePrechecks, ServiceLevelOf100PercentIsRefusedLikeRequire) {
  const Outcome o = run_all(plan_text("model: erlang_c\ngoal: { service_level: 100%, answer_within: 20s }\n"));
  EXPECT_EQ(o.require, 2);
  EXPECT_EQ(o.validate, 2) << o.validate_err;
  EXPECT_NE(o.validate_err.find("service level of 100%"), std::string::npos) << o.validate_err;
}

TEST(ValidatePrechecks, MaxAbandonZeroIsRefusedLikeRequire) {
  const Outcome o = run_all(plan_text("model: erlang_a\npatience: 2m\ngoal: { max_abandon: 0 }\n"));
  EXPECT_EQ(o.require, 2);
  EXPECT_EQ(o.validate, 2) << o.validate_err;
  EXPECT_NE(o.validate_err.find("max abandonment of 0%"), std::string::npos) << o.validate_err;
}

TEST(ValidatePrechecks, AsaZeroIsRefusedLikeRequire) {
  const Outcome o = run_all(plan_text("model: erlang_c\ngoal: { asa: 0s }\n"));
  EXPECT_EQ(o.require, 2);
  EXPECT_EQ(o.validate, 2) << o.validate_err;
}

TEST(ValidatePrechecks, UncoveredNightExits1NamingTheInterval) {
  // Calls at 03:00 and 09:00; the only shift runs 08:00-16:00.
  const Outcome o = run_all(plan_text("model: erlang_c\ngoal: { service_level: 80%, answer_within: 20s }\n",
                                      "        - { at: \"2026-11-23T03:00\", calls: 20 }\n"));
  EXPECT_EQ(o.plan, 1);
  EXPECT_EQ(o.validate, 1) << o.validate_err;
  EXPECT_NE(o.validate_err.find("queue english, interval 2026-11-23T03:00:00-05:00: no shift of a site serving "
                                "english covers it"),
            std::string::npos)
      << o.validate_err;
  EXPECT_EQ(o.validate_err.find("09:00:00"), std::string::npos) << o.validate_err;  // 09:00 is covered
}

TEST(ValidatePrechecks, CoverablePlanStaysOk) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/plan.yaml";
  write_file(file, plan_text("model: erlang_c\ngoal: { service_level: 80%, answer_within: 20s }\n"));
  const auto v = run_staffplan({"validate", file});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, "ok\n");
  std::filesystem::remove_all(dir);
}

}  // namespace
