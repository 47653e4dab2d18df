// Simulation speed with skill-based routing (issue 11): >= 5 M simulated calls
// per second per core. Counter `calls/s` is simulated calls per CPU second of the
// benchmark thread (one replication = one day of every queue at once).
#include <benchmark/benchmark.h>

#include <optional>
#include <vector>

#include "simulate/skill_simulation.hpp"

namespace {

using staffplan::simulate::QueueInput;
using staffplan::simulate::SkillCounts;
using staffplan::simulate::SkillInput;
using staffplan::simulate::SkillPoolInput;
using staffplan::simulate::Xoshiro256;

// One day of half-hour intervals; `erlangs[q]` offered load of queue q with
// `aht_s` calls; pools as given (same agents all day).
SkillInput day_of(const std::vector<double>& erlangs, double aht_s, const std::vector<SkillPoolInput>& pools,
                  std::optional<double> patience = std::nullopt, std::optional<double> cv = std::nullopt) {
  SkillInput input;
  input.interval_s = 1800;
  for (double e : erlangs) {
    QueueInput q;
    q.interval_s = 1800;
    q.calls.assign(48, e * 1800 / aht_s);
    q.aht_s.assign(48, aht_s);
    q.patience_s = patience;
    q.aht_cv = cv;
    input.queues.push_back(q);
  }
  input.pools = pools;
  return input;
}

SkillPoolInput pool(std::vector<int> queues, int agents) { return {std::move(queues), std::vector<int>(48, agents)}; }

void run_days(benchmark::State& state, const SkillInput& input) {
  SkillCounts counts;
  std::int64_t calls = 0;
  std::uint64_t replication = 0;
  for (auto _ : state) {
    Xoshiro256 rng(1, replication++);
    staffplan::simulate::simulate_skills(input, rng, counts);
    for (const auto& queue : counts.queues)
      for (const auto& c : queue) calls += c.offered;
    benchmark::DoNotOptimize(counts.queues.data());
  }
  state.counters["calls/s"] = benchmark::Counter(static_cast<double>(calls), benchmark::Counter::kIsRate);
}

// English and Spanish: English-only agents, Spanish-only agents and a bilingual
// pool, at about 90 % occupancy, scaled by the argument (agents of the largest pool).
void BM_BilingualErlangC(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  run_days(state, day_of({0.9 * 1.5 * n, 0.9 * 0.8 * n}, 180, {pool({0}, n), pool({1}, n / 3), pool({0, 1}, n)}));
}
BENCHMARK(BM_BilingualErlangC)->Arg(10)->Arg(100)->Arg(1000);

// The same at 100 % offered load with patience (erlang_a): long lines, hang-ups.
void BM_BilingualErlangA(benchmark::State& state) {
  run_days(state, day_of({150, 80}, 180, {pool({0}, 100), pool({1}, 33), pool({0, 1}, 100)}, 120.0));
}
BENCHMARK(BM_BilingualErlangA);

// Four queues, six skill sets (one-queue, two-queue and an all-queue pool).
void BM_FourQueuesSixPools(benchmark::State& state) {
  run_days(state, day_of({40, 30, 20, 10}, 240,
                         {pool({0}, 30), pool({1}, 20), pool({0, 1}, 25), pool({2, 3}, 20), pool({2}, 8),
                          pool({0, 1, 2, 3}, 10)},
                         std::nullopt, std::nullopt));
}
BENCHMARK(BM_FourQueuesSixPools);

// Lognormal handling (CV 1.5) in the bilingual case.
void BM_BilingualLognormal(benchmark::State& state) {
  run_days(state, day_of({135, 72}, 180, {pool({0}, 100), pool({1}, 33), pool({0, 1}, 100)}, std::nullopt, 1.5));
}
BENCHMARK(BM_BilingualLognormal);

}  // namespace

BENCHMARK_MAIN();
