#pragma once
// The Erlang model's view of a staffing, shown beside the simulation.
#include <vector>

#include "model/plan.hpp"
#include "simulate/simulate.hpp"

namespace staffplan::simulate {

// queueing::evaluate for queue q in interval i with `agents` agents: stationary,
// each interval on its own (no backlog), exponential handling times.
PredictedMetrics predict_interval(const Plan& plan, int queue, int interval, int agents,
                                  double answer_within_s);

// Summary of interval predictions: SL and abandonment weighted by forecast calls,
// ASA by forecast answered calls (calls × (1 − p_abandon)). NaN when no calls.
PredictedMetrics weighted_prediction(const std::vector<const IntervalResult*>& intervals);

}  // namespace staffplan::simulate
