// start_point (warm_start.hpp): assignments -> shift columns by their keys ->
// agents variables.
#include "optimize/warm_start.hpp"

#include <map>
#include <tuple>

namespace staffplan::optimize {

std::vector<double> start_point(const ColumnSet& set, const MilpModel& model,
                                const std::vector<Assignment>& start) {
  std::vector<double> x(model.num_vars(), 0.0);
  if (start.empty()) return x;
  using Key = std::tuple<int, int, int, int, std::vector<int>>;  // site, group, shift, start, breaks
  std::map<Key, int> var_of;
  for (int v : model.vars_of(VarFamily::agents)) {
    const Column& col = set.columns[model.var_key[v].column];
    var_of.emplace(Key{col.site, set.agent_groups[col.agent_group].index, col.shift, col.start, col.break_start_s}, v);
  }
  for (const Assignment& a : start)
    if (const auto it = var_of.find(Key{a.site, a.group, a.shift, a.start, a.break_start_s}); it != var_of.end())
      x[it->second] += a.agents;
  return x;
}

}  // namespace staffplan::optimize
