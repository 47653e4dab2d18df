// A machine without a time-zone database is an environment problem, not a bad plan:
// exit 3 naming the folder (issue 9), not "unknown time zone 'UTC'" with exit 2.
// The database is hidden in a private mount namespace (unshare -rm, no root
// needed), so the test needs user namespaces; without them it is skipped.
#include <gtest/gtest.h>

#include <string>

#include "support/run_cli.hpp"

using namespace staffplan::testing;

namespace {

std::string quoted(const std::string& word) { return "'" + word + "'"; }

bool namespaces_available() { return run_shell("unshare -rm true 2>/dev/null").exit_code == 0; }

TEST(TzDatabase, EmptyZoneinfoFolderIsAnEnvironmentError) {
  if (!namespaces_available()) GTEST_SKIP() << "unshare -rm is not permitted here";
  const std::string empty = make_temp_dir();
  const auto run = run_shell("unshare -rm sh -c " +
                             quoted("mount --bind " + empty + " /usr/share/zoneinfo && exec " STAFFPLAN_BINARY
                                    " validate " + source_path("tests/data/hostile/base.yaml")));
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "staffplan: error: the time-zone database is missing: no time zones found in /usr/share/zoneinfo "
            "(install the tzdata package); this is a problem of this machine, not of the plan\n");
}

TEST(TzDatabase, MissingZoneinfoFolderIsAnEnvironmentError) {
  if (!namespaces_available()) GTEST_SKIP() << "unshare -rm is not permitted here";
  const std::string empty = make_temp_dir();
  // An empty /usr/share: no zoneinfo folder at all.
  const auto run = run_shell("unshare -rm sh -c " +
                             quoted("mount --bind " + empty + " /usr/share && exec " STAFFPLAN_BINARY
                                    " validate " + source_path("tests/data/hostile/base.yaml")));
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_NE(run.err.find("the time-zone database is missing"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("/usr/share/zoneinfo"), std::string::npos) << run.err;
}

}  // namespace
