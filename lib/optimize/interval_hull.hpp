#pragma once
// Interval hull cuts: the integer hull of one interval's covering rows, separated
// against the LP optimum and added to the model as rows.
//
// In one interval the covering rows (Cover and Pool rows over integer agents only,
// as in rounding_cuts.hpp) see a few classes of agents: the agents whose
// coefficients are the same in every such row of the interval (one class per site
// and group when shrinkage differs by site). Each class's agents present is a whole
// number N_k, and the interval's rows are a small covering set in (N_1 .. N_d). With
// two or more classes (a bilingual group beside English-only agents, sites with
// different shrinkage) the single-row rounding rows do not give that set's integer
// hull. Example, the follow-the-sun week without breaks: English 0.7 N_en +
// 0.65 N_bi ≥ 24, Spanish 0.65 N_bi ≥ 11 and both 0.7 N_en + 0.65 N_bi ≥ 35 give the
// LP N_en = 34.21, N_bi = 17, while every whole plan has N_en + N_bi ≥ 52: one round
// of these cuts takes that week's LP from 47 118 to its optimum 47 367 (HiGHS).
//
// Separation: the set's minimal integer points are enumerated (all but the last
// class in their box, the last one at its least), and a small LP finds the
// inequality π·N ≥ π₀ (π ≥ 0) valid at every minimal point — hence at every whole
// plan, agents only being added above them — that the LP point violates most.
// Intervals with more than kMaxHullClasses classes or a box over kMaxHullPoints
// points are skipped.
#include <vector>

#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

inline constexpr int kMaxHullClasses = 4;
inline constexpr long kMaxHullPoints = 200000;

// One cut: Σ coefficients[k] · x[vars[k]] ≥ lower.
struct HullCut {
  std::vector<int> vars;
  std::vector<double> coefficients;
  double lower = 0;
  int source = -1;  // a covering row of its interval (RowKey::source of the new row)
};

// The cuts that `x` (a solution of the model's LP) violates, at most one per interval.
std::vector<HullCut> interval_hull_cuts(const MilpModel& model, const std::vector<double>& x);

// Appends the cuts as RowFamily::rounding rows (RowKey::source = the cut's source,
// RowKey::step from kHullStep up, so that names stay unique). Like the rounding
// rows, every whole plan that meets the interval's rows meets them.
inline constexpr int kHullStep = 1000;
void append_hull_cuts(MilpModel& model, const std::vector<HullCut>& cuts);

}  // namespace staffplan::optimize
