// evaluate(), the staffing search and shrinkage.
//
// The search returns the smallest N >= 0 meeting every goal. Every metric is
// monotone in N (P(wait), ASA, occupancy and abandonment fall, SL rises), so the
// set of feasible N is an interval [N*, inf) and we can bracket and bisect:
//  - Erlang C starts at its true lower bound floor(A)+1 (or the occupancy bound
//    ceil(A/max_occupancy) when larger) and first steps one agent at a time with
//    the O(1) Erlang B recursion, which settles loads up to a few thousand Erlangs
//    in well under a microsecond per step. If that has not reached the goal after
//    kLinearSteps, it gallops upward in steps growing from sqrt(A) (square-root
//    staffing scale) with the O(1) incomplete-gamma closed form, then bisects.
//  - Erlang A (N may be below A) starts from N = round(A), gallops down or up in
//    steps from sqrt(A), then bisects.
// Bisection keeps "lo fails, hi meets" and stops at hi = lo + 1, so the answer N
// meets the goals and N - 1 does not: no candidate is ever skipped.
#include <cmath>
#include <functional>
#include <limits>

#include <boost/math/policies/error_handling.hpp>
#include <fmt/format.h>

#include "queueing/models.hpp"
#include "queueing/numerics.hpp"
#include "queueing/queueing.hpp"
#include "queueing/validate.hpp"

namespace staffplan::queueing {
namespace {

constexpr int kLinearSteps = 64;
// The most agents the search considers for one queue in one interval: far beyond
// SPEC's 100 000 (10 million calls in 30 min, 3.3 million agents, still works); a
// search passing it reports UnreachableGoal instead of running on.
constexpr long long kMaxAgents = 1LL << 30;
// An occupancy within this much of the cap meets it: A / N is a quotient of
// rounded numbers (306 calls × 180 s / 1800 s = 30.6 Erlangs; 30.6 / 36 computes
// as 0.8500000000000001), so an exact tie must not cost one more agent. Far below
// any cap anyone writes (0.01 % steps) and far above the double's round-off.
constexpr double kOccupancyTolerance = 1e-12;

bool within_cap(double occupancy, double cap) { return occupancy <= cap + kOccupancyTolerance; }

bool meets(const Metrics& m, const Goals& goals) {
  if (goals.service_level && !(m.service_level >= *goals.service_level)) return false;
  if (goals.asa_s && !(m.asa_s <= *goals.asa_s)) return false;
  if (goals.max_occupancy && !within_cap(m.occupancy, *goals.max_occupancy)) return false;
  if (goals.max_abandon && !(m.p_abandon <= *goals.max_abandon)) return false;
  return true;
}

// Goals no finite staffing meets when calls are offered.
void reject_unreachable(const Goals& goals, Model model) {
  if (goals.service_level && *goals.service_level >= 1)
    throw UnreachableGoal("a service level of 100% cannot be met with any number of agents");
  if (goals.asa_s && *goals.asa_s <= 0)
    throw UnreachableGoal("an ASA of 0 s cannot be met with any number of agents");
  if (goals.max_occupancy && *goals.max_occupancy <= 0)
    throw UnreachableGoal("a max occupancy of 0% cannot be met while calls are offered");
  if (model == Model::erlang_a && goals.max_abandon && *goals.max_abandon <= 0)
    throw UnreachableGoal("a max abandonment of 0% cannot be met with any number of agents");
}

[[noreturn]] void too_many_agents() {
  throw UnreachableGoal(
      fmt::format("no staffing up to {} agents (the most the search considers) meets "
                  "the goals", kMaxAgents));
}

// Smallest n in (lo, inf) with feasible(n), given feasible is monotone and false at lo.
int gallop_and_bisect(int lo, int step, const std::function<bool(int)>& feasible) {
  long long hi = static_cast<long long>(lo) + step;
  while (true) {
    if (hi > kMaxAgents) too_many_agents();
    if (feasible(static_cast<int>(hi))) break;
    lo = static_cast<int>(hi);
    step *= 2;
    hi = static_cast<long long>(lo) + step;
  }
  int h = static_cast<int>(hi);
  while (h - lo > 1) {
    const int mid = lo + (h - lo) / 2;
    (feasible(mid) ? h : lo) = mid;
  }
  return h;
}

int sqrt_step(double a) { return std::max(1, static_cast<int>(std::ceil(std::sqrt(a)))); }

// Smallest n with a / n <= cap (up to kOccupancyTolerance), for cap > 0.
long long occupancy_bound(double a, double cap) {
  double n = std::ceil(a / cap);
  if (n > kMaxAgents) too_many_agents();
  while (n > 1 && within_cap(a / (n - 1), cap)) --n;
  while (!within_cap(a / n, cap)) ++n;
  return static_cast<long long>(n);
}

Metrics required_erlang_c(const Load& load, const Goals& goals) {
  const double a = load.erlangs();
  long long start = static_cast<long long>(std::floor(a)) + 1;
  if (goals.max_occupancy) start = std::max(start, occupancy_bound(a, *goals.max_occupancy));
  if (start > kMaxAgents) too_many_agents();
  const auto closed_form = [&](int n) {
    return detail::erlang_c_metrics(n, a, NAN, detail::log_inverse_blocking_minus_one(n, a), load.aht_s,
                                    goals.answer_within_s);
  };
  // Step up from the lower bound with B(n+1) = A B(n) / (n + 1 + A B(n)).
  int n = static_cast<int>(start);
  Metrics m = closed_form(n);
  double blocking = 1 / (1 + std::exp(detail::log_inverse_blocking_minus_one(n, a)));
  for (int step = 0; step < kLinearSteps; ++step) {
    if (meets(m, goals)) return m;
    blocking = a * blocking / (n + 1 + a * blocking);
    ++n;
    m = detail::erlang_c_metrics(n, a, blocking, NAN, load.aht_s, goals.answer_within_s);
  }
  if (meets(m, goals)) return m;
  const int found = gallop_and_bisect(n, sqrt_step(a), [&](int k) { return meets(closed_form(k), goals); });
  return closed_form(found);
}

Metrics required_erlang_a(const Load& load, const Goals& goals) {
  const double a = load.erlangs();
  detail::Needs needs;
  needs.service_level = goals.service_level.has_value();
  needs.asa = goals.asa_s.has_value();
  const auto feasible = [&](int n) {
    return meets(detail::erlang_a_metrics(n, a, load.aht_s, load.patience_s, goals.answer_within_s, needs),
                 goals);
  };
  int found;
  if (feasible(0)) {
    found = 0;
  } else {
    const int guess = std::max(1, static_cast<int>(std::lround(a)));
    int step = sqrt_step(a);
    if (!feasible(guess)) {
      found = gallop_and_bisect(guess, step, feasible);
    } else {  // gallop down until infeasible (0 is known infeasible), then bisect
      int hi = guess;
      int lo = std::max(0, hi - step);
      while (lo > 0 && feasible(lo)) {
        hi = lo;
        step *= 2;
        lo = std::max(0, hi - step);
      }
      while (hi - lo > 1) {
        const int mid = lo + (hi - lo) / 2;
        (feasible(mid) ? hi : lo) = mid;
      }
      found = hi;
    }
  }
  return detail::erlang_a_metrics(found, a, load.aht_s, load.patience_s, goals.answer_within_s);
}

// A Boost series that still fails to converge (an Erlang A case past what
// max_patience_load foresaw) is a parameter out of range, not an internal error.
template <class Compute>
Metrics guarded(const Load& load, Compute compute) {
  try {
    return compute();
  } catch (const boost::math::evaluation_error&) {
    throw InvalidParameter(detail::patience_too_long(load));
  }
}

}  // namespace

Metrics evaluate(const Load& load, int agents, double answer_within_s) {
  detail::require_load(load);
  detail::require_agents(agents);
  detail::require_finite_non_negative("answer within", answer_within_s);
  const double a = load.erlangs();
  Metrics m;
  if (a == 0) {
    m = detail::idle_metrics(agents);
  } else if (load.model == Model::erlang_a) {
    m = guarded(load, [&] { return detail::erlang_a_metrics(agents, a, load.aht_s, load.patience_s, answer_within_s); });
  } else {
    const double log_r = agents > a ? detail::log_inverse_blocking_minus_one(agents, a) : NAN;
    m = detail::erlang_c_metrics(agents, a, NAN, log_r, load.aht_s, answer_within_s);
  }
  m.answer_within_s = answer_within_s;
  return m;
}

Metrics required_agents(const Load& load, const Goals& goals) {
  detail::require_load(load);
  detail::require_goals(goals);
  Metrics m;
  if (load.erlangs() == 0) {
    m = detail::idle_metrics(0);
  } else {
    reject_unreachable(goals, load.model);
    if (load.erlangs() > static_cast<double>(kMaxAgents))
      throw UnreachableGoal(fmt::format("an offered load of {:.1f} Erlangs needs more than {} agents, more than "
                                        "the search considers",
                                        load.erlangs(), kMaxAgents));
    m = load.model == Model::erlang_a ? guarded(load, [&] { return required_erlang_a(load, goals); })
                                      : required_erlang_c(load, goals);
  }
  m.answer_within_s = goals.answer_within_s;
  return m;
}

int lines_for_blocking(double erlangs, double max_blocking) {
  detail::require_finite_non_negative("erlangs", erlangs);
  if (!(max_blocking > 0 && max_blocking <= 1))
    throw InvalidParameter(fmt::format("blocking must be in (0, 1], got {}", max_blocking));
  // B(0) = 1 and B falls strictly with every line added, so the lines that meet
  // the target are [N*, inf): bracket from 0 in square-root steps and bisect.
  if (erlangs == 0 || max_blocking >= 1) return 0;
  if (erlangs > static_cast<double>(kMaxAgents))
    throw UnreachableGoal(fmt::format("an offered load of {:.1f} Erlangs needs more than {} lines", erlangs, kMaxAgents));
  return gallop_and_bisect(0, sqrt_step(erlangs),
                           [&](int n) { return blocking_probability(n, erlangs) <= max_blocking; });
}

int scheduled_agents(int agents, double shrinkage) {
  detail::require_agents(agents);
  if (!(shrinkage >= 0 && shrinkage < 1))
    throw InvalidParameter(fmt::format("shrinkage must be in [0, 1), got {}", shrinkage));
  const double exact = agents / (1 - shrinkage);
  // 14 / (1 - 0.3) is 20.000000000000004 in binary floating point: a value within a
  // few ulps of a whole number is that number, not the next one.
  const double nearest = std::round(exact);
  const double scheduled = std::abs(exact - nearest) <= 1e-12 * std::max(1.0, exact) ? nearest : std::ceil(exact);
  if (scheduled > std::numeric_limits<int>::max())
    throw InvalidParameter(fmt::format("shrinkage {} leaves too little time: {} agents would need {:.0f} scheduled",
                                       shrinkage, agents, scheduled));
  return static_cast<int>(scheduled);
}

}  // namespace staffplan::queueing
