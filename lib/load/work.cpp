// Deferrable work (SPEC §10): the top-level `work` list, outbound campaigns and
// back-office backlogs, with each day's window mapped to plan intervals through
// the work's own time zone.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <limits>

#include "load/clock.hpp"
#include "load/sections.hpp"
#include "units/units.hpp"

namespace staffplan::load {
namespace {

const double inf = std::numeric_limits<double>::infinity();
const std::vector<std::string> kinds = {"outbound", "backlog"};
const std::vector<std::string> common_keys = {"name", "kind", "window", "timezone", "days"};
const std::vector<std::string> outbound_keys = {"records", "attempts_per_record", "contact_rate",
                                                "talk",    "wrap",                "no_contact"};
const std::vector<std::string> backlog_keys = {"items", "handle"};
// Upper bound on records or items per day: far beyond any centre, keeps sums finite.
constexpr double max_items_per_day = 1e9;
constexpr double max_attempts_per_record = 1000;

std::vector<std::string> keys_of(std::optional<WorkKind> kind) {
  std::vector<std::string> keys = common_keys;
  if (!kind || *kind == WorkKind::outbound) keys.insert(keys.end(), outbound_keys.begin(), outbound_keys.end());
  if (!kind || *kind == WorkKind::backlog) keys.insert(keys.end(), backlog_keys.begin(), backlog_keys.end());
  return keys;
}

// "09:00-20:00" -> minutes [from, to); a window ending at or before its start runs
// past midnight; "00:00-24:00" is the whole day.
std::optional<std::pair<int, int>> read_window(const Node& node, const std::string& what, Diagnostics& diagnostics) {
  const auto text = MapReader::scalar(node, what, diagnostics);
  if (!text) return std::nullopt;
  const auto dash = text->find('-');
  try {
    if (dash == std::string::npos) throw units::ParseError("no dash");
    int from = units::parse_time_of_day(text->substr(0, dash));
    int to = units::parse_time_of_day(text->substr(dash + 1), true);
    if (from == to) {
      diagnostics.error(node, fmt::format("{} is empty ('{}'); write 00:00-24:00 for the whole day", what, *text));
      return std::nullopt;
    }
    if (to < from) to += 24 * 60;
    return std::pair{from, to};
  } catch (const units::ParseError&) {
    diagnostics.error(node, fmt::format("{}: expected a window like \"09:00-20:00\", got '{}'", what, *text));
    return std::nullopt;
  }
}


// The instant of local wall time `local` in `zone`: a repeated time (fall back)
// is its first occurrence, a time that does not exist (spring forward) is the
// instant of the jump.
std::int64_t instant(const date::time_zone& zone, date::local_seconds local) {
  const date::local_info info = zone.get_info(local);
  if (info.result == date::local_info::nonexistent) return info.first.end.time_since_epoch().count();
  return (local - info.first.offset).time_since_epoch().count();
}

// Every work-local date of the work's weekdays whose window lies inside the horizon;
// a window cut by the horizon's start or end is left out with a warning.
void expand_days(Work& work, const Horizon& h, const date::time_zone& zone, int from_min, int to_min,
                 Diagnostics& diagnostics) {
  const auto first = parse_date(h.start_date);
  if (!first) return;
  const date::local_days start{*first};
  std::vector<std::string> cut;
  for (int d = -2; d <= h.days + 1; ++d) {
    const date::local_days day = start + date::days{d};
    const int weekday = static_cast<int>((date::weekday{day}.c_encoding() + 6) % 7);  // 0 = Monday
    if (!work.weekdays[static_cast<std::size_t>(weekday)]) continue;
    const std::int64_t from = instant(zone, date::local_seconds{day} + std::chrono::minutes{from_min});
    const std::int64_t to = instant(zone, date::local_seconds{day} + std::chrono::minutes{to_min});
    if (to <= h.start_utc || from >= h.end_utc() || to <= from) continue;
    const std::string date_text = format_date(date::year_month_day{day});
    if (from < h.start_utc || to > h.end_utc()) {
      cut.push_back(date_text);
      continue;
    }
    WorkDay wd{date_text, from, to, {}};
    for (int i = 0; i < h.count; ++i) {
      const std::int64_t a = std::max(from, h.interval_start_utc(i));
      const std::int64_t b = std::min(to, h.interval_start_utc(i + 1));
      if (b > a) wd.intervals.emplace_back(i, static_cast<double>(b - a) / h.interval_s);
    }
    work.days.push_back(std::move(wd));
  }
  if (!cut.empty())
    diagnostics.warning(work.pos, fmt::format("work '{}': the window of {} {} runs past the horizon; {} left out",
                                              work.name, cut.size() == 1 ? "day" : "days", fmt::join(cut, ", "),
                                              cut.size() == 1 ? "that day is" : "those days are"));
}

}  // namespace

void read_work(const MapReader& top, Plan& plan, const PlanClock& clock, Diagnostics& diagnostics) {
  const Node list = top.get("work");
  if (!list.IsDefined()) return;
  if (!list.IsSequence() || list.size() == 0) {
    diagnostics.error(list, "work must be a list with at least one outbound campaign or backlog");
    return;
  }
  for (std::size_t k = 0; k < list.size(); ++k) {
    const Node node = list[k];
    const std::string path = fmt::format("work[{}]", k);
    // The kind decides which keys belong; read it before the mapping's keys are checked.
    std::optional<WorkKind> kind;
    Node kind_node;
    if (node.IsMap()) kind_node = node["kind"];
    if (kind_node.IsDefined() && kind_node.IsScalar()) {
      if (kind_node.Scalar() == "outbound") kind = WorkKind::outbound;
      if (kind_node.Scalar() == "backlog") kind = WorkKind::backlog;
    }
    MapReader w(node, path, diagnostics, keys_of(kind));
    if (!w.ok()) continue;
    Work work;
    work.pos = position(node);
    const std::size_t errors_before = diagnostics.error_count();
    if (const auto name = w.text("name", true)) {
      if (std::any_of(plan.work.begin(), plan.work.end(), [&](const Work& o) { return o.name == *name; }))
        diagnostics.error(w.get("name"), fmt::format("duplicate work name '{}'", *name));
      if (std::any_of(plan.queues.begin(), plan.queues.end(), [&](const Queue& q) { return q.name == *name; }))
        diagnostics.error(w.get("name"), fmt::format("{}: work name '{}' is already a queue's name (sites and groups "
                                                     "list both in `queues`, so the names must differ)",
                                                     w.field("name"), *name));
      work.name = *name;
      w.set_path(fmt::format("work[{}]", *name));
    }
    if (const auto text = w.text("kind", true); text && !kind) {
      const std::string guess = suggest(*text, kinds);
      diagnostics.error(w.get("kind"), fmt::format("{}: unknown kind '{}'{}", w.field("kind"), *text,
                                                   guess.empty() ? " (expected outbound or backlog)"
                                                                 : fmt::format("; did you mean '{}'?", guess)));
    }
    if (kind) work.kind = *kind;
    std::optional<std::pair<int, int>> window;
    if (!w.has("window")) w.missing("window");
    else window = read_window(w.get("window"), w.field("window"), diagnostics);
    if (window) work.window = w.get("window").Scalar();
    const date::time_zone* zone = clock.zone;
    work.timezone = plan.horizon.timezone;
    if (const auto tz = w.text("timezone")) {
      zone = find_zone(*tz);
      work.timezone = *tz;
      if (!zone)
        diagnostics.error(w.get("timezone"), fmt::format("{}: unknown time zone '{}' (expected an IANA name like "
                                                         "America/Chicago)",
                                                         w.field("timezone"), *tz));
    }
    work.weekdays.fill(true);
    if (w.has("days")) work.weekdays = read_weekdays(w.get("days"), w.field("days"), diagnostics);
    if (kind == WorkKind::outbound) {
      work.records = w.number("records", {0, max_items_per_day}, true).value_or(0);
      work.attempts_per_record =
          w.number("attempts_per_record", {0, max_attempts_per_record, false, true}).value_or(1);
      work.contact_rate = w.fraction("contact_rate", {0, 1}, true).value_or(0);
      work.talk_s = w.duration("talk", {0, 86400}, true).value_or(0);
      work.wrap_s = w.duration("wrap", {0, 86400}).value_or(0);
      work.no_contact_s = w.duration("no_contact", {0, 86400}).value_or(0);
      work.hours_per_day = work.records * work.attempts_per_record *
                           (work.contact_rate * (work.talk_s + work.wrap_s) +
                            (1 - work.contact_rate) * work.no_contact_s) /
                           3600.0;
    } else if (kind == WorkKind::backlog) {
      work.items = w.number("items", {0, max_items_per_day}, true).value_or(0);
      work.handle_s = w.duration("handle", {0, 86400}, true).value_or(0);
      work.hours_per_day = work.items * work.handle_s / 3600.0;
    }
    if (diagnostics.error_count() == errors_before && clock.ok && zone && window) {
      const Horizon& h = plan.horizon;
      const std::vector<int> offsets = offsets_at(*zone, h.start_utc, h.interval_s, h.count);
      if (const auto problem = offsets_problem(*zone, h.start_utc, h.end_utc(), h.interval_s, offsets))
        diagnostics.error(w.has("timezone") ? w.get("timezone") : node,
                          fmt::format("{}: {}", w.field("timezone"), *problem));
      else
        expand_days(work, h, *zone, window->first, window->second, diagnostics);
    }
    plan.work.push_back(std::move(work));
  }
}

void check_work_taken(const Plan& plan, Diagnostics& diagnostics) {
  for (int k = 0; k < static_cast<int>(plan.work.size()); ++k) {
    const Work& work = plan.work[static_cast<std::size_t>(k)];
    bool taken = false;
    for (const Site& site : plan.sites)
      for (const AgentGroup& g : agent_groups(plan, site))
        taken = taken || std::binary_search(g.work.begin(), g.work.end(), k);
    if (!taken && work.hours_per_day > 0)
      diagnostics.error(work.pos, fmt::format("work '{}' is not listed by any site or group: add '{}' to the "
                                              "`queues` of the groups that can do it",
                                              work.name, work.name));
  }
}

}  // namespace staffplan::load
