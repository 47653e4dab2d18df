#pragma once
// Requirement: plan model -> required agents per queue and interval (SPEC §2),
// through the queueing math.
#include <optional>
#include <vector>

#include "model/errors.hpp"
#include "model/plan.hpp"
#include "queueing/queueing.hpp"

namespace staffplan::require {

struct IntervalRequirement {
  double calls = 0;
  double aht_s = 0;
  double erlangs = 0;
  int agents = 0;          // required productive agents
  int scheduled = 0;       // agents after the plan's top-level shrinkage
  double service_level = 1;
  double asa_s = 0;
  double occupancy = 0;
  double p_wait = 0;
  std::optional<double> p_abandon;  // erlang_a only
};

struct QueueRequirement {
  std::vector<IntervalRequirement> intervals;  // size == horizon.count
};

struct Requirement {
  std::vector<QueueRequirement> queues;  // parallel to Plan::queues
  std::vector<Diagnostic> warnings;      // e.g. calls outside opening hours
};

// Throws InputError when a queue's goals cannot be met in some interval.
Requirement compute(const Plan& plan);

// The queueing inputs of one queue and interval, for stages that evaluate a given
// staffing (plan intervals view, simulation prediction).
queueing::Load load_of(const Plan& plan, int queue, int interval);
queueing::Goals goals_of(const Plan& plan, int queue);

}  // namespace staffplan::require
