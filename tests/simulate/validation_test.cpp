// Validation of the simulation against queueing theory. Every reference value is
// computed in tests/simulate/erlang_reference.hpp from textbook formulas; the
// tolerance is the simulation's own confidence interval, and each check also
// bounds the interval's width so a uselessly wide interval cannot pass.
//
// About 30 interval checks run here. At the product's 95 % level, one or two of
// them would miss by chance alone, so the checks ask for 99.9 % intervals
// (Options::confidence): the chance of any false failure is then about 3 %
// (Bonferroni). Seeds are fixed (1) and were not changed to make a test pass.
#include <gtest/gtest.h>

#include "erlang_reference.hpp"
#include "plan_fixture.hpp"
#include "simulate/simulate.hpp"

namespace staffplan::testing {
namespace {

using simulate::Estimate;

constexpr double kLevel = 0.999;

void expect_contains(const Estimate& e, double truth, double max_half_width, const char* what) {
  EXPECT_LE(e.lo, truth) << what << ": mean " << e.mean << " CI [" << e.lo << ", " << e.hi << "]";
  EXPECT_GE(e.hi, truth) << what << ": mean " << e.mean << " CI [" << e.lo << ", " << e.hi << "]";
  EXPECT_LE((e.hi - e.lo) / 2, max_half_width) << what << " CI too wide";
}

// Four stationary hours of 60 s calls; the last hour is checked, after three hours
// (180 handling times) of warm-up from an empty system.
struct StationaryCase {
  double erlangs;
  int agents;
};

class ErlangCValidation : public ::testing::TestWithParam<StationaryCase> {};

TEST_P(ErlangCValidation, SimulatedLastHourContainsErlangC) {
  const auto [erlangs, agents] = GetParam();
  const double aht = 60, within = 20, calls = erlangs * 3600 / aht;
  const QueueSpec spec{.calls = std::vector<double>(4, calls), .aht_s = aht,
                       .agents = std::vector<int>(4, agents), .answer_within_s = within};
  const auto result = simulate::run(make_plan({spec}, 3600), make_staffing({spec}),
                                    {.replications = 200, .seed = 1, .threads = 2, .confidence = kLevel});
  const auto truth = reference_erlang_c(agents, erlangs, aht, within);
  const auto& last = result.intervals.at(3).simulated;
  expect_contains(last.p_wait, truth.p_wait, 0.05, "P(wait)");
  expect_contains(last.service_level, truth.service_level, 0.05, "SL");
  expect_contains(last.asa_s, truth.asa_s, 0.3 * truth.asa_s, "ASA");
  EXPECT_EQ(last.p_abandon.mean, 0);  // erlang_c callers never hang up
}

INSTANTIATE_TEST_SUITE_P(Loads, ErlangCValidation,
                         ::testing::Values(StationaryCase{4, 5}, StationaryCase{20, 23},
                                           StationaryCase{50, 54}));

TEST(ErlangCReference, MatchesHandCalculation) {
  // M/M/3 at A = 2: B = 4/19 by the recursion (2/3, 2/5, 4/19), C = 3B/(3 − 2(1 − B)) = 4/9.
  EXPECT_NEAR(reference_erlang_b(3, 2), 4.0 / 19, 1e-15);
  EXPECT_NEAR(reference_erlang_c(3, 2, 60, 0).p_wait, 4.0 / 9, 1e-15);
  // ASA = C·aht/(N − A) = (4/9)·60/1.
  EXPECT_NEAR(reference_erlang_c(3, 2, 60, 0).asa_s, 80.0 / 3, 1e-12);
}

struct AbandonCase {
  double erlangs;
  int agents;
  double patience_s;
};

class ErlangAValidation : public ::testing::TestWithParam<AbandonCase> {};

TEST_P(ErlangAValidation, SimulatedLastHourContainsErlangA) {
  const auto [erlangs, agents, patience] = GetParam();
  const double aht = 60, calls = erlangs * 3600 / aht;
  const QueueSpec spec{.calls = std::vector<double>(4, calls), .aht_s = aht,
                       .agents = std::vector<int>(4, agents)};
  const auto result =
      simulate::run(make_plan({spec}, 3600, QueueModel::erlang_a, patience), make_staffing({spec}),
                    {.replications = 200, .seed = 1, .threads = 2, .confidence = kLevel});
  const auto truth = reference_erlang_a(agents, calls / 3600, aht, patience);
  const auto& last = result.intervals.at(3).simulated;
  expect_contains(last.p_wait, truth.p_wait, 0.05, "P(wait)");
  expect_contains(last.p_abandon, truth.p_abandon, 0.025, "P(abandon)");
  expect_contains(last.asa_s, truth.asa_s, 0.3 * truth.asa_s, "ASA");
  // Erlang A's SL has no short closed form; the queueing core (validated against a
  // 50-digit mpmath reference in tests/queueing/) gives it, as the prediction.
  const double predicted_sl = result.intervals.at(3).predicted.service_level;
  expect_contains(last.service_level, predicted_sl, 0.05, "SL vs queueing core");
  EXPECT_NEAR(result.intervals.at(3).predicted.p_abandon, truth.p_abandon, 1e-9);
}

// Overloaded (N < A) and lightly loaded cases; Erlang A is stable either way.
INSTANTIATE_TEST_SUITE_P(Loads, ErlangAValidation,
                         ::testing::Values(AbandonCase{20, 18, 120}, AbandonCase{20, 22, 60},
                                           AbandonCase{8, 8, 300}));

TEST(ErlangAReference, AbandonmentAgreesWithLittlesLaw) {
  // Two derivations of the same quantity must agree: 1 − P(answered) over the
  // arrival-state distribution, and θ·E[queue]/λ (Little's law on the queue).
  for (const auto& c : {AbandonCase{20, 18, 120}, AbandonCase{20, 22, 60}, AbandonCase{8, 8, 300}}) {
    const auto r = reference_erlang_a(c.agents, c.erlangs / 60, 60, c.patience_s);
    EXPECT_NEAR(r.p_abandon, r.p_abandon_little, 1e-12);
  }
  // With patience → ∞ Erlang A becomes Erlang C: M/M/3 at A = 2 waits with P = 4/9.
  EXPECT_NEAR(reference_erlang_a(3, 2.0 / 60, 60, 1e9).p_wait, 4.0 / 9, 1e-6);
}

// M/G/1 has an exact mean wait (Pollaczek–Khinchine): W = ρ·(1 + cv²)·aht / (2(1 − ρ)),
// and P(wait) = ρ. This checks the lognormal (cv 2) and deterministic (cv 0)
// handling times: 6 s calls at ρ = 0.5 (300 per hour) for four hours, the last one
// checked after three hours (1800 handling times) of warm-up.
struct SingleServerCase {
  double cv;
};
class PollaczekKhinchine : public ::testing::TestWithParam<SingleServerCase> {};

TEST_P(PollaczekKhinchine, MeanWaitOfMG1) {
  const double cv = GetParam().cv, aht = 6, rho = 0.5;
  const QueueSpec spec{.calls = std::vector<double>(4, rho * 3600 / aht), .aht_s = aht,
                       .agents = std::vector<int>(4, 1), .aht_cv = cv};
  const auto result = simulate::run(make_plan({spec}, 3600), make_staffing({spec}),
                                    {.replications = 400, .seed = 1, .threads = 2, .confidence = kLevel});
  const double wait = rho * (1 + cv * cv) * aht / (2 * (1 - rho));
  const auto& last = result.intervals.at(3).simulated;
  expect_contains(last.p_wait, rho, 0.03, "P(wait)");
  expect_contains(last.asa_s, wait, 0.25 * wait, "ASA");
}

INSTANTIATE_TEST_SUITE_P(Shapes, PollaczekKhinchine,
                         ::testing::Values(SingleServerCase{0}, SingleServerCase{2}));

// A step change: a quiet hour, then an overloaded half hour (A = 12 on 10 agents)
// that builds a backlog of about (λ − Nμ)·T = 120 − 100 = 20 calls, then a quiet
// half hour (A = 6 on 10 agents). Erlang C predicts SL ≈ 0.94 for the quiet
// interval on its own; the carried-over backlog (about 15 minutes of work for the
// spare capacity of 10 − 6 agents) must make it clearly worse.
TEST(BacklogCarryOver, NextIntervalIsWorseThanIndependentPrediction) {
  const double aht = 180, within = 20;
  const QueueSpec spec{.calls = {60, 60, 120, 60}, .aht_s = aht, .agents = {10, 10, 10, 10},
                       .answer_within_s = within};
  const auto result = simulate::run(make_plan({spec}, 1800), make_staffing({spec}),
                                    {.replications = 200, .seed = 1, .threads = 2, .confidence = kLevel});
  const auto quiet = reference_erlang_c(10, 6, aht, within);
  const auto& after = result.intervals.at(3);
  EXPECT_NEAR(after.predicted.service_level, quiet.service_level, 1e-9);
  // The whole confidence interval lies well below the independent prediction...
  EXPECT_LT(after.simulated.service_level.hi, quiet.service_level - 0.1)
      << "simulated SL " << after.simulated.service_level.mean;
  EXPECT_GT(after.simulated.asa_s.lo, 2 * quiet.asa_s);
  // ...while the quiet interval before the step agrees with it.
  const auto& before = result.intervals.at(1).simulated;
  expect_contains(before.service_level, quiet.service_level, 0.06, "SL before the step");
}

}  // namespace
}  // namespace staffplan::testing
