// `--chart FILE.svg` (SPEC §12): the charts of `require`, `plan` and `simulate`,
// one panel per queue over the horizon on the plan clock. This file picks what to
// plot from each result; chart_svg.cpp draws it. The plotted numbers are the ones
// the text reports print (same rounding), so the chart and the CSV always agree:
//  - require: required productive agents and scheduled agents (after shrinkage);
//  - plan: productive agents stacked by site against the required agents;
//  - simulate: simulated service level with its confidence band, the Erlang
//    prediction at the simulated staffing, and the queue's service-level goal.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "report/chart_svg.hpp"
#include "report/report.hpp"
#include "units/units.hpp"

namespace staffplan::report {
namespace {

using detail::Panel;
using detail::Rule;
using detail::Series;
using detail::SeriesKind;

// Colours: black for the requirement, a colour-blind-safe palette (Tableau 10)
// for sites, red for goals.
constexpr const char* kRequired = "#111111";
constexpr const char* kScheduled = "#7f7f7f";
constexpr const char* kSimulated = "#1f5f9e";
constexpr const char* kPredicted = "#e07b00";
constexpr const char* kGoal = "#d62728";
const char* const kSitePalette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#76b7b2", "#edc948",
                                    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#e15759"};

Series make_series(std::string key, std::string label, const char* color,
                   SeriesKind kind = SeriesKind::step_line) {
  Series s;
  s.key = std::move(key);
  s.label = std::move(label);
  s.color = color;
  s.kind = kind;
  return s;
}

Panel make_panel(const std::string& queue, std::string y_label) {
  Panel p;
  p.title = queue;
  p.queue = queue;
  p.y_label = std::move(y_label);
  return p;
}

detail::Chart make_chart(std::string kind, std::string title, std::string subtitle) {
  detail::Chart c;
  c.kind = std::move(kind);
  c.title = std::move(title);
  c.subtitle = std::move(subtitle);
  return c;
}

std::string plan_title(const Plan& plan) {
  if (!plan.name.empty()) return plan.name;
  return std::filesystem::path(plan.file).filename().string();
}

std::string horizon_text(const Plan& plan) {
  const Horizon& h = plan.horizon;
  return fmt::format("{} day{} from {}, {} intervals, times on the plan clock ({})", h.days, h.days == 1 ? "" : "s",
                     h.start_date, units::format_duration(h.interval_s), h.timezone);
}

std::string percent(double fraction) {
  const double p = 100 * fraction;
  return std::abs(p - std::round(p)) < 1e-9 ? fmt::format("{:.0f}%", p) : fmt::format("{:.1f}%", p);
}

std::vector<double> per_interval(const Plan& plan, auto value_of) {
  std::vector<double> v(static_cast<std::size_t>(plan.horizon.count));
  for (int i = 0; i < plan.horizon.count; ++i) v[static_cast<std::size_t>(i)] = value_of(i);
  return v;
}

Series required_series(const Plan& plan, const require::Requirement& requirement, std::size_t q) {
  Series s = make_series("required", "required agents", kRequired);
  s.values = per_interval(plan, [&](int i) { return requirement.queues[q].intervals[i].agents; });
  return s;
}

}  // namespace

std::string chart_requirement(const Plan& plan, const require::Requirement& requirement) {
  detail::Chart chart = make_chart("require", plan_title(plan) + ": required agents", horizon_text(plan));
  for (std::size_t q = 0; q < plan.queues.size(); ++q) {
    Panel p = make_panel(plan.queues[q].name, "agents");
    p.series.push_back(required_series(plan, requirement, q));
    Series scheduled = make_series("scheduled", fmt::format("scheduled (after {} shrinkage)", percent(plan.shrinkage)), kScheduled);
    scheduled.dashed = true;
    scheduled.values = per_interval(plan, [&](int i) { return requirement.queues[q].intervals[i].scheduled; });
    p.series.push_back(std::move(scheduled));
    chart.panels.push_back(std::move(p));
  }
  return detail::render_svg(plan.horizon, chart);
}

std::string chart_schedule(const Plan& plan, const require::Requirement& requirement,
                           const optimize::Schedule& schedule) {
  const std::size_t sites = plan.sites.size();
  const std::size_t count = static_cast<std::size_t>(plan.horizon.count);
  detail::Chart chart = make_chart("plan", plan_title(plan) + ": productive agents by site against required",
                      horizon_text(plan) + "; productive = on shift, not on break, after shrinkage");
  // Productive agents per queue, site and interval: the allocation summed over
  // the site's agent groups (a shared group's agents split as the report splits them).
  std::vector<double> by_site(plan.queues.size() * sites * count, 0.0);
  std::vector<bool> gives(plan.queues.size() * sites, false);
  for (const optimize::Allocation& a : schedule.allocation) {
    if (a.queue < 0 || static_cast<std::size_t>(a.queue) >= plan.queues.size() || a.site < 0 ||
        static_cast<std::size_t>(a.site) >= sites || a.interval < 0 || static_cast<std::size_t>(a.interval) >= count)
      continue;
    const std::size_t qs = static_cast<std::size_t>(a.queue) * sites + static_cast<std::size_t>(a.site);
    by_site[qs * count + static_cast<std::size_t>(a.interval)] += a.agents;
    gives[qs] = true;
  }
  for (std::size_t q = 0; q < plan.queues.size(); ++q) {
    Panel p = make_panel(plan.queues[q].name, "agents");
    for (std::size_t s = 0; s < sites; ++s) {
      // A layer for every site that serves the queue (even with no agents on it, so
      // the colours and legend stay the same across panels) or gives it agents.
      const auto& served = plan.sites[s].queues;
      const bool serves = std::find(served.begin(), served.end(), static_cast<int>(q)) != served.end();
      if (!serves && !gives[q * sites + s]) continue;
      Series layer = make_series("productive", plan.sites[s].name, kSitePalette[s % std::size(kSitePalette)],
                                 SeriesKind::stacked_area);
      layer.decimals = 2;  // as the intervals view prints productive agents
      layer.attributes.emplace_back("data-site", plan.sites[s].name);
      layer.values.assign(by_site.begin() + static_cast<std::ptrdiff_t>((q * sites + s) * count),
                          by_site.begin() + static_cast<std::ptrdiff_t>((q * sites + s + 1) * count));
      p.series.push_back(std::move(layer));
    }
    Series required = required_series(plan, requirement, q);
    // With outsourcers: what the calls kept in-house require (SPEC §9).
    if (!plan.outsourcers.empty())
      for (const optimize::IntervalCoverage& c : schedule.coverage)
        if (static_cast<std::size_t>(c.queue) == q && static_cast<std::size_t>(c.interval) < count)
          required.values[static_cast<std::size_t>(c.interval)] = c.required;
    p.series.push_back(std::move(required));
    chart.panels.push_back(std::move(p));
  }
  return detail::render_svg(plan.horizon, chart);
}

std::string chart_simulation(const Plan& plan, const simulate::Result& result) {
  const int level = static_cast<int>(std::lround(100 * result.confidence));
  detail::Chart chart = make_chart("simulate", plan_title(plan) + ": simulated service level",
                      fmt::format("{}; {} replications, seed {}", horizon_text(plan), result.replications, result.seed));
  const std::size_t count = static_cast<std::size_t>(plan.horizon.count);
  for (std::size_t q = 0; q < plan.queues.size(); ++q) {
    const simulate::QueueResult* summary = q < result.queues.size() ? &result.queues[q] : nullptr;
    const double within = summary ? summary->answer_within_s : kDefaultAnswerWithinS;
    Panel p = make_panel(plan.queues[q].name, fmt::format("answered within {}", units::format_duration(within)));
    p.percent = true;
    Series band = make_series("service_level_band", fmt::format("{}% confidence band", level), kSimulated, SeriesKind::band);
    Series mean = make_series("service_level", "simulated service level", kSimulated);
    Series predicted = make_series("predicted_service_level", "Erlang prediction at the simulated staffing", kPredicted);
    predicted.dashed = true;
    for (Series* s : {&band, &mean, &predicted}) {
      s->decimals = 4;  // as the simulate CSV prints fractions
      s->values.assign(count, NAN);
    }
    band.upper.assign(count, NAN);
    for (const auto& r : result.intervals) {
      if (r.queue != static_cast<int>(q) || r.interval < 0 || static_cast<std::size_t>(r.interval) >= count) continue;
      const auto i = static_cast<std::size_t>(r.interval);
      band.values[i] = r.simulated.service_level.lo;
      band.upper[i] = r.simulated.service_level.hi;
      mean.values[i] = r.simulated.service_level.mean;
      predicted.values[i] = r.predicted.service_level;
    }
    p.series.push_back(std::move(band));
    p.series.push_back(std::move(predicted));
    p.series.push_back(std::move(mean));
    if (summary && summary->goal_service_level) {
      p.title += fmt::format(" (goal {} within {})", percent(*summary->goal_service_level),
                             units::format_duration(within));
      p.rules.push_back(Rule{"goal", "service-level goal", kGoal, *summary->goal_service_level, 4});
    }
    chart.panels.push_back(std::move(p));
  }
  return detail::render_svg(plan.horizon, chart);
}

}  // namespace staffplan::report
