// `staffplan erlang`: the one-interval result as a key/value table, one CSV row or
// one JSON object (field names fixed by SPEC §1); the what-if range (one row per
// staffing level) and Erlang B trunk sizing.
#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

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

const std::vector<std::string> kCsvHeader = {"model",     "calls",     "aht_s",         "interval_s",
                                             "erlangs",   "agents",    "scheduled",     "service_level",
                                             "asa_s",     "occupancy", "p_wait",        "p_abandon"};

std::vector<std::string> csv_row(const queueing::Load& load, const queueing::Metrics& m, int scheduled) {
  return {model_name(load.model), plain(load.calls), plain(load.aht_s), plain(load.interval_s),
          fixed(m.erlangs, 6), std::to_string(m.agents), std::to_string(scheduled),
          fixed(m.service_level, 6), fixed(m.asa_s, 3), fixed(m.occupancy, 6), fixed(m.p_wait, 6),
          load.model == Model::erlang_a ? fixed(m.p_abandon, 6) : ""};
}

std::string csv(const queueing::Load& load, const queueing::Metrics& m, int scheduled) {
  CsvWriter w(kCsvHeader);
  w.add_row(csv_row(load, m, scheduled));
  return w.str();
}

void json_object(JsonWriter& w, const queueing::Load& load, const queueing::Metrics& m, int scheduled) {
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
}

std::string json(const queueing::Load& load, const queueing::Metrics& m, int scheduled) {
  JsonWriter w;
  json_object(w, load, m, scheduled);
  return w.str();
}

// ---- what-if range --------------------------------------------------------------

std::string range_table(const queueing::Load& load, const std::vector<queueing::Metrics>& rows,
                        const std::vector<int>& scheduled) {
  const bool abandon = load.model == Model::erlang_a;
  std::string out = fmt::format("{}: {} calls in {}, aht {}, offered load {} Erlangs\n", model_name(load.model),
                                plain(load.calls), units::format_duration(load.interval_s),
                                units::format_duration(load.aht_s), fixed(load.erlangs(), 4));
  if (!rows.empty())
    out += fmt::format("service level = answered within {}\n\n", units::format_duration(rows.front().answer_within_s));
  using A = Table::Align;
  std::vector<std::string> header = {"agents", "scheduled", "SL", "ASA s", "occupancy", "p(wait)"};
  if (abandon) header.push_back("p(abandon)");
  Table t(header, std::vector<A>(header.size(), A::right));
  bool unstable = false;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& m = rows[k];
    std::vector<std::string> cells = {std::to_string(m.agents), std::to_string(scheduled[k]), percent(m.service_level),
                                      std::isfinite(m.asa_s) ? fixed(m.asa_s, 2) : "inf", percent(m.occupancy),
                                      percent(m.p_wait)};
    if (abandon) cells.push_back(percent(m.p_abandon));
    unstable = unstable || !m.stable;
    t.add_row(std::move(cells));
  }
  out += t.str();
  if (unstable) out += "inf: agents <= offered load, the queue grows without bound\n";
  return out;
}

// ---- Erlang B trunks --------------------------------------------------------------

const std::vector<std::string> kTrunkHeader = {"model",      "calls",    "aht_s",      "interval_s",
                                               "erlangs",    "lines",    "blocking",   "max_blocking",
                                               "lost_calls", "carried_erlangs", "occupancy"};

struct TrunkFigures {
  double erlangs, lost_calls, carried, occupancy;
};

TrunkFigures figures(const queueing::Load& load, const TrunkRow& r) {
  const double a = load.erlangs();
  const double carried = a * (1 - r.blocking);
  return {a, load.calls * r.blocking, carried, r.lines > 0 ? carried / r.lines : 0.0};
}

std::vector<std::string> trunk_cells(const queueing::Load& load, const TrunkRow& r, std::optional<double> target) {
  const TrunkFigures f = figures(load, r);
  return {"erlang_b",          plain(load.calls),         plain(load.aht_s),  plain(load.interval_s),
          fixed(f.erlangs, 6), std::to_string(r.lines),   fixed(r.blocking, 6), target ? fixed(*target, 6) : "",
          fixed(f.lost_calls, 3), fixed(f.carried, 6),   fixed(f.occupancy, 6)};
}

void trunk_json(JsonWriter& w, const queueing::Load& load, const TrunkRow& r, std::optional<double> target) {
  const TrunkFigures f = figures(load, r);
  w.begin_object();
  w.key("model").value("erlang_b");
  w.key("calls").value(load.calls);
  w.key("aht_s").value(load.aht_s);
  w.key("interval_s").value(load.interval_s);
  w.key("erlangs").value(f.erlangs);
  w.key("lines").value(r.lines);
  w.key("blocking").value(r.blocking);
  w.key("max_blocking").value(target);
  w.key("lost_calls").value(f.lost_calls);
  w.key("carried_erlangs").value(f.carried);
  w.key("occupancy").value(f.occupancy);
  w.end_object();
}

std::string trunk_table(const queueing::Load& load, const std::vector<TrunkRow>& rows, std::optional<double> target,
                        bool range) {
  if (!range && rows.size() == 1) {
    const TrunkRow& r = rows.front();
    const TrunkFigures f = figures(load, r);
    Table t({"metric", "value"}, {Table::Align::left, Table::Align::left});
    t.add_row({"model", "erlang_b (blocked calls are lost)"});
    t.add_row({"calls", plain(load.calls)});
    t.add_row({"aht", units::format_duration(load.aht_s)});
    t.add_row({"interval", units::format_duration(load.interval_s)});
    t.add_row({"offered load", fixed(f.erlangs, 4) + " Erlangs"});
    t.add_rule();
    t.add_row({"lines", std::to_string(r.lines)});
    t.add_row({"blocking", percent(r.blocking) + (target ? " (target at most " + percent(*target) + ")" : "")});
    t.add_row({"lost calls", fixed(f.lost_calls, 2)});
    t.add_row({"carried load", fixed(f.carried, 4) + " Erlangs"});
    t.add_row({"occupancy", percent(f.occupancy) + " per line"});
    return t.str();
  }
  std::string out = fmt::format("erlang_b: {} calls in {}, aht {}, offered load {} Erlangs\n\n", plain(load.calls),
                                units::format_duration(load.interval_s), units::format_duration(load.aht_s),
                                fixed(load.erlangs(), 4));
  using A = Table::Align;
  Table t({"lines", "blocking", "lost calls", "carried Erl", "occupancy"}, std::vector<A>(5, A::right));
  for (const TrunkRow& r : rows) {
    const TrunkFigures f = figures(load, r);
    t.add_row({std::to_string(r.lines), percent(r.blocking), fixed(f.lost_calls, 2), fixed(f.carried, 4),
               percent(f.occupancy)});
  }
  return out + t.str();
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

std::string render_erlang_range(const queueing::Load& load, const std::vector<queueing::Metrics>& rows,
                                const std::vector<int>& scheduled, Format format) {
  switch (format) {
    case Format::csv: {
      CsvWriter w(kCsvHeader);
      for (std::size_t k = 0; k < rows.size(); ++k) w.add_row(csv_row(load, rows[k], scheduled[k]));
      return w.str();
    }
    case Format::json: {
      JsonWriter w;
      w.begin_object();
      w.key("rows").begin_array();
      for (std::size_t k = 0; k < rows.size(); ++k) json_object(w, load, rows[k], scheduled[k]);
      w.end_array();
      w.end_object();
      return w.str();
    }
    case Format::table: break;
  }
  return range_table(load, rows, scheduled);
}

std::string render_trunks(const queueing::Load& load, const std::vector<TrunkRow>& rows,
                          std::optional<double> max_blocking, bool range, Format format) {
  switch (format) {
    case Format::csv: {
      CsvWriter w(kTrunkHeader);
      for (const TrunkRow& r : rows) w.add_row(trunk_cells(load, r, max_blocking));
      return w.str();
    }
    case Format::json: {
      JsonWriter w;
      if (range) {
        w.begin_object();
        w.key("rows").begin_array();
      }
      for (const TrunkRow& r : rows) trunk_json(w, load, r, max_blocking);
      if (range) {
        w.end_array();
        w.end_object();
      }
      return w.str();
    }
    case Format::table: break;
  }
  return trunk_table(load, rows, max_blocking, range);
}

}  // namespace staffplan::report
