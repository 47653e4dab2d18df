#pragma once
// Feasibility pre-checks with named reasons, run before the solver when coverage is
// hard: a bare "infeasible" from a MILP solver tells an analyst nothing, so every
// (queue, interval) that cannot be covered is found and named up front.
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "optimize/columns.hpp"
#include "require/require.hpp"

namespace staffplan::optimize {

// ISO 8601 start of plan interval i in the plan clock, e.g. 2026-11-23T03:00:00-05:00.
std::string interval_timestamp(const Horizon& horizon, int interval);

// One line per (queue, interval) with required > 0 that no column covers, or whose
// covering sites cannot reach the requirement even with every seat filled, in
// queue then time order, e.g.
//   queue english, interval 2026-11-23T03:00:00-05:00: no shift of a site serving english covers it
//   queue english, interval 2026-11-23T12:00:00-05:00: seats exhausted: at most 42.0 productive agents (sites a, b), 57 required
std::vector<std::string> coverage_problems(const Plan& plan, const require::Requirement& requirement,
                                           const ColumnSet& columns);

// Throws NoResultError listing the problems (at most `max_lines`, then "and N more").
void check_coverable(const Plan& plan, const require::Requirement& requirement,
                     const ColumnSet& columns, std::size_t max_lines = 20);

// One line per day of deferrable work (SPEC §10) whose hours cannot fit in its
// window: no shift of a group that takes the work is on then, or every seat (and
// every such group's max_agents) filled for the whole window holds fewer hours, e.g.
//   work renewals, day 2026-11-23 (window 09:00-20:00 America/Chicago): 163.3 h of work, at most
//   120.0 h fit (seats and max_agents at sites a, b); short 43.3 h
// An upper bound: calls competing for the same agents are not subtracted (then the
// solver's infeasibility says so).
std::vector<std::string> work_problems(const Plan& plan, const ColumnSet& columns);

// Throws NoResultError listing work_problems (at most `max_lines`). Work is hard
// even with --allow-shortfall.
void check_work_fits(const Plan& plan, const ColumnSet& columns, std::size_t max_lines = 20);

}  // namespace staffplan::optimize
