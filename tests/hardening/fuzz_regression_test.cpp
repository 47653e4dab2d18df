// Replays every saved fuzz input (seeds and former crashes, tests/data/fuzz/<target>/)
// through its target, so a fixed crash stays fixed in the normal and sanitizer builds.
#include <gtest/gtest.h>

#include <filesystem>
#include <cstdint>
#include <string>
#include <vector>

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

TEST(FuzzRegression, SetOverrides) {
  EXPECT_GT(replay("set_overrides", staffplan::fuzz::set_overrides), 4);
}

// Random `--set` arguments built from the plan's own path parts and hostile values:
// every combination loads or is an InputError (under ASan/UBSan in CI), never a crash.
TEST(FuzzRegression, RandomSetOverrides) {
  const std::vector<std::string> parts = {"sites", "s", "0", "1", "shifts", "day", "breaks", "window", "days",
                                          "queues", "q", "r", "goal", "forecast", "volumes", "rows", "23", "24",
                                          "groups", "both", "name", "aht", "seats", "calls", "x", "999999999"};
  const std::vector<std::string> values = {"1", "-1", "0", "abc", "[]", "{}", "[mon]", "{a: 1}", "[[[]]]", "85%",
                                           "1e308", "nan", "5m", "08:00", "[", "{", "~", "null", "true"};
  std::uint64_t state = 12345;
  auto next = [&state](std::size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state >> 33) % n);
  };
  for (int run = 0; run < 2000; ++run) {
    std::string input;
    const std::size_t arguments = 1 + next(3);
    for (std::size_t a = 0; a < arguments; ++a) {
      std::string path;
      const std::size_t depth = 1 + next(6);
      for (std::size_t d = 0; d < depth; ++d) path += (d ? "." : "") + parts[next(parts.size())];
      input += (a ? "\n" : "") + path + "=" + values[next(values.size())];
    }
    EXPECT_NO_THROW(staffplan::fuzz::set_overrides(input)) << input;
  }
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
