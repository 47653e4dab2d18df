#pragma once
// Hand-built plans for the simulation tests (no YAML: the engine only needs the
// horizon, the queues' calls and AHT per interval, the model and the goal).
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "model/staffing.hpp"

namespace staffplan::testing {

struct QueueSpec {
  std::string name = "q";
  std::vector<double> calls = {};  // per interval
  double aht_s = 180;
  std::vector<int> agents = {};  // per interval
  double answer_within_s = 20;
  std::optional<double> aht_cv = std::nullopt;
};

inline Plan make_plan(const std::vector<QueueSpec>& specs, int interval_s,
                      QueueModel model = QueueModel::erlang_c,
                      std::optional<double> patience_s = std::nullopt) {
  Plan plan;
  plan.file = "test.yaml";
  plan.name = "test";
  plan.horizon.timezone = "UTC";
  plan.horizon.start_date = "2026-11-23";
  plan.horizon.interval_s = interval_s;
  plan.horizon.count = static_cast<int>(specs.front().calls.size());
  plan.horizon.days = 1;
  plan.horizon.start_utc = 1795392000;  // 2026-11-23T00:00:00Z
  plan.horizon.utc_offset_s.assign(static_cast<std::size_t>(plan.horizon.count + 1), 0);
  plan.model = model;
  plan.patience_s = patience_s;
  for (const auto& spec : specs) {
    Queue queue;
    queue.name = spec.name;
    queue.aht_s = spec.aht_s;
    queue.aht_cv = spec.aht_cv;
    queue.goal.service_level = 0.8;
    queue.goal.answer_within_s = spec.answer_within_s;
    queue.calls = spec.calls;
    queue.aht_s_per_interval.assign(spec.calls.size(), spec.aht_s);
    plan.queues.push_back(queue);
  }
  return plan;
}

inline Staffing make_staffing(const std::vector<QueueSpec>& specs) {
  Staffing staffing;
  for (const auto& spec : specs) staffing.agents.push_back(spec.agents);
  return staffing;
}

}  // namespace staffplan::testing
