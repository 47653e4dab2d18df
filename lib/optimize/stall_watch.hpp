#pragma once
// When has a CBC run stalled (MipLimits::stall_seconds)? The rule on its own, so
// that it can be tested without CBC: the run has stalled once neither its
// incumbent nor (for a run on the whole problem) its bound has moved for the
// stall time. Three details decide whether the rule helps:
//   - a move smaller than kStallMinMove of the value is no move: in a tree search
//     the bound creeps by cents for many seconds;
//   - a sub-MIP of the neighbourhood search counts only a better plan: its own
//     bound is not the whole problem's, so it raising says nothing the caller uses;
//   - the clock starts at the first event, after CBC's root (cuts and heuristics
//     there raise no event and may take long), so a slow root is not a stall.
#include <limits>
#include <optional>

namespace staffplan::optimize::detail {

class StallWatch {
 public:
  StallWatch(double stall_seconds, bool bound_counts) : stall_seconds_(stall_seconds), bound_counts_(bound_counts) {}

  // Called at every CBC event with the time (seconds) and the run's incumbent
  // (+inf without one) and bound; true once the run has stalled.
  bool stalled(double now, double best, double bound);

 private:
  double stall_seconds_;
  bool bound_counts_;
  std::optional<double> last_move_;  // unset until the first event
  double last_best_ = std::numeric_limits<double>::infinity();
  double last_bound_ = -std::numeric_limits<double>::infinity();
};

}  // namespace staffplan::optimize::detail
