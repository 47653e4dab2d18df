// `staffplan plan` output (SPEC §4): the shifts, intervals and summary views in
// table, CSV and JSON. Rows are built once as text cells (the same text feeds every
// format), so table, CSV and JSON always agree.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/clock.hpp"
#include "report/report.hpp"
#include "report/service_periods.hpp"
#include "report/summary_json.hpp"
#include "report/writer.hpp"

namespace staffplan::report {
namespace {

using optimize::Allocation;
using optimize::Assignment;
using optimize::IntervalCoverage;
using optimize::Schedule;

std::string status_name(optimize::Status s) {
  switch (s) {
    case optimize::Status::optimal: return "optimal";
    case optimize::Status::within_gap: return "within_gap";
    case optimize::Status::time_limit: return "time_limit";
    case optimize::Status::interrupted: return "interrupted";
  }
  return "unknown";
}

// The UTC offset valid at instant `utc` from per-boundary offsets (clamped to the
// horizon: past its end the last known offset applies).
int offset_at(const Horizon& h, const std::vector<int>& offsets, std::int64_t utc) {
  if (offsets.empty()) return 0;
  std::int64_t k = (utc - h.start_utc) / h.interval_s;
  k = std::clamp<std::int64_t>(k, 0, static_cast<std::int64_t>(offsets.size()) - 1);
  return offsets[static_cast<std::size_t>(k)];
}

struct ShiftRow {
  const Assignment* a;
  std::string site, group, shift, day, start_local, end_local, start, end, breaks;
  std::vector<std::string> queues;  // the group's
};

// Whether any site declares agent groups: then the shifts view names its `group`
// column so; plans without groups keep the version-1 `queue` header (the default
// groups are named after their queues, so the cells are the same).
bool declares_groups(const Plan& plan) {
  return std::any_of(plan.sites.begin(), plan.sites.end(), [](const Site& s) { return !s.groups.empty(); });
}

// agent_groups() of every site, computed once per report.
std::vector<std::vector<AgentGroup>> all_groups(const Plan& plan) {
  std::vector<std::vector<AgentGroup>> out;
  for (const Site& site : plan.sites) out.push_back(agent_groups(plan, site));
  return out;
}

ShiftRow shift_row(const Plan& plan, const std::vector<std::vector<AgentGroup>>& groups, const Assignment& a) {
  const Horizon& h = plan.horizon;
  const Site& site = plan.sites[a.site];
  const Shift& shift = site.shifts[a.shift];
  const ShiftStart& st = shift.starts[a.start];
  const std::int64_t begin = h.interval_start_utc(st.interval);
  const std::int64_t finish = begin + shift.length_s;
  auto site_off = [&](std::int64_t t) { return offset_at(h, site.utc_offset_s, t); };
  auto plan_off = [&](std::int64_t t) { return offset_at(h, h.utc_offset_s, t); };
  std::string breaks;
  for (std::size_t k = 0; k < a.break_start_s.size(); ++k) {
    const std::int64_t b0 = begin + a.break_start_s[k];
    const std::int64_t b1 = b0 + static_cast<std::int64_t>(std::lround(shift.breaks[k].length_s));
    if (!breaks.empty()) breaks += ';';
    breaks += local_hhmm(b0, site_off(b0)) + "-" + local_hhmm(b1, site_off(b1));
  }
  const AgentGroup& group = groups[a.site][a.group];
  std::vector<std::string> queues;
  for (int q : group.queues) queues.push_back(plan.queues[q].name);
  return ShiftRow{&a,
                  site.name,
                  group.name,
                  shift.name,
                  st.local_date,
                  local_hhmm(begin, site_off(begin)),
                  local_hhmm(finish, site_off(finish)),
                  iso_timestamp(begin, plan_off(begin)),
                  iso_timestamp(finish, plan_off(finish)),
                  breaks,
                  std::move(queues)};
}

// Queueing metrics of one interval at its whole productive agents (c.agents, the
// same whole_agents() that `simulate` uses).
struct IntervalRow {
  const IntervalCoverage* c;
  std::string start, queue;
  double calls;
  double aht_s;
  queueing::Metrics m;
  bool erlang_a;
  double outsourced_calls;  // sent to an outsourcer (calls above are the kept ones)
  bool outsourcing;         // the plan has outsourcers: the row shows outsourced_calls
};

IntervalRow interval_row(const Plan& plan, const IntervalCoverage& c) {
  const Horizon& h = plan.horizon;
  // Only the calls kept in-house meet the agents (SPEC §9).
  auto load = require::load_of(plan, c.queue, c.interval);
  const double all_calls = load.calls;
  if (c.kept != 1) load.calls *= c.kept;
  const auto goals = require::goals_of(plan, c.queue);
  const std::int64_t t = h.interval_start_utc(c.interval);
  return IntervalRow{&c, iso_timestamp(t, h.utc_offset_s.empty() ? 0 : h.utc_offset_s[c.interval]),
                     plan.queues[c.queue].name, load.calls, load.aht_s,
                     queueing::evaluate(load, c.agents, goals.answer_within_s),
                     plan.model == QueueModel::erlang_a, all_calls - load.calls, !plan.outsourcers.empty()};
}

struct SiteTotal {
  std::string name;
  long long agents = 0;
  double paid_hours = 0;
  double cost = 0;
};

struct GroupTotal {
  int site = 0;
  std::string name;
  std::vector<std::string> queues;
  long long agents = 0;
  double paid_hours = 0;
  double cost = 0;
};

struct Totals {
  std::vector<SiteTotal> sites;
  std::vector<GroupTotal> groups;  // per site, in group order
  long long agents = 0;
  double paid_hours = 0;
  double service_level = 1;   // call-weighted over every queue and interval
  double p_abandon = 0;       // call-weighted, erlang_a only
  std::optional<double> answer_within_s;  // threshold of service_level; none when queues differ
  double shortfall_agent_hours = 0;        // whole agents short × hours
};

Totals totals(const Plan& plan, const std::vector<std::vector<AgentGroup>>& groups, const Schedule& s,
              const std::vector<IntervalRow>& intervals) {
  Totals t;
  for (const Site& site : plan.sites) t.sites.push_back(SiteTotal{site.name});
  std::vector<std::size_t> first_group;
  for (std::size_t k = 0; k < groups.size(); ++k) {
    first_group.push_back(t.groups.size());
    for (const AgentGroup& g : groups[k]) {
      GroupTotal gt{static_cast<int>(k), g.name, {}};
      for (int q : g.queues) gt.queues.push_back(plan.queues[q].name);
      t.groups.push_back(std::move(gt));
    }
  }
  for (const Assignment& a : s.assignments) {
    GroupTotal& gt = t.groups[first_group[a.site] + a.group];
    gt.agents += a.agents;
    gt.paid_hours += a.agents * a.paid_hours;
    gt.cost += a.cost;
    SiteTotal& st = t.sites[a.site];
    st.agents += a.agents;
    st.paid_hours += a.agents * a.paid_hours;
    st.cost += a.cost;
    t.agents += a.agents;
    t.paid_hours += a.agents * a.paid_hours;
  }
  double calls = 0, answered = 0, abandoned = 0;
  for (const IntervalRow& r : intervals) {
    calls += r.calls;
    answered += r.calls * r.m.service_level;
    abandoned += r.calls * r.m.p_abandon;
    t.shortfall_agent_hours += r.c->shortfall * plan.horizon.interval_s / 3600.0;
  }
  if (calls > 0) {
    t.service_level = answered / calls;
    t.p_abandon = abandoned / calls;
  }
  for (std::size_t q = 0; q < plan.queues.size(); ++q) {
    const double within = plan.queues[q].goal.answer_within();
    if (q == 0) t.answer_within_s = within;
    else if (t.answer_within_s && *t.answer_within_s != within) t.answer_within_s.reset();
  }
  return t;
}

// Intervals are listed in time order, queues within an interval.
std::vector<IntervalRow> interval_rows(const Plan& plan, const Schedule& schedule) {
  std::vector<IntervalRow> intervals;
  for (const IntervalCoverage& c : schedule.coverage) intervals.push_back(interval_row(plan, c));
  std::stable_sort(intervals.begin(), intervals.end(), [](const IntervalRow& a, const IntervalRow& b) {
    return a.c->interval < b.c->interval;
  });
  return intervals;
}

std::string percent(double fraction) { return fixed(100 * fraction, 2) + "%"; }

// ---- shifts view ----------------------------------------------------------

std::vector<std::string> shift_header(bool groups) {
  return {"site", groups ? "group" : "queue", "shift", "day", "start_local", "end_local", "start", "end",
          "breaks", "agents", "paid_hours", "cost"};
}

std::vector<std::string> shift_cells(const ShiftRow& r) {
  return {r.site,  r.group, r.shift, r.day, r.start_local, r.end_local, r.start, r.end, r.breaks,
          fmt::format("{}", r.a->agents), fixed(r.a->agents * r.a->paid_hours, 2),
          fixed(r.a->cost, 2)};
}

std::string shortfall_lines(const Plan& plan, const std::vector<IntervalRow>& intervals) {
  std::string out;
  for (const IntervalRow& r : intervals)
    if (r.c->shortfall > 0)
      out += fmt::format("  {} {}: {} of {} agents short ({} productive; service evaluated at {})\n",
                         r.start, r.queue, fixed(r.c->shortfall, 0), r.c->required,
                         fixed(r.c->productive, 2), r.c->agents);
  if (!out.empty()) out = "shortfalls (queue, interval):\n" + out;
  (void)plan;
  return out;
}

// In-house, outsourced and total cost, for plans with outsourcers (SPEC §9).
std::string cost_split_line(const Plan& plan, const Schedule& s) {
  if (plan.outsourcers.empty()) return "";
  return fmt::format("cost {} = in-house {} + outsourced {}{}\n", fixed(s.cost, 2), fixed(s.paid_cost, 2),
                     fixed(s.outsourced_cost, 2),
                     s.shortfall_cost > 0 ? fmt::format(" + shortfall penalty {}", fixed(s.shortfall_cost, 2)) : "");
}

std::string status_line(const Schedule& s) {
  return fmt::format("status {}, cost {}, lower bound {}, gap {}, solved in {:.1f} s\n",
                     status_name(s.status), fixed(s.cost, 2), fixed(s.lower_bound, 2),
                     percent(s.gap), s.solve_seconds);
}

std::string shifts_table(const Plan& plan, const Schedule& s, const std::vector<ShiftRow>& rows,
                         const std::vector<IntervalRow>& intervals) {
  using A = Table::Align;
  Table table({"site", declares_groups(plan) ? "group" : "queue", "shift", "day", "start", "end", "breaks", "agents",
               "paid h", "cost"},
              {A::left, A::left, A::left, A::left, A::left, A::left, A::left, A::right, A::right,
               A::right});
  long long all_agents = 0;
  double all_hours = 0, all_cost = 0;
  std::size_t k = 0;
  while (k < rows.size()) {
    const int site = rows[k].a->site;
    // Per shift template subtotals of this site, in template order.
    std::map<int, std::tuple<long long, double, double>> per_shift;
    long long agents = 0;
    double hours = 0, cost = 0;
    for (; k < rows.size() && rows[k].a->site == site; ++k) {
      const ShiftRow& r = rows[k];
      const Assignment& a = *r.a;
      table.add_row({r.site, r.group, r.shift, r.day, r.start_local, r.end_local,
                     r.breaks.empty() ? "-" : r.breaks, fmt::format("{}", a.agents),
                     fixed(a.agents * a.paid_hours, 2), fixed(a.cost, 2)});
      auto& [sa, sh, sc] = per_shift[a.shift];
      sa += a.agents;
      sh += a.agents * a.paid_hours;
      sc += a.cost;
      agents += a.agents;
      hours += a.agents * a.paid_hours;
      cost += a.cost;
    }
    table.add_rule();
    for (const auto& [f, sub] : per_shift)
      table.add_row({plan.sites[site].name, "", plan.sites[site].shifts[f].name, "shift subtotal", "",
                     "", "", fmt::format("{}", std::get<0>(sub)), fixed(std::get<1>(sub), 2),
                     fixed(std::get<2>(sub), 2)});
    table.add_row({plan.sites[site].name, "", "", "site subtotal", "", "", "",
                   fmt::format("{}", agents), fixed(hours, 2), fixed(cost, 2)});
    table.add_rule();
    all_agents += agents;
    all_hours += hours;
    all_cost += cost;
  }
  table.add_row({"total", "", "", "", "", "", "", fmt::format("{}", all_agents), fixed(all_hours, 2),
                 fixed(all_cost, 2)});
  return table.str() + "\n" + cost_split_line(plan, s) + status_line(s) + shortfall_lines(plan, intervals);
}

// ---- roster view (SPEC §8) -------------------------------------------------

const std::vector<std::string> weekday_short = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// Weekdays of a mask as runs, starting after a day not in it (so a run never
// splits across Sunday-Monday): 0b0011111 -> "mon-fri", sat+sun -> "sat-sun",
// wed..sun+mon -> "wed-mon", mon+wed+thu -> "mon,wed-thu". All seven: "mon-sun".
std::string weekday_runs(unsigned mask) {
  if (mask == 0) return "";
  if (mask == 0x7f) return "mon-sun";
  const auto in = [mask](int d) { return ((mask >> (d % 7)) & 1u) != 0; };
  int first = 0;
  for (int d = 0; d < 7; ++d)
    if (in(d) && !in(d + 6)) {
      first = d;
      break;
    }
  std::vector<std::string> runs;
  for (int k = 0; k < 7;) {
    const int d = (first + k) % 7;
    if (!((mask >> d) & 1u)) {
      ++k;
      continue;
    }
    int len = 1;
    while (k + len < 7 && ((mask >> ((first + k + len) % 7)) & 1u)) ++len;
    const std::string a = weekday_short[static_cast<std::size_t>(d)];
    const std::string b = weekday_short[static_cast<std::size_t>((d + len - 1) % 7)];
    runs.push_back(len == 1 ? a : a + "-" + b);
    k += len;
  }
  std::string out;
  for (const auto& r : runs) out += (out.empty() ? "" : ",") + r;
  return out;
}

struct RosterRow {
  const optimize::RosterLine* line;
  std::vector<std::string> cells;  // roster_header order
};

const std::vector<std::string> roster_header = {"site",   "group",  "contract",          "days", "start_local",
                                                "end_local", "days_off", "agents", "weekly_paid_hours", "cost"};

// Site-local start and end of every working day: one "HH:MM" when they are the
// same every day, else one per working day in the order of `days`, `;`-separated.
RosterRow roster_row(const Plan& plan, const std::vector<std::vector<AgentGroup>>& groups,
                     const optimize::RosterLine& line) {
  const Horizon& h = plan.horizon;
  const Site& site = plan.sites[line.site];
  std::vector<std::string> starts, ends;
  // In the order `days` lists them: week by week, from the first working day
  // after a day off.
  int first = 0;
  for (int d = 0; d < 7; ++d)
    if (((line.days >> d) & 1u) && !((line.days >> ((d + 6) % 7)) & 1u)) {
      first = d;
      break;
    }
  std::vector<optimize::RosterDay> work = line.work;
  std::stable_sort(work.begin(), work.end(), [first](const optimize::RosterDay& a, const optimize::RosterDay& b) {
    return std::make_pair(a.week, (a.weekday - first + 7) % 7) < std::make_pair(b.week, (b.weekday - first + 7) % 7);
  });
  for (const optimize::RosterDay& d : work) {
    const Shift& shift = site.shifts[d.shift];
    const std::int64_t begin = h.interval_start_utc(shift.starts[d.start].interval);
    const std::int64_t finish = begin + shift.length_s;
    starts.push_back(local_hhmm(begin, offset_at(h, site.utc_offset_s, begin)));
    ends.push_back(local_hhmm(finish, offset_at(h, site.utc_offset_s, finish)));
  }
  const auto joined = [](const std::vector<std::string>& v) {
    if (v.empty()) return std::string();
    if (std::all_of(v.begin(), v.end(), [&](const std::string& s) { return s == v.front(); })) return v.front();
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ";") + s;
    return out;
  };
  return RosterRow{&line,
                   {site.name, groups[line.site][line.group].name, site.contracts[line.contract].name,
                    weekday_runs(line.days), joined(starts), joined(ends), weekday_runs(~line.days & 0x7fu),
                    fmt::format("{}", line.agents), fixed(line.weekly_paid_hours, 2), fixed(line.cost, 2)}};
}

std::string roster_table(const Plan& plan, const Schedule& s, const std::vector<RosterRow>& rows) {
  using A = Table::Align;
  Table table({"site", "group", "contract", "days", "start", "end", "days off", "agents", "weekly paid h", "cost"},
              {A::left, A::left, A::left, A::left, A::left, A::left, A::left, A::right, A::right, A::right});
  long long agents = 0;
  double cost = 0;
  for (const RosterRow& r : rows) {
    table.add_row(r.cells);
    agents += r.line->agents;
    cost += r.line->cost;
  }
  table.add_rule();
  table.add_row({"total", "", "", "", "", "", "", fmt::format("{}", agents), "", fixed(cost, 2)});
  (void)plan;
  return table.str() + "\n" + fmt::format("headcount {}, FTE {}\n", s.headcount, fixed(s.fte, 2)) + status_line(s);
}

// ---- intervals view -------------------------------------------------------

// `shortfall` counts whole agents (required − whole productive agents), the staffing
// the metrics are evaluated at. Erlang A plans add `p_abandon`.
// With outsourcers, `calls` are the calls kept in-house, `required` their
// requirement, and `outsourced_calls` (after `calls`) what went out.
std::vector<std::string> interval_header(bool erlang_a, bool outsourcing = false) {
  std::vector<std::string> h = {"start", "queue", "calls", "required", "present", "productive", "shortfall",
                                "service_level", "asa_s", "occupancy"};
  if (outsourcing) h.insert(h.begin() + 3, "outsourced_calls");
  if (erlang_a) h.push_back("p_abandon");
  return h;
}

std::vector<std::string> interval_cells(const IntervalRow& r, bool for_table) {
  const IntervalCoverage& c = *r.c;
  const std::string asa = std::isfinite(r.m.asa_s) ? fixed(r.m.asa_s, 1) : (for_table ? "inf" : "");
  std::vector<std::string> cells = {r.start, r.queue, fixed(r.calls, 1), fmt::format("{}", c.required),
                                    fixed(c.present, 2), fixed(c.productive, 2), fixed(c.shortfall, 0),
                                    fixed(r.m.service_level, 4), asa, fixed(r.m.occupancy, 4)};
  if (r.outsourcing) cells.insert(cells.begin() + 3, fixed(r.outsourced_calls, 1));
  if (r.erlang_a) cells.push_back(fixed(r.m.p_abandon, 4));
  return cells;
}

// JSON interval row: the CSV cells, with `present` and `productive` at full
// precision (`simulate --plan` reads productive back: whole_agents() of the same
// double gives the same agents), plus the service level's threshold.
void write_interval_json(JsonWriter& j, const IntervalRow& r) {
  const std::vector<std::string> header = interval_header(r.erlang_a, r.outsourcing);
  const std::vector<std::string> cells = interval_cells(r, false);
  j.begin_object();
  for (std::size_t k = 0; k < header.size(); ++k) {
    j.key(header[k]);
    if (k < 2) j.value(cells[k]);
    else if (header[k] == "present") j.value(r.c->present);
    else if (header[k] == "productive") j.value(r.c->productive);
    // Kept and outsourced calls at full precision: `simulate --plan` reads them back.
    else if (header[k] == "calls" && r.outsourcing) j.value(r.calls);
    else if (header[k] == "outsourced_calls") j.value(r.outsourced_calls);
    else if (cells[k].empty()) j.null();
    else j.value(std::stod(cells[k]));
    if (header[k] == "service_level") j.key("answer_within_s").value(r.m.answer_within_s);
  }
  j.end_object();
}

// ---- outsourced view -------------------------------------------------------

// Calls, minutes and cost sent to one outsourcer from one queue on one plan-clock day.
struct OutsourcedRow {
  int outsourcer = 0, queue = 0;
  std::string day;
  double calls = 0, minutes = 0, cost = 0;
};

const std::vector<std::string> outsourced_header = {"outsourcer", "queue", "day", "calls", "minutes", "cost"};

// By outsourcer, queue (plan order), then day.
std::vector<OutsourcedRow> outsourced_rows(const Plan& plan, const Schedule& s) {
  const Horizon& h = plan.horizon;
  std::vector<OutsourcedRow> rows;
  for (const optimize::Outsourced& o : s.outsourced) {
    const std::string day =
        local_date(h.interval_start_utc(o.interval), h.utc_offset_s.empty() ? 0 : h.utc_offset_s[o.interval]);
    if (rows.empty() || rows.back().outsourcer != o.outsourcer || rows.back().queue != o.queue ||
        rows.back().day != day)
      rows.push_back(OutsourcedRow{o.outsourcer, o.queue, day});
    rows.back().calls += o.calls;
    rows.back().minutes += o.minutes;
    rows.back().cost += o.cost;
  }
  std::stable_sort(rows.begin(), rows.end(), [](const OutsourcedRow& a, const OutsourcedRow& b) {
    return std::tie(a.outsourcer, a.queue) < std::tie(b.outsourcer, b.queue);
  });
  return rows;
}

std::vector<std::string> outsourced_cells(const Plan& plan, const OutsourcedRow& r) {
  return {plan.outsourcers[r.outsourcer].name, plan.queues[r.queue].name, r.day, fixed(r.calls, 1),
          fixed(r.minutes, 1), fixed(r.cost, 2)};
}

struct OutsourcerTotal {
  std::string name, queue, mode;
  std::optional<double> share;
  double calls = 0, minutes = 0, cost = 0;
};

// One entry per outsourcer and queue it may take, in plan order.
std::vector<OutsourcerTotal> outsourcer_totals(const Plan& plan, const Schedule& s,
                                               const std::vector<OutsourcedRow>& rows) {
  std::vector<OutsourcerTotal> out;
  for (std::size_t o = 0; o < plan.outsourcers.size(); ++o) {
    const Outsourcer& os = plan.outsourcers[o];
    for (int q : os.queues) {
      OutsourcerTotal t{os.name, plan.queues[q].name, os.mode == OutsourceMode::share ? "share" : "intervals"};
      if (os.mode == OutsourceMode::share && q < static_cast<int>(s.share.size())) t.share = s.share[q];
      for (const OutsourcedRow& r : rows)
        if (r.outsourcer == static_cast<int>(o) && r.queue == q) {
          t.calls += r.calls;
          t.minutes += r.minutes;
          t.cost += r.cost;
        }
      out.push_back(std::move(t));
    }
  }
  return out;
}

std::string outsourced_table(const Plan& plan, const Schedule& s, const std::vector<OutsourcedRow>& rows) {
  using A = Table::Align;
  Table table({"outsourcer", "queue", "day", "calls", "minutes", "cost"},
              {A::left, A::left, A::left, A::right, A::right, A::right});
  for (const OutsourcedRow& r : rows) table.add_row(outsourced_cells(plan, r));
  table.add_rule();
  for (const OutsourcerTotal& t : outsourcer_totals(plan, s, rows))
    table.add_row({t.name, t.queue,
                   t.share ? fmt::format("share {:g}%", 100 * *t.share)
                           : (t.mode == "share" ? "share -" : "intervals"),
                   fixed(t.calls, 1), fixed(t.minutes, 1), fixed(t.cost, 2)});
  return table.str() + "\n" + cost_split_line(plan, s);
}

// ---- summary view ---------------------------------------------------------

// Per work: the hours to place over the horizon and the hours placed.
struct WorkTotal {
  std::string name;
  int days = 0;
  double workload_hours = 0;
  double placed_hours = 0;
};

const std::vector<std::string> summary_header = {"site", "agents", "paid_hours", "cost",
                                                  "service_level", "status", "lower_bound", "gap"};

void write_summary_json(JsonWriter& j, const Plan& plan, const Schedule& s, const Totals& t,
                        const PlanSummary& summary, const PlanComparison& comparison,
                        const std::vector<OutsourcedRow>& outsourced, const std::vector<WorkTotal>& work) {
  j.begin_object();
  j.key("status").value(summary.status);
  detail::write_summary_figures(j, summary, !plan.outsourcers.empty());
  j.key("solve_seconds").value(tidy(s.solve_seconds, 1));
  if (comparison.requested) {
    // null when no plan meets every goal interval by interval.
    j.key("interval_goal_cost");
    if (comparison.interval_goal_cost) j.value(tidy(*comparison.interval_goal_cost, 6));
    else j.null();
    j.key("saving");
    if (comparison.interval_goal_cost) j.value(tidy(*comparison.interval_goal_cost - s.paid_cost, 6));
    else j.null();
  }
  detail::write_site_summaries(j, summary);
  j.key("groups").begin_array();
  for (const GroupTotal& g : t.groups) {
    j.begin_object();
    j.key("site").value(t.sites[g.site].name);
    j.key("name").value(g.name);
    j.key("queues").begin_array();
    for (const auto& q : g.queues) j.value(q);
    j.end_array();
    j.key("agents").value(g.agents);
    j.key("paid_hours").value(tidy(g.paid_hours, 6));
    j.key("cost").value(tidy(g.cost, 6));
    j.end_object();
  }
  j.end_array();
  if (!plan.outsourcers.empty()) {
    // Per outsourcer and queue: the mode, the share chosen (share mode) and totals.
    j.key("outsourcers").begin_array();
    for (const OutsourcerTotal& o : outsourcer_totals(plan, s, outsourced)) {
      j.begin_object();
      j.key("name").value(o.name);
      j.key("queue").value(o.queue);
      j.key("mode").value(o.mode);
      j.key("share").value(o.share);
      j.key("calls").value(tidy(o.calls, 6));
      j.key("minutes").value(tidy(o.minutes, 6));
      j.key("cost").value(tidy(o.cost, 6));
      j.end_object();
    }
    j.end_array();
  }
  // Deferrable work, only in plans that have some (SPEC §10).
  if (!work.empty()) {
    double placed = 0;
    for (const WorkTotal& w : work) placed += w.placed_hours;
    j.key("work_hours").value(tidy(placed, 6));
    j.key("work").begin_array();
    for (const WorkTotal& w : work) {
      j.begin_object();
      j.key("name").value(w.name);
      j.key("days").value(w.days);
      j.key("workload_hours").value(tidy(w.workload_hours, 6));
      j.key("placed_hours").value(tidy(w.placed_hours, 6));
      j.end_object();
    }
    j.end_array();
  }
  j.end_object();
}

// ---- allocation view ------------------------------------------------------

const std::vector<std::string> allocation_header = {"start", "site", "group", "queue", "agents"};

std::vector<std::vector<std::string>> allocation_rows(const Plan& plan,
                                                      const std::vector<std::vector<AgentGroup>>& groups,
                                                      const Schedule& s) {
  const Horizon& h = plan.horizon;
  std::vector<std::vector<std::string>> rows;
  for (const Allocation& a : s.allocation) {
    const std::int64_t t = h.interval_start_utc(a.interval);
    rows.push_back({iso_timestamp(t, h.utc_offset_s.empty() ? 0 : h.utc_offset_s[a.interval]),
                    plan.sites[a.site].name, groups[a.site][a.group].name, plan.queues[a.queue].name,
                    fixed(a.agents, 2)});
  }
  return rows;
}

// A CSV cell that holds a number goes to JSON as a number; text stays text.
void write_cells_json(JsonWriter& j, const std::vector<std::string>& header,
                      const std::vector<std::string>& cells, std::size_t first_number,
                      const std::vector<std::size_t>& text_after = {}) {
  j.begin_object();
  for (std::size_t k = 0; k < header.size(); ++k) {
    j.key(header[k]);
    const bool text = k < first_number ||
                      std::find(text_after.begin(), text_after.end(), k) != text_after.end();
    if (text) j.value(cells[k]);
    else if (cells[k].empty()) j.null();
    else j.value(std::stod(cells[k]));
  }
  j.end_object();
}

// ---- work view (SPEC §10) --------------------------------------------------

// One row per work, day, site and group with hours placed (a day with nothing to
// place has one row with empty site and group). Window times in the plan clock.
const std::vector<std::string> work_header = {"work", "day", "window_start", "window_end", "workload_hours",
                                              "site", "group", "hours"};

struct WorkRow {
  std::vector<std::string> cells;
  std::vector<const optimize::WorkPlacement*> placed;  // its intervals, in time order
};

std::vector<WorkRow> work_rows(const Plan& plan, const std::vector<std::vector<AgentGroup>>& groups,
                               const Schedule& s) {
  const Horizon& h = plan.horizon;
  auto plan_off = [&](std::int64_t t) { return offset_at(h, h.utc_offset_s, t); };
  std::vector<WorkRow> rows;
  for (int w = 0; w < static_cast<int>(plan.work.size()); ++w) {
    const Work& work = plan.work[w];
    for (int d = 0; d < static_cast<int>(work.days.size()); ++d) {
      const WorkDay& day = work.days[d];
      // (site, group) -> placements, in site and group order.
      std::map<std::pair<int, int>, std::vector<const optimize::WorkPlacement*>> by_group;
      for (const auto& p : s.work)
        if (p.work == w && p.day == d) by_group[{p.site, p.group}].push_back(&p);
      const std::vector<std::string> head = {work.name, day.local_date, iso_timestamp(day.from_utc, plan_off(day.from_utc)),
                                             iso_timestamp(day.to_utc, plan_off(day.to_utc)),
                                             fixed(work.hours_per_day, 2)};
      if (by_group.empty()) {
        WorkRow row{head, {}};
        row.cells.insert(row.cells.end(), {"", "", fixed(0, 2)});
        rows.push_back(std::move(row));
      }
      for (auto& [key, placed] : by_group) {
        double hours = 0;
        for (const auto* p : placed) hours += p->hours;
        WorkRow row{head, std::move(placed)};
        row.cells.insert(row.cells.end(), {plan.sites[key.first].name, groups[key.first][key.second].name,
                                           fixed(hours, 2)});
        rows.push_back(std::move(row));
      }
    }
  }
  return rows;
}

std::vector<WorkTotal> work_totals(const Plan& plan, const Schedule& s) {
  std::vector<WorkTotal> out;
  for (const Work& work : plan.work)
    out.push_back(WorkTotal{work.name, static_cast<int>(work.days.size()),
                            work.hours_per_day * static_cast<double>(work.days.size()), 0});
  for (const auto& p : s.work) out[static_cast<std::size_t>(p.work)].placed_hours += p.hours;
  return out;
}

// ---- day and week service level (SPEC §11) ---------------------------------

const std::vector<std::string> period_header = {"queue", "measured_over", "period_start", "calls",
                                               "service_level", "goal", "lowest_start",
                                               "lowest_service_level", "interval_floor"};

std::string interval_start_text(const Horizon& h, int interval) {
  return iso_timestamp(h.interval_start_utc(interval), h.utc_offset_s.empty() ? 0 : h.utc_offset_s[interval]);
}

std::vector<detail::ServicePeriod> periods_of(const Plan& plan, const std::vector<IntervalRow>& intervals) {
  std::vector<detail::ServiceSample> samples;
  for (const IntervalRow& r : intervals)
    samples.push_back({.queue = r.c->queue, .interval = r.c->interval, .calls = r.calls,
                       .service_level = r.m.service_level});
  return detail::service_periods(plan, samples);
}

std::vector<std::string> period_cells(const Plan& plan, const detail::ServicePeriod& p) {
  const Goal& goal = plan.queues[p.queue].goal;
  const bool any = p.lowest_interval >= 0;
  return {plan.queues[p.queue].name, detail::measured_name(goal.measured()),
          interval_start_text(plan.horizon, p.first_interval), fixed(p.calls, 1),
          fixed(p.service_level, 4), fixed(*goal.service_level, 4),
          any ? interval_start_text(plan.horizon, p.lowest_interval) : "",
          any ? fixed(p.lowest_service_level, 4) : "", fixed(goal.interval_floor.value_or(0), 4)};
}

// The summary's lines for day and week goals: one per queue and period.
std::string period_lines(const Plan& plan, const std::vector<detail::ServicePeriod>& periods) {
  std::string out;
  for (const detail::ServicePeriod& p : periods) {
    const Goal& goal = plan.queues[p.queue].goal;
    out += fmt::format("  {} {} from {}: {} (goal {})", plan.queues[p.queue].name,
                       detail::measured_name(goal.measured()), interval_start_text(plan.horizon, p.first_interval),
                       percent(p.service_level), percent(*goal.service_level));
    if (p.lowest_interval >= 0)
      out += fmt::format(", lowest interval {} at {} (floor {})", percent(p.lowest_service_level),
                         interval_start_text(plan.horizon, p.lowest_interval),
                         percent(goal.interval_floor.value_or(0)));
    out += "\n";
  }
  return out.empty() ? out : "service level per day or week (at the planned agents):\n" + out;
}

// The summary's comparison with the interval-by-interval plan (--compare-interval-goal).
std::string comparison_line(const Schedule& s, const PlanComparison& c) {
  if (!c.requested) return {};
  if (!c.interval_goal_cost) return "interval-by-interval goal: no plan meets it\n";
  const double saving = *c.interval_goal_cost - s.paid_cost;
  const double share = *c.interval_goal_cost > 0 ? saving / *c.interval_goal_cost : 0;
  return fmt::format("interval-by-interval goal: cost {}, {} saved ({})\n", fixed(*c.interval_goal_cost, 2),
                     fixed(saving, 2), percent(share));
}

// The summary from the rows and totals the report has already built.
PlanSummary summary_of(const Plan& plan, const Schedule& schedule, const std::vector<IntervalRow>& intervals,
                       const Totals& t) {
  PlanSummary s;
  s.status = status_name(schedule.status);
  s.cost = schedule.cost;
  s.paid_cost = schedule.paid_cost;
  s.shortfall_cost = schedule.shortfall_cost;
  s.inhouse_cost = schedule.paid_cost;
  s.outsourced_cost = schedule.outsourced_cost;
  s.lower_bound = schedule.lower_bound;
  s.gap = schedule.gap;
  s.agents = t.agents;
  s.paid_hours = t.paid_hours;
  s.shortfall_agent_hours = t.shortfall_agent_hours;
  s.service_level = t.service_level;
  s.answer_within_s = t.answer_within_s;
  if (plan.model == QueueModel::erlang_a) s.p_abandon = t.p_abandon;
  // Offered calls include those sent out; the outsourcer's minutes are handled too.
  for (const IntervalRow& r : intervals) {
    s.calls += r.calls + r.outsourced_calls;
    s.handled_minutes += r.calls * (1 - r.m.p_abandon) * r.aht_s / 60;
  }
  for (const optimize::Outsourced& o : schedule.outsourced) s.handled_minutes += o.minutes;
  for (std::size_t k = 0; k < t.sites.size(); ++k) {
    const SiteTotal& st = t.sites[k];
    SiteSummary site{st.name, st.agents, st.paid_hours, st.cost, std::nullopt, std::nullopt};
    if (plan.has_tours()) {
      if (schedule.workforce[k].tours) site.headcount = schedule.workforce[k].headcount;
      site.fte = schedule.workforce[k].fte;
    }
    s.sites.push_back(std::move(site));
  }
  if (plan.has_tours()) {
    s.headcount = schedule.headcount;
    s.fte = schedule.fte;
  }
  return s;
}

}  // namespace

PlanSummary summarize_schedule(const Plan& plan, const Schedule& schedule) {
  const std::vector<IntervalRow> intervals = interval_rows(plan, schedule);
  return summary_of(plan, schedule, intervals, totals(plan, all_groups(plan), schedule, intervals));
}

std::string render_schedule(const Plan& plan, const require::Requirement& requirement,
                            const Schedule& schedule, PlanView view, Format format,
                            const PlanComparison& comparison) {
  (void)requirement;
  const auto groups = all_groups(plan);
  const bool grouped = declares_groups(plan);
  std::vector<ShiftRow> shifts;
  for (const Assignment& a : schedule.assignments) shifts.push_back(shift_row(plan, groups, a));
  const std::vector<IntervalRow> intervals = interval_rows(plan, schedule);
  const Totals t = totals(plan, groups, schedule, intervals);
  const auto allocation = allocation_rows(plan, groups, schedule);
  const bool erlang_a = plan.model == QueueModel::erlang_a;
  const std::vector<WorkTotal> work_total = work_totals(plan, schedule);
  const std::vector<WorkRow> work = work_rows(plan, groups, schedule);
  const bool outsourcing = !plan.outsourcers.empty();
  const auto outsourced = outsourced_rows(plan, schedule);
  const bool tours = plan.has_tours();
  std::vector<RosterRow> roster;
  for (const optimize::RosterLine& line : schedule.roster) roster.push_back(roster_row(plan, groups, line));
  const auto periods = periods_of(plan, intervals);

  if (format == Format::json) {
    JsonWriter j;
    j.begin_object();
    j.key("summary");
    write_summary_json(j, plan, schedule, t, summary_of(plan, schedule, intervals, t), comparison, outsourced,
                       work_total);
    j.key("shifts").begin_array();
    const auto header = shift_header(grouped);
    for (const ShiftRow& r : shifts) {
      // The group's queues ride along with the CSV cells.
      j.begin_object();
      for (std::size_t k = 0; k < header.size(); ++k) {
        const auto cells = shift_cells(r);
        j.key(header[k]);
        if (k < 9) j.value(cells[k]);
        else j.value(std::stod(cells[k]));
      }
      j.key("queues").begin_array();
      for (const auto& q : r.queues) j.value(q);
      j.end_array();
      j.end_object();
    }
    j.end_array();
    if (tours) {
      j.key("roster").begin_array();
      for (const RosterRow& r : roster) write_cells_json(j, roster_header, r.cells, 7);
      j.end_array();
    }
    // Agents at full precision, like the intervals' `productive`: `simulate --plan`
    // sums them per group and takes whole_agents() of the sum, as `simulate` does.
    j.key("allocation").begin_array();
    for (std::size_t k = 0; k < allocation.size(); ++k) {
      const auto& row = allocation[k];
      j.begin_object();
      for (std::size_t c = 0; c < 4; ++c) j.key(allocation_header[c]).value(row[c]);
      j.key(allocation_header[4]).value(schedule.allocation[k].agents);
      j.end_object();
    }
    j.end_array();
    if (outsourcing) {
      j.key("outsourced").begin_array();
      for (const OutsourcedRow& r : outsourced) write_cells_json(j, outsourced_header, outsourced_cells(plan, r), 3);
      j.end_array();
    }
    j.key("intervals").begin_array();
    for (const IntervalRow& r : intervals) write_interval_json(j, r);
    j.end_array();
    // Only plans with a day or week goal carry it: others keep their version-1 bytes.
    if (detail::has_period_goals(plan)) {
      j.key("service_periods").begin_array();
      for (const auto& p : periods) write_cells_json(j, period_header, period_cells(plan, p), 3, {6});
      j.end_array();
    }
    if (!plan.work.empty()) {
      // The work rows, each with the intervals its hours were placed in.
      const Horizon& h = plan.horizon;
      j.key("work").begin_array();
      for (const WorkRow& r : work) {
        j.begin_object();
        for (std::size_t k = 0; k < work_header.size(); ++k) {
          j.key(work_header[k]);
          if (k == 4 || k == 7) j.value(std::stod(r.cells[k]));
          else j.value(r.cells[k]);
        }
        j.key("intervals").begin_array();
        for (const auto* p : r.placed) {
          const std::int64_t t0 = h.interval_start_utc(p->interval);
          j.begin_object();
          j.key("start").value(iso_timestamp(t0, h.utc_offset_s.empty() ? 0 : h.utc_offset_s[p->interval]));
          j.key("agents").value(tidy(p->agents, 6));
          j.key("hours").value(tidy(p->hours, 6));
          j.end_object();
        }
        j.end_array();
        j.end_object();
      }
      j.end_array();
    }
    j.end_object();
    return j.str();
  }

  switch (view) {
    case PlanView::outsourced: {
      if (format == Format::table) return outsourced_table(plan, schedule, outsourced);
      CsvWriter csv(outsourced_header);
      for (const OutsourcedRow& r : outsourced) csv.add_row(outsourced_cells(plan, r));
      return csv.str();
    }
    case PlanView::roster: {
      if (format == Format::table) return roster_table(plan, schedule, roster);
      CsvWriter csv(roster_header);
      for (const RosterRow& r : roster) csv.add_row(r.cells);
      return csv.str();
    }
    case PlanView::shifts: {
      if (format == Format::table) return shifts_table(plan, schedule, shifts, intervals);
      CsvWriter csv(shift_header(grouped));
      for (const ShiftRow& r : shifts) csv.add_row(shift_cells(r));
      return csv.str();
    }
    case PlanView::allocation: {
      if (format == Format::csv) {
        CsvWriter csv(allocation_header);
        for (const auto& row : allocation) csv.add_row(row);
        return csv.str();
      }
      using A = Table::Align;
      Table table({"start", "site", "group", "queue", "agents"}, {A::left, A::left, A::left, A::left, A::right});
      for (const auto& row : allocation) table.add_row(row);
      return table.str();
    }
    case PlanView::work: {
      if (format == Format::csv) {
        CsvWriter csv(work_header);
        for (const WorkRow& r : work) csv.add_row(r.cells);
        return csv.str();
      }
      using A = Table::Align;
      Table table({"work", "day", "window start", "window end", "workload h", "site", "group", "hours"},
                  {A::left, A::left, A::left, A::left, A::right, A::left, A::left, A::right});
      for (const WorkRow& r : work) table.add_row(r.cells);
      std::string out = table.str();
      if (plan.work.empty()) out += "no deferrable work in this plan\n";
      return out;
    }
    case PlanView::periods: {
      if (format == Format::csv) {
        CsvWriter csv(period_header);
        for (const auto& p : periods) csv.add_row(period_cells(plan, p));
        return csv.str();
      }
      using A = Table::Align;
      Table table({"queue", "over", "from", "calls", "SL", "goal", "lowest at", "lowest SL", "floor"},
                  {A::left, A::left, A::left, A::right, A::right, A::right, A::left, A::right, A::right});
      for (const auto& p : periods) table.add_row(period_cells(plan, p));
      return table.str();
    }
    case PlanView::intervals: {
      if (format == Format::csv) {
        CsvWriter csv(interval_header(erlang_a, outsourcing));
        for (const IntervalRow& r : intervals) csv.add_row(interval_cells(r, false));
        return csv.str();
      }
      using A = Table::Align;
      std::vector<std::string> heads = {"start", "queue", "calls", "required", "present", "productive",
                                        "shortfall", "SL", "ASA s", "occupancy"};
      std::vector<A> aligns = {A::left,  A::left,  A::right, A::right, A::right,
                               A::right, A::right, A::right, A::right, A::right};
      if (outsourcing) {
        heads.insert(heads.begin() + 3, "outsourced");
        aligns.push_back(A::right);
      }
      if (erlang_a) {
        heads.push_back("abandon");
        aligns.push_back(A::right);
      }
      Table table(heads, aligns);
      for (const IntervalRow& r : intervals) table.add_row(interval_cells(r, true));
      return table.str();
    }
    case PlanView::summary: {
      if (format == Format::csv) {
        // Erlang A adds the call-weighted abandonment after the service level.
        // --compare-interval-goal adds the interval plan's cost and the saving; outsourcers
        // add in-house and outsourced cost after the cost, and a row each.
        std::vector<std::string> header = summary_header;
        if (erlang_a) header.insert(header.begin() + 5, "p_abandon");
        // Weekly tours add headcount and FTE after the cost (SPEC §8).
        if (tours) header.insert(header.begin() + 4, {"headcount", "fte"});
        const bool compared = comparison.requested;
        if (compared) header.insert(header.end(), {"interval_goal_cost", "saving"});
        if (outsourcing) header.insert(header.begin() + 4, {"inhouse_cost", "outsourced_cost"});
        CsvWriter csv(header);
        const auto split = [&](std::vector<std::string>& row, const std::string& inhouse, const std::string& out) {
          if (outsourcing) row.insert(row.begin() + 4, {inhouse, out});
        };
        std::vector<std::string> workforce_cells = {"", ""};
        auto add_total_row = [&](std::vector<std::string> row) {
          if (erlang_a) row.insert(row.begin() + 5, "");
          if (tours) row.insert(row.begin() + 4, workforce_cells.begin(), workforce_cells.end());
          workforce_cells = {"", ""};
          if (compared) row.insert(row.end(), {"", ""});
          split(row, row[3], "");
          csv.add_row(row);
        };
        for (std::size_t k = 0; k < t.sites.size(); ++k) {
          const SiteTotal& st = t.sites[k];
          if (tours)
            workforce_cells = {schedule.workforce[k].tours ? fmt::format("{}", schedule.workforce[k].headcount) : "",
                               fixed(schedule.workforce[k].fte, 2)};
          add_total_row({st.name, fmt::format("{}", st.agents), fixed(st.paid_hours, 2),
                         fixed(st.cost, 2), "", "", "", ""});
          // Groups as "site/group" rows when the plan declares groups.
          if (grouped)
            for (const GroupTotal& g : t.groups)
              if (g.site == static_cast<int>(k))
                add_total_row({st.name + "/" + g.name, fmt::format("{}", g.agents), fixed(g.paid_hours, 2),
                               fixed(g.cost, 2), "", "", "", ""});
        }
        if (outsourcing)
          for (const OutsourcerTotal& o : outsourcer_totals(plan, schedule, outsourced)) {
            std::vector<std::string> row = {o.name + "/" + o.queue, "", "", fixed(o.cost, 2), "", "", "", ""};
            if (erlang_a) row.insert(row.begin() + 5, "");
            if (tours) row.insert(row.begin() + 4, {"", ""});
            if (compared) row.insert(row.end(), {"", ""});
            split(row, "", fixed(o.cost, 2));
            csv.add_row(row);
          }
        std::vector<std::string> total = {"total", fmt::format("{}", t.agents), fixed(t.paid_hours, 2),
                                          fixed(schedule.paid_cost + schedule.outsourced_cost, 2),
                                          fixed(t.service_level, 4), status_name(schedule.status),
                                          fixed(schedule.lower_bound, 2), fixed(schedule.gap, 6)};
        if (erlang_a) total.insert(total.begin() + 5, fixed(t.p_abandon, 4));
        if (tours) total.insert(total.begin() + 4, {fmt::format("{}", schedule.headcount), fixed(schedule.fte, 2)});
        if (compared && comparison.interval_goal_cost)
          total.insert(total.end(), {fixed(*comparison.interval_goal_cost, 2),
                                     fixed(*comparison.interval_goal_cost - schedule.paid_cost, 2)});
        else if (compared)
          total.insert(total.end(), {"", ""});
        split(total, fixed(schedule.paid_cost, 2), fixed(schedule.outsourced_cost, 2));
        csv.add_row(total);
        return csv.str();
      }
      using A = Table::Align;
      std::vector<std::string> heads = {"site", "agents", "paid h", "cost"};
      std::vector<A> aligns = {A::left, A::right, A::right, A::right};
      if (tours) {
        heads.insert(heads.end(), {"headcount", "FTE"});
        aligns.insert(aligns.end(), {A::right, A::right});
      }
      Table table(heads, aligns);
      const auto row = [&](std::vector<std::string> cells, std::vector<std::string> workforce) {
        if (tours) cells.insert(cells.end(), workforce.begin(), workforce.end());
        table.add_row(cells);
      };
      for (std::size_t k = 0; k < t.sites.size(); ++k) {
        const SiteTotal& st = t.sites[k];
        std::vector<std::string> workforce;
        if (tours)
          workforce = {schedule.workforce[k].tours ? fmt::format("{}", schedule.workforce[k].headcount) : "-",
                       fixed(schedule.workforce[k].fte, 2)};
        row({st.name, fmt::format("{}", st.agents), fixed(st.paid_hours, 2), fixed(st.cost, 2)}, workforce);
        // Per group beside its site when the plan declares groups.
        if (grouped)
          for (const GroupTotal& g : t.groups)
            if (g.site == static_cast<int>(k))
              row({"  " + g.name, fmt::format("{}", g.agents), fixed(g.paid_hours, 2), fixed(g.cost, 2)}, {"", ""});
      }
      if (outsourcing)
        for (const OutsourcerTotal& o : outsourcer_totals(plan, schedule, outsourced))
          row({o.name + "/" + o.queue + " (outsourced)", "", "", fixed(o.cost, 2)}, {"", ""});
      table.add_rule();
      row({"total", fmt::format("{}", t.agents), fixed(t.paid_hours, 2),
           fixed(schedule.paid_cost + schedule.outsourced_cost, 2)},
          {fmt::format("{}", schedule.headcount), fixed(schedule.fte, 2)});
      std::string out = table.str() + "\n";
      out += fmt::format("service level (call-weighted): {}\n", percent(t.service_level));
      if (erlang_a) out += fmt::format("abandonment (call-weighted): {}\n", percent(t.p_abandon));
      out += period_lines(plan, periods) + comparison_line(schedule, comparison);
      if (schedule.shortfall_cost > 0)
        out += fmt::format("shortfall: {} agent-hours, penalty {}\n", fixed(t.shortfall_agent_hours, 2),
                           fixed(schedule.shortfall_cost, 2));
      for (const WorkTotal& w : work_total)
        out += fmt::format("work {}: {} h placed of {} h over {} day{}\n", w.name, fixed(w.placed_hours, 2),
                           fixed(w.workload_hours, 2), w.days, w.days == 1 ? "" : "s");
      return out + cost_split_line(plan, schedule) + status_line(schedule) + shortfall_lines(plan, intervals);
    }
  }
  return {};
}

}  // namespace staffplan::report
