#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "load/open_hours.hpp"
#include "load/sections.hpp"
#include "units/units.hpp"

namespace staffplan::load {
namespace {

// True when `key` is written in a goal mapping, whether or not its value was valid.
bool goal_key_written(const Node& goal, const char* key) { return goal.IsMap() && goal[key].IsDefined(); }

// `plan_goal` and `queue_goal` are the YAML goal mappings (undefined when absent): a
// goal written there with a bad value has already been reported, and saying the queue
// has no goal as well would report one mistake twice.
void check_goal(const Goal& goal, QueueModel model, const Node& where, const std::string& path,
                const Node& plan_goal, const Node& queue_goal, Diagnostics& diagnostics) {
  const auto written = [&](const char* key) {
    return goal_key_written(plan_goal, key) || goal_key_written(queue_goal, key);
  };
  const bool goal_not_a_mapping = (plan_goal.IsDefined() && !plan_goal.IsMap()) ||
                                  (queue_goal.IsDefined() && !queue_goal.IsMap());
  const bool goal_given_but_bad = goal_not_a_mapping || written("service_level") || written("asa") ||
                                  (model == QueueModel::erlang_a && written("max_abandon"));
  const bool abandon_goal = model == QueueModel::erlang_a && goal.max_abandon;
  if (!goal.service_level && !goal.asa_s && !abandon_goal && !goal_given_but_bad)
    diagnostics.error(where, fmt::format("{} has no goal: set service_level or asa{} in "
                                         "the plan's goal or the queue's",
                                         path, model == QueueModel::erlang_a ? " or max_abandon" : ""));
  // SPEC §11: the floor belongs to a day or week goal and cannot ask more than it.
  if (goal.interval_floor && goal.measured() == MeasuredOver::interval)
    diagnostics.error(goal.interval_floor_pos,
                      fmt::format("{}: goal.interval_floor needs goal.measured_over: day or week (got {})", path,
                                  goal.measured_over ? "interval" : "no measured_over"));
  if (goal.measured() != MeasuredOver::interval && !goal.service_level && !written("service_level"))
    diagnostics.error(goal.measured_over_pos,
                      fmt::format("{}: goal.measured_over: {} needs a service_level goal", path,
                                  goal.measured() == MeasuredOver::day ? "day" : "week"));
  if (goal.interval_floor && goal.service_level && *goal.interval_floor > *goal.service_level)
    diagnostics.error(goal.interval_floor_pos,
                      fmt::format("{}: goal.interval_floor {:g}% is above the service_level goal {:g}%", path,
                                  100 * *goal.interval_floor, 100 * *goal.service_level));
}

}  // namespace

void read_queues(const MapReader& top, Plan& plan, const PlanClock& clock, Diagnostics& diagnostics) {
  const Node list = top.get("queues");
  if (!list.IsDefined()) return top.missing("queues");
  if (!list.IsSequence() || list.size() == 0) {
    diagnostics.error(list, "queues must be a list with at least one queue");
    return;
  }
  const double inf = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < list.size(); ++k) {
    const Node node = list[k];
    MapReader q(node, fmt::format("queues[{}]", k), diagnostics,
                {"name", "aht", "aht_cv", "goal", "open", "min_agents", "forecast"});
    if (!q.ok()) continue;
    Queue queue;
    queue.pos = position(node);
    if (auto name = q.text("name", true)) {
      const bool duplicate = std::any_of(plan.queues.begin(), plan.queues.end(),
                                         [&](const Queue& other) { return other.name == *name; });
      if (duplicate) diagnostics.error(q.get("name"), fmt::format("duplicate queue name '{}'", *name));
      queue.name = *name;
      q.set_path(fmt::format("queues[{}]", *name));
    }
    queue.aht_s = q.duration("aht", {0, inf, false, false}, true).value_or(0);
    q.warn_bare_seconds("aht");
    queue.aht_cv = q.number("aht_cv", {0, 100});
    queue.goal = plan.goal;
    if (q.has("goal")) queue.goal = merge_goals(plan.goal, read_goal(q.get("goal"), q.field("goal"), diagnostics));
    if (plan.model == QueueModel::erlang_c) queue.goal.max_abandon.reset();  // no abandonment in erlang_c
    check_goal(queue.goal, plan.model, node, q.path(), top.get("goal"), q.get("goal"), diagnostics);
    if (q.has("open")) queue.open = read_open_hours(q.get("open"), q.field("open"), diagnostics);
    queue.min_agents = q.count("min_agents", 0, 1000000).value_or(0);
    if (!q.has("forecast")) {
      if (!top.has("csv")) q.missing("forecast");
      // Filled from the plan's shared csv (read_shared_forecast).
      const auto count = static_cast<std::size_t>(clock.ok ? plan.horizon.count : 0);
      queue.calls.assign(count, 0.0);
      queue.aht_s_per_interval.assign(count, queue.aht_s);
    } else
      read_forecast(q.get("forecast"), q.field("forecast"), queue, plan, clock, diagnostics);
    plan.queues.push_back(std::move(queue));
  }
}

}  // namespace staffplan::load
