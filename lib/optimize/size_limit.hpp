#pragma once
// Refuses, before any memory is spent, a plan whose MILP is too large to build and
// solve on one machine (issue 6: a million shift columns must not end in an
// out-of-memory kill or a solver that never returns). The size is counted exactly
// without enumerating: columns = Σ over sites and shifts of
// starts × agent groups taking the shift × break placements.
#include <cstdint>

#include "model/plan.hpp"

namespace staffplan::optimize {

// Each column costs about 0.5 KB (its coverage and seat entries) and CBC's effort
// grows faster than linearly with it; 250 000 columns is a year of 30-minute starts
// for a dozen shifts with narrow break windows.
inline constexpr std::int64_t max_columns = 250'000;

// Number of break placements build_columns would create for `shift` (the same rules:
// grid starts inside each window, in order, never overlapping, inside the shift).
double count_break_placements(const Shift& shift, int interval_s);

// Agent groups that work `shift` (default groups: one per queue the site serves).
double groups_taking(const Site& site, const Shift& shift);

// Number of columns build_columns would create for `plan`.
double count_columns(const Plan& plan);

// The columns one MILP holds: all of them, or for a plan solved week by week
// (weeks.hpp) those of its largest week. max_columns limits this number.
double columns_solved_at_once(const Plan& plan);

// Memory needed to build and solve the plan's MILP: its matrix entries (each column
// has a coverage and a seat entry per interval on shift) times bytes_per_entry, the
// peak measured over the benchmark family (the model, Clp's row and column copies,
// CBC's preprocessed copies and cuts) with a margin.
// A plan solved week by week holds the whole horizon's columns and model at
// bytes_per_held_entry (the column set, the matrix by column and by row), and
// solves one week at a time at bytes_per_entry: 46 weeks of the 3-site benchmark
// week (21.5 million entries, 0.47 million in a week) peaked at 1.40 GB.
inline constexpr double bytes_per_entry = 800;
inline constexpr double bytes_per_held_entry = 64;
double estimate_bytes(const Plan& plan);

// Memory this machine has for the run: MemAvailable of /proc/meminfo, else the
// physical memory; 0 when neither is known (no memory check then).
double available_bytes();

// Throws InputError naming the plan file, the estimated column count, the largest
// shift's share of it and the limit, when count_columns(plan) > max_columns; or the
// estimated memory and what the machine has, when estimate_bytes(plan) exceeds
// `available` (default: available_bytes()).
void check_size(const Plan& plan);
void check_size(const Plan& plan, double available);

}  // namespace staffplan::optimize
