// `staffplan simulate` output (SPEC §5). Fractions are written as fractions with
// 4 decimals in CSV/JSON and as percentages in the table; waits in seconds.
// Undefined values (no call offered or answered, no interval from a single
// replication, an unstable Erlang C prediction) are empty in CSV, null in JSON
// and "-" in the table.
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "report/clock.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"

namespace staffplan::report {
namespace {

using simulate::Estimate;
using simulate::PredictedMetrics;
using simulate::SimulatedMetrics;

// One CSV/JSON record: column names and values in order (NaN/inf = missing).
struct Field {
  std::string name;
  double value;
  int decimals;
};

void add_estimate(std::vector<Field>& f, const std::string& name, const Estimate& e, int decimals) {
  f.push_back({name, e.mean, decimals});
  f.push_back({name + "_lo", e.lo, decimals});
  f.push_back({name + "_hi", e.hi, decimals});
}

// Simulated metrics beside the prediction, in the order every view uses. With
// skill routing a last column says by how much the simulated service level beats
// the prediction, which counts no pooling: the measured pooling gain.
std::vector<Field> metric_fields(const SimulatedMetrics& s, const PredictedMetrics& p, bool gain = false) {
  std::vector<Field> f;
  f.push_back({"simulated_calls", s.calls, 2});
  add_estimate(f, "service_level", s.service_level, 4);
  f.push_back({"predicted_service_level", p.service_level, 4});
  add_estimate(f, "asa_s", s.asa_s, 2);
  f.push_back({"predicted_asa_s", p.asa_s, 2});
  add_estimate(f, "p_abandon", s.p_abandon, 4);
  f.push_back({"predicted_p_abandon", p.p_abandon, 4});
  add_estimate(f, "p_wait", s.p_wait, 4);
  add_estimate(f, "max_wait_s", s.max_wait_s, 2);
  if (gain) f.push_back({"pooling_gain", s.service_level.mean - p.service_level, 4});
  return f;
}

std::string group_queues(const Plan& plan, const std::vector<int>& queues) {
  std::string text;
  for (int q : queues) text += (text.empty() ? "" : "+") + plan.queues[static_cast<std::size_t>(q)].name;
  return text;
}

std::string group_name(const Plan& plan, const simulate::GroupResult& g) {
  const Site& site = plan.sites[static_cast<std::size_t>(g.site)];
  return agent_groups(plan, site)[static_cast<std::size_t>(g.group)].name;
}

std::string queue_name(const Plan& plan, int queue) {
  return queue < 0 ? std::string("(all)") : plan.queues[static_cast<std::size_t>(queue)].name;
}

std::string interval_start(const Plan& plan, int interval) {
  return iso_timestamp(plan.horizon.interval_start_utc(interval),
                       plan.horizon.utc_offset_s[static_cast<std::size_t>(interval)]);
}

std::vector<const simulate::QueueResult*> summary_rows(const simulate::Result& result) {
  std::vector<const simulate::QueueResult*> rows;
  for (const auto& q : result.queues) rows.push_back(&q);
  rows.push_back(&result.overall);
  return rows;
}

// "day" or "week" of a queue measured over one (SPEC §11).
std::string measured_name(const Plan& plan, int queue) {
  return plan.queues[static_cast<std::size_t>(queue)].goal.measured() == MeasuredOver::day ? "day" : "week";
}

// ---- CSV -------------------------------------------------------------------

std::vector<std::string> header_of(std::vector<std::string> leading, const std::vector<Field>& fields) {
  for (const auto& f : fields) leading.push_back(f.name);
  return leading;
}

std::vector<std::string> cells_of(std::vector<std::string> leading, const std::vector<Field>& fields) {
  for (const auto& f : fields) leading.push_back(fixed(f.value, f.decimals));
  return leading;
}

std::string csv_intervals(const Plan& plan, const simulate::Result& result) {
  const bool gain = result.skill_routing;
  const std::vector<std::string> key{"start", "queue", "agents", "calls"};
  CsvWriter csv(header_of(key, metric_fields({}, {}, gain)));
  for (const auto& r : result.intervals)
    csv.add_row(cells_of({interval_start(plan, r.interval), queue_name(plan, r.queue),
                          std::to_string(r.agents), fixed(r.forecast_calls, 2)},
                         metric_fields(r.simulated, r.predicted, gain)));
  return csv.str();
}

std::string csv_summary(const Plan& plan, const simulate::Result& result) {
  const bool gain = result.skill_routing;
  const std::vector<std::string> key{"queue", "calls"};
  CsvWriter csv(header_of(key, metric_fields({}, {}, gain)));
  for (const auto* q : summary_rows(result))
    csv.add_row(cells_of({queue_name(plan, q->queue), fixed(q->forecast_calls, 2)},
                         metric_fields(q->simulated, q->predicted, gain)));
  return csv.str();
}

// Per agent group under skill routing: agent hours and the occupancy of its pool.
std::vector<Field> group_fields(const simulate::GroupResult& g) {
  std::vector<Field> f;
  f.push_back({"agent_hours", g.agent_hours, 2});
  f.push_back({"pool_agent_hours", g.pool_agent_hours, 2});
  add_estimate(f, "occupancy", g.occupancy, 4);
  return f;
}

std::string csv_groups(const Plan& plan, const simulate::Result& result) {
  const std::vector<std::string> key{"site", "group", "queues"};
  CsvWriter csv(header_of(key, group_fields({})));
  for (const auto& g : result.groups)
    csv.add_row(cells_of({plan.sites[static_cast<std::size_t>(g.site)].name, group_name(plan, g),
                          group_queues(plan, g.queues)},
                         group_fields(g)));
  return csv.str();
}

// Day and week service level (queues measured over day or week only).
std::string csv_periods(const Plan& plan, const simulate::Result& result) {
  const std::vector<std::string> key{"queue", "measured_over", "period_start", "calls"};
  std::vector<std::string> header = header_of(key, metric_fields({}, {}, result.skill_routing));
  header.push_back("goal_service_level");
  CsvWriter csv(header);
  for (const auto& p : result.periods) {
    std::vector<std::string> cells =
        cells_of({queue_name(plan, p.queue), measured_name(plan, p.queue), interval_start(plan, p.first_interval),
                  fixed(p.forecast_calls, 2)},
                 metric_fields(p.simulated, p.predicted, result.skill_routing));
    cells.push_back(fixed(plan.queues[static_cast<std::size_t>(p.queue)].goal.service_level.value_or(0), 4));
    csv.add_row(cells);
  }
  return csv.str();
}

// ---- JSON ------------------------------------------------------------------

void json_fields(JsonWriter& json, const std::vector<Field>& fields) {
  for (const auto& f : fields) {
    json.key(f.name);
    if (std::isfinite(f.value))
      json.value(std::stod(fixed(f.value, f.decimals)));  // rounded like the CSV
    else
      json.null();
  }
}

std::string json_document(const Plan& plan, const simulate::Result& result, double outsourced_calls) {
  JsonWriter json;
  json.begin_object();
  json.key("summary").begin_object();
  if (!plan.outsourcers.empty()) {
    json.key("simulated_calls").value("inhouse");
    json.key("outsourced_calls").value(outsourced_calls);
  }
  json.key("replications").value(result.replications);
  json.key("seed").value(std::to_string(result.seed));  // a string: JSON numbers lose 64-bit seeds
  json.key("confidence").value(result.confidence);
  json.key("queues").begin_array();
  for (const auto& q : result.queues) {
    json.begin_object();
    json.key("queue").value(queue_name(plan, q.queue));
    json.key("calls").value(q.forecast_calls);
    json_fields(json, metric_fields(q.simulated, q.predicted, result.skill_routing));
    json.key("goal_service_level").value(q.goal_service_level);
    json.key("answer_within_s").value(q.answer_within_s);
    json.end_object();
  }
  json.end_array();
  json.key("overall").begin_object();
  json.key("calls").value(result.overall.forecast_calls);
  json_fields(json, metric_fields(result.overall.simulated, result.overall.predicted, result.skill_routing));
  json.end_object();
  if (result.skill_routing) {
    json.key("groups").begin_array();
    for (const auto& g : result.groups) {
      json.begin_object();
      json.key("site").value(plan.sites[static_cast<std::size_t>(g.site)].name);
      json.key("group").value(group_name(plan, g));
      json.key("queues").begin_array();
      for (int q : g.queues) json.value(plan.queues[static_cast<std::size_t>(q)].name);
      json.end_array();
      json_fields(json, group_fields(g));
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
  json.key("intervals").begin_array();
  for (const auto& r : result.intervals) {
    json.begin_object();
    json.key("start").value(interval_start(plan, r.interval));
    json.key("queue").value(queue_name(plan, r.queue));
    json.key("agents").value(r.agents);
    json.key("calls").value(r.forecast_calls);
    json_fields(json, metric_fields(r.simulated, r.predicted, result.skill_routing));
    json.end_object();
  }
  json.end_array();
  // Only with day or week goals, so that other documents keep their bytes.
  if (!result.periods.empty()) {
    json.key("periods").begin_array();
    for (const auto& p : result.periods) {
      json.begin_object();
      json.key("queue").value(queue_name(plan, p.queue));
      json.key("measured_over").value(measured_name(plan, p.queue));
      json.key("period_start").value(interval_start(plan, p.first_interval));
      json.key("calls").value(p.forecast_calls);
      json_fields(json, metric_fields(p.simulated, p.predicted, result.skill_routing));
      json.key("goal_service_level").value(plan.queues[static_cast<std::size_t>(p.queue)].goal.service_level);
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
  return json.str();
}

// ---- table -----------------------------------------------------------------

std::string percent(double fraction) {
  return std::isfinite(fraction) ? fmt::format("{:.1f}%", 100 * fraction) : "-";
}

std::string percent_range(const Estimate& e) {
  if (!std::isfinite(e.lo) || !std::isfinite(e.hi)) return "-";
  return fmt::format("{:.1f}-{:.1f}", 100 * e.lo, 100 * e.hi);
}

std::string seconds(double s) { return std::isfinite(s) ? fmt::format("{:.1f}", s) : "-"; }

std::string seconds_range(const Estimate& e) {
  if (!std::isfinite(e.lo) || !std::isfinite(e.hi)) return "-";
  return fmt::format("{:.1f}-{:.1f}", e.lo, e.hi);
}

// Percentage points with a sign: "+3.4", "-0.8".
std::string points(double difference) {
  return std::isfinite(difference) ? fmt::format("{:+.1f}", 100 * difference) : "-";
}

std::vector<std::string> table_metrics(const SimulatedMetrics& s, const PredictedMetrics& p, bool gain) {
  std::vector<std::string> cells{
      percent(s.service_level.mean), percent_range(s.service_level), percent(p.service_level)};
  if (gain) cells.push_back(points(s.service_level.mean - p.service_level));
  for (auto& cell : std::vector<std::string>{
           seconds(s.asa_s.mean), seconds_range(s.asa_s), seconds(p.asa_s), percent(s.p_abandon.mean),
           percent_range(s.p_abandon), percent(p.p_abandon), seconds(s.max_wait_s.mean),
           seconds_range(s.max_wait_s)})
    cells.push_back(std::move(cell));
  return cells;
}

std::string group_table(const Plan& plan, const simulate::Result& result) {
  using A = Table::Align;
  Table t({"site", "group", "queues", "agent hours", "pool agent hours", "occupancy", "occupancy 95% CI"},
          {A::left, A::left, A::left, A::right, A::right, A::right, A::right});
  for (const auto& g : result.groups)
    t.add_row({plan.sites[static_cast<std::size_t>(g.site)].name, group_name(plan, g),
               group_queues(plan, g.queues), fixed(g.agent_hours, 1), fixed(g.pool_agent_hours, 1),
               percent(g.occupancy.mean), percent_range(g.occupancy)});
  return t.str();
}

std::string table(const Plan& plan, const simulate::Result& result, double outsourced_calls) {
  using A = Table::Align;
  const bool gain = result.skill_routing;
  std::vector<std::string> header{"start", "queue", "agents", "calls", "SL", "SL 95% CI", "SL Erlang"};
  if (gain) header.push_back("pooling gain");
  for (const char* h : {"ASA s", "ASA 95% CI", "ASA Erlang", "abandon", "abandon 95% CI", "abandon Erlang",
                        "max wait s", "max wait 95% CI"})
    header.push_back(h);
  std::vector<A> align(header.size(), A::right);
  align[0] = align[1] = A::left;
  Table t(header, align);
  // Intervals without forecast calls are left out of the table (not of CSV/JSON):
  // a week has many closed night intervals.
  for (const auto& r : result.intervals) {
    if (!(r.forecast_calls > 0)) continue;
    auto row = std::vector<std::string>{interval_start(plan, r.interval), queue_name(plan, r.queue),
                                        std::to_string(r.agents), fixed(r.forecast_calls, 1)};
    for (auto& cell : table_metrics(r.simulated, r.predicted, gain)) row.push_back(std::move(cell));
    t.add_row(std::move(row));
  }
  t.add_rule();
  for (const auto* q : summary_rows(result)) {
    auto row = std::vector<std::string>{"total", queue_name(plan, q->queue), "", fixed(q->forecast_calls, 1)};
    for (auto& cell : table_metrics(q->simulated, q->predicted, gain)) row.push_back(std::move(cell));
    t.add_row(std::move(row));
  }
  // Day and week goals: one row per queue and period, labelled with its first date.
  if (!result.periods.empty()) t.add_rule();
  for (const auto& p : result.periods) {
    auto row = std::vector<std::string>{measured_name(plan, p.queue) + " of " +
                                            interval_start(plan, p.first_interval).substr(0, 10),
                                        queue_name(plan, p.queue), "", fixed(p.forecast_calls, 1)};
    for (auto& cell : table_metrics(p.simulated, p.predicted, gain)) row.push_back(std::move(cell));
    t.add_row(std::move(row));
  }
  const int percent_level = static_cast<int>(std::lround(100 * result.confidence));
  std::string text = t.str();
  if (gain)
    text += "calls routed by skill; pooling gain = simulated SL - Erlang SL at the allocated agents "
            "(percentage points)\n\n" + group_table(plan, result);
  if (percent_level != 95) {  // the header says 95 %; say so when another level was asked
    text += fmt::format("confidence intervals at {}%\n", percent_level);
  }
  if (!plan.outsourcers.empty())
    text += fmt::format("in-house calls only: the {} calls sent to outsourcers are not simulated\n",
                        fixed(outsourced_calls, 1));
  return text + fmt::format("{} replications, seed {}\n", result.replications, result.seed);
}

}  // namespace

std::string render_simulation(const Plan& plan, const simulate::Result& result, Format format,
                              SimulationView view, double outsourced_calls) {
  switch (format) {
    case Format::csv:
      switch (view) {
        case SimulationView::summary: return csv_summary(plan, result);
        case SimulationView::periods: return csv_periods(plan, result);
        case SimulationView::groups: return csv_groups(plan, result);
        case SimulationView::intervals: break;
      }
      return csv_intervals(plan, result);
    case Format::json:
      return json_document(plan, result, outsourced_calls);
    case Format::table:
      break;
  }
  return table(plan, result, outsourced_calls);
}

}  // namespace staffplan::report
