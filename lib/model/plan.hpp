#pragma once
// The plain plan model: everything the engine needs, already parsed, validated and
// converted to the plan clock. Built by load/, read by require/, optimize/,
// simulate/ and report/. No YAML, no time-zone database past this point: every
// instant is UTC seconds since the epoch, and every clock offset the later stages
// need (plan clock, each site's clock) is precomputed per interval boundary.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace staffplan {

// 1-based position of a YAML node (0 = unknown), kept so later stages can point
// at the plan file in their errors.
struct SourcePos {
  int line = 0;
  int column = 0;
};

enum class QueueModel { erlang_c, erlang_a };

// The service-level threshold when a goal has no answer_within: 20 s, the
// industry's "80/20" convention. One default for every command (erlang, require,
// plan, simulate), so every service level printed is measured at a stated threshold.
inline constexpr double kDefaultAnswerWithinS = 20;

// What the service_level goal is measured over (SPEC §11): each interval
// (version 1), or call-weighted over each plan-clock day or each 7-day week from
// `start`, with `interval_floor` kept in every interval.
enum class MeasuredOver { interval, day, week };

// Service goals; a queue's goal is the top-level `goal` with its own override merged
// over it. At least one of service_level / asa_s / max_abandon is set.
struct Goal {
  std::optional<double> service_level;    // fraction in (0, 1]
  std::optional<double> answer_within_s;  // unset: kDefaultAnswerWithinS
  std::optional<double> asa_s;
  std::optional<double> max_occupancy;    // fraction in (0, 1]
  std::optional<double> max_abandon;      // fraction in [0, 1); erlang_a only

  double answer_within() const { return answer_within_s.value_or(kDefaultAnswerWithinS); }

  std::optional<MeasuredOver> measured_over;  // unset = interval
  std::optional<double> interval_floor;       // fraction in [0, 1]; day/week only
  SourcePos measured_over_pos, interval_floor_pos;  // where they were written, for errors

  MeasuredOver measured() const { return measured_over.value_or(MeasuredOver::interval); }
  // True when service_level is a day or week goal (SPEC §11).
  bool global() const { return service_level && measured() != MeasuredOver::interval; }
};

// The planning horizon on the plan clock: `count` intervals of `interval_s`
// seconds each, from local midnight of `start_date` to local midnight `days` later.
// A daylight-saving day has 23 or 25 hours, so 46 or 50 half-hour intervals.
struct Horizon {
  std::string timezone;          // IANA name, e.g. "America/New_York"
  std::string start_date;        // "YYYY-MM-DD" in the plan clock
  int days = 0;
  int interval_s = 1800;         // 900, 1800 or 3600
  int count = 0;                 // number of intervals
  std::int64_t start_utc = 0;    // instant of interval 0, UTC seconds since epoch
  bool cyclic = false;
  // UTC offset (seconds) of the plan clock at each interval boundary 0..count,
  // for ISO 8601 timestamps in output.
  std::vector<int> utc_offset_s;

  std::int64_t interval_start_utc(int i) const {
    return start_utc + static_cast<std::int64_t>(i) * interval_s;
  }
  std::int64_t end_utc() const { return interval_start_utc(count); }

  // Plan-clock wall time at the start of interval i, in seconds since 1970-01-01
  // on that clock; its minute after midnight and weekday (0 = Monday).
  std::int64_t local_seconds(int i) const {
    return interval_start_utc(i) + utc_offset_s[static_cast<std::size_t>(i)];
  }
  int local_minute(int i) const {
    const std::int64_t day = 86400;
    return static_cast<int>(((local_seconds(i) % day) + day) % day / 60);
  }
  int local_weekday(int i) const {
    const std::int64_t local = local_seconds(i);
    const std::int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    return static_cast<int>(((days + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  }
};

// Opening hours on the plan clock, per weekday (SPEC §12). An open weekday has one
// range that starts on it, [from_minute, to_minute) after its midnight; to_minute
// above 1440 runs past midnight, so Friday's "20:00-02:00" (1200..1560) also covers
// Saturday 00:00-02:00. The plain form "07:00-23:00" sets all seven days alike.
struct OpenHours {
  struct Range {
    int from_minute = 0;
    int to_minute = 24 * 60;
  };
  std::array<std::optional<Range>, 7> days;  // mon..sun; unset = closed that day
  std::string text;                          // as the plan wrote it, for messages

  // Whether the queue is open at `minute` after midnight of a day whose weekday
  // is `weekday` (0 = Monday), counting the previous day's hours past midnight.
  bool contains(int weekday, int minute) const {
    const auto& today = days[static_cast<std::size_t>(weekday)];
    if (today && minute >= today->from_minute && minute < today->to_minute) return true;
    const auto& yesterday = days[static_cast<std::size_t>((weekday + 6) % 7)];
    return yesterday && minute < yesterday->to_minute - 24 * 60;
  }
};

struct Queue {
  std::string name;
  SourcePos pos;
  double aht_s = 0;                    // default handling time
  std::optional<double> aht_cv;        // handling-time coefficient of variation (simulate)
  Goal goal;                           // merged with the plan's top-level goal
  std::optional<OpenHours> open;
  int min_agents = 0;                  // floor during open hours only
  std::vector<double> calls;           // per interval, size == horizon.count
  std::vector<double> aht_s_per_interval;  // per interval, size == horizon.count

  // Whether the queue is open in interval i (always, without opening hours).
  bool open_at(const Horizon& horizon, int i) const {
    return !open || open->contains(horizon.local_weekday(i), horizon.local_minute(i));
  }
};

struct Break {
  double length_s = 0;
  double window_from_s = 0;   // earliest break start, seconds after shift start
  double window_to_s = 0;     // latest break start, seconds after shift start
  bool paid = true;
};

// One concrete start of a shift template: a site-local day and time, already
// placed on the plan's interval grid.
struct ShiftStart {
  std::string local_date;     // site-local date the shift starts, "YYYY-MM-DD"
  int local_minute = 0;       // site-local start time, minutes after midnight
  int interval = 0;           // index of the plan interval the shift starts in
};

struct Shift {
  std::string name;
  SourcePos pos;
  int start_minute = 0;            // earliest start, site-local
  int latest_start_minute = 0;     // == start_minute when no latest_start is given
  int start_step_s = 0;            // defaults to the plan interval
  int length_s = 0;                // multiple of the plan interval, <= 24 h
  std::array<bool, 7> weekdays{};  // mon..sun, site-local day of the shift start
  std::vector<Break> breaks;
  std::optional<double> hourly_cost;  // overrides the site's
  int min_agents = 0;                 // per start time and day
  std::optional<int> max_agents;      // per start time and day
  // Agent groups that work this shift: indices into the site's agent_groups(),
  // ascending; empty = every group of the site.
  std::vector<int> groups;
  // Every start inside the horizon (start instant in [start, end)), in time order.
  // Nonexistent local times (spring forward) are skipped; ambiguous ones (fall
  // back) use their first occurrence.
  std::vector<ShiftStart> starts;
};

// Agents of one site with the same skills (SPEC §7): they answer any of `queues`.
struct AgentGroup {
  std::string name;
  SourcePos pos;
  std::vector<int> queues;               // indices into Plan::queues, ascending, not empty
  std::optional<double> hourly_cost;     // overrides the site's
  std::optional<int> max_agents;         // on shift at once (breaks included)
  std::vector<int> work;                 // deferrable work it takes: indices into Plan::work, ascending
};

// How a weekly tour's days off fall (SPEC §8): in one run (cyclic over the
// week, so sat+sun and sun+mon are both consecutive), or anywhere.
enum class DaysOff { consecutive, any };

// A site's weekly tours (SPEC §8): its agents work `days_per_week` days of every
// week, one shift of `shifts` per working day, on the same days every week.
struct Contract {
  std::string name;
  SourcePos pos;
  std::vector<int> shifts;             // indices into Site::shifts, ascending, not empty
  int days_per_week = 5;               // 1..7
  DaysOff days_off = DaysOff::consecutive;
  bool same_start = true;              // the same site-local start time every working day
  std::optional<int> max_agents;       // headcount cap
  std::optional<double> hourly_cost;   // overrides the group's and the site's

  bool uses(int shift) const {
    for (int f : shifts)
      if (f == shift) return true;
    return false;
  }
};

struct Site {
  std::string name;
  SourcePos pos;
  std::string timezone;          // IANA name; shift times are local to it
  double hourly_cost = 0;
  std::optional<int> seats;      // agents on shift at once, breaks included
  double shrinkage = 0;          // site override or the plan's
  std::vector<int> queues;       // indices into Plan::queues, ascending
  std::vector<int> work;         // deferrable work its `queues` lists: indices into Plan::work, ascending
  // Declared agent groups; empty = one group per queue (see agent_groups()).
  std::vector<AgentGroup> groups;
  std::vector<Shift> shifts;
  // Weekly tours (SPEC §8); empty = daily shifts (version 1). A site with contracts
  // plans only tours, and its shifts wrap around the week (cyclic is implied).
  std::vector<Contract> contracts;
  // UTC offset (seconds) of the site clock at each plan interval boundary 0..count;
  // converts any grid instant to site-local time without a time-zone database.
  std::vector<int> utc_offset_s;

  double cost_per_hour(const Shift& shift) const { return shift.hourly_cost.value_or(hourly_cost); }
  // Shift override, else group override, else the site's rate.
  double cost_per_hour(const Shift& shift, const AgentGroup& group) const {
    return shift.hourly_cost.value_or(group.hourly_cost.value_or(hourly_cost));
  }
  // In a tour: shift override, else the contract's, else the group's, else the site's.
  double cost_per_hour(const Shift& shift, const AgentGroup& group, const Contract& contract) const {
    return shift.hourly_cost.value_or(contract.hourly_cost.value_or(group.hourly_cost.value_or(hourly_cost)));
  }
};

// Deferrable work (SPEC §10): agent time with no service level that must be done
// inside each day's window. One WorkDay per work-local date of `days` whose window
// lies wholly inside the horizon, already mapped to plan intervals.
enum class WorkKind { outbound, backlog };

struct WorkDay {
  std::string local_date;            // work-local date the window starts, "YYYY-MM-DD"
  std::int64_t from_utc = 0;         // the window, UTC seconds [from, to)
  std::int64_t to_utc = 0;
  // Plan intervals the window touches, ascending, with the share of each inside
  // the window (1 unless a window edge falls inside the interval).
  std::vector<std::pair<int, double>> intervals;
};

struct Work {
  std::string name;
  SourcePos pos;
  WorkKind kind = WorkKind::outbound;
  std::string timezone;              // IANA name of the window's clock (default: the plan's)
  std::string window;                // as written, "09:00-20:00"
  std::array<bool, 7> weekdays{};    // mon..sun, work-local date of the window start
  // outbound
  double records = 0, attempts_per_record = 1, contact_rate = 0;
  double talk_s = 0, wrap_s = 0, no_contact_s = 0;
  // backlog
  double items = 0, handle_s = 0;
  double hours_per_day = 0;          // productive agent-hours each day (the formula of SPEC §10)
  std::vector<WorkDay> days;
};

// An outsourcer priced per handled minute (SPEC §9): it takes calls of `queues`
// off the in-house agents, at price_per_minute × calls × aht / 60.
enum class OutsourceMode { share, intervals };

struct Outsourcer {
  std::string name;
  SourcePos pos;
  double price_per_minute = 0;
  std::vector<int> queues;             // indices into Plan::queues, ascending, not empty
  OutsourceMode mode = OutsourceMode::share;
  // share mode: the shares the plan may pick from, one per queue for the whole
  // horizon; fractions in [0, 1], ascending, distinct.
  std::vector<double> shares;
  // intervals mode: plan-clock hours in which it takes calls (unset = always).
  std::optional<OpenHours> open;

  // Whether an intervals-mode outsourcer takes calls in interval i.
  bool open_at(const Horizon& horizon, int i) const {
    return !open || open->contains(horizon.local_weekday(i), horizon.local_minute(i));
  }
};

struct Plan {
  std::string file;              // path the plan was read from (for messages)
  std::string name;
  Horizon horizon;
  QueueModel model = QueueModel::erlang_c;
  std::optional<double> patience_s;  // required for erlang_a
  double shrinkage = 0;
  Goal goal;
  std::vector<Queue> queues;
  std::vector<Site> sites;
  std::vector<Work> work;        // deferrable work (SPEC §10)
  std::vector<Outsourcer> outsourcers;  // SPEC §9; a queue belongs to at most one
  double fte_hours = 40;         // paid hours a week of one full-time equivalent (SPEC §8)

  bool has_tours() const {
    for (const Site& s : sites)
      if (!s.contracts.empty()) return true;
    return false;
  }
};

// Weekday bit masks of a tour's working days: bit d = weekday d (0 = Monday).
// Every pattern a contract allows: days_per_week bits set; with consecutive days
// off, the unset bits form one run, cyclically over the week. Ascending by mask.
inline std::vector<unsigned> tour_patterns(const Contract& c) {
  std::vector<unsigned> out;
  for (unsigned mask = 1; mask < 128; ++mask) {
    int on = 0;
    for (int d = 0; d < 7; ++d) on += (mask >> d) & 1u;
    if (on != c.days_per_week) continue;
    if (c.days_off == DaysOff::consecutive && on < 7) {
      // Days off in one cyclic run: exactly one off day follows a working day.
      int starts = 0;
      for (int d = 0; d < 7; ++d)
        if (!((mask >> d) & 1u) && ((mask >> ((d + 6) % 7)) & 1u)) ++starts;
      if (starts != 1) continue;
    }
    out.push_back(mask);
  }
  return out;
}

// The outsourcer that takes calls of queue q, or -1.
inline int outsourcer_of(const Plan& plan, int q) {
  for (std::size_t o = 0; o < plan.outsourcers.size(); ++o)
    for (int k : plan.outsourcers[o].queues)
      if (k == q) return static_cast<int>(o);
  return -1;
}

// The agent groups of a site: its declared `groups`, or (version-1 meaning) one
// group per queue it serves, named after the queue and answering only it; then
// one group per work its `queues` lists, named after the work and taking only it.
inline std::vector<AgentGroup> agent_groups(const Plan& plan, const Site& site) {
  if (!site.groups.empty()) return site.groups;
  std::vector<AgentGroup> out;
  for (int q : site.queues) out.push_back(AgentGroup{plan.queues[q].name, site.pos, {q}, {}, {}, {}});
  for (int w : site.work) out.push_back(AgentGroup{plan.work[w].name, site.pos, {}, {}, {}, {w}});
  return out;
}

// Whether a group's presence goes to its one queue whole: it answers one queue
// and takes no deferrable work (the version-1 case).
inline bool answers_one_queue_only(const AgentGroup& group) {
  return group.queues.size() == 1 && group.work.empty();
}

// The same plan with every queue's service level goal met interval by interval
// (SPEC §11: what a day or week goal is compared against).
inline Plan with_interval_goals(Plan plan) {
  for (Queue& q : plan.queues) {
    q.goal.measured_over.reset();
    q.goal.interval_floor.reset();
  }
  plan.goal.measured_over.reset();
  plan.goal.interval_floor.reset();
  return plan;
}

// Whether a shift is open to group g (an index into agent_groups()).
inline bool shift_takes_group(const Shift& shift, int g) {
  if (shift.groups.empty()) return true;
  for (int k : shift.groups)
    if (k == g) return true;
  return false;
}

}  // namespace staffplan
