// Simulation speed (issue 5): >= 5 M simulated calls per second per core on an
// exponential M/M/N queue. Counter `calls/s` is simulated calls per CPU second
// of the benchmark thread.
#include <benchmark/benchmark.h>

#include <vector>

#include "simulate/queue_simulation.hpp"

namespace {

using staffplan::simulate::IntervalCounts;
using staffplan::simulate::QueueInput;
using staffplan::simulate::Xoshiro256;

// One day of half-hour intervals at `erlangs` offered load on `agents` agents,
// 180 s calls; erlang_c unless patience is given.
QueueInput day_of(double erlangs, int agents, std::optional<double> patience = std::nullopt,
                  std::optional<double> cv = std::nullopt) {
  QueueInput input;
  input.interval_s = 1800;
  input.calls.assign(48, erlangs * 1800 / 180);
  input.aht_s.assign(48, 180);
  input.agents.assign(48, agents);
  input.patience_s = patience;
  input.aht_cv = cv;
  return input;
}

void run_days(benchmark::State& state, const QueueInput& input) {
  std::vector<IntervalCounts> counts;
  std::int64_t calls = 0;
  std::uint64_t replication = 0;
  for (auto _ : state) {
    Xoshiro256 rng(1, replication++);
    staffplan::simulate::simulate_queue(input, rng, counts);
    for (const auto& c : counts) calls += c.offered;
    benchmark::DoNotOptimize(counts.data());
  }
  state.counters["calls/s"] = benchmark::Counter(static_cast<double>(calls), benchmark::Counter::kIsRate);
}

// M/M/N at 90 % occupancy, from a small team to a large one (heap depth grows).
void BM_ExponentialMMN(benchmark::State& state) {
  const int agents = static_cast<int>(state.range(0));
  run_days(state, day_of(0.9 * agents, agents));
}
BENCHMARK(BM_ExponentialMMN)->Arg(10)->Arg(100)->Arg(1000);

void BM_ErlangA(benchmark::State& state) { run_days(state, day_of(90, 90, 120.0)); }
BENCHMARK(BM_ErlangA);

void BM_LognormalHandling(benchmark::State& state) { run_days(state, day_of(90, 100, std::nullopt, 1.5)); }
BENCHMARK(BM_LognormalHandling);

}  // namespace

BENCHMARK_MAIN();
