#pragma once
// Mixed-integer rounding (MIR) cuts stated up front, as rows of the model: the
// covering rows say "productive agents ≥ required", and productive agents are
// whole agents times 1 − shrinkage (0.7, 0.65, ...), so the LP relaxation staffs
// 14.29 agents where 15 are needed and its bound sits several percent below every
// plan (follow-the-sun: 3 %). For a covering row Σ a_j x_j ≥ β over integer
// x_j ≥ 0 with a_j > 0, divided by a scale δ (each distinct coefficient of the
// row), with b = β/δ, f = b − ⌊b⌋ > 0 and f_j the fractional part of a_j/δ:
//   Σ_j (⌊a_j/δ⌋ + min(f_j / f, 1)) x_j ≥ ⌈b⌉
// holds for every integer x (Marchand and Wolsey's MIR for covering rows; with one
// coefficient it is Σ x_j ≥ ⌈β/a⌉). Every integer plan meets these rows, so the LP
// of the model with them is still a lower bound of the MILP, only a higher one.
//
// Only Cover and Pool rows whose variables are all integer with positive
// coefficients and lower bounds ≥ 0 are rounded (never a row with shortfall or a
// continuous allocation), so soft coverage and the repair's bookkeeping are as
// before; the rows go after every other row, and repair meets them once the rows
// they round hold.
#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

// A Cover or Pool row Σ a_j x_j ≥ β with β > 0 over at least one variable, every
// one integer with a_j > 0 and a lower bound ≥ 0: the rows rounded here and the
// rows of the interval hull cuts (interval_hull.hpp). `by_row`: model.a row-major.
bool integer_covering_row(const MilpModel& model, const Eigen::SparseMatrix<double, Eigen::RowMajor>& by_row,
                          int row);

// At most this many scales δ (the row's smallest distinct coefficients) per row.
inline constexpr int kMaxRoundingScales = 3;

// The cut of `coefficients · x ≥ rhs` at scale `delta`: its coefficients and right-hand
// side, or false when rounding gains nothing (rhs / delta whole, within round-off).
bool rounding_cut(const std::vector<double>& coefficients, double rhs, double delta,
                  std::vector<double>& cut, double& cut_rhs);

// Appends the rounding rows (RowFamily::rounding, RowKey::source = the rounded row).
void add_rounding_cuts(MilpModel& model);

}  // namespace staffplan::optimize
