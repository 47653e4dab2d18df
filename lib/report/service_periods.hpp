#pragma once
// Day and week service level (SPEC §11), as reported by `plan`: the call-weighted
// service level of each queue over each day or week, and its lowest interval.
// Internal to lib/report.
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace staffplan::report::detail {

// The evaluated service level of one queue in one interval.
struct ServiceSample {
  int queue = 0;
  int interval = 0;
  double calls = 0;
  double service_level = 1;
};

struct ServicePeriod {
  int queue = 0;
  int period = 0;               // require::period_of
  int first_interval = 0;       // the period's first interval (with calls or not)
  double calls = 0;
  double service_level = 1;     // call-weighted over the period's intervals with calls
  int lowest_interval = -1;     // -1: no interval with calls
  double lowest_service_level = 1;
};

// One row per queue measured over day or week and per period, in queue then time
// order; none when every goal is per interval.
std::vector<ServicePeriod> service_periods(const Plan& plan, const std::vector<ServiceSample>& samples);

// Whether any queue is measured over day or week.
bool has_period_goals(const Plan& plan);

// "day" or "week".
std::string measured_name(MeasuredOver over);

}  // namespace staffplan::report::detail
