#include "optimize/columns.hpp"

#include <algorithm>
#include <cmath>

namespace staffplan::optimize {
namespace {

using Triplet = Eigen::Triplet<double>;

void place_breaks(const Shift& shift, int interval_s, std::size_t k, int earliest,
                  std::vector<int>& current, std::vector<std::vector<int>>& out) {
  if (k == shift.breaks.size()) {
    out.push_back(current);
    return;
  }
  const int length = static_cast<int>(std::lround(shift.breaks[k].length_s));
  for (int t : break_starts(shift, interval_s, k, earliest)) {
    current.push_back(t);
    place_breaks(shift, interval_s, k + 1, t + length, current, out);
    current.pop_back();
  }
}

// Index of the plan interval `offset` intervals after `first`: dropped (-1) past the
// horizon end, or wrapped to its start when the plan is cyclic.
int horizon_interval(const Horizon& h, int first, int offset, bool cyclic) {
  const int i = first + offset;
  if (i < h.count) return i;
  return cyclic ? i % h.count : -1;
}

}  // namespace

std::vector<int> break_starts(const Shift& shift, int interval_s, std::size_t k, int earliest) {
  const Break& b = shift.breaks[k];
  const int from = static_cast<int>(std::lround(b.window_from_s));
  const int to = static_cast<int>(std::lround(b.window_to_s));
  const int length = static_cast<int>(std::lround(b.length_s));
  std::vector<int> starts;
  // First grid time at or after both the window start and the previous break's end.
  int t = std::max(from, earliest);
  t = (t + interval_s - 1) / interval_s * interval_s;
  for (; t <= to && t + length <= shift.length_s; t += interval_s) starts.push_back(t);
  return starts;
}

std::vector<std::vector<int>> break_placements(const Shift& shift, int interval_s) {
  std::vector<std::vector<int>> out;
  std::vector<int> current;
  place_breaks(shift, interval_s, 0, 0, current, out);
  return out;
}

TourDay tour_day(const Plan& plan, const Column& column) {
  const Horizon& h = plan.horizon;
  const Site& site = plan.sites[column.site];
  const ShiftStart& start = site.shifts[column.shift].starts[column.start];
  const auto floor_div = [](std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); };
  const std::int64_t plan_day = floor_div(h.local_seconds(start.interval) - h.local_seconds(0), 86400);
  const std::int64_t site_local = h.interval_start_utc(start.interval) + site.utc_offset_s[start.interval];
  TourDay day;
  day.week = static_cast<int>(floor_div(plan_day, 7));
  day.weekday = static_cast<int>(((floor_div(site_local, 86400) + 3) % 7 + 7) % 7);  // 1970-01-01: Thursday
  if (column.contract >= 0 && site.contracts[column.contract].same_start) day.minute = start.local_minute;
  return day;
}

ColumnSet build_columns(const Plan& plan) {
  const Horizon& h = plan.horizon;
  ColumnSet set;
  std::vector<Triplet> cover, seats;
  for (int s = 0; s < static_cast<int>(plan.sites.size()); ++s) {
    const Site& site = plan.sites[s];
    const std::vector<AgentGroup> groups = agent_groups(plan, site);
    const int first_group = static_cast<int>(set.agent_groups.size());
    for (int g = 0; g < static_cast<int>(groups.size()); ++g)
      set.agent_groups.push_back(GroupRef{s, g, groups[g]});
    for (int f = 0; f < static_cast<int>(site.shifts.size()); ++f) {
      const Shift& shift = site.shifts[f];
      const int slots = shift.length_s / h.interval_s;
      const auto placements = break_placements(shift, h.interval_s);
      double unpaid_s = 0;
      for (const Break& b : shift.breaks)
        if (!b.paid) unpaid_s += b.length_s;
      const double paid_hours = (shift.length_s - unpaid_s) / 3600.0;

      // Daily shifts: one pass with no contract; tours: one per contract using the shift.
      std::vector<int> contracts;
      if (site.contracts.empty()) contracts.push_back(-1);
      for (int k = 0; k < static_cast<int>(site.contracts.size()); ++k)
        if (site.contracts[k].uses(f)) contracts.push_back(k);
      const bool cyclic = h.cyclic || !site.contracts.empty();

      for (int st = 0; st < static_cast<int>(shift.starts.size()); ++st) {
        const int first = shift.starts[st].interval;
        StartGroup group{s, f, st, shift.min_agents, shift.max_agents.value_or(-1), {}};
        for (int k : contracts)
        for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
          if (!shift_takes_group(shift, g)) continue;
          const int ag = first_group + g;
          const double rate = k < 0 ? site.cost_per_hour(shift, groups[g])
                                    : site.cost_per_hour(shift, groups[g], site.contracts[k]);
          const double cost = paid_hours * rate;
          for (const auto& placement : placements) {
            const int c = static_cast<int>(set.columns.size());
            // Present share per slot: 1 minus the part of the slot spent on breaks.
            std::vector<double> present(slots, 1.0);
            for (std::size_t b = 0; b < placement.size(); ++b) {
              const int b0 = placement[b];
              const int b1 = b0 + static_cast<int>(std::lround(shift.breaks[b].length_s));
              for (int slot = b0 / h.interval_s; slot < slots && slot * h.interval_s < b1; ++slot) {
                const int lo = std::max(b0, slot * h.interval_s);
                const int hi = std::min(b1, (slot + 1) * h.interval_s);
                present[slot] -= static_cast<double>(hi - lo) / h.interval_s;
              }
            }
            for (int slot = 0; slot < slots; ++slot) {
              const int i = horizon_interval(h, first, slot, cyclic);
              if (i < 0) continue;
              if (present[slot] > 1e-9) cover.emplace_back(ag * h.count + i, c, present[slot]);
              seats.emplace_back(s * h.count + i, c, 1.0);
            }
            group.columns.push_back(c);
            set.columns.push_back(Column{s, ag, f, st, placement, paid_hours, cost,
                                         static_cast<int>(set.starts.size()), k});
          }
        }
        set.starts.push_back(std::move(group));
      }
    }
  }
  const auto n = static_cast<Eigen::Index>(set.columns.size());
  set.present.resize(static_cast<Eigen::Index>(set.agent_groups.size()) * h.count, n);
  set.present.setFromTriplets(cover.begin(), cover.end());
  set.on_shift.resize(static_cast<Eigen::Index>(plan.sites.size()) * h.count, n);
  // A wrapped shift longer than the horizon would list an interval twice; a seat is
  // still one seat.
  set.on_shift.setFromTriplets(seats.begin(), seats.end(), [](double a, double) { return a; });
  set.present.makeCompressed();
  set.on_shift.makeCompressed();
  return set;
}

}  // namespace staffplan::optimize
