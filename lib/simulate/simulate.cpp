#include "simulate/simulate.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "require/require.hpp"
#include "simulate/prediction.hpp"
#include "simulate/replications.hpp"
#include "simulate/skill_simulation.hpp"
#include "simulate/statistics.hpp"

namespace staffplan::simulate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

void check(const Plan& plan, const Staffing& staffing, const Options& options) {
  if (options.replications < 1) throw std::invalid_argument("simulate: replications must be >= 1");
  if (!(options.confidence > 0 && options.confidence < 1))
    throw std::invalid_argument("simulate: confidence must be in (0, 1)");
  if (options.threads < 1) throw std::invalid_argument("simulate: threads must be >= 1");
  if (!(options.time_limit_s > 0)) throw std::invalid_argument("simulate: time_limit_s must be > 0");
  if (options.aht_cv && !(std::isfinite(*options.aht_cv) && *options.aht_cv >= 0))
    throw std::invalid_argument("simulate: aht_cv must be finite and >= 0");
  if (staffing.agents.size() != plan.queues.size())
    throw std::invalid_argument("simulate: staffing has a different number of queues than the plan");
  for (const auto& row : staffing.agents) {
    if (static_cast<int>(row.size()) != plan.horizon.count)
      throw std::invalid_argument("simulate: staffing has a different number of intervals than the plan");
    for (int agents : row)
      if (agents < 0) throw std::invalid_argument("simulate: negative agents in the staffing");
  }
  for (const GroupStaffing& g : staffing.groups) {
    if (g.site < 0 || g.site >= static_cast<int>(plan.sites.size()) || g.group < 0 ||
        g.group >= static_cast<int>(agent_groups(plan, plan.sites[static_cast<std::size_t>(g.site)]).size()))
      throw std::invalid_argument("simulate: staffing names a group the plan does not have");
    if (g.queues.empty()) throw std::invalid_argument("simulate: a group of the staffing answers no queue");
    for (int q : g.queues)
      if (q < 0 || q >= static_cast<int>(plan.queues.size()))
        throw std::invalid_argument("simulate: a group of the staffing answers an unknown queue");
    if (static_cast<int>(g.productive.size()) != plan.horizon.count)
      throw std::invalid_argument("simulate: a group of the staffing has a different number of intervals");
    for (double agents : g.productive)
      if (!(std::isfinite(agents) && agents >= 0))
        throw std::invalid_argument("simulate: a group of the staffing has negative or non-finite agents");
  }
}

// The skill pools of a staffing: one per set of queues, in order of first
// appearance among the groups; pool_of[k] is the pool of staffing.groups[k].
struct SkillPools {
  std::vector<SkillPoolInput> pools;
  std::vector<int> pool_of;
  bool routes = false;  // a pool answering several queues has agents
};

SkillPools skill_pools(const Plan& plan, const Staffing& staffing) {
  SkillPools out;
  std::vector<std::vector<double>> productive;
  for (const GroupStaffing& g : staffing.groups) {
    std::size_t p = 0;
    while (p < out.pools.size() && out.pools[p].queues != g.queues) ++p;
    if (p == out.pools.size()) {
      out.pools.push_back(SkillPoolInput{g.queues, {}});
      productive.emplace_back(static_cast<std::size_t>(plan.horizon.count), 0.0);
    }
    out.pool_of.push_back(static_cast<int>(p));
    for (std::size_t i = 0; i < g.productive.size(); ++i) productive[p][i] += g.productive[i];
  }
  for (std::size_t p = 0; p < out.pools.size(); ++p) {
    for (double agents : productive[p]) out.pools[p].agents.push_back(whole_agents(agents));
    const auto& agents = out.pools[p].agents;
    if (out.pools[p].queues.size() > 1 && std::any_of(agents.begin(), agents.end(), [](int a) { return a > 0; }))
      out.routes = true;
  }
  return out;
}

double answer_within(const Queue& queue) {
  return queue.goal.answer_within();
}

QueueInput input_of(const Plan& plan, const Staffing& staffing, int q, const Options& options) {
  const Queue& queue = plan.queues[static_cast<std::size_t>(q)];
  QueueInput input;
  input.interval_s = plan.horizon.interval_s;
  input.calls = queue.calls;
  input.aht_s = queue.aht_s_per_interval;
  input.agents = staffing.agents[static_cast<std::size_t>(q)];
  input.answer_within_s = answer_within(queue);
  if (plan.model == QueueModel::erlang_a) input.patience_s = plan.patience_s;
  input.aht_cv = options.aht_cv ? options.aht_cv : queue.aht_cv;
  if (input.aht_cv && *input.aht_cv == 1.0) input.aht_cv.reset();  // CV 1 = exponential
  return input;
}

// Per-replication ratios of a block of counts, accumulated over replications;
// NaN (skipped) when the denominator is 0.
struct Sample {
  Accumulator offered, service_level, asa_s, p_abandon, p_wait, max_wait_s;
  void add(const IntervalCounts& c) {
    const double n = static_cast<double>(c.offered);
    offered.add(n);
    service_level.add(c.offered ? static_cast<double>(c.answered_within) / n : kNaN);
    asa_s.add(c.answered ? c.answered_wait_s / static_cast<double>(c.answered) : kNaN);
    p_abandon.add(c.offered ? static_cast<double>(c.abandoned) / n : kNaN);
    p_wait.add(c.offered ? static_cast<double>(c.waited) / n : kNaN);
    max_wait_s.add(c.offered ? c.max_wait_s : kNaN);
  }
  SimulatedMetrics metrics(double level) const {
    return {.calls = offered.estimate(0, kInf, level).mean,
            .service_level = service_level.estimate(0, 1, level),
            .asa_s = asa_s.estimate(0, kInf, level),
            .p_abandon = p_abandon.estimate(0, 1, level),
            .p_wait = p_wait.estimate(0, 1, level),
            .max_wait_s = max_wait_s.estimate(0, kInf, level)};
  }
};

// Replications simulated at once: bounds memory (counts of one batch) whatever
// --replications is; the reduction is in replication order, so the batch size
// does not change the result.
constexpr int kBatch = 64;

// Time limits above this (about 30 years) mean "none": the deadline would overflow.
constexpr double kMaxTimeLimitS = 1e9;

void accumulate(IntervalCounts& into, const IntervalCounts& c) {
  into.offered += c.offered;
  into.answered += c.answered;
  into.answered_within += c.answered_within;
  into.waited += c.waited;
  into.abandoned += c.abandoned;
  into.answered_wait_s += c.answered_wait_s;
  into.max_wait_s = std::max(into.max_wait_s, c.max_wait_s);
}

// The days or weeks of the queues measured over them (SPEC §11): which period each
// interval falls in, and one pooled sample per period.
struct Periods {
  std::vector<std::vector<int>> of;      // [queue][interval] -> row in `rows`, -1 when none
  std::vector<PeriodResult> rows;        // queue, then period order
  std::vector<Sample> samples;           // parallel to rows

  explicit Periods(const Plan& plan) {
    for (int q = 0; q < static_cast<int>(plan.queues.size()); ++q) {
      const Goal& goal = plan.queues[static_cast<std::size_t>(q)].goal;
      of.emplace_back(static_cast<std::size_t>(plan.horizon.count), -1);
      if (!goal.global()) continue;
      int last = -1;
      for (int i = 0; i < plan.horizon.count; ++i) {
        const int p = require::period_of(plan, goal.measured(), i);
        if (p != last) rows.push_back(PeriodResult{.queue = q, .period = p, .first_interval = i});
        last = p;
        of[static_cast<std::size_t>(q)][static_cast<std::size_t>(i)] = static_cast<int>(rows.size()) - 1;
      }
    }
    samples.resize(rows.size());
  }

  // One replication of queue q.
  void add(int q, const std::vector<IntervalCounts>& per_interval) {
    const std::vector<int>& row_of = of[static_cast<std::size_t>(q)];
    if (row_of.empty() || row_of.front() < 0) return;
    IntervalCounts total;
    for (std::size_t i = 0; i < per_interval.size(); ++i) {
      accumulate(total, per_interval[i]);
      if (i + 1 == per_interval.size() || row_of[i + 1] != row_of[i]) {
        samples[static_cast<std::size_t>(row_of[i])].add(total);
        total = IntervalCounts{};
      }
    }
  }
};

}  // namespace

double simulated_calls(const Plan& plan, int replications) {
  double calls = 0;
  for (const Queue& queue : plan.queues)
    for (double c : queue.calls) calls += c;
  return calls * replications;
}

Result run(const Plan& plan, const Staffing& staffing, const Options& options) {
  check(plan, staffing, options);
  const int queue_count = static_cast<int>(plan.queues.size());
  const auto intervals = static_cast<std::size_t>(plan.horizon.count);
  const int replications = options.replications;

  std::vector<QueueInput> inputs;
  for (int q = 0; q < queue_count; ++q) inputs.push_back(input_of(plan, staffing, q, options));

  // Skill routing when a group answering several queues has agents; else every
  // queue on its own, exactly as before groups existed.
  const SkillPools skill = skill_pools(plan, staffing);
  SkillInput skill_input;
  if (skill.routes) {
    skill_input.interval_s = plan.horizon.interval_s;
    skill_input.queues = inputs;
    skill_input.pools = skill.pools;
  }
  const int jobs_per_replication = skill.routes ? 1 : queue_count;

  // Accumulate per interval, per queue (pooled over intervals) and overall
  // (pooled over queues), replication by replication.
  std::vector<Sample> interval_samples(static_cast<std::size_t>(queue_count) * intervals);
  std::vector<Sample> queue_samples(static_cast<std::size_t>(queue_count));
  Sample overall_sample;
  std::vector<Accumulator> occupancy(skill.pools.size());
  Periods periods(plan);
  const auto add_replication = [&](const auto& counts_of_queue) {
    IntervalCounts overall;
    for (int q = 0; q < queue_count; ++q) {
      const std::vector<IntervalCounts>& per_interval = counts_of_queue(q);
      IntervalCounts total;
      for (std::size_t i = 0; i < intervals; ++i) {
        interval_samples[static_cast<std::size_t>(q) * intervals + i].add(per_interval[i]);
        accumulate(total, per_interval[i]);
      }
      queue_samples[static_cast<std::size_t>(q)].add(total);
      periods.add(q, per_interval);
      accumulate(overall, total);
    }
    overall_sample.add(overall);
  };
  const int jobs = replications * jobs_per_replication;
  int jobs_done = 0;
  const std::function<void()> on_job_done = [&] {
    ++jobs_done;
    if (options.on_progress) options.on_progress(jobs_done, jobs);
  };
  StopCheck stop{.flag = options.stop};
  if (options.time_limit_s < kMaxTimeLimitS)
    stop.deadline = std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double>(options.time_limit_s));
  int threads_refused = 0;
  for (int first = 0; first < replications; first += kBatch) {
    const int count = std::min(kBatch, replications - first);
    int batch_threads = 1;
    ReplicationCounts counts;
    std::vector<SkillCounts> skill_counts;
    try {
      if (skill.routes)
        skill_counts = run_skill_replications(skill_input, first, count, options.seed, options.threads,
                                              on_job_done, stop, &batch_threads);
      else
        counts = run_replications(inputs, first, count, options.seed, options.threads, on_job_done, stop,
                                  &batch_threads);
    } catch (const StopRequested&) {
      const bool by_time = !(options.stop && options.stop->load());
      throw Stopped(by_time ? "simulation stopped at the time limit" : "simulation interrupted", by_time,
                    jobs_per_replication > 0 ? jobs_done / jobs_per_replication : 0);
    }
    const int wanted = std::clamp(options.threads, 1, std::max(count * jobs_per_replication, 1));
    threads_refused = std::max(threads_refused, wanted - batch_threads);
    for (int k = 0; k < count; ++k) {
      if (skill.routes) {
        const SkillCounts& c = skill_counts[static_cast<std::size_t>(k)];
        add_replication([&](int q) -> const std::vector<IntervalCounts>& {
          return c.queues[static_cast<std::size_t>(q)];
        });
        for (std::size_t p = 0; p < c.pools.size(); ++p)
          occupancy[p].add(c.pools[p].agent_s > 0 ? c.pools[p].busy_s / c.pools[p].agent_s : kNaN);
      } else {
        add_replication([&](int q) -> const std::vector<IntervalCounts>& {
          return counts[static_cast<std::size_t>(k * queue_count + q)];
        });
      }
    }
  }

  Result result;
  result.threads_refused = threads_refused;
  result.replications = replications;
  result.seed = options.seed;
  result.confidence = options.confidence;
  const double level = options.confidence;
  for (int q = 0; q < queue_count; ++q) {
    const Queue& queue = plan.queues[static_cast<std::size_t>(q)];
    const double within = inputs[static_cast<std::size_t>(q)].answer_within_s;
    for (std::size_t i = 0; i < intervals; ++i) {
      IntervalResult row;
      row.queue = q;
      row.interval = static_cast<int>(i);
      row.agents = staffing.agents[static_cast<std::size_t>(q)][i];
      row.forecast_calls = queue.calls[i];
      row.simulated = interval_samples[static_cast<std::size_t>(q) * intervals + i].metrics(level);
      row.predicted = predict_interval(plan, q, row.interval, row.agents, within);
      result.intervals.push_back(std::move(row));
    }
  }

  // Summaries pool each replication's calls first, so they are call-weighted;
  // their predictions are weighted the same way.
  std::vector<const IntervalResult*> all_rows;
  for (int q = 0; q < queue_count; ++q) {
    const Queue& queue = plan.queues[static_cast<std::size_t>(q)];
    QueueResult summary;
    summary.queue = q;
    std::vector<const IntervalResult*> rows;
    for (std::size_t i = 0; i < intervals; ++i) {
      const IntervalResult& row = result.intervals[static_cast<std::size_t>(q) * intervals + i];
      rows.push_back(&row);
      summary.forecast_calls += row.forecast_calls;
    }
    all_rows.insert(all_rows.end(), rows.begin(), rows.end());
    summary.simulated = queue_samples[static_cast<std::size_t>(q)].metrics(level);
    summary.predicted = weighted_prediction(rows);
    summary.goal_service_level = queue.goal.service_level;
    summary.answer_within_s = answer_within(queue);
    result.queues.push_back(std::move(summary));
  }
  result.overall.queue = -1;
  for (const auto& q : result.queues) result.overall.forecast_calls += q.forecast_calls;
  result.overall.simulated = overall_sample.metrics(level);
  result.overall.predicted = weighted_prediction(all_rows);
  for (std::size_t k = 0; k < periods.rows.size(); ++k) {
    PeriodResult row = periods.rows[k];
    std::vector<const IntervalResult*> rows;
    for (int i = 0; i < plan.horizon.count; ++i)
      if (periods.of[static_cast<std::size_t>(row.queue)][static_cast<std::size_t>(i)] == static_cast<int>(k)) {
        rows.push_back(&result.intervals[static_cast<std::size_t>(row.queue) * intervals + static_cast<std::size_t>(i)]);
        row.forecast_calls += rows.back()->forecast_calls;
      }
    row.simulated = periods.samples[k].metrics(level);
    row.predicted = weighted_prediction(rows);
    result.periods.push_back(row);
  }

  if (skill.routes) {
    result.skill_routing = true;
    const double hours = plan.horizon.interval_s / 3600.0;
    for (std::size_t k = 0; k < staffing.groups.size(); ++k) {
      const GroupStaffing& g = staffing.groups[k];
      GroupResult row;
      row.site = g.site;
      row.group = g.group;
      row.queues = g.queues;
      row.pool = skill.pool_of[k];
      for (double agents : g.productive) row.agent_hours += agents * hours;
      if (!(row.agent_hours > 0)) continue;
      for (int agents : skill.pools[static_cast<std::size_t>(row.pool)].agents) row.pool_agent_hours += agents * hours;
      row.occupancy = occupancy[static_cast<std::size_t>(row.pool)].estimate(0, 1, level);
      result.groups.push_back(std::move(row));
    }
  }
  return result;
}

}  // namespace staffplan::simulate
