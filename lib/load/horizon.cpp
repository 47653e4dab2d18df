#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "load/clock.hpp"
#include "load/sections.hpp"

namespace staffplan::load {

PlanClock read_horizon(const MapReader& top, Horizon& horizon, Diagnostics& diagnostics) {
  PlanClock clock;
  bool ok = true;

  if (const auto name = top.text("timezone", true)) {
    clock.zone = find_zone(*name);
    if (clock.zone)
      horizon.timezone = *name;
    else
      diagnostics.error(top.get("timezone"),
                        fmt::format("unknown time zone '{}' (expected an IANA name like America/New_York)", *name));
  }
  ok = ok && clock.zone;

  std::optional<date::year_month_day> start;
  if (const auto text = top.text("start", true)) {
    start = parse_date(*text);
    if (start)
      horizon.start_date = format_date(*start);
    else
      diagnostics.error(top.get("start"), fmt::format("start: expected a date YYYY-MM-DD, got '{}'", *text));
  }
  ok = ok && start;

  const auto days = top.count("days", 1, 3660, true);
  if (days) horizon.days = *days;
  ok = ok && days;

  if (const auto interval = top.duration("interval", {0, 1e18}, true)) {
    if (*interval == 900 || *interval == 1800 || *interval == 3600)
      horizon.interval_s = static_cast<int>(*interval);
    else {
      diagnostics.error(top.get("interval"),
                        fmt::format("interval must be 15m, 30m or 60m, got {}", top.get("interval").Scalar()));
      ok = false;
    }
  } else {
    ok = false;
  }
  horizon.cyclic = top.flag("cyclic").value_or(false);
  if (!ok) return clock;

  // From local midnight of `start` to local midnight `days` later; a midnight that
  // does not exist (a zone springing forward at 00:00) starts the day at the jump.
  const auto midnight = [&](date::local_days day) {
    const date::local_info info = clock.zone->get_info(date::local_seconds{day});
    if (info.result == date::local_info::nonexistent) return info.first.end.time_since_epoch().count();
    return (date::local_seconds{day} - info.first.offset).time_since_epoch().count();
  };
  const date::local_days first{*start};
  horizon.start_utc = midnight(first);
  const std::int64_t end_utc = midnight(first + date::days{horizon.days});
  if ((end_utc - horizon.start_utc) % horizon.interval_s != 0) {
    diagnostics.error(top.get("interval"),
                      fmt::format("the horizon in {} is not a whole number of {} intervals (a daylight-saving "
                                  "change of part of an interval); use a shorter interval",
                                  horizon.timezone, top.get("interval").Scalar()));
    return clock;
  }
  horizon.count = static_cast<int>((end_utc - horizon.start_utc) / horizon.interval_s);
  horizon.utc_offset_s = offsets_at(*clock.zone, horizon.start_utc, horizon.interval_s, horizon.count);
  if (const auto problem =
          offsets_problem(*clock.zone, horizon.start_utc, end_utc, horizon.interval_s, horizon.utc_offset_s)) {
    diagnostics.error(top.get("timezone"), fmt::format("timezone: {}", *problem));
    return clock;
  }
  clock.ok = true;
  return clock;
}

int local_minute_of_interval(const Horizon& horizon, int i) {
  const std::int64_t local = horizon.interval_start_utc(i) + horizon.utc_offset_s[static_cast<std::size_t>(i)];
  const std::int64_t day = 86400;
  return static_cast<int>(((local % day) + day) % day / 60);
}

std::string interval_timestamp(const Horizon& horizon, int i) {
  const int offset = horizon.utc_offset_s[static_cast<std::size_t>(i)];
  const date::sys_seconds local{std::chrono::seconds{horizon.interval_start_utc(i) + offset}};
  const auto day = date::floor<date::days>(local);
  const date::hh_mm_ss tod{local - day};
  const int m = std::abs(offset) / 60;
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(date::year_month_day{day}),
                     tod.hours().count(), tod.minutes().count(), tod.seconds().count(), offset < 0 ? '-' : '+',
                     m / 60, m % 60);
}

}  // namespace staffplan::load
