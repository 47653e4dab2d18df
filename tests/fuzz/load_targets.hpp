#pragma once
// Fuzz targets for the loader: plan files from YAML text, and forecast CSV files.
// Contract (SPEC §3, §6): any text is either a valid plan or an InputError whose
// diagnostics each carry a message; never another exception, a crash, a hang or
// unbounded memory (libFuzzer's -timeout and -rss_limit_mb catch the last two).
#include <unistd.h>

#include <fstream>
#include <string>
#include <string_view>

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

}  // namespace staffplan::fuzz
