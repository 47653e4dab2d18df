#pragma once
// Whole-agent counts for CBC: one integer variable n[site, interval] per distinct
// Seats row, tied to the columns by the row Count(site, interval):
//   Σ agents on shift at the site in the interval − n = 0,   0 ≤ n ≤ seats.
// n is fixed by the columns, so the model's plans, costs and LP bound are the same.
// What changes is CBC's cuts: its Gomory and two-step MIR cuts find the integrality
// of the sites' headcounts through n. CBC's preprocessing would substitute n away,
// so it runs without it. On the follow-the-sun week (bilingual group, 3 sites),
// both without preprocessing, CBC's root bound is 43 937 without n and 44 058 with
// it (the `cbc` program on export_mps's model), 44 088 inside `plan`; the optimum
// is 44 152 (HiGHS proves it). Rows with one column add nothing and get no n;
// rows over the same columns share one. Only CBC's runs see these variables: the
// LP, the dive, the repair and the search work on the model without them.
#include <vector>

#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

// `model` with the count variables and rows appended after its own.
MilpModel with_seat_counts(const MilpModel& model);

// `x`, a solution of the first `x.size()` variables of `counted`, extended with the
// counts it implies (the value each Count row needs).
std::vector<double> with_count_values(const MilpModel& counted, const std::vector<double>& x);

}  // namespace staffplan::optimize
