// Replays every saved fuzz input (seeds and former crashes, tests/data/fuzz/<target>/)
// through its target, so a fixed crash stays fixed in the normal and sanitizer builds.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "fuzz/load_targets.hpp"
#include "fuzz/targets.hpp"
#include "support/run_cli.hpp"

namespace fs = std::filesystem;
using staffplan::testing::read_file;
using staffplan::testing::source_path;

namespace {

// Runs `target` on every file of tests/data/fuzz/<name>/; returns how many ran.
template <typename Target>
int replay(const std::string& name, Target target) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(source_path("tests/data/fuzz/" + name))) {
    if (!entry.is_regular_file()) continue;
    const std::string input = read_file(entry.path().string());
    EXPECT_NO_THROW(target(input)) << entry.path();
    ++count;
  }
  return count;
}

}  // namespace

TEST(FuzzRegression, Units) {
  EXPECT_GT(replay("units", staffplan::fuzz::units), 10);
}

TEST(FuzzRegression, LoadPlan) {
  EXPECT_GT(replay("load_plan", staffplan::fuzz::load_plan), 0);
}

TEST(FuzzRegression, ForecastCsv) {
  EXPECT_GT(replay("forecast_csv", staffplan::fuzz::forecast_csv), 1);
}

// The first crash libFuzzer found: "1.1h" parsed to 3960.0000000000005 s (1.1 * 3600
// in binary), which format_duration printed as "1h6m", reading back as 3960.
TEST(FuzzRegression, DecimalHoursAreWholeSeconds) {
  EXPECT_EQ(staffplan::units::parse_duration("1.1h"), 3960.0);
  EXPECT_EQ(staffplan::units::parse_duration("0.1h"), 360.0);
  EXPECT_EQ(staffplan::units::format_duration(staffplan::units::parse_duration("1.1h")), "1h6m");
}
