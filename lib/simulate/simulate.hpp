#pragma once
// Discrete-event simulation (SPEC §5): what service a staffing really gives, with
// backlog across intervals and non-exponential handling times.
//
// When every agent answers one queue (no shared group has agents), each queue is
// simulated on its own: Poisson arrivals at the forecast rate of each interval,
// FCFS, Staffing::agents[q][i] agents in interval i, exponential patience for
// erlang_a (engine: simulate/queue_simulation.hpp).
//
// When a group answering several queues has agents (SPEC §7), every queue is
// simulated at once with skill-based routing (engine and rules:
// simulate/skill_simulation.hpp). Agents come in pools, one per set of queues:
// the groups (of any site) answering exactly those queues, with
// whole_agents(Σ productive) agents per interval. Each queue's prediction stays
// the Erlang model at the agents the allocation gives it (Staffing::agents), which
// counts no pooling: the difference is the measured pooling gain.
//
// Replications use independent random streams derived from (seed, replication,
// queue) only (skill routing: (seed, replication)) and are reduced in replication
// order, so the result is identical for any thread count.
#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <vector>

#include "model/plan.hpp"
#include "model/staffing.hpp"

namespace staffplan::simulate {


struct Options {
  int replications = 30;
  std::uint64_t seed = 1;
  int threads = 1;
  // Overrides every queue's aht_cv. A CV of exactly 1 means exponential handling
  // (SPEC §3: "1 = exponential"); any other CV is lognormal, 0 is deterministic.
  std::optional<double> aht_cv = std::nullopt;
  // Level of the confidence intervals (SPEC §5: 95 %); tests ask for wider ones.
  double confidence = 0.95;
  // Called after each finished (replication, queue) job with (done, total), from
  // worker threads but never concurrently.
  std::function<void(int, int)> on_progress = nullptr;
  // Ends the run early with Stopped: when *stop becomes true (Ctrl-C, SIGTERM), or
  // after time_limit_s seconds of wall-clock time. Polled every few thousand calls.
  const std::atomic<bool>* stop = nullptr;
  double time_limit_s = std::numeric_limits<double>::infinity();
};

// Thrown by run() when Options::stop was set or Options::time_limit_s passed. No
// partial result: numbers that depend on how far a machine got would break "same
// seed, same output".
struct Stopped : std::runtime_error {
  Stopped(const std::string& what, bool time_limit, int replications_done)
      : std::runtime_error(what), time_limit(time_limit), replications_done(replications_done) {}
  bool time_limit;        // false: *Options::stop was set
  int replications_done;  // replications finished for every queue
};

// The work budget (issue 9): a run simulates about replications × forecast calls
// calls, at several million calls per second and thread. Callers refuse runs above
// this many simulated calls unless the user raises the limit (a few minutes on
// one thread; 1e9 calls in one interval × 30 replications would take hours).
inline constexpr double kDefaultMaxSimulatedCalls = 1e9;

// replications × the forecast calls of every queue and interval of `plan`.
double simulated_calls(const Plan& plan, int replications);

// A mean over replications with its confidence interval (Options::confidence). NaN when undefined
// (lo/hi need at least 2 replications in which the quantity is defined).
struct Estimate {
  double mean = 0;
  double lo = 0;
  double hi = 0;
};

// Simulated metrics; each is computed per replication, then averaged.
struct SimulatedMetrics {
  double calls = 0;          // mean offered calls per replication
  Estimate service_level;    // answered within answer_within / offered
  Estimate asa_s;            // mean wait of answered calls
  Estimate p_abandon;        // abandoned / offered
  Estimate p_wait;           // calls that waited at all / offered
  Estimate max_wait_s;       // longest wait (to answer or hang-up) in the replication
};

// The Erlang model's prediction (queueing::evaluate) at the simulated staffing.
struct PredictedMetrics {
  double service_level = 0;
  double asa_s = 0;          // +inf when an erlang_c interval is unstable
  double p_abandon = 0;
};

struct IntervalResult {
  int queue = 0;
  int interval = 0;
  int agents = 0;
  double forecast_calls = 0;
  SimulatedMetrics simulated;
  PredictedMetrics predicted;
};

struct QueueResult {
  int queue = -1;            // index into Plan::queues; -1 for the overall summary
  double forecast_calls = 0;
  SimulatedMetrics simulated;   // pooled over the horizon (call-weighted)
  PredictedMetrics predicted;   // call-weighted over intervals (ASA: answered-call-weighted)
  std::optional<double> goal_service_level;
  double answer_within_s = kDefaultAnswerWithinS;
};

// One agent group of one site under skill routing.
struct GroupResult {
  int site = 0;               // index into Plan::sites
  int group = 0;              // index into agent_groups(plan, site)
  std::vector<int> queues;    // the queues it answers
  int pool = 0;               // the pool it is simulated in (groups with the same queues share one)
  double agent_hours = 0;     // productive agent hours the plan gives the group
  double pool_agent_hours = 0;  // whole productive agent hours of its pool, as simulated
  // Of its pool: time agents spent on calls / time they were on the plan, per
  // replication, then averaged. Groups in one pool share it (their agents are
  // interchangeable, so each agent's expected occupancy is the pool's).
  Estimate occupancy;
};

// A queue's day or week (SPEC §11: measured_over), pooled like QueueResult: each
// replication's calls of the period first, so the service level is call-weighted.
struct PeriodResult {
  int queue = 0;
  int period = 0;            // require::period_of
  int first_interval = 0;
  double forecast_calls = 0;
  SimulatedMetrics simulated;
  PredictedMetrics predicted;
};

struct Result {
  // true when calls were routed by skill (a group answering several queues had
  // agents); `groups` is filled only then.
  bool skill_routing = false;
  std::vector<GroupResult> groups;  // by site, then group; groups with agents
  int threads_refused = 0;  // worker threads the system would not start (ulimit -u); the rest did the work
  int replications = 0;
  std::uint64_t seed = 0;
  double confidence = 0.95;
  std::vector<QueueResult> queues;        // parallel to Plan::queues
  QueueResult overall;                    // every queue pooled
  std::vector<IntervalResult> intervals;  // per queue, then interval
  std::vector<PeriodResult> periods;      // queues measured over day or week, then period
};

// Throws std::invalid_argument when the staffing does not match the plan or the
// options are out of range (the CLI checks flags before calling).
Result run(const Plan& plan, const Staffing& staffing, const Options& options);

}  // namespace staffplan::simulate
