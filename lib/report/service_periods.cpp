// Day and week service level rows (see service_periods.hpp): rebuilt from the
// service level each interval has at its planned whole agents, so the reports
// show what the plan gives, not the optimizer's piecewise-linear credit.
#include "report/service_periods.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "require/require.hpp"

namespace staffplan::report::detail {

bool has_period_goals(const Plan& plan) {
  return std::any_of(plan.queues.begin(), plan.queues.end(), [](const Queue& q) { return q.goal.global(); });
}

std::string measured_name(MeasuredOver over) {
  switch (over) {
    case MeasuredOver::day: return "day";
    case MeasuredOver::week: return "week";
    case MeasuredOver::interval: break;
  }
  return "interval";
}

std::vector<ServicePeriod> service_periods(const Plan& plan, const std::vector<ServiceSample>& samples) {
  // (queue, period) -> row; std::map keeps queue then period order.
  std::map<std::pair<int, int>, ServicePeriod> rows;
  for (int q = 0; q < static_cast<int>(plan.queues.size()); ++q) {
    const Goal& goal = plan.queues[static_cast<std::size_t>(q)].goal;
    if (!goal.global()) continue;
    for (int i = 0; i < plan.horizon.count; ++i) {
      const int p = require::period_of(plan, goal.measured(), i);
      rows.try_emplace({q, p}, ServicePeriod{.queue = q, .period = p, .first_interval = i});
    }
  }
  std::map<std::pair<int, int>, double> answered;
  for (const ServiceSample& s : samples) {
    if (s.calls <= 0) continue;
    const Goal& goal = plan.queues[static_cast<std::size_t>(s.queue)].goal;
    if (!goal.global()) continue;
    const std::pair<int, int> key{s.queue, require::period_of(plan, goal.measured(), s.interval)};
    ServicePeriod& row = rows.at(key);
    row.calls += s.calls;
    answered[key] += s.calls * s.service_level;
    if (row.lowest_interval < 0 || s.service_level < row.lowest_service_level) {
      row.lowest_interval = s.interval;
      row.lowest_service_level = s.service_level;
    }
  }
  std::vector<ServicePeriod> out;
  for (auto& [key, row] : rows) {
    if (row.calls > 0) row.service_level = answered[key] / row.calls;
    out.push_back(row);
  }
  return out;
}

}  // namespace staffplan::report::detail
