#pragma once
// Productive agents per queue and interval: what a schedule makes available to
// answer calls. Produced by optimize/ (from a solved plan) or load/ (from a plan
// JSON written by `staffplan plan -f json`), consumed by simulate/.
#include <vector>

namespace staffplan {

struct Staffing {
  // agents[q][i]: productive agents for Plan::queues[q] in interval i, i.e.
  // floor(sum over sites of (1 - shrinkage) * present).
  std::vector<std::vector<int>> agents;
};

}  // namespace staffplan
