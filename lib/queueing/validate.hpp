#pragma once
// Parameter checks shared by the queueing entry points; each throws
// InvalidParameter with a message naming the parameter and the value.
#include "queueing/queueing.hpp"

#include <string>

namespace staffplan::queueing::detail {

void require_agents(int agents);
void require_finite_non_negative(const char* name, double value);
void require_positive(const char* name, double value);
// Erlang A evaluates incomplete gamma functions at x = agents x patience / aht; past
// about 3e10 Boost's series stop converging (measured: 14 agents at patience/aht
// 6e9 and 1011 agents at 1e8 fail). Agents are close to the offered load, so
// patience / aht x max(1, Erlangs) is held below this, with a margin of about 30.
inline constexpr double max_patience_load = 1e9;
// Only patience beyond this many handling times is refused that way: real callers
// wait 0.1 to 10 handling times, and a huge load with a normal patience is the
// load's problem (reported by the search), not the patience's.
inline constexpr double min_suspect_patience_ratio = 1e3;

// The message for a patience beyond max_patience_load.
std::string patience_too_long(const Load& load);

// Also refuses an erlang_a patience beyond max_patience_load (see above).
void require_load(const Load& load);
void require_goals(const Goals& goals);

}  // namespace staffplan::queueing::detail
