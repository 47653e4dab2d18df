#include "units/units.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace staffplan::units {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Reads a decimal number at the front of `s`, advancing it. Returns false when no
// digits are there. from_chars rejects hex without "0x" handling, and we reject
// the inf/nan spellings it would otherwise accept.
bool take_number(std::string_view& s, double& value) {
  if (s.empty()) return false;
  const char c = s.front();
  const bool starts_like_number =
      (c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && s.size() > 1);
  if (!starts_like_number) return false;
  std::string_view body = s;
  if (c == '+') body.remove_prefix(1);
  if (body.size() > 1 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) return false;
  const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value,
                                         std::chars_format::general);
  if (ec != std::errc{} || !std::isfinite(value)) return false;
  s.remove_prefix(static_cast<std::size_t>(end - s.data()));
  if (value == 0.0) value = 0.0;  // "-0" becomes plain 0
  return true;
}

// Durations are kept on a microsecond grid: "1.1h" is 3960 s exactly, not
// 3960.0000000000005 (1.1 * 3600 in binary), so format_duration can read it back.
// Past 1e9 s (31 years) the grid is coarser than a double's spacing and is skipped.
double snap_to_microseconds(double seconds) {
  return seconds < 1e9 ? std::round(seconds * 1e6) / 1e6 : seconds;
}

}  // namespace

double parse_number(std::string_view text) {
  std::string_view s = trim(text);
  double value = 0;
  if (!take_number(s, value) || !s.empty())
    throw ParseError(fmt::format("expected a finite number, got '{}'", text));
  return value;
}

int parse_count(std::string_view text) {
  std::string_view s = trim(text);
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || value < 0)
    throw ParseError(fmt::format("expected a whole number from 0 to {}, got '{}'",
                                 std::numeric_limits<int>::max(), text));
  return value;
}

double parse_duration(std::string_view text) {
  std::string_view s = trim(text);
  const auto fail = [&]() -> double {
    throw ParseError(fmt::format(
        "expected a duration like 20s, 5m or 1h30m (a bare number is seconds), got '{}'", text));
  };
  double value = 0;
  if (!take_number(s, value)) return fail();
  if (s.empty()) {
    if (value < 0) fail();
    return snap_to_microseconds(value);
  }
  // Units in strictly decreasing order: h > m > s > ms.
  double total = 0;
  int last_rank = 4;
  while (true) {
    int rank = 0;
    double scale = 0;
    if (s.starts_with("ms")) { rank = 0; scale = 0.001; s.remove_prefix(2); }
    else if (s.starts_with("h")) { rank = 3; scale = 3600; s.remove_prefix(1); }
    else if (s.starts_with("m")) { rank = 2; scale = 60; s.remove_prefix(1); }
    else if (s.starts_with("s")) { rank = 1; scale = 1; s.remove_prefix(1); }
    else return fail();
    if (rank >= last_rank || value < 0) return fail();
    last_rank = rank;
    total += value * scale;
    if (s.empty()) break;
    if (!take_number(s, value)) return fail();
  }
  if (!std::isfinite(total)) return fail();
  return snap_to_microseconds(total);
}

double parse_fraction(std::string_view text) {
  std::string_view s = trim(text);
  double value = 0;
  if (take_number(s, value)) {
    s = trim(s);
    if (s.empty()) return value;
    if (s == "%") return value / 100.0;
  }
  throw ParseError(fmt::format("expected a fraction like 0.8 or 80%, got '{}'", text));
}

int parse_time_of_day(std::string_view text, bool allow_24) {
  std::string_view s = trim(text);
  const auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
  if (s.size() == 5 && digit(0) && digit(1) && s[2] == ':' && digit(3) && digit(4)) {
    const int hours = (s[0] - '0') * 10 + (s[1] - '0');
    const int minutes = (s[3] - '0') * 10 + (s[4] - '0');
    if (minutes < 60 && (hours < 24 || (allow_24 && hours == 24 && minutes == 0)))
      return hours * 60 + minutes;
  }
  throw ParseError(fmt::format("expected a time of day \"HH:MM\" (24 h), got '{}'", text));
}

std::string format_duration(double seconds) {
  const double rounded = std::round(seconds);
  if (seconds < 0 || std::abs(seconds - rounded) > 1e-9 || rounded > 1e15)
    return fmt::format("{}s", seconds);
  auto whole = static_cast<long long>(rounded);
  if (whole == 0) return "0s";
  std::string out;
  if (whole >= 3600) { out += fmt::format("{}h", whole / 3600); whole %= 3600; }
  if (whole >= 60) { out += fmt::format("{}m", whole / 60); whole %= 60; }
  if (whole > 0) out += fmt::format("{}s", whole);
  return out;
}

std::string format_time_of_day(int minutes) {
  const int day = 24 * 60;
  const int m = ((minutes % day) + day) % day;
  return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

}  // namespace staffplan::units
