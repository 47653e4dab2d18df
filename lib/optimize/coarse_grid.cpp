#include "optimize/coarse_grid.hpp"

#include <set>
#include <utility>

namespace staffplan::optimize {

std::vector<int> coarse_grid_vars(const Plan& plan, const ColumnSet& columns, const MilpModel& model) {
  const auto on_grid = [&](const Column& col) {
    return plan.sites[col.site].shifts[col.shift].starts[col.start].local_minute % kCoarseStartStepMinutes == 0;
  };
  // Shifts (site, shift) with at least one start on the grid among the model's columns.
  std::set<std::pair<int, int>> gridded;
  for (int v = 0; v < model.num_vars(); ++v) {
    if (!model.is(v, VarFamily::agents)) continue;
    const Column& col = columns.columns[model.var_key[v].column];
    if (on_grid(col)) gridded.emplace(col.site, col.shift);
  }
  std::vector<int> kept;
  bool dropped = false;
  for (int v = 0; v < model.num_vars(); ++v) {
    if (model.is(v, VarFamily::agents)) {
      const Column& col = columns.columns[model.var_key[v].column];
      const bool keep = on_grid(col) || columns.starts[col.start_group].min_agents > 0 ||
                        !gridded.contains({col.site, col.shift});
      if (!keep) {
        dropped = true;
        continue;
      }
    }
    kept.push_back(v);
  }
  return dropped ? kept : std::vector<int>{};
}

}  // namespace staffplan::optimize
