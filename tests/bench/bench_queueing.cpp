// Speed of the queueing core (issue 2 targets, Release build):
//   Erlang C staffing search  A ~ 100: <= 2 us    A = 40 000: <= 200 us
//   Erlang A metrics          A = 1 000: <= 20 us
//   Erlang A staffing search  A = 1 000: <= 200 us  A = 10 000: <= 5 ms
// Run: build/tests/bench/bench_queueing (or scripts/bench queueing).
#include <benchmark/benchmark.h>

#include "queueing/queueing.hpp"

namespace q = staffplan::queueing;

namespace {

q::Goals eighty_twenty() {
  q::Goals g;
  g.service_level = 0.8;
  g.answer_within_s = 20;
  return g;
}

// calls per 30 min for a load of `erlangs` at AHT 180 s.
q::Load load_for(double erlangs, q::Model model = q::Model::erlang_c) {
  return {erlangs * 1800 / 180, 180, 1800, model, 120};
}

void BM_ErlangCSearch(benchmark::State& state) {
  const q::Load load = load_for(static_cast<double>(state.range(0)) + 0.37);
  const q::Goals goals = eighty_twenty();
  for (auto _ : state) benchmark::DoNotOptimize(q::required_agents(load, goals));
}
BENCHMARK(BM_ErlangCSearch)->Arg(100)->Arg(40000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_ErlangCSearchWithAsaAndOccupancy(benchmark::State& state) {
  const q::Load load = load_for(static_cast<double>(state.range(0)) + 0.37);
  q::Goals goals = eighty_twenty();
  goals.asa_s = 15;
  goals.max_occupancy = 0.9;
  for (auto _ : state) benchmark::DoNotOptimize(q::required_agents(load, goals));
}
BENCHMARK(BM_ErlangCSearchWithAsaAndOccupancy)->Arg(100)->Arg(40000)->Unit(benchmark::kMicrosecond);

void BM_ErlangAMetrics(benchmark::State& state) {
  const double a = static_cast<double>(state.range(0));
  const q::Load load = load_for(a, q::Model::erlang_a);
  const int agents = static_cast<int>(a) + 10;
  for (auto _ : state) benchmark::DoNotOptimize(q::evaluate(load, agents, 20));
}
BENCHMARK(BM_ErlangAMetrics)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_ErlangASearch(benchmark::State& state) {
  const q::Load load = load_for(static_cast<double>(state.range(0)), q::Model::erlang_a);
  q::Goals goals = eighty_twenty();
  goals.max_abandon = 0.05;
  for (auto _ : state) benchmark::DoNotOptimize(q::required_agents(load, goals));
}
BENCHMARK(BM_ErlangASearch)->Arg(833)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void BM_ErlangASearchWithAsa(benchmark::State& state) {
  const q::Load load = load_for(static_cast<double>(state.range(0)), q::Model::erlang_a);
  q::Goals goals = eighty_twenty();
  goals.asa_s = 10;
  for (auto _ : state) benchmark::DoNotOptimize(q::required_agents(load, goals));
}
BENCHMARK(BM_ErlangASearchWithAsa)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void BM_ErlangBRecursion(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(q::erlang_b(n, n * 0.95));
}
BENCHMARK(BM_ErlangBRecursion)->Arg(100)->Arg(100000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
