#pragma once
// The step of the objective: the largest g such that every integer plan costs a
// whole multiple of g. Then no plan costs less than the LP's (or CBC's) bound
// rounded up to a multiple of g, and that rounded value is still a lower bound of
// the MILP (CBC uses the same argument for its cutoff). It matters for weekly tours,
// where the cost moves in whole agents × days: the benchmark family week costs 225
// a shift and 5 shifts a tour, so every plan costs a multiple of 1125, and an LP
// bound of 64.25 tours (72 284) says 65 tours (73 125).
//
// The step is the greatest common divisor, in cents, of the unit costs: the cost of
// each integer variable, except that the daily shifts of one (site, contract, group)
// of weekly tours whose shifts all cost the same c are counted by tour — Link rows
// make Σ of those shifts = Σ_t (days t works) · t (with days off anywhere, TourWeek
// makes it k · t), so each tour t is one unit of c · (days it works). No step
// (nothing) when a variable with a cost is continuous (shortfall) or a unit cost is
// no whole number of cents.
#include <optional>

#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

std::optional<double> objective_step(const MilpModel& model);

// `bound` rounded up to a whole multiple of `step` (round-off below a multiple is
// not rounded up); `bound` itself without a step.
double round_up_to_step(double bound, std::optional<double> step);

}  // namespace staffplan::optimize
