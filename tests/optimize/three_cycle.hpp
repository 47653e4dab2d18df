#pragma once
// The three-cycle model the optimizer tests work by hand (lp_barrier, seat_counts,
// cbc_gap): three intervals in a cycle, one agent needed in each; three shifts
// (cost 1, integer) each cover two neighbouring intervals: x0 {0, 1}, x1 {1, 2},
// x2 {2, 0}. LP by hand: x = (½, ½, ½), cost 1.5; its dual, max y0 + y1 + y2 with
// y0 + y1 ≤ 1, y1 + y2 ≤ 1, y2 + y0 ≤ 1, has the single optimum y = (½, ½, ½).
// Whole agents: two shifts, cost 2 (one shift leaves an interval uncovered).
// Rows 0–2 are Cover(0, i); with `seats`, rows 3–5 are Seats(0, i) over the two
// shifts on in interval i, at that limit.
#include <chrono>
#include <optional>
#include <vector>

#include "optimize/cbc_solver.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/model_builder.hpp"

namespace staffplan::optimize::testing {

inline MilpModel three_cycle(std::optional<double> seats = std::nullopt) {
  ModelBuilder b;
  std::vector<int> cover, seat;
  for (int i = 0; i < 3; ++i)
    cover.push_back(b.add_row(RowKey{.family = RowFamily::cover, .queue = 0, .interval = i}, 1, infinity));
  if (seats)
    for (int i = 0; i < 3; ++i)
      seat.push_back(b.add_row(RowKey{.family = RowFamily::seats, .site = 0, .interval = i}, -infinity, *seats));
  for (int v = 0; v < 3; ++v) {
    b.add_var(VarKey{.column = v}, 0, infinity, 1, true);
    for (int i : {v, (v + 1) % 3}) {
      b.add_entry(cover[i], v, 1);
      if (seats) b.add_entry(seat[i], v, 1);
    }
  }
  return b.build();
}

// One CBC run on `model` with a minute for it (far more than these models need),
// the given switches and relative gap, from `start` when given.
inline MipResult cbc_for_a_minute(const MilpModel& model, MipLimits limits, double relative_gap,
                                  const std::vector<double>* start = nullptr) {
  SolveOptions options;
  options.time_limit_s = 60;
  options.relative_gap = relative_gap;
  limits.seconds = 60;
  return solve_mip(model, start, options, limits, std::chrono::steady_clock::now());
}

}  // namespace staffplan::optimize::testing
