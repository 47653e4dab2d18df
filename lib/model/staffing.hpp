#pragma once
// Productive agents per queue and interval: what a schedule makes available to
// answer calls. Produced by optimize/ (from a solved plan) or load/ (from a plan
// JSON written by `staffplan plan -f json`), consumed by simulate/.
#include <cmath>
#include <vector>

namespace staffplan {

// Productive agents are fractional (shrinkage, breaks covering part of an interval);
// only whole agents answer calls. Every stage turns one into the other with
// whole_agents(): the plan's metrics and shortfall, `simulate` after solving, and
// `simulate --plan` reading the `productive` value the plan JSON carries at full
// precision, so all of them see the same number. The tolerance is the solver's
// row tolerance: a covering row it accepts as met is met in whole agents too.
inline constexpr double kWholeAgentTolerance = 1e-6;

inline int whole_agents(double productive) {
  return static_cast<int>(std::floor(productive + kWholeAgentTolerance));
}

struct Staffing {
  // agents[q][i]: productive agents for Plan::queues[q] in interval i, i.e.
  // whole_agents(sum over sites of (1 - shrinkage) * present).
  std::vector<std::vector<int>> agents;
};

}  // namespace staffplan
