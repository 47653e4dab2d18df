// Opening hours of a queue (`open`): one range for every day ("07:00-22:00"), or
// a mapping from weekdays to ranges ({ mon-fri: "07:00-22:00", sat: "09:00-17:00" },
// days not listed closed). A range that ends at or before its start runs past
// midnight and belongs to the day it starts on.
#include "load/open_hours.hpp"

#include <fmt/format.h>

#include <string_view>

#include "load/fields.hpp"
#include "units/units.hpp"

namespace staffplan::load {
namespace {


std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::string clock_text(int minute) {
  minute %= 24 * 60;
  return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
}

std::string range_text(const OpenHours::Range& range) {
  return fmt::format("{}-{}", clock_text(range.from_minute),
                     range.to_minute == 24 * 60 ? "24:00" : clock_text(range.to_minute));
}

// "07:00-23:00"; "22:00-06:00" runs past midnight; "00:00-24:00" is the whole day.
std::optional<OpenHours::Range> read_range(const Node& node, const std::string& what, Diagnostics& diagnostics) {
  const auto text = MapReader::scalar(node, what, diagnostics);
  if (!text) return std::nullopt;
  const auto dash = text->find('-');
  try {
    if (dash == std::string::npos) throw units::ParseError("no dash");
    OpenHours::Range range;
    range.from_minute = units::parse_time_of_day(text->substr(0, dash));
    range.to_minute = units::parse_time_of_day(text->substr(dash + 1), true);
    if (range.from_minute == range.to_minute) {
      diagnostics.error(node, fmt::format("{} is empty ('{}'); write 00:00-24:00 for always open", what, *text));
      return std::nullopt;
    }
    if (range.to_minute < range.from_minute) range.to_minute += 24 * 60;  // past midnight
    return range;
  } catch (const units::ParseError&) {
    diagnostics.error(node, fmt::format("{}: expected opening hours like \"07:00-23:00\", got '{}'", what, *text));
    return std::nullopt;
  }
}

// Weekday index of a name, or an error message naming it.
std::optional<int> weekday_of(std::string_view name, std::string_view key, std::string& error) {
  for (std::size_t d = 0; d < weekday_names.size(); ++d)
    if (name == weekday_names[d]) return static_cast<int>(d);
  const std::string guess = suggest(name, weekday_names);
  error = fmt::format("unknown weekday '{}' in '{}'{}", name, key,
                      guess.empty() ? " (expected mon, tue, wed, thu, fri, sat or sun, or ranges like mon-fri)"
                                    : fmt::format("; did you mean '{}'?", guess));
  return std::nullopt;
}

// The weekdays of a key like "mon-fri", "sat", "sat,sun" or "fri-mon" (ranges run
// forward through the week, so fri-mon is fri, sat, sun, mon).
std::optional<std::vector<int>> weekdays_of(std::string_view key, std::string& error) {
  std::vector<int> days;
  std::size_t from = 0;
  while (from <= key.size()) {
    const std::size_t comma = key.find(',', from);
    const std::string_view item = trim(key.substr(from, comma == std::string_view::npos ? std::string_view::npos
                                                                                           : comma - from));
    const std::size_t dash = item.find('-');
    const auto first = weekday_of(trim(item.substr(0, dash)), key, error);
    if (!first) return std::nullopt;
    int last = *first;
    if (dash != std::string_view::npos) {
      const auto to = weekday_of(trim(item.substr(dash + 1)), key, error);
      if (!to) return std::nullopt;
      last = *to;
    }
    for (int d = *first;; d = (d + 1) % 7) {
      days.push_back(d);
      if (d == last) break;
    }
    if (comma == std::string_view::npos) break;
    from = comma + 1;
  }
  return days;
}

}  // namespace

std::optional<OpenHours> read_open_hours(const Node& node, const std::string& what, Diagnostics& diagnostics) {
  OpenHours open;
  if (!node.IsMap()) {
    const auto range = read_range(node, what, diagnostics);
    if (!range) return std::nullopt;
    open.days.fill(*range);
    open.text = node.Scalar();
    return open;
  }
  if (node.size() == 0) {
    diagnostics.error(node, fmt::format("{} lists no weekdays (leave it out for a queue that is always open)", what));
    return std::nullopt;
  }
  bool ok = true;
  std::array<std::string, 7> listed_in;  // the key that listed each day
  for (std::size_t entry = 0; entry < node.size(); ++entry) {
    const Node key = node.key_at(entry), value = node.value_at(entry);
    const std::string& key_text = key.Scalar();
    std::string error;
    const auto days = weekdays_of(key_text, error);
    if (!days) {
      diagnostics.error(key, fmt::format("{}: {}", what, error));
      ok = false;
      continue;
    }
    const std::string field = fmt::format("{}.{}", what, key_text);
    std::optional<OpenHours::Range> range;
    const bool closed = value.IsScalar() && value.Scalar() == "closed";
    if (!closed) {
      range = read_range(value, field, diagnostics);
      if (!range) ok = false;
    }
    for (const int d : *days) {
      auto& owner = listed_in[static_cast<std::size_t>(d)];
      if (!owner.empty()) {
        diagnostics.error(key, fmt::format("{}: {} is listed twice ('{}' and '{}')", what,
                                           weekday_names[static_cast<std::size_t>(d)], owner, key_text));
        ok = false;
        continue;
      }
      owner = key_text;
      open.days[static_cast<std::size_t>(d)] = range;
    }
    open.text += fmt::format("{}{} {}", open.text.empty() ? "" : ", ", key_text,
                             closed ? "closed" : value.Scalar());
  }
  if (!ok) return std::nullopt;
  // A day's hours past midnight may not run into the next day's own hours.
  for (std::size_t d = 0; d < 7; ++d) {
    const auto& today = open.days[d];
    const auto& tomorrow = open.days[(d + 1) % 7];
    if (today && tomorrow && today->to_minute - 24 * 60 > tomorrow->from_minute) {
      diagnostics.error(node, fmt::format("{}: {}'s hours {} run into {}'s {}", what, weekday_names[d],
                                          range_text(*today), weekday_names[(d + 1) % 7], range_text(*tomorrow)));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return open;
}

}  // namespace staffplan::load
