#pragma once
// One replication of every queue at once, with skill-based routing (SPEC §7):
// the event engine for plans whose agents answer more than one queue.
//
// Model: as simulate/queue_simulation.hpp for arrivals (Poisson, piecewise
// constant rate per queue and interval), handling (mean = the AHT of the call's
// queue in its arrival interval; exponential, lognormal or deterministic),
// patience (exponential, erlang_a) and the horizon end (the last interval's
// agents stay until every waiting call is answered or abandons). What differs:
// - Agents come in pools: every agent of a pool answers the same set of queues
//   (one pool per skill set; groups of several sites with the same queues are one
//   pool). Pool p has agents[i] agents during interval i.
// - Routing. An arriving call goes to an idle agent of a pool that answers its
//   queue, trying pools with the fewest queues first (ties: the lower pool index);
//   if none is idle it waits in its queue's FIFO line. An agent who becomes free
//   (a call ends, or the agent joins at an interval boundary) takes the
//   longest-waiting call among the queues of its pool (ties: the lower queue
//   index); with none waiting, the agent is idle.
// - A waiting caller whose patience runs out leaves the line (abandons) and never
//   occupies an agent: patience < wait abandons, as in the one-queue engine.
// - Staffing changes at interval boundaries, pool by pool: joining agents are
//   free at once (pools with fewer queues take waiting calls first); leaving
//   agents are idle ones first, then a uniformly random choice of the busy ones,
//   who finish the call in hand and leave.
// - Events at the same instant: staffing change, then call ends, then arrival.
//
// Arrivals and the queue of each arrival are drawn from one random stream per
// replication: the gap with the total rate of the interval, the queue with
// probability calls[q][i] / Σ calls[.][i] (the superposition of the queues'
// Poisson processes, exact by memorylessness).
#include <cstdint>
#include <vector>

#include "simulate/queue_simulation.hpp"
#include "simulate/random.hpp"

namespace staffplan::simulate {

struct SkillPoolInput {
  std::vector<int> queues;  // indices into SkillInput::queues, ascending, not empty
  std::vector<int> agents;  // per interval, whole productive agents
};

struct SkillInput {
  double interval_s = 1800;
  // Per queue: calls, aht_s, answer_within_s, patience_s, aht_cv as for the
  // one-queue engine; QueueInput::agents is not used (the pools are).
  std::vector<QueueInput> queues;
  std::vector<SkillPoolInput> pools;
};

// Agent time of one pool inside the horizon: busy_s counts each agent's calls
// while the agent is on the plan (a leaving agent's rest of call is not counted),
// agent_s = Σ agents[i] × interval_s. Occupancy = busy_s / agent_s.
struct PoolCounts {
  double busy_s = 0;
  double agent_s = 0;
  std::int64_t answered = 0;  // calls this pool's agents answered
};

struct SkillCounts {
  std::vector<std::vector<IntervalCounts>> queues;  // [queue][arrival interval]
  std::vector<PoolCounts> pools;
};

// For tests: scripted arrivals instead of Poisson ones (time order; times in
// seconds from the horizon start, inside the horizon).
struct ScriptedArrival {
  double at_s = 0;
  int queue = 0;
};

// For tests: what happened to each call, in order of resolution.
struct CallTrace {
  int queue = 0;
  double arrival_s = 0;
  double start_s = 0;  // answer instant; for an abandoned call the hang-up instant
  int pool = -1;       // the pool that answered; -1: abandoned or never answered
};

// Simulates one replication; `counts` is resized to the queues, intervals and
// pools. Throws std::invalid_argument on inconsistent input (sizes, queue
// indices), StopRequested when `stop` becomes due. With `script`, arrivals are
// those calls (and no arrival is drawn); with `trace`, every call's fate is
// appended to it.
void simulate_skills(const SkillInput& input, Xoshiro256& rng, SkillCounts& counts,
                     const StopCheck& stop = {}, const std::vector<ScriptedArrival>* script = nullptr,
                     std::vector<CallTrace>* trace = nullptr);

}  // namespace staffplan::simulate
