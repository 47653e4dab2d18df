#pragma once
// Runs (replication, queue) jobs on a pool of threads.
#include <cstdint>
#include <functional>
#include <vector>

#include "simulate/queue_simulation.hpp"
#include "simulate/skill_simulation.hpp"

namespace staffplan::simulate {

// counts[k * queues.size() + q][i]: interval i of queue q in replication first + k.
using ReplicationCounts = std::vector<std::vector<IntervalCounts>>;

// Simulates replications [first, first + count) of every queue. Job (r, q) draws
// from stream (seed, r, q) only and writes its own slot, so the result does not
// depend on `threads` or on scheduling. `on_job_done` is called after each job,
// never concurrently. The first exception thrown by a job stops the others and is
// rethrown here. The calling thread is one of the workers; when the system refuses
// to start more threads (ulimit -u, memory), the run goes on with those it has.
// `threads_used`, when given, receives the number of workers that ran.
ReplicationCounts run_replications(const std::vector<QueueInput>& queues, int first, int count,
                                   std::uint64_t seed, int threads,
                                   const std::function<void()>& on_job_done,
                                   const StopCheck& stop = {}, int* threads_used = nullptr);

// The stream of replication r of the skill-routing engine: (seed, r, 2^32 - 1),
// never one of a queue's streams (queue indices stay below 2^32 - 1).
inline std::uint64_t skill_stream(int replication) {
  return (static_cast<std::uint64_t>(replication) << 32) | 0xffffffffULL;
}

// Same for the skill-routing engine: one job per replication (every queue at
// once), counts[k] for replication first + k, from stream skill_stream(first + k).
std::vector<SkillCounts> run_skill_replications(const SkillInput& input, int first, int count,
                                                std::uint64_t seed, int threads,
                                                const std::function<void()>& on_job_done,
                                                const StopCheck& stop = {}, int* threads_used = nullptr);

}  // namespace staffplan::simulate
