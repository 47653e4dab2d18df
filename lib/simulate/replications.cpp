#include "simulate/replications.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>

#include "simulate/random.hpp"

namespace staffplan::simulate {
namespace {

// Runs job(0) .. job(jobs - 1) on up to `threads` workers (the calling thread is
// one of them). Each job writes only its own slot, so scheduling does not matter.
void run_jobs(int jobs, int threads, const std::function<void(int)>& job,
              const std::function<void()>& on_job_done, const StopCheck& stop, int* threads_used) {
  std::atomic<int> next_job{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards first_error and on_job_done
  std::exception_ptr first_error;

  auto worker = [&] {
    for (;;) {
      const int k = next_job.fetch_add(1);
      if (k >= jobs || failed.load()) return;
      try {
        if (stop.due()) throw StopRequested();  // short jobs never reach the in-loop check
        job(k);
        if (on_job_done) {
          const std::lock_guard lock(mutex);
          on_job_done();
        }
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!first_error) first_error = std::current_exception();
        failed = true;
        return;
      }
    }
  };

  const int workers = std::clamp(threads, 1, std::max(jobs, 1));
  std::vector<std::thread> pool;
  for (int w = 1; w < workers; ++w) {  // the calling thread is the last worker
    try {
      pool.emplace_back(worker);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: the started ones share the jobs
    } catch (const std::bad_alloc&) {
      break;
    }
  }
  if (threads_used) *threads_used = static_cast<int>(pool.size()) + 1;
  worker();
  for (auto& thread : pool) thread.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace

ReplicationCounts run_replications(const std::vector<QueueInput>& queues, int first, int count,
                                   std::uint64_t seed, int threads,
                                   const std::function<void()>& on_job_done,
                                   const StopCheck& stop, int* threads_used) {
  const int queue_count = static_cast<int>(queues.size());
  const int jobs = count * queue_count;
  ReplicationCounts counts(static_cast<std::size_t>(jobs));
  run_jobs(jobs, threads, [&](int job) {
    const int replication = first + job / queue_count;
    const int queue = job % queue_count;
    const auto stream = (static_cast<std::uint64_t>(replication) << 32) | static_cast<std::uint64_t>(queue);
    Xoshiro256 rng(seed, stream);
    simulate_queue(queues[static_cast<std::size_t>(queue)], rng, counts[static_cast<std::size_t>(job)], stop);
  }, on_job_done, stop, threads_used);
  return counts;
}

std::vector<SkillCounts> run_skill_replications(const SkillInput& input, int first, int count,
                                                std::uint64_t seed, int threads,
                                                const std::function<void()>& on_job_done,
                                                const StopCheck& stop, int* threads_used) {
  std::vector<SkillCounts> counts(static_cast<std::size_t>(count));
  run_jobs(count, threads, [&](int job) {
    Xoshiro256 rng(seed, skill_stream(first + job));
    simulate_skills(input, rng, counts[static_cast<std::size_t>(job)], stop);
  }, on_job_done, stop, threads_used);
  return counts;
}

}  // namespace staffplan::simulate
