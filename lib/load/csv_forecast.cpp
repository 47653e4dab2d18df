#include "load/csv_forecast.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "load/bounded_read.hpp"
#include "load/clock.hpp"
#include "load/fields.hpp"
#include "load/csv_hints.hpp"
#include "load/forecast.hpp"
#include "load/text_check.hpp"
#include "load/yaml_document.hpp"
#include "units/units.hpp"

namespace staffplan::load {
namespace {

// Splits one CSV line at commas; a field wrapped in double quotes loses them
// (forecast fields never contain commas or quotes themselves).
std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t from = 0;
  while (true) {
    const std::size_t comma = line.find(',', from);
    std::string_view field = line.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
    while (!field.empty() && (field.front() == ' ' || field.front() == '\t')) field.remove_prefix(1);
    while (!field.empty() && (field.back() == ' ' || field.back() == '\t')) field.remove_suffix(1);
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') field = field.substr(1, field.size() - 2);
    fields.push_back(field);
    if (comma == std::string_view::npos) break;
    from = comma + 1;
  }
  return fields;
}

// "calls: expected a finite number, got '10,5'; ..." with the field cut and escaped
// (a foreign file can hold anything) and the probable cause when there is one.
std::string number_error(const char* column, std::string_view field) {
  return fmt::format("{}: expected a finite number, got '{}'{}", column, quote_excerpt(field), number_hint(field));
}

std::optional<std::string> slurp(const std::string& path, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    error = "no such file";
    return std::nullopt;
  }
  if (fs::is_directory(path, ec)) {
    error = "it is a directory";
    return std::nullopt;
  }
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) > max_plan_bytes) {
    error = "the file is larger than the limit of 64 MiB";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open it (permission denied?)";
    return std::nullopt;
  }
  // A device (/dev/zero) or a pipe has no size to check up front.
  std::string text;
  switch (read_at_most(in, max_plan_bytes, text)) {
    case BoundedRead::too_large: error = "the file is larger than the limit of 64 MiB"; return std::nullopt;
    case BoundedRead::io_error: error = "I/O error while reading"; return std::nullopt;
    case BoundedRead::ok: break;
  }
  return text;
}

// The two layouts: the columns a file must have, in order, optionally followed by aht_s.
struct Layout {
  bool shared = false;  // has a `queue` column
  std::string header() const { return shared ? "start,queue,calls" : "start,calls"; }
};

// Finds the queue a row belongs to: its index, or nullopt with `error` set (a bad
// row) or left empty (a row to skip silently).
using QueueOf = std::function<std::optional<std::size_t>(std::string_view name, int line, std::string& error)>;

// Reads every row of one forecast CSV into `queues` (resolved by `queue_of`);
// `first_line[k]` gets the line of queue k's first row. False when the file could
// not be read as a forecast at all (unreadable, empty, wrong header).
bool read_rows(const std::string& csv_path, const Node& where, const std::string& what, Layout layout,
               std::vector<Queue>& queues, const QueueOf& queue_of, std::vector<int>& first_line,
               const Horizon& horizon, const date::time_zone& zone, Diagnostics& diagnostics) {
  std::string error;
  const auto text = slurp(csv_path, error);
  if (!text) {
    diagnostics.error(where, fmt::format("{}: cannot read forecast file '{}': {}", what, csv_path, error));
    return false;
  }
  int bad_rows = 0;
  const auto bad = [&](int line, int column, std::string message) {
    if (++bad_rows <= max_csv_errors) diagnostics.error_in(csv_path, line, column, std::move(message));
  };

  std::string_view rest(*text);
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);  // spreadsheets write a UTF-8 BOM
  // One "seen" flag per queue and interval: a second row for the same slot is an error.
  std::vector<std::vector<bool>> seen(queues.size());
  const std::size_t start_at = 0, queue_at = 1, calls_at = layout.shared ? 2 : 1, aht_at = calls_at + 1;
  int line_number = 0, data_rows = 0;
  std::size_t columns = 0;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto fields = split(line);
    if (line_number == 1) {
      const std::vector<std::string_view> base =
          layout.shared ? std::vector<std::string_view>{"start", "queue", "calls"}
                        : std::vector<std::string_view>{"start", "calls"};
      const bool short_form = fields == base;
      auto with_aht = base;
      with_aht.push_back("aht_s");
      if (!short_form && fields != with_aht) {
        const bool shared_in_own = !layout.shared && fields.size() >= 2 && fields[1] == "queue";
        diagnostics.error_in(csv_path, 1,
                             fmt::format("expected the header '{0}' or '{0},aht_s', got '{1}'{2}{3}", layout.header(),
                                         quote_excerpt(line), header_hint(line),
                                         shared_in_own ? " (a file with a queue column is read from the plan's "
                                                         "top-level csv key)"
                                                       : ""));
        return false;
      }
      columns = fields.size();
      continue;
    }
    if (line.empty()) continue;  // a blank line (e.g. at the end) carries nothing
    ++data_rows;
    const auto column_of = [&](std::size_t field) {
      return static_cast<int>(fields[field].data() - line.data()) + 1;
    };
    if (fields.size() != columns) {
      // Point at the number a decimal comma split, else the first extra field, else
      // the end of the line where a field is missing.
      const std::string hint = field_count_hint(line, columns, fields.size());
      const int column = fields.size() < columns ? static_cast<int>(line.size()) + 1
                         : hint.empty()          ? column_of(columns)
                                                 : column_of(columns - 1);
      bad(line_number, column, fmt::format("expected {} fields, got {}{}", columns, fields.size(), hint));
      continue;
    }
    std::size_t q = 0;
    if (layout.shared) {
      error.clear();
      const auto found = queue_of(fields[queue_at], line_number, error);
      if (!found) {
        if (!error.empty()) bad(line_number, column_of(queue_at), fmt::format("queue: {}", error));
        continue;
      }
      q = *found;
    }
    if (first_line[q] == 0) first_line[q] = line_number;
    const auto utc = parse_timestamp(fields[start_at], zone, error);
    const auto i = utc ? interval_at(horizon, *utc, error) : std::nullopt;
    if (!i) {
      bad(line_number, column_of(start_at), fmt::format("start: {}", error));
      continue;
    }
    Queue& queue = queues[q];
    double calls = 0, aht = queue.aht_s;
    try {
      calls = units::parse_number(fields[calls_at]);
    } catch (const units::ParseError&) {
      bad(line_number, column_of(calls_at), number_error("calls", fields[calls_at]));
      continue;
    }
    if (calls < 0 || calls > max_calls_per_interval) {
      bad(line_number, column_of(calls_at),
          fmt::format("calls must be in [0, {}], got {}", max_calls_per_interval, quote_excerpt(fields[calls_at])));
      continue;
    }
    if (columns > aht_at && !fields[aht_at].empty()) {
      try {
        aht = units::parse_number(fields[aht_at]);
      } catch (const units::ParseError&) {
        bad(line_number, column_of(aht_at), number_error("aht_s", fields[aht_at]));
        continue;
      }
      if (aht <= 0) {
        bad(line_number, column_of(aht_at), fmt::format("aht_s must be in (0, inf), got {}", quote_excerpt(fields[aht_at])));
        continue;
      }
    }
    if (queue.calls.empty()) continue;  // the horizon is broken (reported elsewhere)
    auto& slots = seen[q];
    if (slots.empty()) slots.assign(queue.calls.size(), false);
    const auto index = static_cast<std::size_t>(*i);
    if (slots[index]) {
      bad(line_number, column_of(start_at),
          layout.shared ? fmt::format("a second row for queue '{}' at {}", queue.name, fields[start_at])
                        : fmt::format("a second row for {}", fields[start_at]));
      continue;
    }
    slots[index] = true;
    queue.calls[index] = calls;
    queue.aht_s_per_interval[index] = aht;
  }
  if (line_number == 0) {
    diagnostics.error_in(csv_path, 0,
                         fmt::format("the forecast file is empty (expected the header '{}')", layout.header()));
    return false;
  }
  if (data_rows == 0) {
    // Most likely an export that failed after the header; planning it would give
    // 0 agents and "100 % service level" without a word.
    diagnostics.error_in(csv_path, 1,
                         "the forecast file has a header but no rows (a failed export?); a queue with no calls "
                         "is written 'forecast: { rows: [] }'");
    return false;
  }
  if (bad_rows > max_csv_errors)
    diagnostics.error_in(csv_path, 0, fmt::format("{} more bad rows not shown", bad_rows - max_csv_errors));
  return true;
}

}  // namespace

void read_csv_forecast(const std::string& csv_path, const Node& where, const std::string& what,
                       Queue& queue, const Horizon& horizon, const date::time_zone& zone,
                       Diagnostics& diagnostics) {
  // The rows are read into a one-queue list, then moved back.
  std::vector<Queue> one(1);
  one[0] = std::move(queue);
  std::vector<int> first_line(1, 0);
  read_rows(csv_path, where, what, Layout{false}, one, nullptr, first_line, horizon, zone, diagnostics);
  queue = std::move(one[0]);
}

std::optional<std::vector<int>> read_shared_csv_forecast(const std::string& csv_path, const Node& where, const std::string& what,
                                          std::vector<Queue>& queues, const std::vector<bool>& takes,
                                          const Horizon& horizon, const date::time_zone& zone,
                                          Diagnostics& diagnostics) {
  std::vector<std::string> names;
  for (const auto& queue : queues) names.push_back(queue.name);
  std::vector<int> first_line(queues.size(), 0);
  const QueueOf queue_of = [&](std::string_view name, int line, std::string& error) -> std::optional<std::size_t> {
    for (std::size_t k = 0; k < queues.size(); ++k)
      if (queues[k].name == name) {
        if (takes[k]) return k;
        // Rows for a queue with a forecast of its own: noted, not read (the caller reports it).
        if (first_line[k] == 0) first_line[k] = line;
        return std::nullopt;
      }
    const std::string guess = suggest(name, names);
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    error = guess.empty() ? fmt::format("unknown queue '{}' (the plan's queues: {})", quote_excerpt(name), known)
                          : fmt::format("unknown queue '{}'; did you mean '{}'?", quote_excerpt(name), guess);
    return std::nullopt;
  };
  if (!read_rows(csv_path, where, what, Layout{true}, queues, queue_of, first_line, horizon, zone, diagnostics))
    return std::nullopt;
  return first_line;
}

}  // namespace staffplan::load
