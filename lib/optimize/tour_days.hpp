#pragma once
// Working days of weekly-tour agents whose days off may fall anywhere (SPEC §8,
// `days_off: any`). The optimizer decides, per weekday, how many of the agents
// work (milp_model.hpp: Link and TourWeek rows); this turns those counts into one
// set of working days per agent for the roster. Any counts with at most one shift
// per agent a day and days_per_week per agent in the week split this way; the split
// prefers days off in one run, which people can live with, and falls back to
// spreading them only where the counts leave no other way.
#include <array>
#include <vector>

namespace staffplan::optimize::detail {

// Bit masks of working weekdays (bit d = weekday d, 0 = Monday), one per agent,
// ascending. per_day[d] = agents working weekday d, each ≤ agents, and together
// days_per_week × agents (else the counts are no roster: the split is then a best
// effort and some agent may work fewer days).
std::vector<unsigned> split_days(int agents, int days_per_week, const std::array<int, 7>& per_day);

}  // namespace staffplan::optimize::detail
