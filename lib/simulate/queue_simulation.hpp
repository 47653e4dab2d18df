#pragma once
// One replication of one queue over the whole horizon: the event engine.
//
// Model (SPEC §5, issue 5):
// - Arrivals: Poisson, rate calls[i] / interval_s, piecewise constant per interval.
//   Interarrival times are drawn with the rate of the current interval; an arrival
//   drawn past the interval's end is discarded and drawing restarts at the boundary
//   with the next rate (exact, by memorylessness).
// - Handling: mean = the AHT of the interval the call arrived in; exponential, or
//   lognormal with the given coefficient of variation (0 = every call takes exactly
//   the AHT).
// - Patience: exponential with mean patience_s (erlang_a); infinite (erlang_c).
// - Discipline: one FCFS queue served by agents[i] agents during interval i. FCFS
//   makes start times non-decreasing, so each call goes to the agent that is free
//   earliest (AgentPool), and a caller abandons iff that instant lies beyond their
//   patience; an abandoned call never occupies an agent.
// - Staffing changes at interval boundaries (AgentPool::change_staffing); the
//   backlog carries over.
// - After the horizon end: no more arrivals; the last interval's agents stay until
//   every waiting call is answered or abandons. If the last interval has no agents,
//   callers still waiting under erlang_c are never answered: they count as offered,
//   not answered, not abandoned, with their wait measured up to the horizon end.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

#include "simulate/random.hpp"

namespace staffplan::simulate {

struct QueueInput {
  double interval_s = 1800;
  std::vector<double> calls;      // per interval, expected calls
  std::vector<double> aht_s;      // per interval, mean handling time
  std::vector<int> agents;        // per interval, productive agents
  double answer_within_s = 20;    // service-level threshold
  std::optional<double> patience_s;  // unset: callers never hang up
  std::optional<double> aht_cv;      // unset: exponential handling times
};

// What happened to the calls that arrived in one interval.
struct IntervalCounts {
  std::int64_t offered = 0;
  std::int64_t answered = 0;
  std::int64_t answered_within = 0;  // answered with wait <= answer_within_s
  std::int64_t waited = 0;           // wait > 0 (answered, abandoned or never answered)
  std::int64_t abandoned = 0;
  double answered_wait_s = 0;        // sum of waits of answered calls
  double max_wait_s = 0;             // longest wait of any call (until answer or hang-up)
};

// When a running simulation must end early (Ctrl-C, --time-limit): polled every
// kStopCheckEvery offered calls, so a stop takes effect within milliseconds even
// in an interval with a billion calls.
struct StopCheck {
  const std::atomic<bool>* flag = nullptr;  // stop when set
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  bool due() const {
    return (flag != nullptr && flag->load(std::memory_order_relaxed)) ||
           (deadline != std::chrono::steady_clock::time_point::max() &&
            std::chrono::steady_clock::now() >= deadline);
  }
};
inline constexpr std::int64_t kStopCheckEvery = 1 << 14;

// Thrown out of a replication when its StopCheck is due.
struct StopRequested : std::runtime_error {
  StopRequested() : std::runtime_error("simulation stopped") {}
};

// Simulates one replication; `counts` is resized to the number of intervals.
// Throws StopRequested when `stop` becomes due.
void simulate_queue(const QueueInput& input, Xoshiro256& rng, std::vector<IntervalCounts>& counts,
                    const StopCheck& stop = {});

}  // namespace staffplan::simulate
