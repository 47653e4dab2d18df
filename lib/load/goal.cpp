#include <fmt/format.h>

#include <limits>

#include "load/sections.hpp"

namespace staffplan::load {

Goal read_goal(const Node& node, const std::string& path, Diagnostics& diagnostics) {
  const MapReader goal(node, path, diagnostics,
                       {"service_level", "answer_within", "asa", "max_occupancy", "max_abandon",
                        "measured_over", "interval_floor"});
  const double inf = std::numeric_limits<double>::infinity();
  Goal g;
  if (!goal.ok()) return g;
  g.service_level = goal.fraction("service_level", {0, 1, false, true});
  g.answer_within_s = goal.duration("answer_within", {0, inf});
  g.asa_s = goal.duration("asa", {0, inf, false, false});
  g.max_occupancy = goal.fraction("max_occupancy", {0, 1, false, true});
  g.max_abandon = goal.fraction("max_abandon", {0, 1, true, false});
  if (goal.has("measured_over")) {
    g.measured_over_pos = position(goal.get("measured_over"));
    if (const auto text = goal.text("measured_over")) {
      if (*text == "interval") g.measured_over = MeasuredOver::interval;
      else if (*text == "day") g.measured_over = MeasuredOver::day;
      else if (*text == "week") g.measured_over = MeasuredOver::week;
      else
        diagnostics.error(goal.get("measured_over"),
                          fmt::format("{}: must be interval, day or week, got '{}'", goal.field("measured_over"), *text));
    }
  }
  if (goal.has("interval_floor")) {
    g.interval_floor_pos = position(goal.get("interval_floor"));
    g.interval_floor = goal.fraction("interval_floor", {0, 1, true, true});
  }
  return g;
}

Goal merge_goals(const Goal& base, const Goal& override) {
  Goal g = base;
  if (override.service_level) g.service_level = override.service_level;
  if (override.answer_within_s) g.answer_within_s = override.answer_within_s;
  if (override.asa_s) g.asa_s = override.asa_s;
  if (override.max_occupancy) g.max_occupancy = override.max_occupancy;
  if (override.max_abandon) g.max_abandon = override.max_abandon;
  if (override.measured_over) {
    g.measured_over = override.measured_over;
    g.measured_over_pos = override.measured_over_pos;
  }
  if (override.interval_floor) {
    g.interval_floor = override.interval_floor;
    g.interval_floor_pos = override.interval_floor_pos;
  }
  return g;
}

}  // namespace staffplan::load
