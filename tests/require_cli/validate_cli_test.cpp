// `staffplan validate` end to end: ok / every error, exit codes, nothing on stdout on failure.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_cli.hpp"

namespace {

using namespace staffplan::testing;  // run_staffplan, source_path, temp files

TEST(ValidateCli, ExampleConfigsAreValid) {
  for (const char* config : {"configs/single-site.yaml", "configs/follow-the-sun.yaml",
                             "configs/forecast/rows.yaml", "configs/forecast/csv.yaml"}) {
    const auto run = run_staffplan({"validate", source_path(config)});
    EXPECT_EQ(run.exit_code, 0) << config << "\n" << run.err;
    EXPECT_EQ(run.out, "ok\n") << config;
  }
}

TEST(ValidateCli, PrintsEveryErrorOnStderrAndExits2) {
  const std::string dir = make_temp_dir();
  const std::string plan = dir + "/bad.yaml";
  write_file(plan, "version: 1\ntimezone: Mars/Olympus\nstart: 2026-11-23\ndays: 0\ninterval: 30m\n"
                   "queues:\n  - name: q\n    aht: 300s\n    forecast: { volumes: [] }\n");
  const auto run = run_staffplan({"validate", plan});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, plan + ":2:11: error: unknown time zone 'Mars/Olympus' (expected an IANA name like "
                            "America/New_York)\n" +
                         plan + ":4:7: error: days must be from 1 to 3660, got 0\n" +
                         plan + ":7:5: error: queues[q] has no goal: set service_level or asa "
                                "in the plan's goal or the queue's\n");
  std::filesystem::remove_all(dir);
}

TEST(ValidateCli, MissingFile) {
  const auto run = run_staffplan({"validate", "/nonexistent/plan.yaml"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "/nonexistent/plan.yaml: error: cannot open the plan file: no such file\n");
}

TEST(ValidateCli, RefusesFilesOver64MiBBeforeReading) {
  const std::string dir = make_temp_dir();
  const std::string plan = dir + "/huge.yaml";
  write_file(plan, "version: 1\n");
  std::filesystem::resize_file(plan, (64u << 20) + 1);  // sparse: costs no disk or time
  const auto run = run_staffplan({"validate", plan});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, plan + ": error: plan file is 67108865 bytes; the limit is 67108864 bytes (64 MiB)\n");
  std::filesystem::remove_all(dir);
}

}  // namespace
