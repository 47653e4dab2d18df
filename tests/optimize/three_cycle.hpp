#pragma once
// The three-cycle model the optimizer tests work by hand (lp_barrier, seat_counts,
// cbc_gap): three intervals in a cycle, one agent needed in each; three shifts
// (cost 1, integer) each cover two neighbouring intervals: x0 {0, 1}, x1 {1, 2},
// x2 {2, 0}. LP by hand: x = (½, ½, ½), cost 1.5; its dual, max y0 + y1 + y2 with
// y0 + y1 ≤ 1, y1 + y2 ≤ 1, y2 + y0 ≤ 1, has the single optimum y = (½, ½, ½).
// Whole agents: two shifts, cost 2 (one shift leaves an interval uncovered).
// Rows 0–2 are Cover(0, i); with `seats`, rows 3–5 are Seats(0, i) over the two
// shifts on in interval i, at that limit.
#include <optional>
#include <vector>

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

}  // namespace staffplan::optimize::testing
