#pragma once
// Small make-or-buy plans for the outsourcing tests, and an Erlang C requirement
// computed here from the textbook formula (independent of lib/queueing).
#include <cmath>
#include <string>

namespace staffplan::test {

// Smallest N with service level >= sl within t seconds for `calls` per hour of
// `aht_s` seconds (Erlang C: Erlang B by the recursion B(n) = A·B(n-1) / (n + A·B(n-1)),
// C = n·B / (n - A·(1 - B)), SL = 1 - C·exp(-(n - A)·t / aht)).
inline int erlang_c_agents(double calls, double aht_s, double interval_s = 3600, double sl = 0.8, double t = 20) {
  const double a = calls * aht_s / interval_s;
  if (a <= 0) return 0;
  double b = 1;
  for (int n = 1;; ++n) {
    b = a * b / (n + a * b);
    if (n <= a) continue;
    const double c = n * b / (n - a * (1 - b));
    if (1 - c * std::exp(-(n - a) * t / aht_s) >= sl) return n;
  }
}

// A one-day plan on 60-minute intervals: queue `english` (aht 180 s, Erlang C,
// 80 % in 20 s, no shrinkage) with `rows` forecast rows, one site `home` at
// `hourly_cost` whose one-hour shifts start every hour, and `outsourcers` text.
inline std::string make_or_buy_plan(const std::string& rows, double hourly_cost, const std::string& seats,
                                    const std::string& outsourcers) {
  return "version: 1\n"
         "name: make or buy\n"
         "timezone: America/New_York\n"
         "start: 2026-11-23\n"
         "days: 1\n"
         "interval: 60m\n"
         "model: erlang_c\n"
         "shrinkage: 0%\n"
         "goal: { service_level: 80%, answer_within: 20s }\n"
         "queues:\n"
         "  - name: english\n"
         "    aht: 180s\n"
         "    forecast:\n"
         "      rows:\n" +
         rows +
         "sites:\n"
         "  - name: home\n"
         "    hourly_cost: " + std::to_string(hourly_cost) + "\n" + seats +
         "    shifts:\n"
         "      - { name: hour, start: \"00:00\", latest_start: \"23:00\", start_step: 60m, length: 1h }\n" +
         outsourcers;
}

}  // namespace staffplan::test
