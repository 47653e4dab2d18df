#pragma once
// How a CBC run ended, from CBC's own flags checked against the clock. CBC 2.10
// can end a run whose time ran out during preprocessing or at the root with the
// status "proven infeasible" (status 0, secondary status 1, no node searched, its
// bound still the LP's): caught on the family week f7-min-5s, where CBC's first
// run, 6.89 s into a budget ending at 6.87 s, said so with the dive's plan as its
// start, and `plan` reported that plan (37 225.70) as proven optimal although the
// search finds 37 138.88. Whatever CBC says, a run that reached its budget proved
// nothing: its infeasibility is not a proof, and it counts as stopped by the clock.
namespace staffplan::optimize::detail {

// A run that ends within this of its budget (seconds) is taken to have reached it:
// CBC's own clock starts after ours, so its time limit expires a little later.
inline constexpr double kCbcBudgetTolerance = 0.05;

struct CbcEnd {
  bool proven_infeasible = false;
  bool hit_time_limit = false;
};

inline CbcEnd classify_cbc_end(bool cbc_says_infeasible, bool cbc_says_out_of_time, double elapsed_s,
                               double budget_s) {
  const bool reached_budget = elapsed_s >= budget_s - kCbcBudgetTolerance;
  return CbcEnd{cbc_says_infeasible && !cbc_says_out_of_time && !reached_budget,
                cbc_says_out_of_time || reached_budget};
}

}  // namespace staffplan::optimize::detail
