#pragma once
// Forecasts from CSV files, in two layouts:
// - a queue's own file (`queues[..].forecast.csv`): header `start,calls[,aht_s]`;
// - the plan's shared file (top-level `csv`, SPEC §12): header
//   `start,queue,calls[,aht_s]`, each row naming its queue.
// One row per interval and queue; intervals not listed have 0 calls. Errors name
// the CSV file, line and column (and the column's header name).
#include <date/tz.h>

#include <optional>
#include <string>
#include <vector>

#include "load/diagnostics.hpp"
#include "load/yaml_tree.hpp"
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

// Reads the shared multi-queue file. `queues` are the plan's queues (calls already
// sized); rows go to the queue named in their `queue` column when `takes[k]` is
// true for it. Returns, per queue, the CSV line of its first row (0 when none), so
// the caller can report queues missing from the file or given twice; nullopt when
// the file could not be read as a forecast at all (reported). A name that is no
// queue of the plan is an error naming the row, the column and the name.
std::optional<std::vector<int>> read_shared_csv_forecast(const std::string& csv_path, const Node& where, const std::string& what,
                                          std::vector<Queue>& queues, const std::vector<bool>& takes,
                                          const Horizon& horizon, const date::time_zone& zone,
                                          Diagnostics& diagnostics);

}  // namespace staffplan::load
