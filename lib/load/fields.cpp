#include "load/fields.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "units/units.hpp"

namespace staffplan::load {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

const char* kind_of(const Node& node) {
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  if (node.IsNull()) return "nothing";
  return "a value";
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace

std::string suggest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) best_distance = d, best = c;
  }
  // A typo: at most 2 edits, and fewer than half the word changed.
  const std::size_t limit = std::min<std::size_t>(2, std::max<std::size_t>(1, word.size() / 2));
  return best_distance <= limit ? best : "";
}

std::string Range::text() const {
  const auto bound = [](double v) {
    if (std::isinf(v)) return std::string(v > 0 ? "inf" : "-inf");
    return fmt::format("{}", v);
  };
  return fmt::format("{}{}, {}{}", low_inclusive ? '[' : '(', bound(low), bound(high),
                     high_inclusive ? ']' : ')');
}

MapReader::MapReader(const Node& node, std::string path, Diagnostics& diagnostics,
                     std::vector<std::string> keys)
    : node_(node), path_(std::move(path)), diagnostics_(diagnostics) {
  if (!node.IsMap()) {
    diagnostics_.error(node, fmt::format("{} must be a mapping of keys, got {}", path_, kind_of(node)));
    return;
  }
  ok_ = true;
  // A set, not a list: a hostile file with 100 000 keys made the list's scan quadratic
  // (23 s to validate; over 2 minutes under the sanitizers).
  std::set<std::string> seen;
  for (std::size_t k = 0; k < node.size(); ++k) {
    const Node key = node.key_at(k);
    if (!key.IsScalar()) {
      diagnostics_.error(key, fmt::format("{}: keys must be plain words", path_));
      continue;
    }
    const std::string& name = key.Scalar();
    if (!seen.insert(name).second) {
      diagnostics_.error(key, fmt::format("duplicate key '{}' in {}", name, path_));
      continue;
    }
    if (std::find(keys.begin(), keys.end(), name) != keys.end()) continue;
    const std::string guess = suggest(name, keys);
    if (!guess.empty())
      diagnostics_.error(key, fmt::format("unknown key '{}' in {}; did you mean '{}'?", name, path_, guess));
    else
      diagnostics_.error(key, fmt::format("unknown key '{}' in {} (expected one of: {})", name, path_,
                                          join(keys)));
  }
}

std::string MapReader::field(std::string_view key) const {
  return path_ == "plan" ? std::string(key) : fmt::format("{}.{}", path_, key);
}

bool MapReader::has(const std::string& key) const { return ok_ && node_[key].IsDefined(); }

Node MapReader::get(const std::string& key) const {
  if (!ok_) return Node();
  return node_[key];
}

YAML::Mark MapReader::mark_of(const std::string& key) const {
  const Node value = get(key);
  return value.IsDefined() ? value.Mark() : node_.Mark();
}

void MapReader::missing(const std::string& key) const {
  if (ok_) diagnostics_.error(node_, fmt::format("missing required key '{}' in {}", key, path_));
}

std::optional<std::string> MapReader::scalar(const Node& node, const std::string& what,
                                             Diagnostics& diagnostics) {
  if (node.IsScalar()) return node.Scalar();
  diagnostics.error(node, fmt::format("{} must be a single value, got {}", what, kind_of(node)));
  return std::nullopt;
}

std::optional<std::string> MapReader::scalar_of(const std::string& key, bool required) const {
  const Node value = get(key);
  if (!value.IsDefined()) {
    if (required) missing(key);
    return std::nullopt;
  }
  return scalar(value, field(key), diagnostics_);
}

std::optional<std::string> MapReader::text(const std::string& key, bool required) const {
  auto value = scalar_of(key, required);
  if (value && value->empty()) {
    diagnostics_.error(get(key), fmt::format("{} must not be empty", field(key)));
    return std::nullopt;
  }
  return value;
}

namespace {

template <typename Parse>
std::optional<double> parse_in_range(const Node& node, const std::string& what, Range range,
                                     Diagnostics& diagnostics, Parse parse, bool duration = false) {
  const auto text = MapReader::scalar(node, what, diagnostics);
  if (!text) return std::nullopt;
  double value = 0;
  try {
    value = parse(*text);
  } catch (const units::ParseError& e) {
    diagnostics.error(node, fmt::format("{}: {}", what, e.what()));
    return std::nullopt;
  }
  if (!range.contains(value)) {
    // Durations are read to the microsecond: "1e-10s" is 0, and "(0, inf)" would hide why.
    if (duration && value == 0 && range.low == 0 && !range.low_inclusive &&
        text->find_first_of("123456789") != std::string::npos)
      diagnostics.error(node, fmt::format("{} must be at least 0.000001s (1 microsecond, the finest duration "
                                          "staffplan reads), got {}",
                                          what, *text));
    else
      diagnostics.error(node, fmt::format("{} must be in {}, got {}", what, range.text(), *text));
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<double> parse_duration_at(const Node& node, const std::string& what, Range range,
                                        Diagnostics& diagnostics) {
  return parse_in_range(
      node, what, range, diagnostics, [](const std::string& t) { return units::parse_duration(t); }, true);
}

std::optional<double> parse_number_at(const Node& node, const std::string& what, Range range,
                                      Diagnostics& diagnostics) {
  return parse_in_range(node, what, range, diagnostics,
                        [](const std::string& t) { return units::parse_number(t); });
}

std::optional<double> MapReader::number(const std::string& key, Range range, bool required) const {
  if (!scalar_of(key, required)) return std::nullopt;
  return parse_number_at(get(key), field(key), range, diagnostics_);
}

std::optional<double> MapReader::duration(const std::string& key, Range range, bool required) const {
  if (!scalar_of(key, required)) return std::nullopt;
  return parse_duration_at(get(key), field(key), range, diagnostics_);
}

std::optional<double> MapReader::fraction(const std::string& key, Range range, bool required) const {
  if (!scalar_of(key, required)) return std::nullopt;
  return parse_in_range(get(key), field(key), range, diagnostics_,
                        [](const std::string& t) { return units::parse_fraction(t); });
}

std::optional<int> MapReader::count(const std::string& key, int low, int high, bool required) const {
  const auto text = scalar_of(key, required);
  if (!text) return std::nullopt;
  int value = 0;
  try {
    value = units::parse_count(*text);
  } catch (const units::ParseError& e) {
    diagnostics_.error(get(key), fmt::format("{}: {}", field(key), e.what()));
    return std::nullopt;
  }
  if (value < low || value > high) {
    diagnostics_.error(get(key), fmt::format("{} must be from {} to {}, got {}", field(key), low, high, *text));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> MapReader::flag(const std::string& key) const {
  const auto text = scalar_of(key, false);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  diagnostics_.error(get(key), fmt::format("{} must be true or false, got '{}'", field(key), *text));
  return std::nullopt;
}

std::optional<int> MapReader::time_of_day(const std::string& key, bool required) const {
  const auto text = scalar_of(key, required);
  if (!text) return std::nullopt;
  try {
    return units::parse_time_of_day(*text);
  } catch (const units::ParseError& e) {
    diagnostics_.error(get(key), fmt::format("{}: {}", field(key), e.what()));
    return std::nullopt;
  }
}

void MapReader::warn_bare_seconds(const std::string& key) const {
  const Node value = get(key);
  if (!value.IsScalar()) return;
  double seconds = 0;
  try {
    seconds = units::parse_number(value.Scalar());
  } catch (const units::ParseError&) {
    return;  // written with a unit
  }
  if (seconds <= 0 || seconds >= bare_seconds_suspect_below) return;
  diagnostics_.warning(value.Mark(),
                       fmt::format("{}: {} is read as {} seconds (a bare number is seconds); write {}m for "
                                   "minutes, or {}s to say seconds",
                                   field(key), value.Scalar(), value.Scalar(), value.Scalar(), value.Scalar()));
}

std::vector<int> read_name_list(const Node& list, const std::string& what, const std::vector<std::string>& names,
                                const NameListWords& words, Diagnostics& diagnostics) {
  const bool some_refused = std::any_of(names.begin(), names.end(), [](const std::string& n) { return n.empty(); });
  std::vector<int> indices;
  for (const auto& entry : list) {
    const auto name = MapReader::scalar(entry, what, diagnostics);
    if (!name) continue;
    const auto it = std::find(names.begin(), names.end(), *name);
    if (it == names.end()) {
      if (some_refused) continue;
      const std::string guess = suggest(*name, names);
      const std::string hint = !guess.empty()            ? fmt::format("; did you mean '{}'?", guess)
                               : words.known_as.empty() ? std::string()
                                                        : fmt::format(" ({}: {})", words.known_as, fmt::join(names, ", "));
      diagnostics.error(entry, fmt::format("{}: unknown {} '{}'{}", what, words.kind, *name, hint));
      continue;
    }
    const int index = static_cast<int>(it - names.begin());
    if (std::find(indices.begin(), indices.end(), index) != indices.end()) {
      const bool second = words.second_from >= 0 && index >= words.second_from;
      diagnostics.error(entry, fmt::format("{}: {} '{}' is listed twice", what, second ? words.second_kind : words.kind,
                                           *name));
    } else {
      indices.push_back(index);
    }
  }
  std::sort(indices.begin(), indices.end());
  return indices;
}

const std::vector<std::string> weekday_names = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::array<bool, 7> read_weekdays(const Node& node, const std::string& what, Diagnostics& diagnostics) {
  std::array<bool, 7> days{};
  if (!node.IsSequence() || node.size() == 0) {
    diagnostics.error(node, fmt::format("{} must be a list of weekdays like [mon, tue, wed]", what));
    return days;
  }
  for (const auto& day : node) {
    const auto name = MapReader::scalar(day, what, diagnostics);
    if (!name) continue;
    const auto it = std::find(weekday_names.begin(), weekday_names.end(), *name);
    if (it != weekday_names.end()) {
      days[static_cast<std::size_t>(it - weekday_names.begin())] = true;
      continue;
    }
    const std::string guess = suggest(*name, weekday_names);
    diagnostics.error(day, fmt::format("{}: unknown weekday '{}'{}", what, *name,
                                       guess.empty() ? " (expected mon, tue, wed, thu, fri, sat or sun)"
                                                     : fmt::format("; did you mean '{}'?", guess)));
  }
  return days;
}

}  // namespace staffplan::load
