#pragma once
// Queueing math for one queue in one interval: Erlang B, Erlang C (M/M/N) and
// Erlang A (M/M/N+M, exponential patience), plus the staffing search.
// Depends on nothing else in staffplan (only Boost.Math). Definitions follow
// SPEC §2; accuracy target: 1e-9 relative to a 50-digit reference for offered
// loads up to 100 000 Erlangs (see tests/queueing/).
#include <optional>
#include <stdexcept>

namespace staffplan::queueing {

enum class Model { erlang_c, erlang_a };

// Bad parameters (negative, NaN, infinite, erlang_a without patience, ...).
class InvalidParameter : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// No number of agents can meet the goals (SL = 100 %, occupancy cap 0, ...).
class UnreachableGoal : public std::domain_error {
 public:
  using std::domain_error::domain_error;
};

// The offered work of one interval.
struct Load {
  double calls = 0;        // calls offered in the interval
  double aht_s = 0;        // mean handling time, seconds (> 0)
  double interval_s = 0;   // interval length, seconds (> 0)
  Model model = Model::erlang_c;
  double patience_s = 0;   // mean patience, seconds; erlang_a only (> 0)

  double erlangs() const { return calls * aht_s / interval_s; }
};

struct Metrics {
  int agents = 0;
  double erlangs = 0;
  double answer_within_s = 0; // the threshold service_level was evaluated at
  double p_wait = 0;          // probability an arriving call waits (C: Erlang C)
  double service_level = 0;   // fraction of offered calls answered within the threshold
  double asa_s = 0;           // mean wait of answered calls, seconds (+inf when unstable C)
  double occupancy = 0;       // busy agents / agents
  double p_abandon = 0;       // fraction of offered calls that hang up (0 for erlang_c)
  bool stable = true;         // erlang_c with N <= A is unstable (SL 0, ASA inf, occupancy 1)
};

// Goals; unset ones are not checked. At least one should be set.
struct Goals {
  std::optional<double> service_level;   // with answer_within_s
  double answer_within_s = 0;
  std::optional<double> asa_s;
  std::optional<double> max_occupancy;
  std::optional<double> max_abandon;     // erlang_a only
};

// Erlang B blocking probability B(n, a); stable recursion, exact for large n.
double erlang_b(int agents, double erlangs);

// Erlang B at any size: the recursion up to 10 000 lines, beyond that the
// O(1) incomplete-gamma closed form (same accuracy, see erlang_b.cpp).
double blocking_probability(int lines, double erlangs);

// Erlang B trunk sizing: the smallest number of lines N >= 0 with
// B(N, erlangs) <= max_blocking (blocked calls are lost, not queued). Throws
// InvalidParameter for max_blocking outside (0, 1] and UnreachableGoal past 2^30 lines.
int lines_for_blocking(double erlangs, double max_blocking);

// Erlang C probability of waiting C(n, a); 1 when n <= a.
double erlang_c(int agents, double erlangs);

// Every metric for a given staffing, SL evaluated at `answer_within_s`.
Metrics evaluate(const Load& load, int agents, double answer_within_s);

// Smallest N >= 0 meeting every goal given, with its metrics. Zero calls need 0.
// Throws UnreachableGoal when no N can meet the goals, InvalidParameter on bad input.
Metrics required_agents(const Load& load, const Goals& goals);

// Agents to schedule so that `agents` remain after shrinkage s in [0, 1):
// ceil(agents / (1 - s)), guarded against floating-point noise.
int scheduled_agents(int agents, double shrinkage);

}  // namespace staffplan::queueing
