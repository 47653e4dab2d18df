#include "load/csv_forecast.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <string_view>
#include <vector>

#include "load/bounded_read.hpp"
#include "load/clock.hpp"
#include "load/csv_hints.hpp"
#include "load/fields.hpp"
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

}  // namespace

void read_csv_forecast(const std::string& csv_path, const Node& where, const std::string& what,
                       Queue& queue, const Horizon& horizon, const date::time_zone& zone,
                       Diagnostics& diagnostics) {
  std::string error;
  const auto text = slurp(csv_path, error);
  if (!text) {
    diagnostics.error(where, fmt::format("{}: cannot read forecast file '{}': {}", what, csv_path, error));
    return;
  }
  int bad_rows = 0;
  const auto bad = [&](int line, std::string message) {
    if (++bad_rows <= max_csv_errors) diagnostics.error_in(csv_path, line, std::move(message));
  };

  std::string_view rest(*text);
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);  // spreadsheets write a UTF-8 BOM
  std::vector<bool> seen(queue.calls.size(), false);
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
      const bool two = fields.size() == 2 && fields[0] == "start" && fields[1] == "calls";
      const bool three = fields.size() == 3 && fields[0] == "start" && fields[1] == "calls" && fields[2] == "aht_s";
      if (!two && !three) {
        diagnostics.error_in(csv_path, 1,
                             fmt::format("expected the header 'start,calls' or 'start,calls,aht_s', got '{}'{}",
                                         quote_excerpt(line), header_hint(line)));
        return;
      }
      columns = fields.size();
      continue;
    }
    if (line.empty()) continue;  // a blank line (e.g. at the end) carries nothing
    ++data_rows;
    if (fields.size() != columns) {
      bad(line_number, fmt::format("expected {} fields, got {}{}", columns, fields.size(),
                                   field_count_hint(line, columns, fields.size())));
      continue;
    }
    const auto utc = parse_timestamp(fields[0], zone, error);
    const auto i = utc ? interval_at(horizon, *utc, error) : std::nullopt;
    if (!i) {
      bad(line_number, fmt::format("start: {}", error));
      continue;
    }
    double calls = 0, aht = queue.aht_s;
    try {
      calls = units::parse_number(fields[1]);
    } catch (const units::ParseError&) {
      bad(line_number, number_error("calls", fields[1]));
      continue;
    }
    if (calls < 0 || calls > max_calls_per_interval) {
      bad(line_number, fmt::format("calls must be in [0, {}], got {}", max_calls_per_interval, quote_excerpt(fields[1])));
      continue;
    }
    if (columns == 3 && !fields[2].empty()) {
      try {
        aht = units::parse_number(fields[2]);
      } catch (const units::ParseError&) {
        bad(line_number, number_error("aht_s", fields[2]));
        continue;
      }
      if (aht <= 0) {
        bad(line_number, fmt::format("aht_s must be in (0, inf), got {}", quote_excerpt(fields[2])));
        continue;
      }
    }
    const auto index = static_cast<std::size_t>(*i);
    if (seen[index]) {
      bad(line_number, fmt::format("a second row for {}", fields[0]));
      continue;
    }
    seen[index] = true;
    queue.calls[index] = calls;
    queue.aht_s_per_interval[index] = aht;
  }
  if (line_number == 0)
    diagnostics.error_in(csv_path, 0, "the forecast file is empty (expected the header 'start,calls')");
  else if (data_rows == 0)
    // Most likely an export that failed after the header; planning it would give
    // 0 agents and "100 % service level" without a word.
    diagnostics.error_in(csv_path, 1,
                         "the forecast file has a header but no rows (a failed export?); a queue with no calls "
                         "is written 'forecast: { rows: [] }'");
  if (bad_rows > max_csv_errors)
    diagnostics.error_in(csv_path, 0, fmt::format("{} more bad rows not shown", bad_rows - max_csv_errors));
}

}  // namespace staffplan::load
