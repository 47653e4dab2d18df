#pragma once
// A queue's forecast from a CSV file: header `start,calls` or `start,calls,aht_s`,
// one row per interval (intervals not listed have 0 calls). Errors name the CSV
// file and line.
#include <date/tz.h>
#include "load/yaml_tree.hpp"

#include <string>

#include "load/diagnostics.hpp"
#include "model/plan.hpp"

namespace staffplan::load {

// At most this many bad rows are reported per file; the rest are counted.
inline constexpr int max_csv_errors = 10;

// Reads `csv_path` into queue.calls / queue.aht_s_per_interval (already sized to
// the horizon). `where` and `what` are the plan's `csv` node and field path, used
// when the file itself cannot be read.
void read_csv_forecast(const std::string& csv_path, const Node& where, const std::string& what,
                       Queue& queue, const Horizon& horizon, const date::time_zone& zone,
                       Diagnostics& diagnostics);

}  // namespace staffplan::load
