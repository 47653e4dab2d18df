#include "simulate/prediction.hpp"

#include <limits>

#include "queueing/queueing.hpp"
#include "require/require.hpp"

namespace staffplan::simulate {

PredictedMetrics predict_interval(const Plan& plan, int queue, int interval, int agents,
                                  double answer_within_s) {
  const queueing::Load load = require::load_of(plan, queue, interval);
  if (!(load.calls > 0)) return {.service_level = 1, .asa_s = 0, .p_abandon = 0};
  if (agents == 0) {
    // Nobody answers: erlang_c callers wait forever, erlang_a callers all hang up.
    const bool abandons = load.model == queueing::Model::erlang_a;
    return {.service_level = 0,
            .asa_s = abandons ? std::numeric_limits<double>::quiet_NaN()
                              : std::numeric_limits<double>::infinity(),
            .p_abandon = abandons ? 1.0 : 0.0};
  }
  const queueing::Metrics m = queueing::evaluate(load, agents, answer_within_s);
  return {.service_level = m.service_level, .asa_s = m.asa_s, .p_abandon = m.p_abandon};
}

PredictedMetrics weighted_prediction(const std::vector<const IntervalResult*>& intervals) {
  double calls = 0, sl = 0, abandon = 0, answered = 0, wait = 0;
  for (const IntervalResult* r : intervals) {
    const double c = r->forecast_calls;
    if (!(c > 0)) continue;
    calls += c;
    sl += c * r->predicted.service_level;
    abandon += c * r->predicted.p_abandon;
    const double a = c * (1 - r->predicted.p_abandon);
    if (a > 0) {
      answered += a;
      wait += a * r->predicted.asa_s;
    }
  }
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  return {.service_level = calls > 0 ? sl / calls : nan,
          .asa_s = answered > 0 ? wait / answered : nan,
          .p_abandon = calls > 0 ? abandon / calls : nan};
}

}  // namespace staffplan::simulate
