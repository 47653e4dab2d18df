// `staffplan require` output. Decimals (fixed, so output is byte-stable):
// calls 2, aht_s 1, erlangs 3, service_level / occupancy / p_wait / p_abandon 4
// (0.01 % resolution, finer than any goal is written), asa_s 2. JSON carries the
// full double precision.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/clock.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"

namespace staffplan::report {
namespace {

using require::IntervalRequirement;

const std::vector<std::string> csv_columns = {"start",   "queue",     "calls",         "aht_s",
                                              "erlangs", "agents",    "scheduled",     "service_level",
                                              "asa_s",   "occupancy", "p_wait",        "p_abandon"};

std::string start_of(const Plan& plan, int i) {
  return iso_timestamp(plan.horizon.interval_start_utc(i), plan.horizon.utc_offset_s[static_cast<std::size_t>(i)]);
}

std::string day_of(const Plan& plan, int i) {
  return local_date(plan.horizon.interval_start_utc(i), plan.horizon.utc_offset_s[static_cast<std::size_t>(i)]);
}

// Totals of one queue over a set of intervals.
struct Totals {
  double calls = 0;
  double agent_hours = 0;       // required productive agents x hours
  double scheduled_hours = 0;   // after shrinkage
  int peak_agents = 0;          // most agents needed at once (summed over the queues counted)
  double answered_in_time = 0;  // calls x service level, for the call-weighted SL

  // Adds one queue's interval; the peak is noted separately, per interval (note_peak).
  void add(const IntervalRequirement& r, double hours) {
    calls += r.calls;
    agent_hours += r.agents * hours;
    scheduled_hours += r.scheduled * hours;
    answered_in_time += r.calls * r.service_level;
  }
  void note_peak(int agents_at_once) { peak_agents = std::max(peak_agents, agents_at_once); }
  double service_level() const { return calls > 0 ? answered_in_time / calls : 1.0; }
};

struct Summary {
  std::vector<Totals> per_queue;
  std::map<std::string, std::vector<Totals>> per_day;  // date -> per queue (dates sort as text)
  Totals overall;
};

Summary summarize(const Plan& plan, const require::Requirement& requirement) {
  Summary s;
  const double hours = plan.horizon.interval_s / 3600.0;
  const std::size_t queues = plan.queues.size();
  s.per_queue.resize(queues);
  for (int i = 0; i < plan.horizon.count; ++i) {
    auto& day = s.per_day[day_of(plan, i)];
    day.resize(queues);
    int at_once = 0;  // every queue's agents in this interval: they are needed at the same time
    for (std::size_t q = 0; q < queues; ++q) {
      const auto& r = requirement.queues[q].intervals[static_cast<std::size_t>(i)];
      s.per_queue[q].add(r, hours);
      s.per_queue[q].note_peak(r.agents);
      day[q].add(r, hours);
      day[q].note_peak(r.agents);
      s.overall.add(r, hours);
      at_once += r.agents;
    }
    s.overall.note_peak(at_once);
  }
  return s;
}

std::string percent(double fraction) { return fixed(100 * fraction, 1) + "%"; }

std::string render_csv(const Plan& plan, const require::Requirement& requirement) {
  CsvWriter csv(csv_columns);
  for (int i = 0; i < plan.horizon.count; ++i) {
    const std::string start = start_of(plan, i);
    for (std::size_t q = 0; q < plan.queues.size(); ++q) {
      const auto& r = requirement.queues[q].intervals[static_cast<std::size_t>(i)];
      csv.add_row({start, plan.queues[q].name, fixed(r.calls, 2), fixed(r.aht_s, 1), fixed(r.erlangs, 3),
                   std::to_string(r.agents), std::to_string(r.scheduled), fixed(r.service_level, 4),
                   fixed(r.asa_s, 2), fixed(r.occupancy, 4), fixed(r.p_wait, 4),
                   r.p_abandon ? fixed(*r.p_abandon, 4) : ""});
    }
  }
  return csv.str();
}

// Per interval (local "MM-DD HH:MM", the zone is in the title), then per-day and
// per-queue totals; columns chosen to fit 80 characters for queue names up to 12.
std::string render_table(const Plan& plan, const require::Requirement& requirement) {
  const Horizon& h = plan.horizon;
  std::string out = plan.name.empty() ? "" : plan.name + "\n";
  out += fmt::format("{} day{} from {}, {}m intervals, {}, times in {}\n\n", h.days, h.days == 1 ? "" : "s",
                     h.start_date, h.interval_s / 60, plan.model == QueueModel::erlang_a ? "Erlang A" : "Erlang C",
                     h.timezone);
  using A = Table::Align;
  Table intervals({"start", "queue", "calls", "erlangs", "agents", "sched", "SL", "ASA", "occ"},
                  {A::left, A::left, A::right, A::right, A::right, A::right, A::right, A::right, A::right});
  for (int i = 0; i < h.count; ++i) {
    const std::string start = start_of(plan, i);
    const std::string when = start.substr(5, 5) + " " + start.substr(11, 5);
    for (std::size_t q = 0; q < plan.queues.size(); ++q) {
      const auto& r = requirement.queues[q].intervals[static_cast<std::size_t>(i)];
      intervals.add_row({when, plan.queues[q].name, fixed(r.calls, 1), fixed(r.erlangs, 2),
                         std::to_string(r.agents), std::to_string(r.scheduled), percent(r.service_level),
                         fixed(r.asa_s, 1) + "s", percent(r.occupancy)});
    }
  }
  out += intervals.str();

  const Summary s = summarize(plan, requirement);
  const std::vector<std::string> headers = {"", "queue", "calls", "agent-h", "sched-h", "peak", "SL"};
  const std::vector<A> align = {A::left, A::left, A::right, A::right, A::right, A::right, A::right};
  const auto row = [](const std::string& label, const std::string& queue, const Totals& t) {
    return std::vector<std::string>{label,          queue, fixed(t.calls, 1), fixed(t.agent_hours, 1),
                                    fixed(t.scheduled_hours, 1), std::to_string(t.peak_agents),
                                    percent(t.service_level())};
  };
  std::vector<std::string> day_headers = headers;
  day_headers[0] = "day";
  Table days(day_headers, align);
  for (const auto& [date, per_queue] : s.per_day)
    for (std::size_t q = 0; q < plan.queues.size(); ++q) days.add_row(row(date, plan.queues[q].name, per_queue[q]));
  out += "\nRequired agent-hours per day\n" + days.str();

  std::vector<std::string> queue_headers = headers;
  queue_headers[0] = "total";
  Table queues(queue_headers, align);
  for (std::size_t q = 0; q < plan.queues.size(); ++q) queues.add_row(row("", plan.queues[q].name, s.per_queue[q]));
  queues.add_rule();
  queues.add_row(row("all", "", s.overall));
  out += "\nRequired agent-hours per queue\n" + queues.str();
  return out;
}

// The threshold every queue's service level is measured at; none when queues differ.
std::optional<double> common_answer_within(const Plan& plan) {
  std::optional<double> common;
  for (const Queue& q : plan.queues) {
    if (common && *common != q.goal.answer_within()) return std::nullopt;
    common = q.goal.answer_within();
  }
  return common;
}

// `answer_within_s`: the threshold of `service_level` (null for totals over queues
// measured at different thresholds).
void json_totals(JsonWriter& json, const Totals& t, std::optional<double> answer_within_s) {
  json.key("calls").value(t.calls);
  json.key("agent_hours").value(t.agent_hours);
  json.key("scheduled_hours").value(t.scheduled_hours);
  json.key("peak_agents").value(t.peak_agents);
  json.key("service_level").value(t.service_level());
  json.key("answer_within_s").value(answer_within_s);
}

std::string render_json(const Plan& plan, const require::Requirement& requirement) {
  const Horizon& h = plan.horizon;
  const Summary s = summarize(plan, requirement);
  JsonWriter json;
  json.begin_object();
  json.key("plan").value(plan.name);
  json.key("timezone").value(h.timezone);
  json.key("start").value(h.start_date);
  json.key("days").value(h.days);
  json.key("interval_s").value(h.interval_s);
  json.key("intervals_count").value(h.count);
  json.key("model").value(plan.model == QueueModel::erlang_a ? "erlang_a" : "erlang_c");
  json.key("shrinkage").value(plan.shrinkage);
  json.key("totals").begin_object();
  json_totals(json, s.overall, common_answer_within(plan));
  json.end_object();
  json.key("queues").begin_array();
  for (std::size_t q = 0; q < plan.queues.size(); ++q) {
    json.begin_object().key("name").value(plan.queues[q].name);
    json_totals(json, s.per_queue[q], plan.queues[q].goal.answer_within());
    json.end_object();
  }
  json.end_array();
  json.key("days_totals").begin_array();
  for (const auto& [date, per_queue] : s.per_day)
    for (std::size_t q = 0; q < plan.queues.size(); ++q) {
      json.begin_object().key("date").value(date).key("queue").value(plan.queues[q].name);
      json_totals(json, per_queue[q], plan.queues[q].goal.answer_within());
      json.end_object();
    }
  json.end_array();
  json.key("intervals").begin_array();
  for (int i = 0; i < h.count; ++i) {
    const std::string start = start_of(plan, i);
    for (std::size_t q = 0; q < plan.queues.size(); ++q) {
      const auto& r = requirement.queues[q].intervals[static_cast<std::size_t>(i)];
      json.begin_object();
      json.key("start").value(start).key("queue").value(plan.queues[q].name);
      json.key("calls").value(r.calls).key("aht_s").value(r.aht_s).key("erlangs").value(r.erlangs);
      json.key("agents").value(r.agents).key("scheduled").value(r.scheduled);
      json.key("service_level").value(r.service_level);
      json.key("answer_within_s").value(plan.queues[q].goal.answer_within());
      json.key("asa_s").value(r.asa_s);
      json.key("occupancy").value(r.occupancy).key("p_wait").value(r.p_wait);
      json.key("p_abandon").value(r.p_abandon);
      json.end_object();
    }
  }
  json.end_array();
  // Share-mode outsourcers (SPEC §9): the requirement curve of each share, the
  // in-house agents of the calls kept, per interval, with its agent-hours.
  bool shares = false;
  for (const auto& q : requirement.queues) shares = shares || !q.shares.empty();
  if (shares) {
    json.key("outsourcing").begin_array();
    for (std::size_t q = 0; q < plan.queues.size(); ++q) {
      const int o = outsourcer_of(plan, static_cast<int>(q));
      for (const require::ShareLevel& level : requirement.queues[q].shares) {
        double agent_hours = 0;
        for (const auto& r : level.intervals) agent_hours += r.agents * h.interval_s / 3600.0;
        json.begin_object();
        json.key("queue").value(plan.queues[q].name);
        json.key("outsourcer").value(plan.outsourcers[static_cast<std::size_t>(o)].name);
        json.key("share").value(level.share);
        json.key("agent_hours").value(agent_hours);
        json.key("agents").begin_array();
        for (const auto& r : level.intervals) json.value(r.agents);
        json.end_array();
        json.end_object();
      }
    }
    json.end_array();
  }
  json.end_object();
  return json.str();
}

}  // namespace

std::string render_requirement(const Plan& plan, const require::Requirement& requirement, Format format) {
  switch (format) {
    case Format::csv: return render_csv(plan, requirement);
    case Format::json: return render_json(plan, requirement);
    case Format::table: break;
  }
  return render_table(plan, requirement);
}

}  // namespace staffplan::report
