// A closed pipe (`staffplan require PLAN | head -1`) ends the run quietly: exit 0, no
// message, no signal. The output must be larger than the pipe buffer (64 KiB) so that
// the write really hits the closed pipe.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;
using namespace staffplan::testing;

namespace {

// 28 days of 15-minute intervals for 3 queues: 8064 CSV rows (about 1 MB).
std::string large_plan() {
  std::string plan =
      "version: 1\nname: pipe test\ntimezone: UTC\nstart: 2026-11-23\ndays: 28\ninterval: 15m\n"
      "goal: { service_level: 80%, answer_within: 20s }\nqueues:\n";
  for (const char* name : {"a", "b", "c"})
    plan += std::string("  - { name: ") + name + ", aht: 180s, forecast: { rows: [{ at: \"2026-11-23T08:00\", calls: 10 }] } }\n";
  plan += "sites:\n  - name: s\n    timezone: UTC\n    hourly_cost: 20\n    shifts:\n"
          "      - { name: day, start: \"08:00\", length: 8h }\n";
  return plan;
}

TEST(Pipe, ClosedPipeEndsTheRunQuietly) {
  const std::string dir = make_temp_dir();
  const std::string plan = dir + "/plan.yaml";
  write_file(plan, large_plan());
  for (const char* format : {"table", "csv", "json"}) {
    SCOPED_TRACE(format);
    // The shell records staffplan's own exit code; head closes the pipe after one line.
    const auto run = run_shell("{ " STAFFPLAN_BINARY " require " + plan + " -f " + format + " 2>" + dir +
                               "/err; echo $? >" + dir + "/status; } | head -1");
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out, "");
    EXPECT_EQ(run.out.find('\n'), run.out.size() - 1) << "head printed one line";
    EXPECT_EQ(read_file(dir + "/status"), "0\n");
    EXPECT_EQ(read_file(dir + "/err"), "");
  }
  // The same run, read to the end, really is larger than a pipe buffer.
  const auto full = run_staffplan({"require", plan, "-f", "csv"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_GT(full.out.size(), 256u * 1024u);
  fs::remove_all(dir);
}

}  // namespace
