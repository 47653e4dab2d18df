#include "simulate/agent_pool.hpp"

#include <algorithm>
#include <utility>

namespace staffplan::simulate {

void AgentPool::assign_earliest(double busy_until) {
  // The new free time is >= the old minimum, so one sift-down restores the heap.
  free_at_[0] = busy_until;
  sift_down(0);
}

void AgentPool::sift_down(std::size_t i) {
  const std::size_t n = free_at_.size();
  const double value = free_at_[i];
  for (;;) {
    std::size_t child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && free_at_[child + 1] < free_at_[child]) ++child;
    if (!(free_at_[child] < value)) break;
    free_at_[i] = free_at_[child];
    i = child;
  }
  free_at_[i] = value;
}

void AgentPool::change_staffing(int agents, double at, Xoshiro256& rng) {
  const auto target = static_cast<std::size_t>(std::max(agents, 0));
  if (target >= free_at_.size()) {
    // Joining agents are free from `at` on.
    free_at_.resize(target, at);
  } else {
    // Idle agents (free at or before `at`) first, then busy ones in random order.
    const auto first_idle = std::partition(free_at_.begin(), free_at_.end(),
                                           [at](double t) { return t > at; });
    const auto idle_count = static_cast<std::size_t>(free_at_.end() - first_idle);
    const std::size_t busy_count = free_at_.size() - idle_count;
    std::size_t excess = free_at_.size() - target;
    const std::size_t idle_leaving = std::min(excess, idle_count);
    free_at_.resize(free_at_.size() - idle_leaving);  // idle ones sit at the end
    excess -= idle_leaving;
    // Partial Fisher-Yates: move `excess` random busy agents to the end, drop them.
    for (std::size_t k = 0; k < excess; ++k) {
      const std::size_t last = busy_count - 1 - k;
      const std::size_t pick = static_cast<std::size_t>(rng() % (last + 1));
      std::swap(free_at_[pick], free_at_[last]);
    }
    free_at_.resize(free_at_.size() - excess);
  }
  // Bottom-up heap construction, O(n); staffing changes once per interval.
  for (std::size_t i = free_at_.size() / 2; i-- > 0;) sift_down(i);
}

}  // namespace staffplan::simulate
