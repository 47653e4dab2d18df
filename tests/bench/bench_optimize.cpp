// Issue 4 speed targets on the benchmark instance (see plan_instance.hpp):
//   fixed mid-shift break: cost within 0.3 % of the LP bound in <= 15 s;
//   break in a 1 h window: within 0.5 % in <= 30 s;
//   no breaks: proven optimal in <= 2 s; peak memory <= 1 GB.
// One iteration each (a solve is seconds long); counters report the result.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "optimize/optimize.hpp"
#include "plan_instance.hpp"

namespace {

using staffplan::testing::BreakRule;

void solve_variant(benchmark::State& state, BreakRule rule, double gap, double limit_s) {
  const auto b = staffplan::testing::benchmark_instance(rule);
  staffplan::optimize::SolveOptions options;
  options.relative_gap = gap;
  options.time_limit_s = limit_s;
  staffplan::optimize::Schedule s;
  for (auto _ : state) s = staffplan::optimize::solve(b.plan, b.required, options);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["cost"] = s.cost;
  state.counters["bound"] = s.lower_bound;
  state.counters["gap_pct"] = 100 * s.gap;
  state.counters["seconds"] = s.solve_seconds;
  state.counters["status"] = static_cast<double>(s.status);
  state.counters["peak_MB"] = usage.ru_maxrss / 1024.0;
}

void BM_PlanNoBreaks(benchmark::State& state) { solve_variant(state, BreakRule::none, 1e-9, 2); }
void BM_PlanFixedBreak(benchmark::State& state) { solve_variant(state, BreakRule::fixed, 0.003, 15); }
void BM_PlanBreakWindow(benchmark::State& state) { solve_variant(state, BreakRule::window, 0.005, 30); }

BENCHMARK(BM_PlanNoBreaks)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_PlanFixedBreak)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_PlanBreakWindow)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
