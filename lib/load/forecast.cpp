#include "load/forecast.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "load/clock.hpp"
#include "load/csv_forecast.hpp"
#include "load/sections.hpp"
#include "units/units.hpp"

namespace staffplan::load {
namespace {

const double inf = std::numeric_limits<double>::infinity();

void read_volumes(const Node& node, const std::string& what, Queue& queue, const Plan& plan,
                  const PlanClock& clock, Diagnostics& diagnostics) {
  if (!node.IsSequence()) {
    diagnostics.error(node, fmt::format("{} must be a list of calls per interval", what));
    return;
  }
  const Horizon& h = plan.horizon;
  if (clock.ok && static_cast<int>(node.size()) != h.count) {
    const int per_day = 86400 / h.interval_s;
    const std::string dst = h.count != h.days * per_day ? ", daylight-saving change included" : "";
    diagnostics.error(node, fmt::format("{}: expected {} values ({} day{} of {} intervals{}), got {}", what,
                                        h.count, h.days, h.days == 1 ? "" : "s",
                                        interval_text(h.interval_s), dst, node.size()));
    return;
  }
  std::size_t i = 0;
  for (const auto& value : node) {
    if (const auto calls = parse_number_at(value, fmt::format("{}[{}]", what, i), {0, max_calls_per_interval}, diagnostics))
      if (i < queue.calls.size()) queue.calls[i] = *calls;
    ++i;
  }
}

void read_rows(const Node& node, const std::string& what, Queue& queue, const Plan& plan,
               const PlanClock& clock, Diagnostics& diagnostics) {
  if (!node.IsSequence()) {
    diagnostics.error(node, fmt::format("{} must be a list of {{at, calls, aht}} rows", what));
    return;
  }
  std::vector<bool> seen(queue.calls.size(), false);
  for (std::size_t k = 0; k < node.size(); ++k) {
    const MapReader row(node[k], fmt::format("{}[{}]", what, k), diagnostics, {"at", "calls", "aht"});
    if (!row.ok()) continue;
    const auto calls = row.number("calls", {0, max_calls_per_interval}, true);
    const auto aht = row.duration("aht", {0, inf, false, false});
    const auto at = row.text("at", true);
    if (!at || !clock.ok) continue;
    std::string error;
    const auto utc = parse_timestamp(*at, *clock.zone, error);
    const auto i = utc ? interval_at(plan.horizon, *utc, error) : std::nullopt;
    if (!i) {
      diagnostics.error(row.get("at"), fmt::format("{}: {}", row.field("at"), error));
      continue;
    }
    if (seen[static_cast<std::size_t>(*i)]) {
      diagnostics.error(row.get("at"), fmt::format("{}: a second row for {}", row.field("at"), *at));
      continue;
    }
    seen[static_cast<std::size_t>(*i)] = true;
    if (calls) queue.calls[static_cast<std::size_t>(*i)] = *calls;
    if (aht) queue.aht_s_per_interval[static_cast<std::size_t>(*i)] = *aht;
  }
}

}  // namespace

std::optional<int> interval_at(const Horizon& horizon, std::int64_t utc, std::string& error) {
  const std::int64_t offset = utc - horizon.start_utc;
  if (offset < 0 || utc >= horizon.end_utc()) {
    error = fmt::format("the time is {} the horizon ({} for {} day{}, {})", offset < 0 ? "before" : "after",
                        horizon.start_date, horizon.days, horizon.days == 1 ? "" : "s", horizon.timezone);
    return std::nullopt;
  }
  if (offset % horizon.interval_s != 0) {
    error = fmt::format("the time is not on the plan's {} interval grid",
                        interval_text(horizon.interval_s));
    return std::nullopt;
  }
  return static_cast<int>(offset / horizon.interval_s);
}

void read_shared_forecast(const MapReader& top, Plan& plan, const PlanClock& clock, Diagnostics& diagnostics) {
  if (!top.has("csv")) return;
  const auto file = top.text("csv");
  if (!file || !clock.ok) return;
  // Which queues take their forecast from the shared file: those without one of their own.
  const Node list = top.get("queues");
  std::vector<bool> takes(plan.queues.size(), true);
  std::vector<Node> own(plan.queues.size());
  for (std::size_t k = 0; k < list.size(); ++k) {
    const Node forecast = list[k]["forecast"];
    if (!forecast.IsDefined()) continue;
    for (std::size_t q = 0; q < plan.queues.size(); ++q)
      if (plan.queues[q].name == list[k]["name"].Scalar()) takes[q] = false, own[q] = forecast;
  }
  namespace fs = std::filesystem;
  const fs::path resolved = fs::path(*file).is_absolute() ? fs::path(*file) : fs::path(clock.folder) / *file;
  const std::string csv_path = resolved.lexically_normal().string();
  const auto read = read_shared_csv_forecast(csv_path, top.get("csv"), "csv", plan.queues, takes, plan.horizon,
                                             *clock.zone, diagnostics);
  if (!read) return;
  const std::vector<int>& first_line = *read;
  for (std::size_t q = 0; q < plan.queues.size(); ++q) {
    const Queue& queue = plan.queues[q];
    if (!takes[q] && first_line[q] > 0)
      diagnostics.error(own[q], fmt::format("queue '{}' has a forecast of its own and rows in the shared csv "
                                            "'{}' (first at line {}); give its forecast in one place",
                                            queue.name, csv_path, first_line[q]));
    if (takes[q] && first_line[q] == 0)
      diagnostics.error(queue.pos, fmt::format("queue '{}' has no forecast: no rows for it in the shared csv '{}' "
                                               "and no forecast key of its own (for a queue without calls write "
                                               "forecast: {{ rows: [] }})",
                                               queue.name, csv_path));
  }
}

void read_forecast(const Node& node, const std::string& path, Queue& queue, const Plan& plan,
                   const PlanClock& clock, Diagnostics& diagnostics) {
  const MapReader forecast(node, path, diagnostics, {"volumes", "rows", "csv"});
  if (!forecast.ok()) return;
  const int given = forecast.has("volumes") + forecast.has("rows") + forecast.has("csv");
  if (given != 1) {
    diagnostics.error(node, fmt::format("{} needs exactly one of volumes, rows or csv, got {}", path, given));
    return;
  }
  const auto count = static_cast<std::size_t>(clock.ok ? plan.horizon.count : 0);
  queue.calls.assign(count, 0.0);
  queue.aht_s_per_interval.assign(count, queue.aht_s);
  if (forecast.has("volumes")) return read_volumes(forecast.get("volumes"), forecast.field("volumes"), queue, plan, clock, diagnostics);
  if (forecast.has("rows")) return read_rows(forecast.get("rows"), forecast.field("rows"), queue, plan, clock, diagnostics);
  const auto file = forecast.text("csv");
  if (!file) return;
  namespace fs = std::filesystem;
  const fs::path resolved = fs::path(*file).is_absolute() ? fs::path(*file) : fs::path(clock.folder) / *file;
  if (!clock.ok) return;
  read_csv_forecast(resolved.lexically_normal().string(), forecast.get("csv"), forecast.field("csv"), queue,
                    plan.horizon, *clock.zone, diagnostics);
}

}  // namespace staffplan::load
