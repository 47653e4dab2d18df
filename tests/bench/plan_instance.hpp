#pragma once
// The benchmark instance of issue 4, built in code: one queue, 7 days of 15 min
// intervals (plan clock UTC); requirement with a two-peak daily curve (≈60 agents
// late morning, ≈35 in the evening, a floor of 5 at night); three sites whose clocks
// are 0 h, +6 h and +11 h from the plan clock, costing 30, 14 and 9 per hour with 60,
// 60 and 40 seats; shifts of 4, 6, 8 and 10 h starting every 15 min on every day;
// shifts of 6 h or more have one unpaid 30 min break.
#include <cmath>

#include "../optimize/plan_builder.hpp"

namespace staffplan::testing {

enum class BreakRule {
  none,    // no breaks at all: consecutive-ones coverage
  fixed,   // the break starts 15 min before mid-shift (centred)
  window,  // the break may start anywhere from 45 min before to 15 min after mid-shift
};

// Required agents at hour-of-day h (plan clock).
inline int benchmark_requirement(double h) {
  const double peak = 55 * std::exp(-std::pow((h - 11.0) / 2.2, 2));
  const double evening = 30 * std::exp(-std::pow((h - 19.0) / 1.8, 2));
  return static_cast<int>(std::lround(5 + peak + evening));
}

inline PlanBuilder benchmark_instance(BreakRule rule) {
  constexpr int quarter = 900;
  PlanBuilder b(7, quarter, 0, "2026-11-23", false);
  const int q = b.add_queue("english");
  const struct { const char* name; double cost; int seats; int offset_h; } sites[] = {
      {"home", 30, 60, 0}, {"east", 14, 60, 6}, {"far-east", 9, 40, 11}};
  for (const auto& s : sites) {
    const int site = b.add_site(s.name, s.cost, s.seats, 0.0, s.offset_h * 3600);
    for (int hours : {4, 6, 8, 10}) {
      std::vector<Break> breaks;
      const int mid = hours * 3600 / 2;
      if (hours >= 6 && rule == BreakRule::fixed)
        breaks.push_back(PlanBuilder::unpaid_break(1800, mid - 900, mid - 900));
      if (hours >= 6 && rule == BreakRule::window)
        breaks.push_back(PlanBuilder::unpaid_break(1800, mid - 2700, mid + 900));
      b.add_shift(site, std::to_string(hours) + "h", hours * 3600, 0, 23 * 60 + 45, quarter, breaks);
    }
  }
  for (int i = 0; i < b.plan.horizon.count; ++i)
    b.required.queues[q].intervals[i].agents = benchmark_requirement((i % 96) / 4.0);
  return b;
}

}  // namespace staffplan::testing
