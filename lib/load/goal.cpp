#include <fmt/format.h>

#include <limits>

#include "load/sections.hpp"

namespace staffplan::load {

Goal read_goal(const Node& node, const std::string& path, Diagnostics& diagnostics) {
  const MapReader goal(node, path, diagnostics,
                       {"service_level", "answer_within", "asa", "max_occupancy", "max_abandon"});
  const double inf = std::numeric_limits<double>::infinity();
  Goal g;
  if (!goal.ok()) return g;
  g.service_level = goal.fraction("service_level", {0, 1, false, true});
  g.answer_within_s = goal.duration("answer_within", {0, inf});
  g.asa_s = goal.duration("asa", {0, inf, false, false});
  g.max_occupancy = goal.fraction("max_occupancy", {0, 1, false, true});
  g.max_abandon = goal.fraction("max_abandon", {0, 1, true, false});
  return g;
}

Goal merge_goals(const Goal& base, const Goal& override) {
  Goal g = base;
  if (override.service_level) g.service_level = override.service_level;
  if (override.answer_within_s) g.answer_within_s = override.answer_within_s;
  if (override.asa_s) g.asa_s = override.asa_s;
  if (override.max_occupancy) g.max_occupancy = override.max_occupancy;
  if (override.max_abandon) g.max_abandon = override.max_abandon;
  return g;
}

}  // namespace staffplan::load
