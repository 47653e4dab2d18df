// `staffplan erlang`: the one-interval result as a key/value table, one CSV row or
// one JSON object (field names fixed by SPEC §1).
#include <fmt/format.h>

#include <cmath>

#include "report/report.hpp"
#include "report/writer.hpp"
#include "units/units.hpp"

namespace staffplan::report {
namespace {

using queueing::Model;

const char* model_name(Model model) { return model == Model::erlang_a ? "erlang_a" : "erlang_c"; }

// Shortest round-trip text for inputs the user typed (100, 180, 1800, 12.5).
std::string plain(double value) { return fmt::format("{}", value == 0 ? 0.0 : value); }

std::string percent(double fraction) { return fixed(100 * fraction, 2) + "%"; }

std::string table(const queueing::Load& load, const queueing::Metrics& m, int scheduled) {
  Table t({"metric", "value"}, {Table::Align::left, Table::Align::left});
  t.add_row({"model", model_name(load.model)});
  t.add_row({"calls", plain(load.calls)});
  t.add_row({"aht", units::format_duration(load.aht_s)});
  t.add_row({"interval", units::format_duration(load.interval_s)});
  if (load.model == Model::erlang_a) t.add_row({"patience", units::format_duration(load.patience_s)});
  t.add_row({"offered load", fixed(m.erlangs, 4) + " Erlangs"});
  t.add_rule();
  t.add_row({"agents", std::to_string(m.agents)});
  t.add_row({"scheduled", std::to_string(scheduled) + " (after shrinkage)"});
  t.add_row({"service level", percent(m.service_level) + " answered within " +
                                  units::format_duration(m.answer_within_s)});
  t.add_row({"asa", std::isfinite(m.asa_s) ? fixed(m.asa_s, 2) + " s" : "unbounded (queue unstable)"});
  t.add_row({"occupancy", percent(m.occupancy)});
  t.add_row({"p(wait)", percent(m.p_wait)});
  if (load.model == Model::erlang_a) t.add_row({"p(abandon)", percent(m.p_abandon)});
  if (!m.stable) t.add_row({"warning", "agents <= offered load: the queue grows without bound"});
  return t.str();
}

std::string csv(const queueing::Load& load, const queueing::Metrics& m, int scheduled) {
  CsvWriter w({"model", "calls", "aht_s", "interval_s", "erlangs", "agents", "scheduled", "service_level",
               "asa_s", "occupancy", "p_wait", "p_abandon"});
  w.add_row({model_name(load.model), plain(load.calls), plain(load.aht_s), plain(load.interval_s),
             fixed(m.erlangs, 6), std::to_string(m.agents), std::to_string(scheduled),
             fixed(m.service_level, 6), fixed(m.asa_s, 3), fixed(m.occupancy, 6), fixed(m.p_wait, 6),
             load.model == Model::erlang_a ? fixed(m.p_abandon, 6) : ""});
  return w.str();
}

std::string json(const queueing::Load& load, const queueing::Metrics& m, int scheduled) {
  JsonWriter w;
  w.begin_object();
  w.key("model").value(model_name(load.model));
  w.key("calls").value(load.calls);
  w.key("aht_s").value(load.aht_s);
  w.key("interval_s").value(load.interval_s);
  w.key("erlangs").value(m.erlangs);
  w.key("agents").value(m.agents);
  w.key("scheduled").value(scheduled);
  w.key("service_level").value(m.service_level);
  w.key("answer_within_s").value(m.answer_within_s);
  w.key("asa_s").value(m.asa_s);  // null when unbounded (unstable Erlang C)
  w.key("occupancy").value(m.occupancy);
  w.key("p_wait").value(m.p_wait);
  w.key("p_abandon");
  if (load.model == Model::erlang_a)
    w.value(m.p_abandon);
  else
    w.null();
  w.end_object();
  return w.str();
}

}  // namespace

std::string render_erlang(const queueing::Load& load, const queueing::Metrics& metrics, int scheduled,
                          Format format) {
  switch (format) {
    case Format::csv: return csv(load, metrics, scheduled);
    case Format::json: return json(load, metrics, scheduled);
    case Format::table: break;
  }
  return table(load, metrics, scheduled);
}

}  // namespace staffplan::report
