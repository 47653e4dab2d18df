// tour_days: working days per agent from per-weekday counts (tour_days.hpp).
//
// Agent by agent, in terms of days off: off[d] = agents − per_day[d] of the A agents
// left, Σ off = (7 − days_per_week) · A. Such counts split into A sets of distinct
// days exactly when every off[d] ≤ A. An agent takes a run of consecutive days off
// (cyclically) when one keeps that condition for the A − 1 after it, the run with the
// most days off left first (the earliest on ties); else the days with the most days
// off left, which always keeps it: a day at A must be in, and at most 7 − k are.
#include "optimize/tour_days.hpp"

#include <algorithm>
#include <numeric>

namespace staffplan::optimize::detail {

std::vector<unsigned> split_days(int agents, int days_per_week, const std::array<int, 7>& per_day) {
  constexpr unsigned kWeek = 0x7f;
  const int off_days = 7 - days_per_week;
  std::array<int, 7> off{};
  for (int d = 0; d < 7; ++d) off[d] = std::max(0, agents - per_day[d]);
  std::vector<unsigned> days;
  for (int left = agents; left > 0; --left) {
    unsigned off_mask = 0;
    int best_sum = -1;
    for (int first = 0; first < 7 && off_days > 0; ++first) {
      std::array<int, 7> after = off;
      int sum = 0;
      bool usable = true;
      for (int n = 0; n < off_days; ++n) {
        const int d = (first + n) % 7;
        usable = usable && after[d] > 0;
        sum += after[d]--;
      }
      usable = usable && *std::max_element(after.begin(), after.end()) <= left - 1;
      if (usable && sum > best_sum) {
        best_sum = sum;
        off_mask = 0;
        for (int n = 0; n < off_days; ++n) off_mask |= 1u << ((first + n) % 7);
      }
    }
    if (best_sum < 0 && off_days > 0) {
      std::array<int, 7> order;
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return off[a] > off[b]; });
      for (int n = 0; n < off_days; ++n) off_mask |= 1u << order[n];
    }
    for (int d = 0; d < 7; ++d)
      if ((off_mask >> d) & 1u) off[d] = std::max(0, off[d] - 1);
    days.push_back(kWeek & ~off_mask);
  }
  std::sort(days.begin(), days.end());
  return days;
}

}  // namespace staffplan::optimize::detail
