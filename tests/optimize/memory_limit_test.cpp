// The memory side of the up-front size limit (issue 10): a plan whose estimated
// memory exceeds what the machine has is refused before anything is built, naming
// the columns, the estimate and the memory available. Estimates worked by hand.
#include <gtest/gtest.h>

#include <string>

#include "model/errors.hpp"
#include "optimize/size_limit.hpp"

namespace staffplan::optimize {
namespace {

Plan plan_with_starts(int starts) {
  Plan plan;
  plan.file = "big.yaml";
  plan.horizon.interval_s = 3600;
  Site site;
  site.name = "s";
  site.queues = {0};
  Shift shift;
  shift.name = "day";
  shift.length_s = 8 * 3600;
  shift.starts.resize(static_cast<std::size_t>(starts));
  site.shifts.push_back(shift);
  plan.sites.push_back(site);
  return plan;
}

TEST(MemoryLimit, EstimateCountsTwoEntriesPerIntervalOnShift) {
  // 1000 columns x (2 x 8 intervals + 2) entries x bytes_per_entry.
  EXPECT_DOUBLE_EQ(estimate_bytes(plan_with_starts(1000)), 1000 * 18 * bytes_per_entry);
}

TEST(MemoryLimit, RefusesWhatCannotFitNamingTheSize) {
  const Plan plan = plan_with_starts(1000);  // 18 000 entries: 14 MB at 800 B per entry
  EXPECT_NO_THROW(check_size(plan, 1e9));
  try {
    check_size(plan, 10e6);
    FAIL() << "a plan needing more memory than available was accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    const std::string text = e.diagnostics()[0].to_string();
    EXPECT_NE(text.find("1000 shift columns"), std::string::npos) << text;
    EXPECT_NE(text.find("about 14 MB"), std::string::npos) << text;
    EXPECT_NE(text.find("10 MB are available"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace staffplan::optimize
