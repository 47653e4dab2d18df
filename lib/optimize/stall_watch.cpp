// StallWatch: the stall rule of a CBC run (see stall_watch.hpp).
#include "optimize/stall_watch.hpp"

#include <cmath>

#include "optimize/limits.hpp"

namespace staffplan::optimize::detail {
namespace {

bool moved(double from, double to) {
  return !std::isfinite(from) ? std::isfinite(to) : std::abs(to - from) >= kStallMinMove * std::abs(from);
}

}  // namespace

bool StallWatch::stalled(double now, double best, double bound) {
  if (!last_move_) {  // the first event starts the clock from where the run stands
    last_move_ = now;
    last_best_ = best;
    last_bound_ = bound;
    return false;
  }
  const bool better_plan = best < last_best_ && moved(last_best_, best);
  const bool higher_bound = bound_counts_ && bound > last_bound_ && moved(last_bound_, bound);
  if (better_plan) last_best_ = best;
  if (higher_bound) last_bound_ = bound;
  if (better_plan || higher_bound) last_move_ = now;
  return now - *last_move_ > stall_seconds_;
}

}  // namespace staffplan::optimize::detail
