#include "optimize/progress_line.hpp"

#include <algorithm>
#include <memory>

#include "optimize/limits.hpp"

namespace staffplan::optimize {

ProgressCallback only_improving(ProgressCallback report) {
  if (!report) return report;
  struct Seen {
    std::optional<double> best, bound;
  };
  auto seen = std::make_shared<Seen>();
  return [report = std::move(report), seen](const Progress& p) {
    if (p.best_cost && (!seen->best || *p.best_cost < *seen->best)) seen->best = p.best_cost;
    if (p.lower_bound && (!seen->bound || *p.lower_bound > *seen->bound)) seen->bound = p.lower_bound;
    Progress shown{p.elapsed_s, seen->best, seen->bound, std::nullopt};
    if (shown.best_cost && shown.lower_bound) {
      shown.lower_bound = std::min(*shown.lower_bound, *shown.best_cost);
      shown.gap = detail::relative_gap(*shown.best_cost, *shown.lower_bound);
    }
    report(shown);
  };
}

}  // namespace staffplan::optimize
