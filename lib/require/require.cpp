#include "require/require.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace staffplan::require {
namespace {

// "2026-11-23T08:30:00-05:00" for the start of interval i, for messages.
std::string timestamp(const Horizon& h, int i) {
  const int offset = h.utc_offset_s[static_cast<std::size_t>(i)];
  const date::sys_seconds local{std::chrono::seconds{h.interval_start_utc(i) + offset}};
  const int m = std::abs(offset) / 60;
  return fmt::format("{}{}{:02}:{:02}", date::format("%Y-%m-%dT%H:%M:%S", local), offset < 0 ? '-' : '+', m / 60,
                     m % 60);
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

int period_of(const Plan& plan, MeasuredOver over, int interval) {
  if (over == MeasuredOver::interval) return 0;
  const Horizon& h = plan.horizon;
  const std::int64_t local0 = h.start_utc + h.utc_offset_s[0];
  const std::int64_t local = h.interval_start_utc(interval) + h.utc_offset_s[static_cast<std::size_t>(interval)];
  const int day = static_cast<int>((local - local0) / 86400);
  return over == MeasuredOver::day ? day : day / 7;
}

namespace {

// The goals of one interval under a day or week goal: interval_floor stands in for
// service_level; asa, occupancy and abandonment still hold in every interval.
queueing::Goals floor_goals(const Plan& plan, int queue) {
  queueing::Goals goals = goals_of(plan, queue);
  const Goal& g = plan.queues[static_cast<std::size_t>(queue)].goal;
  goals.service_level.reset();
  if (g.interval_floor && *g.interval_floor > 0) goals.service_level = g.interval_floor;
  return goals;
}

// sl_curve and goal_agents of an interval with calls (see require.hpp).
void add_curve(const queueing::Load& load, const queueing::Goals& goals, IntervalRequirement& r) {
  const int goal_agents = std::max(r.agents, queueing::required_agents(load, goals).agents);
  r.goal_agents = goal_agents;
  const int last =
      goal_agents + std::max(kCurveExtraAgentsMin, static_cast<int>(kCurveExtraShare * goal_agents));
  r.sl_curve.clear();
  for (int n = r.agents; n <= last; ++n) {
    const double sl = queueing::evaluate(load, n, goals.answer_within_s).service_level;
    r.sl_curve.push_back(sl);
    if (n >= goal_agents && sl >= 1 - kCurveSaturation) break;
  }
}

}  // namespace

namespace {

// The requirement of queue q per interval when `kept` of its calls stay in-house
// (1: every call).
std::vector<IntervalRequirement> queue_requirement(const Plan& plan, int q, double kept) {
  const bool erlang_a = plan.model == QueueModel::erlang_a;
  const int count = plan.horizon.count;
  std::vector<IntervalRequirement> out;
  {
    const Queue& queue = plan.queues[static_cast<std::size_t>(q)];
    const bool global = queue.goal.global();
    const queueing::Goals goals = global ? floor_goals(plan, q) : goals_of(plan, q);
    const queueing::Goals full_goals = goals_of(plan, q);
    out.reserve(static_cast<std::size_t>(count));
    // Forecasts repeat (calls, aht) pairs often, e.g. night hours and generated
    // weeks; the staffing search is deterministic, so its answer is reused.
    std::map<std::pair<double, double>, queueing::Metrics> solved;
    std::map<std::tuple<double, double, int>, std::pair<std::vector<double>, int>> curves;
    for (int i = 0; i < count; ++i) {
      queueing::Load load = load_of(plan, q, i);
      load.calls *= kept;
      const int floor = queue.open_at(plan.horizon, i) && kept > 0 ? queue.min_agents : 0;
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
          // A day/week goal with no floor and no other per-interval goal asks
          // nothing of the interval on its own (not even a stable queue).
          const bool nothing = !goals.service_level && !goals.asa_s && !goals.max_occupancy && !goals.max_abandon;
          metrics = nothing ? queueing::evaluate(load, 0, goals.answer_within_s)
                            : queueing::required_agents(load, goals);
        } catch (const queueing::UnreachableGoal& e) {
          throw InputError({Diagnostic{plan.file, queue.pos.line, queue.pos.column, Diagnostic::Severity::error,
                                       fmt::format("queue '{}' at {}: the goals cannot be met ({})",
                                                   queue.name, timestamp(plan.horizon, i), e.what())}});
        }
        solved.emplace(key, metrics);
      }
      if (metrics.agents < floor) metrics = queueing::evaluate(load, floor, goals.answer_within_s);
      IntervalRequirement r = from_metrics(load, metrics, erlang_a);
      if (global) {
        // Repeated (calls, aht) pairs with the same floor staffing share a curve.
        auto [it, fresh] = curves.try_emplace(std::make_tuple(load.calls, load.aht_s, r.agents));
        if (fresh) {
          try {
            add_curve(load, full_goals, r);
          } catch (const queueing::UnreachableGoal& e) {
            throw InputError({Diagnostic{plan.file, queue.pos.line, queue.pos.column, Diagnostic::Severity::error,
                                         fmt::format("queue '{}' at {}: the goals cannot be met ({})", queue.name,
                                                     timestamp(plan.horizon, i), e.what())}});
          }
          it->second = {r.sl_curve, r.goal_agents};
        } else {
          r.sl_curve = it->second.first;
          r.goal_agents = it->second.second;
        }
      }
      r.scheduled = queueing::scheduled_agents(r.agents, plan.shrinkage);
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace

Requirement compute(const Plan& plan) {
  Requirement result;
  result.queues.resize(plan.queues.size());
  for (int q = 0; q < static_cast<int>(plan.queues.size()); ++q) {
    QueueRequirement& out = result.queues[static_cast<std::size_t>(q)];
    out.intervals = queue_requirement(plan, q, 1.0);
    const int o = outsourcer_of(plan, q);
    if (o < 0 || plan.outsourcers[static_cast<std::size_t>(o)].mode != OutsourceMode::share) continue;
    for (double share : plan.outsourcers[static_cast<std::size_t>(o)].shares)
      out.shares.push_back(ShareLevel{share, share == 0 ? out.intervals : queue_requirement(plan, q, 1 - share)});
  }
  return result;
}

int most_required(const Plan& plan, const Requirement& requirement, int q, int i) {
  const QueueRequirement& r = requirement.queues[static_cast<std::size_t>(q)];
  (void)plan;
  if (r.shares.empty()) return r.intervals[static_cast<std::size_t>(i)].agents;
  int most = 0;
  for (const ShareLevel& level : r.shares) most = std::max(most, level.intervals[static_cast<std::size_t>(i)].agents);
  return most;
}

int least_required(const Plan& plan, const Requirement& requirement, int q, int i) {
  const QueueRequirement& r = requirement.queues[static_cast<std::size_t>(q)];
  const int base = r.intervals[static_cast<std::size_t>(i)].agents;
  if (!r.shares.empty()) {
    int least = r.shares.front().intervals[static_cast<std::size_t>(i)].agents;
    for (const ShareLevel& level : r.shares) least = std::min(least, level.intervals[static_cast<std::size_t>(i)].agents);
    return least;
  }
  const int o = outsourcer_of(plan, q);
  if (o < 0) return base;
  const Outsourcer& out = plan.outsourcers[static_cast<std::size_t>(o)];
  const bool takes = out.mode == OutsourceMode::intervals && out.open_at(plan.horizon, i) &&
                     plan.queues[static_cast<std::size_t>(q)].calls[static_cast<std::size_t>(i)] > 0;
  return takes ? 0 : base;
}

}  // namespace staffplan::require
