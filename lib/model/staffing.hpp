#pragma once
// Productive agents per queue and interval: what a schedule makes available to
// answer calls. Produced by optimize/ (from a solved plan) or load/ (from a plan
// JSON written by `staffplan plan -f json`), consumed by simulate/.
#include <cmath>
#include <vector>

#include "model/plan.hpp"

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

// The productive agents of one agent group (SPEC §7) of one site per interval.
struct GroupStaffing {
  int site = 0;                    // index into Plan::sites
  int group = 0;                   // index into agent_groups(plan, site)
  std::vector<int> queues;         // the queues the group answers, ascending
  std::vector<double> productive;  // per interval: (1 - shrinkage) * present, fractional
};

struct Staffing {
  // agents[q][i]: productive agents for Plan::queues[q] in interval i, i.e.
  // whole_agents(sum over sites of (1 - shrinkage) * present); with shared groups,
  // of the agents the allocation gives the queue.
  std::vector<std::vector<int>> agents;
  // Who the agents are, group by group; empty when unknown (e.g. a plan JSON
  // without `allocation`): then every agent answers only its queue.
  std::vector<GroupStaffing> groups;
  // Plans with outsourcers (SPEC §9): calls[q][i] kept in-house, the only calls the
  // agents answer. Empty: every forecast call stays in-house.
  std::vector<std::vector<double>> kept_calls;
};

// The plan with only the calls `staffing` keeps in-house: what `simulate` runs.
// Without outsourcing, the plan itself.
inline Plan kept_calls_plan(Plan plan, const Staffing& staffing) {
  if (staffing.kept_calls.empty()) return plan;
  for (std::size_t q = 0; q < plan.queues.size() && q < staffing.kept_calls.size(); ++q)
    plan.queues[q].calls = staffing.kept_calls[q];
  return plan;
}

}  // namespace staffplan
