#pragma once
// Column generation: every shift template of every site expands into columns, one
// per (site, agent group the shift takes, shift, concrete start, break placement).
// A column's presence is the fraction of each plan interval its agent is present
// and not on a break; its seat use is 1 in every interval it is on shift (breaks
// included). Both are kept as Eigen sparse matrices (rows = agent group × interval
// and site × interval), column-major so each column is one contiguous run. Which
// queues the presence serves is the group's business (see milp_model.hpp).
#include <Eigen/SparseCore>

#include <vector>

#include "model/plan.hpp"

namespace staffplan::optimize {

struct Column {
  int site = 0;
  int agent_group = 0;              // index into ColumnSet::agent_groups
  int shift = 0;                    // index into Site::shifts
  int start = 0;                    // index into Shift::starts
  std::vector<int> break_start_s;   // per Shift::breaks, seconds after shift start
  double paid_hours = 0;            // per agent: length minus unpaid breaks
  double cost = 0;                  // per agent: paid_hours × hourly cost
  int start_group = 0;              // index into ColumnSet::starts
  int contract = -1;                // index into Site::contracts; -1 = a daily shift
};

// One agent group of one site, numbered across all sites.
struct GroupRef {
  int site = 0;
  int index = 0;                    // into agent_groups(plan, site)
  AgentGroup group;
};

// The columns sharing one (site, shift, start): min/max agents apply to their sum.
struct StartGroup {
  int site = 0;
  int shift = 0;
  int start = 0;
  int min_agents = 0;
  int max_agents = -1;              // -1 = no limit
  std::vector<int> columns;
};

struct ColumnSet {
  std::vector<Column> columns;
  std::vector<StartGroup> starts;
  std::vector<GroupRef> agent_groups;
  // present(g * count + i, c): share of interval i column c (of agent group g) works.
  Eigen::SparseMatrix<double> present;
  // on_shift(s * count + i, c): 1 when column c's agent holds a seat of site s in i.
  Eigen::SparseMatrix<double> on_shift;
};

// Which day of which tour a contract column is (SPEC §8): the week of the horizon its
// start falls in (plan-clock days from `start`, 7 a week), the site-local weekday of
// its start (0 = Monday) and, when the contract keeps the same start, the site-local
// start minute (-1 otherwise). Columns with the same TourDay, contract and agent
// group are one day's work of the same tours.
struct TourDay {
  int week = 0;
  int weekday = 0;
  int minute = -1;
  auto operator<=>(const TourDay&) const = default;
};
TourDay tour_day(const Plan& plan, const Column& column);

// Every break placement of a shift: each break starts on the plan grid inside its
// window, breaks in order and never overlapping. One empty placement when the shift
// has no breaks; none when the windows cannot be satisfied.
std::vector<std::vector<int>> break_placements(const Shift& shift, int interval_s);

// Where break k of a shift may start (seconds after the shift start, ascending) when
// it may start no earlier than `earliest` (the previous break's end): on the plan
// grid, inside its window, ending within the shift. The one rule that both the
// placements above and their count (size_limit.hpp) walk.
std::vector<int> break_starts(const Shift& shift, int interval_s, std::size_t k, int earliest);

// Expands every shift of every site over the horizon, in a deterministic order
// (site, shift, start, contract, agent group, placement). At a site with contracts
// every shift expands once per contract that uses it (its cost at the contract's
// rate), and wraps around the horizon whatever `cyclic` says: tours repeat weekly.
ColumnSet build_columns(const Plan& plan);

}  // namespace staffplan::optimize
