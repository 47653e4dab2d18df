#include "optimize/size_limit.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "model/errors.hpp"
#include "optimize/columns.hpp"
#include "optimize/weeks.hpp"

namespace staffplan::optimize {
namespace {

// Placements of breaks k.. when break k may start no earlier than `earliest`, as
// place_breaks in columns.cpp walks them, memoised on (k, earliest).
double count_from(const Shift& shift, int interval_s, std::size_t k, int earliest,
                  std::map<std::pair<std::size_t, int>, double>& memo) {
  if (k == shift.breaks.size()) return 1;
  const auto key = std::make_pair(k, earliest);
  if (const auto it = memo.find(key); it != memo.end()) return it->second;
  const int length = static_cast<int>(std::lround(shift.breaks[k].length_s));
  double count = 0;
  for (int t : break_starts(shift, interval_s, k, earliest))
    count += count_from(shift, interval_s, k + 1, t + length, memo);
  memo[key] = count;
  return count;
}

std::string memory_text(double bytes) {
  return bytes >= 1e9 ? fmt::format("{:.1f} GB", bytes / 1e9) : fmt::format("{:.0f} MB", bytes / 1e6);
}

}  // namespace

double groups_taking(const Site& site, const Shift& shift) {
  double groups = 0;
  if (!shift.groups.empty()) groups = static_cast<double>(shift.groups.size());
  else groups = site.groups.empty() ? static_cast<double>(site.queues.size() + site.work.size())
                              : static_cast<double>(site.groups.size());
  // At a site with contracts the shift expands once per contract that uses it.
  if (site.contracts.empty()) return groups;
  double contracts = 0;
  for (const Contract& c : site.contracts)
    for (int f : c.shifts)
      if (&site.shifts[static_cast<std::size_t>(f)] == &shift) contracts += 1;
  return groups * contracts;
}

double count_break_placements(const Shift& shift, int interval_s) {
  std::map<std::pair<std::size_t, int>, double> memo;
  return count_from(shift, interval_s, 0, 0, memo);
}

namespace {

// Columns and matrix entries.
struct Size {
  double columns = 0;
  double entries = 0;
  void add(const Size& other, double times) {
    columns += times * other.columns;
    entries += times * other.entries;
  }
};

// What one start of `shift` adds: a column per agent group and break placement,
// each with a coverage and a seat entry per interval on shift, plus two.
Size size_per_start(const Plan& plan, const Site& site, const Shift& shift) {
  const int interval_s = std::max(1, plan.horizon.interval_s);
  const double columns = groups_taking(site, shift) * count_break_placements(shift, interval_s);
  return {columns, columns * (2.0 * std::ceil(shift.length_s / interval_s) + 2)};
}

// The shift's starts per week of the plan clock from the horizon start (each in the
// week its start falls in, as weeks.cpp splits the columns).
std::map<int, double> starts_by_week(const Plan& plan, const Shift& shift) {
  const int per_week = std::max(1, 7 * 86400 / std::max(1, plan.horizon.interval_s));
  const int last = std::max(0, plan.horizon.count - 1);
  std::map<int, double> starts;
  for (const ShiftStart& s : shift.starts) starts[std::clamp(s.interval, 0, last) / per_week] += 1;
  return starts;
}

// The plan's size, counted in one pass: the whole horizon's, and for a plan solved
// week by week (weeks.hpp) the most columns and the most entries of any one week.
struct Sizes {
  bool weekly = false;
  Size whole;
  Size week;

  double columns_at_once() const { return weekly ? week.columns : whole.columns; }
  double bytes() const {
    return weekly ? whole.entries * bytes_per_held_entry + week.entries * bytes_per_entry
                  : whole.entries * bytes_per_entry;
  }
};

Sizes count_sizes(const Plan& plan) {
  Sizes sizes;
  sizes.weekly = solves_week_by_week(plan);
  std::map<int, Size> weeks;
  for (const Site& site : plan.sites)
    for (const Shift& shift : site.shifts) {
      const Size one = size_per_start(plan, site, shift);
      sizes.whole.add(one, static_cast<double>(shift.starts.size()));
      if (sizes.weekly)
        for (const auto& [week, starts] : starts_by_week(plan, shift)) weeks[week].add(one, starts);
    }
  for (const auto& [week, size] : weeks) {
    sizes.week.columns = std::max(sizes.week.columns, size.columns);
    sizes.week.entries = std::max(sizes.week.entries, size.entries);
  }
  return sizes;
}

}  // namespace

double count_columns(const Plan& plan) { return count_sizes(plan).whole.columns; }

double columns_solved_at_once(const Plan& plan) { return count_sizes(plan).columns_at_once(); }

double estimate_bytes(const Plan& plan) { return count_sizes(plan).bytes(); }

double available_bytes() {
  if (std::FILE* f = std::fopen("/proc/meminfo", "r")) {
    char line[256];
    double kb = 0;
    while (std::fgets(line, sizeof line, f))
      if (std::sscanf(line, "MemAvailable: %lf kB", &kb) == 1) break;
    std::fclose(f);
    if (kb > 0) return kb * 1024;
  }
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : 0;
}

void check_size(const Plan& plan) { check_size(plan, available_bytes()); }

void check_size(const Plan& plan, double available) {
  const Sizes sizes = count_sizes(plan);
  const double total = sizes.whole.columns;
  const double at_once = sizes.columns_at_once();
  const bool weekly = sizes.weekly;
  const double bytes = sizes.bytes();
  if (at_once <= static_cast<double>(max_columns) && (available <= 0 || bytes <= available)) return;
  if (at_once <= static_cast<double>(max_columns))
    throw InputError({Diagnostic{
        .file = plan.file,
        .message = fmt::format(
            "the plan is too large to optimize on this machine: {:.0f} shift columns need about {} "
            "of memory, {} are available; use fewer start times (latest_start, start_step), "
            "narrower break windows or a shorter horizon",
            total, memory_text(bytes), memory_text(available))}});
  // Name the shift contributing most, as that is where the analyst should cut.
  double worst = -1;
  std::string worst_text;
  for (const Site& site : plan.sites)
    for (const Shift& shift : site.shifts) {
      const double placements = count_break_placements(shift, plan.horizon.interval_s);
      const double groups = groups_taking(site, shift);
      // Week by week: the shift's starts in its busiest week.
      double starts = static_cast<double>(shift.starts.size());
      if (weekly) {
        starts = 0;
        for (const auto& [week, n] : starts_by_week(plan, shift)) starts = std::max(starts, n);
      }
      const double columns = starts * groups * placements;
      if (columns > worst) {
        worst = columns;
        // Default groups are one per queue, so the old wording stays true.
        const char* what = site.groups.empty() ? "queue" : "group";
        worst_text = fmt::format("site {}, shift {}: {:.0f} starts x {:.0f} {}{} x {:.0f} break placements",
                                 site.name, shift.name, starts, groups, what, groups == 1 ? "" : "s",
                                 placements);
      }
    }
  throw InputError({Diagnostic{
      .file = plan.file,
      .message = fmt::format(
          "the plan is too large to optimize: {}{:.0f} shift columns, the limit is {} (largest: {}); "
          "use fewer start times (latest_start, start_step), narrower break windows or a shorter horizon",
          weekly ? "its largest week, solved on its own, has " : "", at_once, max_columns, worst_text)}});
}

}  // namespace staffplan::optimize
