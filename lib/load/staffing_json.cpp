// load::load_staffing_json: the productive agents per queue and interval from the
// JSON that `staffplan plan -f json` writes (SPEC §4: `intervals` rows with
// `start`, `queue`, `productive`). JSON is YAML, so yaml-cpp reads it and gives
// every node its line and column for messages.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "load/load.hpp"
#include "load/text_check.hpp"

namespace staffplan::load {
namespace {

// Collects every problem of the file, each with its position.
class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}
  void add(const YAML::Node& at, std::string message) {
    const YAML::Mark mark = at.Mark();
    add(mark.line + 1, mark.column + 1, std::move(message));
  }
  void add(int line, int column, std::string message) {
    list_.push_back(Diagnostic{.file = file_, .line = line, .column = column,
                               .severity = Diagnostic::Severity::error, .message = std::move(message)});
  }
  void throw_if_any() const {
    if (!list_.empty()) throw InputError(list_);
  }

 private:
  std::string file_;
  std::vector<Diagnostic> list_;
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError({Diagnostic{.file = path, .message = "cannot open the plan JSON file"}});
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError({Diagnostic{.file = path, .message = "cannot read the plan JSON file"}});
  return text.str();
}

// "2026-11-23T08:30:00-05:00" (or "...Z" for UTC) -> UTC seconds; nullopt when it is
// not such a timestamp.
std::optional<std::int64_t> parse_timestamp(std::string text) {
  if (text.ends_with('Z')) text.replace(text.size() - 1, 1, "+00:00");
  std::istringstream in(text);
  date::sys_seconds instant;
  in >> date::parse("%FT%T%Ez", instant);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return instant.time_since_epoch().count();
}

// The same ISO 8601 form `plan` writes (the loader cannot use report/clock.hpp:
// report is downstream of load).
std::string iso_text(std::int64_t utc_seconds, int offset_s) {
  const date::sys_seconds local{std::chrono::seconds{utc_seconds + offset_s}};
  const int minutes = std::abs(offset_s) / 60;
  return fmt::format("{}{}{:02}:{:02}", date::format("%FT%T", local), offset_s < 0 ? '-' : '+',
                     minutes / 60, minutes % 60);
}

std::optional<std::string> scalar_text(const YAML::Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  return node.Scalar();
}

std::optional<double> number(const YAML::Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  try {
    std::size_t used = 0;
    const std::string& text = node.Scalar();
    const double value = std::stod(text, &used);
    if (used != text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

Staffing load_staffing_json(const std::string& path, const Plan& plan) {
  const std::string text = read_text(path);
  Problems problems(path);
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    problems.add(e.mark.line + 1, e.mark.column + 1, fmt::format("not valid JSON: {}", e.msg));
    problems.throw_if_any();
  }
  if (!root.IsMap() || !root["intervals"] || !root["intervals"].IsSequence()) {
    problems.add(root.IsDefined() && !root.IsNull() ? root.Mark().line + 1 : 1, 1,
                 "expected the JSON written by 'staffplan plan -f json' (an object with an "
                 "\"intervals\" array)");
    problems.throw_if_any();
  }

  const auto& horizon = plan.horizon;
  std::map<std::string, int> queue_index;
  for (std::size_t q = 0; q < plan.queues.size(); ++q) queue_index[plan.queues[q].name] = static_cast<int>(q);
  Staffing staffing;
  staffing.agents.assign(plan.queues.size(), std::vector<int>(static_cast<std::size_t>(horizon.count), -1));

  for (const YAML::Node& row : root["intervals"]) {
    if (!row.IsMap()) {
      problems.add(row, "expected an object with \"start\", \"queue\" and \"productive\"");
      continue;
    }
    const YAML::Node start = row["start"], queue = row["queue"], productive = row["productive"];
    if (!start || !queue || !productive) {
      problems.add(row, fmt::format("interval row without \"{}\"",
                                    !start ? "start" : !queue ? "queue" : "productive"));
      continue;
    }
    const auto name = scalar_text(queue);
    const auto found = name ? queue_index.find(*name) : queue_index.end();
    if (found == queue_index.end()) {
      problems.add(queue, fmt::format("unknown queue '{}' (not in {})", quote_excerpt(name.value_or("?")), plan.file));
      continue;
    }
    const auto start_text = scalar_text(start);
    const auto instant = start_text ? parse_timestamp(*start_text) : std::nullopt;
    if (!instant) {
      problems.add(start, fmt::format("start must be an ISO 8601 timestamp with offset like "
                                      "2026-11-23T08:30:00-05:00, got '{}'",
                                      quote_excerpt(start_text.value_or("?"))));
      continue;
    }
    const std::int64_t offset = *instant - horizon.start_utc;
    if (offset < 0 || *instant >= horizon.end_utc() || offset % horizon.interval_s != 0) {
      problems.add(start, fmt::format("start {} is not the start of an interval of the plan horizon",
                                      *start_text));
      continue;
    }
    const auto agents = number(productive);
    if (!agents || *agents < 0) {
      problems.add(productive, fmt::format("productive must be a number >= 0, got '{}'",
                                           productive.IsScalar() ? productive.Scalar() : "?"));
      continue;
    }
    int& cell = staffing.agents[static_cast<std::size_t>(found->second)]
                               [static_cast<std::size_t>(offset / horizon.interval_s)];
    if (cell >= 0) {
      problems.add(row, fmt::format("interval {} of queue '{}' appears twice", *start_text, *name));
      continue;
    }
    // Only whole agents answer calls: the same whole_agents() as `plan` (the JSON
    // carries productive at full precision, so both see the same number).
    cell = whole_agents(*agents);
  }
  problems.throw_if_any();

  // Every queue and interval of the plan must be there.
  for (std::size_t q = 0; q < plan.queues.size(); ++q) {
    int missing = 0, first = -1;
    for (int i = 0; i < horizon.count; ++i)
      if (staffing.agents[q][static_cast<std::size_t>(i)] < 0 && missing++ == 0) first = i;
    if (missing > 0) {
      const YAML::Node intervals = root["intervals"];
      problems.add(intervals,
                   fmt::format("queue '{}' has no row for {} interval(s) of the plan, the first at {}",
                               plan.queues[q].name, missing,
                               iso_text(horizon.interval_start_utc(first),
                                        horizon.utc_offset_s[static_cast<std::size_t>(first)])));
    }
  }
  problems.throw_if_any();
  return staffing;
}

}  // namespace staffplan::load
