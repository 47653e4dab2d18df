#include "simulate/simulate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "simulate/prediction.hpp"
#include "simulate/replications.hpp"
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
}

double answer_within(const Queue& queue) {
  return queue.goal.answer_within_s.value_or(kDefaultAnswerWithinS);
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

// Per-replication ratios of a block of counts; NaN when the denominator is 0.
struct Sample {
  std::vector<double> offered, service_level, asa_s, p_abandon, p_wait, max_wait_s;
  void add(const IntervalCounts& c) {
    const double n = static_cast<double>(c.offered);
    offered.push_back(n);
    service_level.push_back(c.offered ? c.answered_within / n : kNaN);
    asa_s.push_back(c.answered ? c.answered_wait_s / static_cast<double>(c.answered) : kNaN);
    p_abandon.push_back(c.offered ? c.abandoned / n : kNaN);
    p_wait.push_back(c.offered ? c.waited / n : kNaN);
    max_wait_s.push_back(c.offered ? c.max_wait_s : kNaN);
  }
  SimulatedMetrics metrics(double level) const {
    double total = 0;
    for (double n : offered) total += n;
    return {.calls = offered.empty() ? 0 : total / static_cast<double>(offered.size()),
            .service_level = estimate(service_level, 0, 1, level),
            .asa_s = estimate(asa_s, 0, kInf, level),
            .p_abandon = estimate(p_abandon, 0, 1, level),
            .p_wait = estimate(p_wait, 0, 1, level),
            .max_wait_s = estimate(max_wait_s, 0, kInf, level)};
  }
};

void accumulate(IntervalCounts& into, const IntervalCounts& c) {
  into.offered += c.offered;
  into.answered += c.answered;
  into.answered_within += c.answered_within;
  into.waited += c.waited;
  into.abandoned += c.abandoned;
  into.answered_wait_s += c.answered_wait_s;
  into.max_wait_s = std::max(into.max_wait_s, c.max_wait_s);
}

}  // namespace

Result run(const Plan& plan, const Staffing& staffing, const Options& options) {
  check(plan, staffing, options);
  const int queue_count = static_cast<int>(plan.queues.size());
  const int interval_count = plan.horizon.count;
  const int replications = options.replications;

  std::vector<QueueInput> inputs;
  for (int q = 0; q < queue_count; ++q) inputs.push_back(input_of(plan, staffing, q, options));
  const ReplicationCounts counts =
      run_replications(inputs, replications, options.seed, options.threads, options.on_progress);
  auto counts_of = [&](int r, int q) -> const std::vector<IntervalCounts>& {
    return counts[static_cast<std::size_t>(r * queue_count + q)];
  };

  Result result;
  result.replications = replications;
  result.seed = options.seed;
  result.confidence = options.confidence;
  for (int q = 0; q < queue_count; ++q) {
    const double within = inputs[static_cast<std::size_t>(q)].answer_within_s;
    for (int i = 0; i < interval_count; ++i) {
      Sample sample;
      for (int r = 0; r < replications; ++r) sample.add(counts_of(r, q)[static_cast<std::size_t>(i)]);
      IntervalResult row;
      row.queue = q;
      row.interval = i;
      row.agents = staffing.agents[static_cast<std::size_t>(q)][static_cast<std::size_t>(i)];
      row.forecast_calls = plan.queues[static_cast<std::size_t>(q)].calls[static_cast<std::size_t>(i)];
      row.simulated = sample.metrics(options.confidence);
      row.predicted = predict_interval(plan, q, i, row.agents, within);
      result.intervals.push_back(std::move(row));
    }
  }

  // Queue and overall summaries pool each replication's calls first, so they are
  // call-weighted; the predictions are weighted the same way.
  Sample overall_sample;
  std::vector<const IntervalResult*> all_rows;
  std::vector<IntervalCounts> overall_totals(static_cast<std::size_t>(replications));
  for (int q = 0; q < queue_count; ++q) {
    const Queue& queue = plan.queues[static_cast<std::size_t>(q)];
    Sample sample;
    for (int r = 0; r < replications; ++r) {
      IntervalCounts total;
      for (const auto& c : counts_of(r, q)) accumulate(total, c);
      sample.add(total);
      accumulate(overall_totals[static_cast<std::size_t>(r)], total);
    }
    std::vector<const IntervalResult*> rows;
    QueueResult summary;
    summary.queue = q;
    for (int i = 0; i < interval_count; ++i) {
      const IntervalResult& row = result.intervals[static_cast<std::size_t>(q * interval_count + i)];
      rows.push_back(&row);
      summary.forecast_calls += row.forecast_calls;
    }
    all_rows.insert(all_rows.end(), rows.begin(), rows.end());
    summary.simulated = sample.metrics(options.confidence);
    summary.predicted = weighted_prediction(rows);
    summary.goal_service_level = queue.goal.service_level;
    summary.answer_within_s = answer_within(queue);
    result.queues.push_back(std::move(summary));
  }
  for (const auto& total : overall_totals) overall_sample.add(total);
  result.overall.queue = -1;
  for (const auto& q : result.queues) result.overall.forecast_calls += q.forecast_calls;
  result.overall.simulated = overall_sample.metrics(options.confidence);
  result.overall.predicted = weighted_prediction(all_rows);
  return result;
}

}  // namespace staffplan::simulate
