#include "simulate/queue_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "simulate/agent_pool.hpp"

namespace staffplan::simulate {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

// Handling-time sampler for one interval's AHT.
class HandlingTime {
 public:
  HandlingTime(std::optional<double> cv) : cv_(cv) {
    // Lognormal with mean m and CV c: sigma^2 = ln(1 + c^2), mu = ln m - sigma^2 / 2.
    if (cv_ && *cv_ > 0) sigma_ = std::sqrt(std::log1p(*cv_ * *cv_));
  }
  void set_mean(double aht_s) {
    mean_ = aht_s;
    if (sigma_ > 0) mu_ = std::log(aht_s) - 0.5 * sigma_ * sigma_;
  }
  double operator()(Xoshiro256& rng) {
    if (!cv_) return mean_ * unit_exponential_(rng);
    if (sigma_ > 0) return std::exp(mu_ + sigma_ * normal_(rng));
    return mean_;  // CV 0: deterministic
  }

 private:
  std::optional<double> cv_;
  double sigma_ = 0;
  double mu_ = 0;
  double mean_ = 0;
  std::exponential_distribution<double> unit_exponential_{1.0};
  std::normal_distribution<double> normal_{0.0, 1.0};
};

}  // namespace

void simulate_queue(const QueueInput& input, Xoshiro256& rng, std::vector<IntervalCounts>& counts,
                    const StopCheck& stop) {
  const auto count = static_cast<int>(input.calls.size());
  counts.assign(static_cast<std::size_t>(count), IntervalCounts{});
  if (count == 0) return;

  const double length = input.interval_s;
  const double horizon_end = count * length;  // times are seconds from the horizon start
  const bool patient_forever = !input.patience_s.has_value();
  const double patience_mean = input.patience_s.value_or(0);
  std::exponential_distribution<double> unit_exponential(1.0);
  HandlingTime handling(input.aht_cv);

  AgentPool pool;
  pool.change_staffing(input.agents[0], 0.0, rng);
  int next_change = 1;  // the next interval whose staffing is not yet in the pool
  std::int64_t until_check = kStopCheckEvery;

  for (int arrival_interval = 0; arrival_interval < count; ++arrival_interval) {
    const double calls = input.calls[static_cast<std::size_t>(arrival_interval)];
    if (!(calls > 0)) continue;
    const double mean_gap = length / calls;
    const double interval_end = (arrival_interval + 1) * length;
    handling.set_mean(input.aht_s[static_cast<std::size_t>(arrival_interval)]);
    IntervalCounts& c = counts[static_cast<std::size_t>(arrival_interval)];

    double now = arrival_interval * length;
    for (;;) {
      now += mean_gap * unit_exponential(rng);
      if (now >= interval_end) break;
      ++c.offered;
      if (--until_check == 0) {
        if (stop.due()) throw StopRequested();
        until_check = kStopCheckEvery;
      }

      // The instant the earliest-free agent could take this call; staffing changes
      // up to that instant are applied first, as they may add or remove agents.
      double start = kNever;
      for (;;) {
        start = pool.empty() ? kNever : std::max(now, pool.earliest_free());
        if (next_change < count && start >= next_change * length) {
          pool.change_staffing(input.agents[static_cast<std::size_t>(next_change)],
                               next_change * length, rng);
          ++next_change;
          continue;
        }
        break;
      }

      const double wait = start - now;
      if (wait > 0) {
        ++c.waited;
        if (!patient_forever) {
          const double patience = patience_mean * unit_exponential(rng);
          if (patience < wait) {
            ++c.abandoned;
            c.max_wait_s = std::max(c.max_wait_s, patience);
            continue;
          }
        }
        if (start == kNever) {  // no agent ever comes: not answered
          c.max_wait_s = std::max(c.max_wait_s, horizon_end - now);
          continue;
        }
      }
      pool.assign_earliest(start + handling(rng));
      ++c.answered;
      if (wait <= input.answer_within_s) ++c.answered_within;
      c.answered_wait_s += wait;
      c.max_wait_s = std::max(c.max_wait_s, wait);
    }
  }
}

}  // namespace staffplan::simulate
