#pragma once
// The agents of one queue as a binary min-heap of the instants at which each
// becomes free. FCFS start times are non-decreasing, so the next call always
// goes to the agent at the top; no general event list is needed.
#include <cstddef>
#include <vector>

#include "simulate/random.hpp"

namespace staffplan::simulate {

class AgentPool {
 public:
  bool empty() const { return free_at_.empty(); }
  std::size_t size() const { return free_at_.size(); }
  // Earliest instant an agent is free (precondition: !empty()).
  double earliest_free() const { return free_at_.front(); }

  // The earliest-free agent takes a call and is busy until `busy_until`.
  void assign_earliest(double busy_until);

  // Staffing changes to `agents` at instant `at`. Extra agents join free at `at`.
  // When agents leave, idle ones (free at or before `at`) go first; if busy ones
  // must go too, a uniformly random choice of them finishes the call in hand and
  // leaves (a shift end is independent of the call an agent happens to be on).
  void change_staffing(int agents, double at, Xoshiro256& rng);

 private:
  void sift_down(std::size_t i);
  std::vector<double> free_at_;  // heap order: free_at_[0] is the minimum
};

}  // namespace staffplan::simulate
