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
  // Day or week service level (SPEC §11), intervals with calls only: `agents` is
  // then the staffing that meets interval_floor (and every other goal), and
  // sl_curve[k] the exact service level at agents + k productive agents, from k = 0
  // up to a few agents past the interval goal's staffing, for the optimizer's
  // piecewise-linear service-level family.
  std::vector<double> sl_curve;
  int goal_agents = 0;     // staffing meeting the service_level goal in this interval alone
};

// One share level of a share-mode outsourcer (SPEC §9): the requirement of the
// calls that stay in-house when `share` of every interval's calls goes out,
// computed by the same queueing model on (1 - share) × calls, so the pooling
// loss of the smaller in-house queue is counted exactly. With share 1 nothing
// stays and nothing is required (min_agents included: it floors a queue that
// answers calls).
struct ShareLevel {
  double share = 0;
  std::vector<IntervalRequirement> intervals;  // size == horizon.count
};

struct QueueRequirement {
  std::vector<IntervalRequirement> intervals;  // size == horizon.count, every call in-house
  // Share-mode outsourced queues only: one level per share the outsourcer offers,
  // ascending (the curve of requirement against share); empty otherwise.
  std::vector<ShareLevel> shares;
};

struct Requirement {
  std::vector<QueueRequirement> queues;  // parallel to Plan::queues
  std::vector<Diagnostic> warnings;      // e.g. calls outside opening hours
};

// Throws InputError when a queue's goals cannot be met in some interval.
Requirement compute(const Plan& plan);

// Outsourcing (SPEC §9) bounds what interval i of queue q can require in-house:
// the most is the requirement at the smallest share offered (every call for a
// queue nobody outsources, or one sent out interval by interval); the least is the
// requirement at the largest share, or 0 in an interval an intervals-mode
// outsourcer may take (calls > 0, inside its open hours).
int most_required(const Plan& plan, const Requirement& requirement, int q, int i);
int least_required(const Plan& plan, const Requirement& requirement, int q, int i);

// Agents past the interval goal's staffing that sl_curve still covers: surplus
// there can make up for a shortfall elsewhere in the day or week. The curve also
// stops once the service level is within kCurveSaturation of 1.
inline constexpr int kCurveExtraAgentsMin = 10;
inline constexpr double kCurveExtraShare = 0.25;  // of the goal staffing, when larger
inline constexpr double kCurveSaturation = 1e-7;

// Index of the day (plan clock) or 7-day week from `start` of interval i, for a
// queue measured over day or week; 0 for interval goals.
int period_of(const Plan& plan, MeasuredOver over, int interval);

// The queueing inputs of one queue and interval, for stages that evaluate a given
// staffing (plan intervals view, simulation prediction).
queueing::Load load_of(const Plan& plan, int queue, int interval);
queueing::Goals goals_of(const Plan& plan, int queue);

}  // namespace staffplan::require
