// Bad `outsourcers` input: one test per class, each naming file:line:column, the
// field and the value.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/load.hpp"
#include "make_or_buy.hpp"

namespace staffplan {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string rows = "        - { at: \"2026-11-23T08:00\", calls: 100 }\n";

// The plan's first outsourcer is on line 22 (see make_or_buy_plan).
std::vector<std::string> errors_of(const std::string& outsourcers) {
  std::vector<std::string> out;
  try {
    load::load_plan_text(test::make_or_buy_plan(rows, 20, "", "outsourcers:\n" + outsourcers), "plan.yaml");
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(d.to_string());
  }
  return out;
}

TEST(OutsourcerErrors, ValidPlanLoads) {
  EXPECT_TRUE(errors_of("  - { name: bpo, price_per_minute: 0.4, queues: [english], mode: share }\n").empty());
  EXPECT_TRUE(errors_of("  - { name: bpo, price_per_minute: 0.4, queues: [english], mode: intervals, "
                        "open: \"20:00-08:00\" }\n").empty());
}

TEST(OutsourcerErrors, UnknownQueue) {
  EXPECT_THAT(errors_of("  - { name: bpo, price_per_minute: 0.4, queues: [englsh], mode: share }\n"),
              ElementsAre("plan.yaml:22:50: error: outsourcers[bpo].queues: unknown queue 'englsh'; did you mean "
                          "'english'?"));
}

TEST(OutsourcerErrors, ModeMissing) {
  EXPECT_THAT(errors_of("  - { name: bpo, price_per_minute: 0.4, queues: [english] }\n"),
              ElementsAre(HasSubstr("plan.yaml:22:5: error: missing required key 'mode' in outsourcers[bpo]")));
}

TEST(OutsourcerErrors, ModeUnknown) {
  EXPECT_THAT(errors_of("  - { name: bpo, price_per_minute: 0.4, queues: [english], mode: shares }\n"),
              ElementsAre("plan.yaml:22:66: error: outsourcers[bpo].mode: unknown mode 'shares'; did you mean "
                          "'share'?"));
}

TEST(OutsourcerErrors, SharesInIntervalsMode) {
  EXPECT_THAT(errors_of("  - { name: bpo, price_per_minute: 0.4, queues: [english], mode: intervals, "
                        "shares: [0%, 50%] }\n"),
              ElementsAre(HasSubstr("plan.yaml:22:85: error: outsourcers[bpo].shares: shares belong to mode share")));
}

TEST(OutsourcerErrors, OpenInShareMode) {
  EXPECT_THAT(errors_of("  - { name: bpo, price_per_minute: 0.4, queues: [english], mode: share, "
                        "open: \"20:00-08:00\" }\n"),
              ElementsAre(HasSubstr("plan.yaml:22:79: error: outsourcers[bpo].open: open hours belong to mode "
                                    "intervals")));
}

TEST(OutsourcerErrors, NegativePrice) {
  EXPECT_THAT(errors_of("  - { name: bpo, price_per_minute: -0.4, queues: [english], mode: share }\n"),
              ElementsAre("plan.yaml:22:36: error: outsourcers[bpo].price_per_minute must be in [0, 1000000000], got "
                          "-0.4"));
}

TEST(OutsourcerErrors, ShareOutOfRangeOrTwice) {
  EXPECT_THAT(errors_of("  - { name: bpo, price_per_minute: 0.4, queues: [english], mode: share, "
                        "shares: [0%, 120%, 50%, 50%] }\n"),
              ElementsAre("plan.yaml:22:86: error: outsourcers[bpo].shares[1] must be in [0%, 100%], got 120%",
                          "plan.yaml:22:97: error: outsourcers[bpo].shares[3]: share 50% is listed twice"));
}

TEST(OutsourcerErrors, DuplicateNames) {
  EXPECT_THAT(errors_of("  - { name: bpo, price_per_minute: 0.4, queues: [english], mode: share }\n"
                        "  - { name: bpo, price_per_minute: 0.4, queues: [], mode: share }\n"),
              ::testing::Contains("plan.yaml:23:13: error: duplicate outsourcer name 'bpo'"));
}

TEST(OutsourcerErrors, TwoOutsourcersClaimOneQueue) {
  EXPECT_THAT(errors_of("  - { name: a, price_per_minute: 0.4, queues: [english], mode: share }\n"
                        "  - { name: b, price_per_minute: 0.5, queues: [english], mode: intervals }\n"),
              ElementsAre("plan.yaml:23:48: error: outsourcers[b].queues: queue 'english' is already sent to "
                          "outsourcer 'a' (a queue can go to one outsourcer only)"));
}

TEST(OutsourcerErrors, UnknownKey) {
  EXPECT_THAT(errors_of("  - { name: bpo, price_per_minute: 0.4, queues: [english], mode: share, price: 1 }\n"),
              ElementsAre(HasSubstr("plan.yaml:22:73: error: unknown key 'price' in outsourcers[0]")));
}

}  // namespace
}  // namespace staffplan
