#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "load/clock.hpp"
#include "load/sections.hpp"
#include "units/units.hpp"

namespace staffplan::load {

void expand_shift_starts(const Horizon& horizon, const date::time_zone& site_zone, const Site& site,
                         Shift& shift, Diagnostics& diagnostics) {
  using std::chrono::seconds;
  shift.starts.clear();
  const auto local_day = [&](std::int64_t utc) {
    return date::floor<date::days>(site_zone.to_local(date::sys_seconds{seconds{utc}}));
  };
  // Site-local dates whose starts could fall in the horizon: from the day before
  // the horizon's first local day (a site ahead of the plan clock) to its last.
  const date::local_days first = local_day(horizon.start_utc) - date::days{1};
  const date::local_days last = local_day(horizon.end_utc());
  const int step_min = std::max(1, shift.start_step_s / 60);
  for (date::local_days day = first; day <= last; day += date::days{1}) {
    const unsigned weekday = date::weekday{day}.iso_encoding() - 1;  // mon = 0
    if (!shift.weekdays[weekday]) continue;
    for (int minute = shift.start_minute; minute <= shift.latest_start_minute; minute += step_min) {
      const auto utc = local_to_utc(site_zone, date::local_seconds{day} + std::chrono::minutes{minute});
      if (!utc) continue;  // the local time does not exist (spring forward): skipped
      if (*utc < horizon.start_utc || *utc >= horizon.end_utc()) continue;
      if ((*utc - horizon.start_utc) % horizon.interval_s != 0) {
        diagnostics.error(shift.pos,
                          fmt::format("site '{}' shift '{}': start {} ({}) is not on the plan's {} interval grid "
                                      "({}); use start times on the grid or a shorter interval",
                                      site.name, shift.name, units::format_time_of_day(minute), site.timezone,
                                      interval_text(horizon.interval_s), horizon.timezone));
        shift.starts.clear();
        return;
      }
      shift.starts.push_back({format_date(date::year_month_day{day}), minute,
                              static_cast<int>((*utc - horizon.start_utc) / horizon.interval_s)});
    }
  }
  std::stable_sort(shift.starts.begin(), shift.starts.end(),
                   [](const ShiftStart& a, const ShiftStart& b) { return a.interval < b.interval; });
}

}  // namespace staffplan::load
