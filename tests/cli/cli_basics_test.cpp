#include <gtest/gtest.h>

#include "support/run_cli.hpp"

using staffplan::testing::run_staffplan;

TEST(CliBasics, VersionGoesToStdout) {
  const auto run = run_staffplan({"--version"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "staffplan 0.1.0\n");
}

TEST(CliBasics, UnknownCommandIsBadInput) {
  const auto run = run_staffplan({"frobnicate"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("frobnicate"), std::string::npos) << run.err;
}

TEST(CliBasics, NoCommandIsBadInput) {
  const auto run = run_staffplan({});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
}
