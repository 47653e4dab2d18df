#pragma once
// Exhaustive enumeration for small staffing instances, written independently of
// the library's column expansion: every vector of agents per candidate in
// [0, max_agents] is tried, coverage and seats are checked here, and the
// lexicographically smallest (cost, agents) is returned.
#include <functional>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace staffplan::testing {

struct Candidate {
  int site, first, length;  // plan intervals [first, first + length) on shift
  double share, cost;       // productive share (1 - shrinkage), cost per agent
};

inline std::pair<double, int> cheapest_then_fewest(const std::vector<Candidate>& cand,
                                                   const std::vector<int>& required,
                                                   const std::vector<std::optional<int>>& seats, int max_agents) {
  std::vector<int> x(cand.size(), 0);
  std::pair<double, int> best{std::numeric_limits<double>::infinity(), 0};
  std::function<void(std::size_t)> rec = [&](std::size_t k) {
    if (k == cand.size()) {
      double cost = 0;
      int agents = 0;
      for (std::size_t c = 0; c < cand.size(); ++c) {
        cost += x[c] * cand[c].cost;
        agents += x[c];
      }
      if (std::make_pair(cost, agents) >= best) return;
      for (std::size_t i = 0; i < required.size(); ++i) {
        double productive = 0;
        std::vector<int> on(seats.size(), 0);
        for (std::size_t c = 0; c < cand.size(); ++c)
          if (static_cast<int>(i) >= cand[c].first && static_cast<int>(i) < cand[c].first + cand[c].length) {
            productive += x[c] * cand[c].share;
            on[cand[c].site] += x[c];
          }
        if (productive + 1e-9 < required[i]) return;
        for (std::size_t s = 0; s < seats.size(); ++s)
          if (seats[s] && on[s] > *seats[s]) return;
      }
      best = {cost, agents};
      return;
    }
    for (x[k] = 0; x[k] <= max_agents; ++x[k]) rec(k + 1);
    x[k] = 0;
  };
  rec(0);
  return best;
}

}  // namespace staffplan::testing
