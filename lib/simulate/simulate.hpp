#pragma once
// Discrete-event simulation (SPEC §5): what service a staffing really gives, with
// backlog across intervals and non-exponential handling times.
#include <cstdint>
#include <optional>
#include <vector>

#include "model/plan.hpp"
#include "model/staffing.hpp"

namespace staffplan::simulate {

struct Options {
  int replications = 20;
  std::uint64_t seed = 1;
  int threads = 1;
  std::optional<double> aht_cv;  // overrides every queue's aht_cv
};

// A mean over replications with its 95 % confidence interval.
struct Estimate {
  double mean = 0;
  double lo = 0;
  double hi = 0;
};

struct IntervalResult {
  int queue = 0;
  int interval = 0;
  int agents = 0;
  double calls = 0;                 // forecast
  Estimate service_level, asa_s, p_abandon, max_wait_s;
  double predicted_service_level = 0;
  double predicted_asa_s = 0;
  double predicted_p_abandon = 0;
};

struct QueueResult {
  int queue = 0;
  double calls = 0;                 // mean simulated calls per replication
  Estimate service_level, asa_s, p_abandon, max_wait_s;
  double predicted_service_level = 0;  // call-weighted over intervals
  std::optional<double> goal_service_level;
};

struct Result {
  std::vector<QueueResult> queues;
  std::vector<IntervalResult> intervals;  // per queue, then interval
};

Result run(const Plan& plan, const Staffing& staffing, const Options& options);

}  // namespace staffplan::simulate
