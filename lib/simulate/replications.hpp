#pragma once
// Runs every (replication, queue) job on a pool of threads.
#include <functional>
#include <vector>

#include "simulate/queue_simulation.hpp"

namespace staffplan::simulate {

// counts[r * queues.size() + q][i]: interval i of queue q in replication r.
using ReplicationCounts = std::vector<std::vector<IntervalCounts>>;

// Job (r, q) draws from stream (seed, r, q) only, and writes its own slot, so the
// result does not depend on `threads` or on scheduling. The first exception thrown
// by a job stops the others and is rethrown here.
ReplicationCounts run_replications(const std::vector<QueueInput>& queues, int replications,
                                   std::uint64_t seed, int threads,
                                   const std::function<void(int, int)>& on_progress);

}  // namespace staffplan::simulate
