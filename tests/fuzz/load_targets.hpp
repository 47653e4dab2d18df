#pragma once
// Fuzz targets for the loader: plan files from YAML text, and forecast CSV files.
// Contract (SPEC §3, §6): any text is either a valid plan or an InputError whose
// diagnostics each carry a message; never another exception, a crash, a hang or
// unbounded memory (libFuzzer's -timeout and -rss_limit_mb catch the last two).
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/targets.hpp"
#include "load/load.hpp"
#include "model/errors.hpp"

namespace staffplan::fuzz {

inline void check_plan(const Plan& plan) {
  check(plan.horizon.count > 0, "plan without intervals accepted");
  for (const auto& queue : plan.queues) {
    check(queue.calls.size() == static_cast<std::size_t>(plan.horizon.count), "calls not sized to the horizon");
    for (double calls : queue.calls) check(std::isfinite(calls) && calls >= 0, "bad calls value accepted");
  }
  check(std::isfinite(plan.shrinkage) && plan.shrinkage >= 0 && plan.shrinkage < 1, "bad shrinkage accepted");
}

inline void check_rejection(const InputError& error) {
  check(!error.diagnostics().empty(), "InputError without diagnostics");
  for (const auto& d : error.diagnostics()) check(!d.message.empty(), "diagnostic without message");
}

// The plan file is given by its text; relative csv paths resolve against a folder
// that does not exist, so only absolute ones reach real files.
inline void load_plan(std::string_view text) {
  try {
    check_plan(load::load_plan_text(std::string(text), "/nonexistent-fuzz-folder/plan.yaml"));
  } catch (const InputError& error) {
    check_rejection(error);
  }
}

// A fixed valid plan (1 day of 60-minute intervals, UTC) whose one queue reads its
// forecast from a CSV file holding the fuzz input.
inline void forecast_csv(std::string_view csv) {
  static const std::string folder = [] {
    char name[] = "/tmp/staffplan-fuzz-csv-XXXXXX";
    return std::string(::mkdtemp(name));
  }();
  {
    std::ofstream out(folder + "/forecast.csv", std::ios::binary | std::ios::trunc);
    out.write(csv.data(), static_cast<std::streamsize>(csv.size()));
  }
  static const std::string plan =
      "version: 1\nname: csv fuzz\ntimezone: UTC\nstart: 2026-11-23\ndays: 1\ninterval: 60m\n"
      "goal: { service_level: 80%, answer_within: 20s }\n"
      "queues:\n  - name: q\n    aht: 180s\n    forecast: { csv: forecast.csv }\n"
      "sites:\n  - name: s\n    timezone: UTC\n    hourly_cost: 20\n"
      "    shifts:\n      - { name: day, start: \"08:00\", length: 8h }\n";
  try {
    check_plan(load::load_plan_text(plan, folder + "/plan.yaml"));
  } catch (const InputError& error) {
    check_rejection(error);
  }
}

// `--set PATH=VALUE` overrides (SPEC §12): each line of the input is one argument,
// applied to a fixed valid plan with lists of named maps, lists of scalars and
// nested mappings. Any arguments give a valid plan or an InputError; never a
// crash or another exception.
inline void set_overrides(std::string_view input) {
  static const std::string plan =
      "version: 1\nname: set fuzz\ntimezone: UTC\nstart: 2026-11-23\ndays: 1\ninterval: 60m\n"
      "goal: { service_level: 80%, answer_within: 20s }\n"
      "queues:\n  - name: q\n    aht: 180s\n    open: \"06:00-22:00\"\n    forecast:\n      volumes: [0, 0, 0, 0, 0, 0, 0, 0, 5, 9, 12, 10,"
      " 8, 8, 9, 7, 5, 3, 2, 1, 0, 0, 0, 0]\n"
      "  - name: r\n    aht: 4m\n    goal: { asa: 30s }\n    forecast: { rows: [ { at: \"2026-11-23T10:00\", calls: 4 } ] }\n"
      "sites:\n  - name: s\n    timezone: UTC\n    hourly_cost: 20\n    seats: 10\n"
      "    groups:\n      - { name: both, queues: [q, r] }\n"
      "    shifts:\n      - name: day\n        start: \"08:00\"\n        length: 8h\n        days: [mon, tue]\n"
      "        breaks:\n          - { length: 30m, window: [\"3h\", \"4h\"], paid: false }\n";
  constexpr std::size_t max_arguments = 16;
  std::vector<std::string> arguments;
  std::size_t from = 0;
  while (from <= input.size() && arguments.size() < max_arguments) {
    const std::size_t end = std::min(input.find('\n', from), input.size());
    arguments.emplace_back(input.substr(from, end - from));
    from = end + 1;
  }
  try {
    check_plan(load::load_plan_text(plan, "/nonexistent-fuzz-folder/plan.yaml", nullptr, arguments));
  } catch (const InputError& error) {
    check_rejection(error);
  }
}

}  // namespace staffplan::fuzz
