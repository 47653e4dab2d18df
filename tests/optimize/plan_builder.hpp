#pragma once
// Builds small plans in code, the way the loader would fill them, for optimizer
// tests and the benchmark instance: fixed UTC offsets per site (no time-zone
// database), shift starts placed on the plan grid, requirement given directly.
#include <date/date.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "require/require.hpp"

namespace staffplan::testing {

class PlanBuilder {
 public:
  // Horizon from local midnight of `start_date` (plan clock at `plan_offset_s` from
  // UTC) for `days` days of `interval_s` intervals.
  PlanBuilder(int days, int interval_s, int plan_offset_s = -5 * 3600,
              std::string start_date = "2026-11-23", bool cyclic = false) {
    Horizon& h = plan.horizon;
    h.timezone = "Test/Fixed";
    h.start_date = start_date;
    h.days = days;
    h.interval_s = interval_s;
    h.count = days * 86400 / interval_s;
    h.start_utc = midnight_utc(start_date, 0, plan_offset_s);
    h.cyclic = cyclic;
    h.utc_offset_s.assign(h.count + 1, plan_offset_s);
    plan.file = "test.yaml";
    plan.name = "test";
  }

  int add_queue(const std::string& name, double aht_s = 300) {
    Queue q;
    q.name = name;
    q.aht_s = aht_s;
    q.calls.assign(plan.horizon.count, 0.0);
    q.aht_s_per_interval.assign(plan.horizon.count, aht_s);
    plan.queues.push_back(q);
    required.queues.push_back({});
    required.queues.back().intervals.resize(plan.horizon.count);
    return static_cast<int>(plan.queues.size()) - 1;
  }

  // A site whose clock is `offset_s` from UTC, serving `queues` (all when empty).
  int add_site(const std::string& name, double hourly_cost, std::optional<int> seats,
               double shrinkage = 0, int offset_s = -5 * 3600, std::vector<int> queues = {}) {
    Site s;
    s.name = name;
    s.timezone = "Test/Fixed";
    s.hourly_cost = hourly_cost;
    s.seats = seats;
    s.shrinkage = shrinkage;
    if (queues.empty())
      for (int q = 0; q < static_cast<int>(plan.queues.size()); ++q) queues.push_back(q);
    s.queues = queues;
    s.utc_offset_s.assign(plan.horizon.count + 1, offset_s);
    plan.sites.push_back(s);
    return static_cast<int>(plan.sites.size()) - 1;
  }

  // A shift starting every `step_s` from `first_minute` to `last_minute` (site-local)
  // on every day; starts whose instant lies inside the horizon are kept.
  Shift& add_shift(int site, const std::string& name, int length_s, int first_minute,
                   int last_minute = -1, int step_s = 0, std::vector<Break> breaks = {}) {
    Site& s = plan.sites[site];
    const Horizon& h = plan.horizon;
    Shift f;
    f.name = name;
    f.start_minute = first_minute;
    f.latest_start_minute = last_minute < 0 ? first_minute : last_minute;
    f.start_step_s = step_s > 0 ? step_s : h.interval_s;
    f.length_s = length_s;
    f.weekdays.fill(true);
    f.breaks = std::move(breaks);
    const int offset = s.utc_offset_s.front();
    const date::sys_days first_day = parse_date(h.start_date);
    // Site-local days from the day before the plan's first to the day after its last.
    for (int d = -1; d <= h.days; ++d) {
      const date::sys_days day = first_day + date::days{d};
      for (int m = f.start_minute; m <= f.latest_start_minute; m += f.start_step_s / 60) {
        const std::int64_t utc =
            std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count() +
            m * 60 - offset;
        if (utc < h.start_utc || utc >= h.end_utc()) continue;
        const std::int64_t since = utc - h.start_utc;
        if (since % h.interval_s != 0) continue;
        f.starts.push_back(ShiftStart{date::format("%F", day), m, static_cast<int>(since / h.interval_s)});
      }
    }
    std::stable_sort(f.starts.begin(), f.starts.end(),
                     [](const ShiftStart& a, const ShiftStart& b) { return a.interval < b.interval; });
    s.shifts.push_back(f);
    return s.shifts.back();
  }

  // Required agents of queue q from interval `from` (inclusive) to `to` (exclusive).
  void require(int q, int from, int to, int agents) {
    for (int i = from; i < to; ++i) required.queues[q].intervals[i].agents = agents;
  }

  static Break unpaid_break(int length_s, int from_s, int to_s) {
    return Break{static_cast<double>(length_s), static_cast<double>(from_s),
                 static_cast<double>(to_s), false};
  }

  Plan plan;
  require::Requirement required;

 private:
  static date::sys_days parse_date(const std::string& text) {
    const int y = std::stoi(text.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
    const unsigned d = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
    return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
  }
  static std::int64_t midnight_utc(const std::string& date_text, int day, int offset_s) {
    const auto d = parse_date(date_text) + date::days{day};
    return std::chrono::duration_cast<std::chrono::seconds>(d.time_since_epoch()).count() - offset_s;
  }
};

}  // namespace staffplan::testing
