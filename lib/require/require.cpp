#include "require/require.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <map>
#include <utility>

namespace staffplan::require {
namespace {

// Plan-clock minute after midnight of interval i (offsets are precomputed by load/).
int local_minute(const Horizon& h, int i) {
  const std::int64_t local = h.interval_start_utc(i) + h.utc_offset_s[static_cast<std::size_t>(i)];
  return static_cast<int>(((local % 86400) + 86400) % 86400 / 60);
}

// "2026-11-23T08:30:00-05:00" for the start of interval i, for messages.
std::string timestamp(const Horizon& h, int i) {
  const int offset = h.utc_offset_s[static_cast<std::size_t>(i)];
  const date::sys_seconds local{std::chrono::seconds{h.interval_start_utc(i) + offset}};
  const int m = std::abs(offset) / 60;
  return fmt::format("{}{}{:02}:{:02}", date::format("%Y-%m-%dT%H:%M:%S", local), offset < 0 ? '-' : '+', m / 60,
                     m % 60);
}

bool is_open(const Plan& plan, const Queue& queue, int i) {
  return !queue.open || queue.open->contains(local_minute(plan.horizon, i));
}

// An interval with no calls: nobody waits, nobody is busy.
IntervalRequirement idle(double aht_s, int agents, bool erlang_a) {
  IntervalRequirement r;
  r.aht_s = aht_s;
  r.agents = agents;
  r.service_level = 1;
  if (erlang_a) r.p_abandon = 0.0;
  return r;
}

IntervalRequirement from_metrics(const queueing::Load& load, const queueing::Metrics& m, bool erlang_a) {
  IntervalRequirement r;
  r.calls = load.calls;
  r.aht_s = load.aht_s;
  r.erlangs = load.erlangs();
  r.agents = m.agents;
  r.service_level = m.service_level;
  r.asa_s = m.asa_s;
  r.occupancy = m.occupancy;
  r.p_wait = m.p_wait;
  if (erlang_a) r.p_abandon = m.p_abandon;
  return r;
}

}  // namespace

queueing::Load load_of(const Plan& plan, int queue, int interval) {
  const Queue& q = plan.queues[static_cast<std::size_t>(queue)];
  queueing::Load load;
  load.calls = q.calls[static_cast<std::size_t>(interval)];
  load.aht_s = q.aht_s_per_interval[static_cast<std::size_t>(interval)];
  load.interval_s = plan.horizon.interval_s;
  load.model = plan.model == QueueModel::erlang_a ? queueing::Model::erlang_a : queueing::Model::erlang_c;
  load.patience_s = plan.patience_s.value_or(0);
  return load;
}

queueing::Goals goals_of(const Plan& plan, int queue) {
  const Goal& g = plan.queues[static_cast<std::size_t>(queue)].goal;
  queueing::Goals goals;
  goals.service_level = g.service_level;
  goals.answer_within_s = g.answer_within();
  goals.asa_s = g.asa_s;
  goals.max_occupancy = g.max_occupancy;
  if (plan.model == QueueModel::erlang_a) goals.max_abandon = g.max_abandon;
  return goals;
}

Requirement compute(const Plan& plan) {
  Requirement result;
  const bool erlang_a = plan.model == QueueModel::erlang_a;
  const int count = plan.horizon.count;
  result.queues.resize(plan.queues.size());
  for (int q = 0; q < static_cast<int>(plan.queues.size()); ++q) {
    const Queue& queue = plan.queues[static_cast<std::size_t>(q)];
    const queueing::Goals goals = goals_of(plan, q);
    auto& out = result.queues[static_cast<std::size_t>(q)].intervals;
    out.reserve(static_cast<std::size_t>(count));
    // Forecasts repeat (calls, aht) pairs often, e.g. night hours and generated
    // weeks; the staffing search is deterministic, so its answer is reused.
    std::map<std::pair<double, double>, queueing::Metrics> solved;
    for (int i = 0; i < count; ++i) {
      const queueing::Load load = load_of(plan, q, i);
      const int floor = is_open(plan, queue, i) ? queue.min_agents : 0;
      if (load.calls == 0) {
        IntervalRequirement r = idle(load.aht_s, floor, erlang_a);
        r.scheduled = queueing::scheduled_agents(r.agents, plan.shrinkage);
        out.push_back(r);
        continue;
      }
      queueing::Metrics metrics;
      const auto key = std::make_pair(load.calls, load.aht_s);
      if (const auto it = solved.find(key); it != solved.end()) {
        metrics = it->second;
      } else {
        try {
          metrics = queueing::required_agents(load, goals);
        } catch (const queueing::UnreachableGoal& e) {
          throw InputError({Diagnostic{plan.file, queue.pos.line, queue.pos.column, Diagnostic::Severity::error,
                                       fmt::format("queue '{}' at {}: the goals cannot be met ({})",
                                                   queue.name, timestamp(plan.horizon, i), e.what())}});
        }
        solved.emplace(key, metrics);
      }
      if (metrics.agents < floor) metrics = queueing::evaluate(load, floor, goals.answer_within_s);
      IntervalRequirement r = from_metrics(load, metrics, erlang_a);
      r.scheduled = queueing::scheduled_agents(r.agents, plan.shrinkage);
      out.push_back(r);
    }
  }
  return result;
}

}  // namespace staffplan::require
