#pragma once
// The solver's shared tolerances, time limits, gap and clock helpers, one record
// each, so that phases agree on what "integral", "satisfied", "enough time" and
// "the gap" mean.
// Constants used by one phase only stay beside that phase, with their reason.
#include <algorithm>
#include <chrono>

namespace staffplan::optimize::detail {

// An LP value within this of a whole number is that whole number (dive, rounding
// rows, neighbourhoods). Range: 1e-9–1e-5, CBC's integer tolerance order.
inline constexpr double kIntegralTolerance = 1e-6;

// A row activity within this of its bound satisfies it (repair, restricted
// models). Range: 1e-9–1e-5, CBC's primal tolerance order.
inline constexpr double kRowTolerance = 1e-6;

// No CBC run (whole model, week, sub-problem) starts with less time than this
// left: loading and preprocessing alone take about that. Seconds, 0.05–1.
inline constexpr double kMinCbcSeconds = 0.2;

// A child process running Clp or CBC is killed this long after its deadline
// (both usually stop themselves before). Seconds, 0.1–1.
inline constexpr double kKillGraceSeconds = 0.3;

// A solver phase that has reported nothing for this long (Clp's barrier on a
// degenerate week takes 10-15 s) has its last report repeated with the clock
// advanced, so the progress line shows the run is alive. Seconds, 0.25-5.
inline constexpr double kProgressHeartbeatSeconds = 1.0;

// A stalled CBC run (MipLimits::stall_seconds): its incumbent or bound has moved
// only when it moved by at least this share of its value. In a tree search the
// bound creeps up by cents for many seconds (make-or-buy week: 38 365.59 →
// 38 365.60), which is no reason to keep the run. Range 1e-6–1e-3 (the default gap).
inline constexpr double kStallMinMove = 1e-4;

// Relative gap of a cost to its bound, (cost − bound) / cost, never negative; 0
// when the cost is 0 (nothing to staff). One definition for the status, the
// report and every progress line.
inline double relative_gap(double cost, double bound) {
  if (cost <= 1e-9) return 0;
  return std::max(0.0, (cost - bound) / cost);
}

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace staffplan::optimize::detail
