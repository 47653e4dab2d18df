#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <bit>
#include <iterator>
#include <limits>

#include "load/clock.hpp"
#include "load/sections.hpp"
#include "units/units.hpp"

namespace staffplan::load {
namespace {

const double inf = std::numeric_limits<double>::infinity();

// True when `seconds` is a whole number of plan intervals.
bool on_grid(double seconds, int interval_s) {
  return std::fmod(seconds, static_cast<double>(interval_s)) == 0.0;
}



std::optional<Break> read_break(const Node& node, const std::string& path, const Shift& shift,
                                int interval_s, Diagnostics& diagnostics) {
  const MapReader b(node, path, diagnostics, {"length", "window", "paid"});
  if (!b.ok()) return std::nullopt;
  Break out;
  const auto length = b.duration("length", {0, inf, false, false}, true);
  out.paid = b.flag("paid").value_or(true);
  const Node window = b.get("window");
  if (!window.IsDefined()) {
    b.missing("window");
    return std::nullopt;
  }
  if (!window.IsSequence() || window.size() != 2) {
    diagnostics.error(window, fmt::format("{} must be two durations after the shift start, e.g. [\"3h\", \"5h\"]",
                                          b.field("window")));
    return std::nullopt;
  }
  const auto from = parse_duration_at(window[0], b.field("window") + "[0]", {0, inf}, diagnostics);
  const auto to = parse_duration_at(window[1], b.field("window") + "[1]", {0, inf}, diagnostics);
  if (!length || !from || !to) return std::nullopt;
  out.length_s = *length;
  out.window_from_s = *from;
  out.window_to_s = *to;
  bool ok = true;
  const auto off_grid = [&](const Node& where, const std::string& what, double value) {
    if (interval_s > 0 && !on_grid(value, interval_s)) {
      diagnostics.error(where, fmt::format("{} must be a multiple of the plan's {} interval, got {}", what,
                                           interval_text(interval_s), units::format_duration(value)));
      ok = false;
    }
  };
  off_grid(b.get("length"), b.field("length"), out.length_s);
  off_grid(window[0], b.field("window") + "[0]", out.window_from_s);
  off_grid(window[1], b.field("window") + "[1]", out.window_to_s);
  if (out.window_from_s > out.window_to_s) {
    diagnostics.error(window, fmt::format("{}: the window's start {} is after its end {}", b.field("window"),
                                          units::format_duration(out.window_from_s),
                                          units::format_duration(out.window_to_s)));
    return std::nullopt;
  }
  if (shift.length_s > 0 && out.window_to_s + out.length_s > shift.length_s) {
    diagnostics.error(window, fmt::format("{}: a {} break starting as late as {} ends after the {} shift",
                                          b.field("window"), units::format_duration(out.length_s),
                                          units::format_duration(out.window_to_s),
                                          units::format_duration(shift.length_s)));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return out;
}

// Breaks never overlap, so their windows must allow some placement: earliest
// deadline first, each break as early as its window and the previous break allow.
bool breaks_fit(std::vector<Break> breaks) {
  std::sort(breaks.begin(), breaks.end(),
            [](const Break& a, const Break& b) { return a.window_to_s < b.window_to_s; });
  double free_from = 0;
  for (const auto& b : breaks) {
    const double at = std::max(b.window_from_s, free_from);
    if (at > b.window_to_s) return false;
    free_from = at + b.length_s;
  }
  return true;
}

// A shift's `groups`: names of the site's agent groups (declared, or the default
// one-per-queue groups named after the queues) -> indices, ascending.
std::vector<int> read_shift_groups(const Node& node, const std::string& what, const std::vector<AgentGroup>& groups,
                                   Diagnostics& diagnostics) {
  if (!node.IsSequence() || node.size() == 0) {
    diagnostics.error(node, fmt::format("{} must be a list of at least one agent group name", what));
    return {};
  }
  std::vector<std::string> names;
  for (const auto& g : groups) names.push_back(g.name);
  return read_name_list(node, what, names, {.kind = "group", .known_as = "the site's groups"}, diagnostics);
}

std::optional<Shift> read_shift(const Node& node, const std::string& site_path, std::size_t k,
                                const std::vector<Shift>& siblings, int interval_s,
                                const std::vector<AgentGroup>& groups, Diagnostics& diagnostics) {
  MapReader s(node, fmt::format("{}.shifts[{}]", site_path, k), diagnostics,
              {"name", "start", "latest_start", "start_step", "length", "days", "breaks", "hourly_cost",
               "min_agents", "max_agents", "groups"});
  if (!s.ok()) return std::nullopt;
  Shift shift;
  shift.pos = position(node);
  const std::size_t errors_before = diagnostics.error_count();
  if (const auto name = s.text("name", true)) {
    if (std::any_of(siblings.begin(), siblings.end(), [&](const Shift& other) { return other.name == *name; }))
      diagnostics.error(s.get("name"), fmt::format("duplicate shift name '{}' in {}", *name, site_path));
    shift.name = *name;
    s.set_path(fmt::format("{}.shifts[{}]", site_path, *name));
  }
  shift.start_minute = s.time_of_day("start", true).value_or(0);
  shift.latest_start_minute = s.time_of_day("latest_start").value_or(shift.start_minute);
  if (shift.latest_start_minute < shift.start_minute)
    diagnostics.error(s.get("latest_start"),
                      fmt::format("{} {} is before start {}", s.field("latest_start"),
                                  units::format_time_of_day(shift.latest_start_minute),
                                  units::format_time_of_day(shift.start_minute)));
  shift.start_step_s = interval_s;
  if (const auto step = s.duration("start_step", {0, inf, false, false})) {
    // Starts lie within one day (start to latest_start), and a longer step would
    // not fit an int of seconds.
    if (*step > 86400)
      diagnostics.error(s.get("start_step"), fmt::format("{} must be at most 24h, got {}", s.field("start_step"),
                                                         units::format_duration(*step)));
    else if (interval_s > 0 && !on_grid(*step, interval_s))
      diagnostics.error(s.get("start_step"), fmt::format("{} must be a multiple of the plan's {} interval, got {}",
                                                         s.field("start_step"), interval_text(interval_s),
                                                         units::format_duration(*step)));
    else
      shift.start_step_s = static_cast<int>(*step);
  }
  if (const auto length = s.duration("length", {0, inf, false, false}, true)) {
    if (*length > 86400)
      diagnostics.error(s.get("length"), fmt::format("{} must be at most 24h, got {}", s.field("length"),
                                                     units::format_duration(*length)));
    else if (interval_s > 0 && !on_grid(*length, interval_s))
      diagnostics.error(s.get("length"), fmt::format("{} must be a multiple of the plan's {} interval, got {}",
                                                     s.field("length"), interval_text(interval_s),
                                                     units::format_duration(*length)));
    else
      shift.length_s = static_cast<int>(*length);
  }
  shift.weekdays.fill(true);
  if (s.has("days")) shift.weekdays = read_weekdays(s.get("days"), s.field("days"), diagnostics);
  if (s.has("breaks")) {
    const Node breaks = s.get("breaks");
    if (!breaks.IsSequence()) {
      diagnostics.error(breaks, fmt::format("{} must be a list of breaks", s.field("breaks")));
    } else {
      for (std::size_t b = 0; b < breaks.size(); ++b)
        if (auto br = read_break(breaks[b], fmt::format("{}[{}]", s.field("breaks"), b), shift, interval_s,
                                 diagnostics))
          shift.breaks.push_back(*br);
      if (shift.breaks.size() == breaks.size() && !breaks_fit(shift.breaks))
        diagnostics.error(breaks, fmt::format("{}: the break windows do not leave room to place every break "
                                              "without overlapping",
                                              s.field("breaks")));
    }
  }
  shift.hourly_cost = s.number("hourly_cost", {0, max_hourly_cost});
  shift.min_agents = s.count("min_agents", 0, 1000000).value_or(0);
  shift.max_agents = s.count("max_agents", 0, 1000000);
  if (shift.max_agents && *shift.max_agents < shift.min_agents)
    diagnostics.error(s.get("max_agents"), fmt::format("{} {} is below min_agents {}", s.field("max_agents"),
                                                       *shift.max_agents, shift.min_agents));
  if (s.has("groups")) shift.groups = read_shift_groups(s.get("groups"), s.field("groups"), groups, diagnostics);
  if (diagnostics.error_count() != errors_before) return std::nullopt;
  return shift;
}

// The queues and deferrable work named in a `queues` list (SPEC §10: work is
// listed like a queue), as indices into Plan::queues and Plan::work, ascending.
struct Skills {
  std::vector<int> queues;
  std::vector<int> work;
};

Skills read_site_queues(const Node& node, const std::string& what, const Plan& plan, Diagnostics& diagnostics) {
  Skills skills;
  if (!node.IsSequence() || node.size() == 0) {
    diagnostics.error(node, fmt::format("{} must be a list of queue names", what));
    return skills;
  }
  std::vector<std::string> names;
  for (const auto& q : plan.queues) names.push_back(q.name);
  for (const auto& w : plan.work) names.push_back(w.name);
  const int nq = static_cast<int>(plan.queues.size());
  const NameListWords words{.kind = "queue", .known_as = "", .second_kind = "work", .second_from = nq};
  for (int index : read_name_list(node, what, names, words, diagnostics))
    (index < nq ? skills.queues : skills.work).push_back(index < nq ? index : index - nq);
  return skills;
}

// A site's `groups` (SPEC §7): each answers queues the site serves.
std::vector<AgentGroup> read_groups(const Node& list, const std::string& what, const Plan& plan, const Site& site,
                                    Diagnostics& diagnostics) {
  std::vector<AgentGroup> groups;
  if (!list.IsSequence() || list.size() == 0) {
    diagnostics.error(list, fmt::format("{} must be a list of at least one agent group", what));
    return groups;
  }
  for (std::size_t k = 0; k < list.size(); ++k) {
    MapReader g(list[k], fmt::format("{}[{}]", what, k), diagnostics, {"name", "queues", "hourly_cost", "max_agents"});
    if (!g.ok()) continue;
    AgentGroup group;
    group.pos = position(list[k]);
    const std::size_t errors_before = diagnostics.error_count();
    if (const auto name = g.text("name", true)) {
      if (std::any_of(groups.begin(), groups.end(), [&](const AgentGroup& o) { return o.name == *name; }))
        diagnostics.error(g.get("name"), fmt::format("duplicate group name '{}' in {}", *name, what));
      group.name = *name;
      g.set_path(fmt::format("{}[{}]", what, *name));
    }
    const Node queues = g.get("queues");
    if (!queues.IsDefined()) {
      g.missing("queues");
    } else if (queues.IsSequence() && queues.size() == 0) {
      diagnostics.error(queues, fmt::format("{} is empty: a group must answer at least one queue", g.field("queues")));
    } else {
      Skills skills = read_site_queues(queues, g.field("queues"), plan, diagnostics);
      group.queues = std::move(skills.queues);
      group.work = std::move(skills.work);
      std::vector<std::string> served;
      for (int sq : site.queues) served.push_back(plan.queues[sq].name);
      for (int sw : site.work) served.push_back(plan.work[sw].name);
      for (std::size_t e = 0; e < queues.size(); ++e) {
        const auto name = queues[e].IsScalar() ? queues[e].Scalar() : std::string();
        for (int q : group.queues)
          if (plan.queues[q].name == name && !std::binary_search(site.queues.begin(), site.queues.end(), q))
            diagnostics.error(queues[e], fmt::format("{}: queue '{}' is not served by site {} (its queues: {})",
                                                      g.field("queues"), name, site.name, fmt::join(served, ", ")));
        for (int w : group.work)
          if (plan.work[w].name == name && !std::binary_search(site.work.begin(), site.work.end(), w))
            diagnostics.error(queues[e], fmt::format("{}: work '{}' is not listed by site {} (its queues: {})",
                                                      g.field("queues"), name, site.name, fmt::join(served, ", ")));
      }
    }
    group.hourly_cost = g.number("hourly_cost", {0, max_hourly_cost});
    group.max_agents = g.count("max_agents", 0, 1000000);
    if (diagnostics.error_count() == errors_before) groups.push_back(std::move(group));
    else groups.push_back(AgentGroup{group.name, group.pos, {}, {}, {}, {}});  // keeps shift names resolvable
  }
  return groups;
}

// Site-local start times (minutes after midnight) a shift allows.
std::vector<int> start_minutes(const Shift& shift) {
  std::vector<int> out;
  const int step = std::max(1, shift.start_step_s / 60);
  for (int m = shift.start_minute; m <= shift.latest_start_minute; m += step) out.push_back(m);
  return out;
}

std::string weekday_list(unsigned mask) {
  std::vector<std::string> days;
  for (int d = 0; d < 7; ++d)
    if ((mask >> d) & 1u) days.push_back(weekday_names[static_cast<std::size_t>(d)]);
  return days.empty() ? "none" : fmt::format("{}", fmt::join(days, ", "));
}

// Whether some working-day pattern of the contract fits inside the weekdays `open`.
bool pattern_fits(const Contract& contract, unsigned open) {
  for (unsigned p : tour_patterns(contract))
    if ((p & open) == p) return true;
  return false;
}

// A site's `contracts` (SPEC §8), after its shifts: names resolve to shift indices.
std::vector<Contract> read_contracts(const Node& list, const std::string& what, const Plan& plan, const Site& site,
                                     Diagnostics& diagnostics) {
  std::vector<Contract> contracts;
  if (!list.IsSequence() || list.size() == 0) {
    diagnostics.error(list, fmt::format("{} must be a list of at least one contract", what));
    return contracts;
  }
  if (plan.horizon.days > 0 && plan.horizon.days % 7 != 0)
    diagnostics.error(list, fmt::format("{}: weekly tours need a horizon of whole weeks, but days is {} "
                                        "(use 7, 14, 21, ...)",
                                        what, plan.horizon.days));
  std::vector<std::string> shift_names;
  for (const Shift& f : site.shifts) shift_names.push_back(f.name);
  for (std::size_t k = 0; k < list.size(); ++k) {
    MapReader c(list[k], fmt::format("{}[{}]", what, k), diagnostics,
                {"name", "shifts", "days_per_week", "days_off", "same_start", "max_agents", "hourly_cost"});
    if (!c.ok()) continue;
    Contract contract;
    contract.pos = position(list[k]);
    const std::size_t errors_before = diagnostics.error_count();
    if (const auto name = c.text("name", true)) {
      if (std::any_of(contracts.begin(), contracts.end(), [&](const Contract& o) { return o.name == *name; }))
        diagnostics.error(c.get("name"), fmt::format("duplicate contract name '{}' in {}", *name, what));
      contract.name = *name;
      c.set_path(fmt::format("{}[{}]", what, *name));
    }
    const Node shifts = c.get("shifts");
    if (!shifts.IsDefined()) {
      c.missing("shifts");
    } else if (!shifts.IsSequence() || shifts.size() == 0) {
      diagnostics.error(shifts, fmt::format("{} must be a list of at least one shift name of site {}", c.field("shifts"),
                                            site.name));
    } else {
      contract.shifts = read_name_list(shifts, c.field("shifts"), shift_names,
                                       {.kind = "shift", .known_as = fmt::format("site {}'s shifts", site.name)},
                                       diagnostics);
    }
    contract.days_per_week = c.count("days_per_week", 1, 7, true).value_or(0);
    if (const auto off = c.text("days_off")) {
      if (*off == "consecutive") contract.days_off = DaysOff::consecutive;
      else if (*off == "any") contract.days_off = DaysOff::any;
      else {
        const std::string guess = suggest(*off, {"consecutive", "any"});
        diagnostics.error(c.get("days_off"), fmt::format("{}: unknown value '{}'{}", c.field("days_off"), *off,
                                                         guess.empty() ? " (expected consecutive or any)"
                                                                       : fmt::format("; did you mean '{}'?", guess)));
      }
    }
    contract.same_start = c.flag("same_start").value_or(true);
    contract.max_agents = c.count("max_agents", 0, 1000000);
    contract.hourly_cost = c.number("hourly_cost", {0, max_hourly_cost});
    const bool complete = diagnostics.error_count() == errors_before && !contract.shifts.empty();
    if (complete && contract.same_start && contract.shifts.size() > 1) {
      // Every shift of the tour starts at one time: the shifts need a start in common.
      std::vector<int> common = start_minutes(site.shifts[contract.shifts.front()]);
      std::vector<std::string> windows;
      for (int f : contract.shifts) {
        const Shift& shift = site.shifts[f];
        const std::vector<int> mine = start_minutes(shift);
        std::vector<int> both;
        std::set_intersection(common.begin(), common.end(), mine.begin(), mine.end(), std::back_inserter(both));
        common = both;
        windows.push_back(fmt::format("{} starts {}-{}", shift.name, units::format_time_of_day(shift.start_minute),
                                      units::format_time_of_day(shift.latest_start_minute)));
      }
      if (common.empty())
        diagnostics.error(shifts, fmt::format("{}: same_start needs shifts with a start time in common, but {} "
                                              "(set same_start: false, or give each shift its own contract)",
                                              c.field("shifts"), fmt::join(windows, ", ")));
    }
    if (diagnostics.error_count() == errors_before && complete) {
      // Some tour must fit the days the shifts run on.
      unsigned best_open = 0;
      bool fits = false;
      std::vector<std::vector<int>> times;
      if (contract.same_start) {
        std::vector<int> all;
        for (int f : contract.shifts)
          for (int m : start_minutes(site.shifts[f])) all.push_back(m);
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        for (int m : all) {
          unsigned open = 0;
          for (int f : contract.shifts) {
            const std::vector<int> mine = start_minutes(site.shifts[f]);
            if (!std::binary_search(mine.begin(), mine.end(), m)) continue;
            for (int d = 0; d < 7; ++d)
              if (site.shifts[f].weekdays[static_cast<std::size_t>(d)]) open |= 1u << d;
          }
          if (std::popcount(open) > std::popcount(best_open)) best_open = open;
          fits = fits || pattern_fits(contract, open);
        }
      } else {
        for (int f : contract.shifts)
          for (int d = 0; d < 7; ++d)
            if (site.shifts[f].weekdays[static_cast<std::size_t>(d)]) best_open |= 1u << d;
        fits = pattern_fits(contract, best_open);
      }
      if (!fits)
        diagnostics.error(c.has("days_per_week") ? c.get("days_per_week") : list[k],
                          fmt::format("{}: no tour of {} working days{} fits the days its shifts run ({}{})",
                                      c.field("days_per_week"), contract.days_per_week,
                                      contract.days_off == DaysOff::consecutive && contract.days_per_week < 7
                                          ? " with consecutive days off"
                                          : "",
                                      weekday_list(best_open), contract.same_start ? " at one start time" : ""));
    }
    if (diagnostics.error_count() == errors_before) contracts.push_back(std::move(contract));
  }
  // A site with contracts plans only tours: every shift belongs to one.
  if (contracts.size() == list.size())
    for (int f = 0; f < static_cast<int>(site.shifts.size()); ++f)
      if (std::none_of(contracts.begin(), contracts.end(), [&](const Contract& c) { return c.uses(f); }))
        diagnostics.error(site.shifts[static_cast<std::size_t>(f)].pos,
                          fmt::format("sites[{}].shifts[{}]: the shift is in no contract; a site with contracts "
                                      "plans only weekly tours (add it to a contract's shifts or remove it)",
                                      site.name, site.shifts[static_cast<std::size_t>(f)].name));
  return contracts;
}

}  // namespace

void read_sites(const MapReader& top, Plan& plan, const PlanClock& clock, Diagnostics& diagnostics) {
  const Node list = top.get("sites");
  if (!list.IsDefined()) return;  // a plan without sites can still give its requirement
  if (!list.IsSequence()) {
    diagnostics.error(list, "sites must be a list of sites");
    return;
  }
  const int interval_s = clock.ok ? plan.horizon.interval_s : 0;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const Node node = list[k];
    MapReader s(node, fmt::format("sites[{}]", k), diagnostics,
                {"name", "timezone", "hourly_cost", "seats", "shrinkage", "queues", "groups", "shifts", "contracts"});
    if (!s.ok()) continue;
    Site site;
    site.pos = position(node);
    if (const auto name = s.text("name", true)) {
      if (std::any_of(plan.sites.begin(), plan.sites.end(), [&](const Site& other) { return other.name == *name; }))
        diagnostics.error(s.get("name"), fmt::format("duplicate site name '{}'", *name));
      site.name = *name;
      s.set_path(fmt::format("sites[{}]", *name));
    }
    const date::time_zone* zone = clock.zone;
    site.timezone = plan.horizon.timezone;
    if (const auto tz = s.text("timezone")) {
      zone = find_zone(*tz);
      site.timezone = *tz;
      if (!zone)
        diagnostics.error(s.get("timezone"),
                          fmt::format("{}: unknown time zone '{}' (expected an IANA name like Asia/Manila)",
                                      s.field("timezone"), *tz));
    }
    site.hourly_cost = s.number("hourly_cost", {0, max_hourly_cost}, true).value_or(0);
    site.seats = s.count("seats", 1, 10000000);
    site.shrinkage = s.fraction("shrinkage", {0, 1, true, false}).value_or(plan.shrinkage);
    if (s.has("queues")) {
      Skills skills = read_site_queues(s.get("queues"), s.field("queues"), plan, diagnostics);
      site.queues = std::move(skills.queues);
      site.work = std::move(skills.work);
    } else {
      // Default: every queue and every work.
      for (int q = 0; q < static_cast<int>(plan.queues.size()); ++q) site.queues.push_back(q);
      for (int w = 0; w < static_cast<int>(plan.work.size()); ++w) site.work.push_back(w);
    }
    if (s.has("groups")) site.groups = read_groups(s.get("groups"), s.field("groups"), plan, site, diagnostics);
    const std::vector<AgentGroup> groups = agent_groups(plan, site);
    const Node shifts = s.get("shifts");
    if (!shifts.IsDefined()) {
      s.missing("shifts");
    } else if (!shifts.IsSequence() || shifts.size() == 0) {
      diagnostics.error(shifts, fmt::format("{} must be a list with at least one shift", s.field("shifts")));
    } else {
      for (std::size_t j = 0; j < shifts.size(); ++j)
        if (auto shift = read_shift(shifts[j], s.path(), j, site.shifts, interval_s, groups, diagnostics))
          site.shifts.push_back(std::move(*shift));
    }
    // Contracts name shifts: read only when every shift was read.
    if (s.has("contracts") && shifts.IsSequence() && site.shifts.size() == shifts.size())
      site.contracts = read_contracts(s.get("contracts"), s.field("contracts"), plan, site, diagnostics);
    if (clock.ok && zone) {
      const Horizon& h = plan.horizon;
      site.utc_offset_s = offsets_at(*zone, h.start_utc, h.interval_s, h.count);
      if (const auto problem = offsets_problem(*zone, h.start_utc, h.end_utc(), h.interval_s, site.utc_offset_s))
        diagnostics.error(s.has("timezone") ? s.get("timezone") : node, fmt::format("{}: {}", s.field("timezone"), *problem));
      else
        for (auto& shift : site.shifts) expand_shift_starts(h, *zone, site, shift, diagnostics);
    }
    plan.sites.push_back(std::move(site));
  }
}

}  // namespace staffplan::load
