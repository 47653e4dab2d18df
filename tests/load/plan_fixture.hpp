#pragma once
// Small plan texts for loader tests, with helpers that return the diagnostics a
// text produces. Line numbers in the tests refer to base_plan() below.
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "load/load.hpp"

namespace staffplan::test {

// A valid one-day plan; `replace` swaps whole lines (1-based), `tail` is appended.
//  1 version: 1
//  2 name: test
//  3 timezone: America/New_York
//  4 start: 2026-11-23
//  5 days: 1
//  6 interval: 60m
//  7 shrinkage: 30%
//  8 goal: { service_level: 80%, answer_within: 20s }
//  9 queues:
// 10   - name: english
// 11     aht: 300s
// 12     forecast:
// 13       rows: []
inline std::string base_plan(const std::map<int, std::string>& replace = {}, const std::string& tail = "") {
  const std::vector<std::string> lines = {
      "version: 1",           "name: test", "timezone: America/New_York",
      "start: 2026-11-23",    "days: 1",    "interval: 60m",
      "shrinkage: 30%",       "goal: { service_level: 80%, answer_within: 20s }",
      "queues:",              "  - name: english", "    aht: 300s",
      "    forecast:",        "      rows: []"};
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto it = replace.find(static_cast<int>(i + 1));
    text += (it == replace.end() ? lines[i] : it->second) + "\n";
  }
  return text + tail;
}

// Every error of a plan text, as printed ("plan.yaml:7:12: error: ..."); empty when it loads.
inline std::vector<std::string> errors_of(const std::string& text) {
  std::vector<std::string> out;
  try {
    load::load_plan_text(text, "plan.yaml");
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(d.to_string());
  }
  return out;
}

inline std::vector<std::string> file_errors_of(const std::string& path) {
  std::vector<std::string> out;
  try {
    load::load_plan(path);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) out.push_back(d.to_string());
  }
  return out;
}

}  // namespace staffplan::test
