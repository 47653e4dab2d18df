// Loader and requirement speed on a year at 15 minutes (35 040 intervals), the
// sizes issue 3 sets targets for: a 35 040-row CSV forecast loads in <= 0.3 s;
// require on 3 queues x 35 040 intervals (105 120 staffing searches) <= 1 s end to
// end (that end-to-end figure is scripts/bench.d/require_year.sh).
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "load/load.hpp"
#include "require/require.hpp"

namespace {

namespace fs = std::filesystem;

// 2026 in UTC at 15 minutes (365 days, no daylight saving: exactly 35 040 intervals).
constexpr int year_intervals = 365 * 96;
const char* header =
    "version: 1\ntimezone: UTC\nstart: 2026-01-01\ndays: 365\ninterval: 15m\nshrinkage: 30%\n"
    "goal: { service_level: 80%, answer_within: 20s, max_occupancy: 90% }\nqueues:\n";

// Calls in interval i: quiet nights, a morning and an afternoon peak, like the configs.
double calls(int i, double peak) {
  const double h = (i % 96) / 4.0;
  const auto g = [&](double mu, double sd) { return std::exp(-0.5 * std::pow((h - mu) / sd, 2)); };
  return std::round(10 * peak * (0.04 + 0.96 * g(10, 1.4) + 0.8 * g(15, 1.6))) / 10;
}

fs::path folder() {
  static const fs::path dir = [] {
    const fs::path d = fs::temp_directory_path() / "staffplan-bench-load";
    fs::create_directories(d);
    std::ofstream csv(d / "year.csv");
    csv << "start,calls,aht_s\n";
    for (int i = 0; i < year_intervals; ++i) {
      const int day = i / 96, minute = (i % 96) * 15;
      // Day-of-year to month/day for 2026 (not a leap year).
      static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int m = 0, d0 = day;
      while (d0 >= month_days[m]) d0 -= month_days[m++];
      csv << fmt::format("2026-{:02}-{:02}T{:02}:{:02},{},{}\n", m + 1, d0 + 1, minute / 60, minute % 60,
                         calls(i, 400), 290 + i % 20);
    }
    std::ofstream(d / "year-csv.yaml") << header << "  - name: english\n    aht: 300s\n    forecast: { csv: year.csv }\n";
    std::ofstream yaml(d / "year.yaml");
    yaml << header;
    for (const auto& [name, peak] : {std::pair{"english", 400.0}, {"spanish", 120.0}, {"billing", 60.0}}) {
      yaml << "  - name: " << name << "\n    aht: 300s\n    forecast:\n      volumes: [";
      for (int i = 0; i < year_intervals; ++i) yaml << (i ? ", " : "") << calls(i, peak);
      yaml << "]\n";
    }
    return d;
  }();
  return dir;
}

void BM_LoadCsvForecastYear(benchmark::State& state) {
  const std::string path = (folder() / "year-csv.yaml").string();
  for (auto _ : state) benchmark::DoNotOptimize(staffplan::load::load_plan(path));
  state.counters["rows"] = year_intervals;
}
BENCHMARK(BM_LoadCsvForecastYear)->Unit(benchmark::kMillisecond);

void BM_LoadYamlVolumesYear3Queues(benchmark::State& state) {
  const std::string path = (folder() / "year.yaml").string();
  for (auto _ : state) benchmark::DoNotOptimize(staffplan::load::load_plan(path));
  state.counters["values"] = 3 * year_intervals;
}
BENCHMARK(BM_LoadYamlVolumesYear3Queues)->Unit(benchmark::kMillisecond);

void BM_RequireYear3Queues(benchmark::State& state) {
  const auto plan = staffplan::load::load_plan((folder() / "year.yaml").string());
  for (auto _ : state) benchmark::DoNotOptimize(staffplan::require::compute(plan));
  state.counters["searches"] = 3 * year_intervals;
}
BENCHMARK(BM_RequireYear3Queues)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
