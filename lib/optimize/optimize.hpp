#pragma once
// Optimization (SPEC §4): requirement + shift columns -> agents per shift, at
// minimum cost, with COIN-OR CBC.
#include <atomic>
#include <functional>
#include <optional>
#include <vector>

#include "model/plan.hpp"
#include "model/staffing.hpp"
#include "require/require.hpp"

namespace staffplan::optimize {

enum class Status { optimal, within_gap, time_limit, interrupted };

// What a solve reports as it goes. Before the LP relaxation is solved there is
// neither a plan nor a bound; a phase that reports nothing for a while is
// repeated with its clock advanced (deadline_run.hpp), so the line keeps moving.
struct Progress {
  double elapsed_s = 0;
  std::optional<double> best_cost;
  std::optional<double> lower_bound;
  std::optional<double> gap;
};

// Agents of one site and agent group starting one shift at one start, with one
// break placement.
struct Assignment {
  int site = 0;
  int group = 0;                         // index into agent_groups(plan, site)
  int queue = -1;                        // the group's queue when it answers one, else -1
  int shift = 0;                         // index into Site::shifts
  int start = 0;                         // index into Shift::starts
  std::vector<int> break_start_s;        // per Shift::breaks, seconds after shift start
  int agents = 0;
  double paid_hours = 0;                 // per agent
  double cost = 0;                       // agents * paid_hours * hourly cost
};

struct SolveOptions {
  double time_limit_s = 60;
  double relative_gap = 0.001;
  int threads = 1;
  std::optional<double> shortfall_penalty;  // per missing agent-hour; unset = hard coverage
  std::function<void(const Progress&)> on_progress;  // called from the solver thread
  const std::atomic<bool>* stop = nullptr;           // set to interrupt (SIGINT)
  // A plan known to meet every constraint of this one (e.g. the same plan with its
  // goals met interval by interval): the solver starts from it, so the result
  // never costs more. Assignments that match no shift column are ignored.
  std::vector<Assignment> start;
};

struct IntervalCoverage {
  int queue = 0;
  int interval = 0;
  int required = 0;
  double present = 0;       // agents on shift for the queue, not on break (a break
                            // covering part of an interval counts that part)
  double productive = 0;    // sum of (1 - shrinkage) * present over sites
  int agents = 0;           // whole_agents(productive): what the service metrics see
  double shortfall = 0;     // max(0, required - agents): whole agents, as the metrics
  double kept = 1;          // share of the interval's calls answered in-house (SPEC §9)
};

// Calls of one queue and interval sent to an outsourcer (SPEC §9).
struct Outsourced {
  int outsourcer = 0;       // index into Plan::outsourcers
  int queue = 0;
  int interval = 0;
  double calls = 0;
  double minutes = 0;       // calls × aht / 60
  double cost = 0;          // minutes × price_per_minute
};

// Productive agents one group gives one queue in one interval (SPEC §7).
struct Allocation {
  int interval = 0;
  int site = 0;
  int group = 0;            // index into agent_groups(plan, site)
  int queue = 0;
  double agents = 0;
};

// Productive agents of one group placed on one day of deferrable work in one
// interval (SPEC §10), and the work hours they do there (agents × the part of the
// interval inside the window × interval hours).
struct WorkPlacement {
  int work = 0;             // index into Plan::work
  int day = 0;              // index into Work::days
  int interval = 0;
  int site = 0;
  int group = 0;            // index into agent_groups(plan, site)
  double agents = 0;
  double hours = 0;
};

// One working day of a roster line: a shift and its start.
struct RosterDay {
  int shift = 0;                         // index into Site::shifts
  int start = 0;                         // index into Shift::starts
  double paid_hours = 0;                 // per agent
  double cost = 0;                       // per agent
  int week = 0;                          // of the horizon (plan clock)
  int weekday = 0;                       // site-local, 0 = Monday
};

// Agents who work the same weekly tour with the same shifts (SPEC §8, --view
// roster). Break placements stay daily choices (the shifts view lists them).
struct RosterLine {
  int site = 0;
  int group = 0;                         // index into agent_groups(plan, site)
  int contract = 0;                      // index into Site::contracts
  unsigned days = 0;                     // working weekdays, bit d = weekday d (0 = Monday)
  std::vector<RosterDay> work;           // every working day of the horizon, in time order (plan clock)
  int agents = 0;
  double weekly_paid_hours = 0;          // per agent, per week
  double cost = 0;                       // all its agents over the horizon
};

// Headcount and FTE of one site (SPEC §8). Headcount counts tour agents, so it is
// known only at a site with contracts; FTE = paid hours a week / Plan::fte_hours.
struct Workforce {
  bool tours = false;                    // the site has contracts
  int headcount = 0;                     // tour agents (0 at a daily-shift site)
  double weekly_paid_hours = 0;
  double fte = 0;
};

struct Schedule {
  Status status = Status::optimal;
  double cost = 0;          // objective: paid cost (+ shortfall penalty when soft) + outsourced cost
  double paid_cost = 0;     // Σ agents × paid hours × hourly cost
  double shortfall_cost = 0;  // penalty × missing agent-hours (soft coverage only)
  double outsourced_cost = 0; // Σ outsourced minutes × price (SPEC §9); in `cost`
  double lower_bound = 0;   // best proven bound on `cost` (LP relaxation or CBC's)
  double gap = 0;           // relative
  double solve_seconds = 0;
  std::vector<Assignment> assignments;      // agents > 0, sorted by site, group, start, shift
  std::vector<IntervalCoverage> coverage;   // per queue, then interval
  // agents > 0, by interval, site, group, queue; a shared group's capacity beyond
  // what the solver allocated is split evenly over its queues.
  std::vector<Allocation> allocation;
  // Weekly tours (plans with contracts): roster lines sorted by site, group,
  // contract, start, days; workforce per site, and the totals over every site
  // (headcount: of the sites with contracts).
  std::vector<RosterLine> roster;
  std::vector<Workforce> workforce;
  int headcount = 0;
  double fte = 0;
  // Calls sent out, by outsourcer, queue, interval (calls > 0 only).
  std::vector<Outsourced> outsourced;
  // Per queue: the share a share-mode outsourcer takes (unset: none).
  std::vector<std::optional<double>> share;
  // agents > 0, by work, day, interval, site, group. Agents on work are not in
  // `allocation` or `coverage`: they are not answering calls then.
  std::vector<WorkPlacement> work;
};

// Throws NoResultError naming queue, interval and reason when coverage is
// impossible (hard coverage), or when the solver finds no solution.
Schedule solve(const Plan& plan, const require::Requirement& requirement,
               const SolveOptions& options);

// Every check solve() makes before it starts the solver, without solving (for
// `validate`): the plan's size (InputError) and the coverage precheck, which throws
// NoResultError naming every queue and interval that no shift can cover or whose
// sites lack the seats (as `plan` without --allow-shortfall does).
void check_before_solve(const Plan& plan, const require::Requirement& requirement);

// whole_agents(productive) per queue and interval, for the simulation.
Staffing productive_staffing(const Plan& plan, const Schedule& schedule);

}  // namespace staffplan::optimize
