// `staffplan compare` output (SPEC §12): several plans side by side, one column per
// plan. Every number comes from summarize_schedule(), the code behind `plan`'s
// summary, so a column equals a separate `plan` run. The rows are one list: a new
// summary figure is one more line in compare_rows().
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "report/report.hpp"
#include "report/summary_json.hpp"
#include "report/writer.hpp"

namespace staffplan::report {
namespace {

std::optional<double> per(double amount, double count) {
  if (count <= 0) return std::nullopt;
  return amount / count;
}

enum class Style { money, ratio, hours, count, fraction, seconds };

struct Row {
  std::string key;    // CSV `metric` cell and JSON key
  std::string label;  // table
  Style style;
  std::function<std::optional<double>(const PlanSummary&)> value;
  // Shown only when some plan has a value other than 0 (e.g. a shortfall penalty).
  bool only_when_nonzero = false;
};

// The comparison's rows, top to bottom. Cost per call and per handled minute
// divide the money spent (in-house + outsourced, not the shortfall penalty) by
// the offered calls and by the answered calls' handling minutes.
std::vector<Row> compare_rows() {
  return {
      {"cost", "total cost", Style::money, [](const PlanSummary& s) { return s.cost; }},
      {"inhouse_cost", "in-house cost", Style::money, [](const PlanSummary& s) { return s.inhouse_cost; }},
      {"outsourced_cost", "outsourced cost", Style::money, [](const PlanSummary& s) { return s.outsourced_cost; }},
      {"shortfall_cost", "shortfall penalty", Style::money, [](const PlanSummary& s) { return s.shortfall_cost; },
       true},
      {"shortfall_agent_hours", "shortfall agent-hours", Style::hours,
       [](const PlanSummary& s) { return s.shortfall_agent_hours; }, true},
      {"gap", "gap to bound", Style::fraction, [](const PlanSummary& s) { return s.gap; }},
      {"paid_hours", "paid hours", Style::hours, [](const PlanSummary& s) { return s.paid_hours; }},
      {"agents", "shift starts", Style::count, [](const PlanSummary& s) { return static_cast<double>(s.agents); }},
      // Weekly tours (SPEC §8): shown when some plan has contracts.
      {"headcount", "headcount", Style::count,
       [](const PlanSummary& s) {
         return s.headcount ? std::optional<double>(static_cast<double>(*s.headcount)) : std::nullopt;
       },
       true},
      {"fte", "FTE", Style::hours, [](const PlanSummary& s) { return s.fte; }, true},
      {"calls", "calls offered", Style::hours, [](const PlanSummary& s) { return s.calls; }},
      {"handled_minutes", "handled minutes", Style::hours, [](const PlanSummary& s) { return s.handled_minutes; }},
      {"cost_per_call", "cost per call", Style::ratio, [](const PlanSummary& s) { return per(s.spent(), s.calls); }},
      {"cost_per_handled_minute", "cost per handled minute", Style::ratio,
       [](const PlanSummary& s) { return per(s.spent(), s.handled_minutes); }},
      {"service_level", "service level", Style::fraction, [](const PlanSummary& s) { return s.service_level; }},
      {"answer_within_s", "answered within (s)", Style::seconds,
       [](const PlanSummary& s) { return s.answer_within_s; }},
      {"p_abandon", "abandonment", Style::fraction, [](const PlanSummary& s) { return s.p_abandon; }, true},
  };
}

// Every site name across the plans, in order of first appearance.
std::vector<std::string> site_names(const std::vector<ComparedPlan>& plans) {
  std::vector<std::string> names;
  for (const ComparedPlan& p : plans)
    if (p.summary)
      for (const SiteSummary& site : p.summary->sites)
        if (std::find(names.begin(), names.end(), site.name) == names.end()) names.push_back(site.name);
  return names;
}

std::optional<double> site_cost(const PlanSummary& s, const std::string& name) {
  for (const SiteSummary& site : s.sites)
    if (site.name == name) return site.cost;
  return std::nullopt;
}

// One cell: "" when there is no value (CSV empty, table "-").
std::string cell(std::optional<double> value, Style style, bool for_table) {
  if (!value || !std::isfinite(*value)) return for_table ? "-" : "";
  switch (style) {
    case Style::money: return fixed(*value, 2);
    case Style::ratio: return fixed(*value, 4);
    case Style::hours: return fixed(*value, 2);
    case Style::count: return fixed(*value, 0);
    case Style::seconds: return fixed(*value, 1);
    case Style::fraction: return for_table ? fixed(100 * *value, 2) + "%" : fixed(*value, 6);
  }
  return {};
}

std::string status_of(const ComparedPlan& p) { return p.summary ? p.summary->status : "no_result"; }

// The rows shown, each with its cells: [label or key, one cell per plan]; an empty
// row starts the per-site section (a rule in the table, nothing in CSV).
std::vector<std::vector<std::string>> grid(const std::vector<ComparedPlan>& plans, bool for_table) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> status = {"status"};
  for (const ComparedPlan& p : plans) status.push_back(status_of(p));
  out.push_back(status);
  for (const Row& row : compare_rows()) {
    if (row.only_when_nonzero) {
      bool any = false;
      for (const ComparedPlan& p : plans)
        if (p.summary) {
          const auto v = row.value(*p.summary);
          any = any || (v && *v != 0);
        }
      if (!any) continue;
    }
    std::vector<std::string> cells = {for_table ? row.label : row.key};
    for (const ComparedPlan& p : plans)
      cells.push_back(p.summary ? cell(row.value(*p.summary), row.style, for_table) : cell({}, row.style, for_table));
    out.push_back(std::move(cells));
  }
  if (!site_names(plans).empty()) out.emplace_back();
  for (const std::string& name : site_names(plans)) {
    std::vector<std::string> cells = {for_table ? "cost at " + name : "site_cost:" + name};
    for (const ComparedPlan& p : plans)
      cells.push_back(cell(p.summary ? site_cost(*p.summary, name) : std::nullopt, Style::money, for_table));
    out.push_back(std::move(cells));
  }
  // Headcount per site, for sites some plan staffs with weekly tours.
  for (const std::string& name : site_names(plans)) {
    std::vector<std::string> cells = {for_table ? "headcount at " + name : "site_headcount:" + name};
    bool any = false;
    for (const ComparedPlan& p : plans) {
      std::optional<double> v;
      if (p.summary)
        for (const SiteSummary& site : p.summary->sites)
          if (site.name == name && site.headcount) v = static_cast<double>(*site.headcount);
      any = any || v.has_value();
      cells.push_back(cell(v, Style::count, for_table));
    }
    if (any) out.push_back(std::move(cells));
  }
  return out;
}

void write_plan_json(JsonWriter& j, const ComparedPlan& p) {
  j.begin_object();
  j.key("column").value(p.column);
  j.key("file").value(p.file);
  j.key("name").value(p.name);
  j.key("status").value(status_of(p));
  if (!p.summary) {
    j.key("error").value(p.failure);
    j.end_object();
    return;
  }
  const PlanSummary& s = *p.summary;
  // The keys and rounding of plan's JSON summary, then the derived figures.
  detail::write_summary_figures(j, s, true);
  j.key("calls").value(tidy(s.calls, 6));
  j.key("handled_minutes").value(tidy(s.handled_minutes, 6));
  const auto per_call = per(s.spent(), s.calls);
  const auto per_minute = per(s.spent(), s.handled_minutes);
  j.key("cost_per_call").value(per_call ? std::optional<double>(tidy(*per_call, 6)) : std::nullopt);
  j.key("cost_per_handled_minute").value(per_minute ? std::optional<double>(tidy(*per_minute, 6)) : std::nullopt);
  detail::write_site_summaries(j, s);
  j.end_object();
}

}  // namespace

std::string render_comparison(const std::vector<ComparedPlan>& plans, Format format) {
  if (format == Format::json) {
    JsonWriter j;
    j.begin_object();
    j.key("plans").begin_array();
    for (const ComparedPlan& p : plans) write_plan_json(j, p);
    j.end_array();
    j.end_object();
    return j.str();
  }
  std::vector<std::string> header = {format == Format::csv ? "metric" : ""};
  for (const ComparedPlan& p : plans) header.push_back(p.column);
  const auto rows = grid(plans, format == Format::table);
  if (format == Format::csv) {
    CsvWriter csv(header);
    for (const auto& row : rows)
      if (!row.empty()) csv.add_row(row);
    return csv.str();
  }
  std::vector<Table::Align> align(header.size(), Table::Align::right);
  align[0] = Table::Align::left;
  Table table(header, align);
  for (const auto& row : rows) {
    if (row.empty()) table.add_rule();
    else table.add_row(row);
  }
  std::string out = table.str();
  for (const ComparedPlan& p : plans)
    if (!p.summary) out += fmt::format("{}: no result: {}\n", p.column, p.failure);
  return out;
}

}  // namespace staffplan::report
