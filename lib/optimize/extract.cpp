#include "optimize/extract.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace staffplan::optimize {

void extract(const Plan& plan, const require::Requirement& requirement, const ColumnSet& set,
             const MilpModel& model, const std::vector<double>& x, Schedule& schedule) {
  const int count = plan.horizon.count;
  const int nq = static_cast<int>(plan.queues.size());
  std::vector<double> present(static_cast<std::size_t>(nq) * count, 0.0);
  std::vector<double> productive(present.size(), 0.0);
  const std::size_t sites = plan.sites.size();
  std::vector<double> by_site(present.size() * sites, 0.0);
  schedule.assignments.clear();
  schedule.paid_cost = 0;
  for (int v = 0; v < model.num_vars(); ++v) {
    const int c = model.column[v];
    if (c < 0) continue;
    const int agents = static_cast<int>(std::lround(x[v]));
    if (agents <= 0) continue;
    const Column& col = set.columns[c];
    const double share = 1 - plan.sites[col.site].shrinkage;
    for (Eigen::SparseMatrix<double>::InnerIterator it(set.coverage, c); it; ++it) {
      present[it.row()] += agents * it.value();
      productive[it.row()] += agents * it.value() * share;
      by_site[static_cast<std::size_t>(it.row()) * sites + static_cast<std::size_t>(col.site)] +=
          agents * it.value() * share;
    }
    schedule.assignments.push_back(Assignment{col.site, col.queue, col.shift, col.start,
                                              col.break_start_s, agents, col.paid_hours,
                                              agents * col.cost});
    schedule.paid_cost += agents * col.cost;
  }
  auto key = [&](const Assignment& a) {
    const int interval = plan.sites[a.site].shifts[a.shift].starts[a.start].interval;
    return std::tuple<int, int, int, int, int, const std::vector<int>&>(
        a.site, a.queue, interval, a.shift, a.start, a.break_start_s);
  };
  std::sort(schedule.assignments.begin(), schedule.assignments.end(),
            [&](const Assignment& a, const Assignment& b) { return key(a) < key(b); });

  schedule.coverage.clear();
  schedule.shortfall_cost = 0;
  // Penalty per missing agent-hour, read back from the model's shortfall costs.
  double penalty_per_agent_interval = 0;
  for (int v = 0; v < model.num_vars(); ++v)
    if (model.column[v] < 0) penalty_per_agent_interval = model.cost[v];
  for (int q = 0; q < nq; ++q)
    for (int i = 0; i < count; ++i) {
      const std::size_t cell = static_cast<std::size_t>(q) * count + i;
      IntervalCoverage cov;
      cov.queue = q;
      cov.interval = i;
      cov.required = requirement.queues[q].intervals[i].agents;
      cov.present = present[cell];
      cov.productive = productive[cell];
      // Below 1e-9 agents is rounding noise of the shares, not a shortfall.
      cov.shortfall = std::max(0.0, cov.required - cov.productive);
      if (cov.shortfall < 1e-9) cov.shortfall = 0;
      schedule.shortfall_cost += cov.shortfall * penalty_per_agent_interval;
      schedule.coverage.push_back(cov);
    }
  schedule.productive_by_site = std::move(by_site);  // rows are queue * count + interval, as coverage
  schedule.cost = schedule.paid_cost + schedule.shortfall_cost;
}

}  // namespace staffplan::optimize
