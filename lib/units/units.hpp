#pragma once
// Parsers for the units staffplan accepts everywhere (command line and YAML):
// durations ("20s", "5m", "1h30m", bare number = seconds), fractions ("0.8", "80%"),
// times of day ("HH:MM") and plain numbers. One parser serves the CLI and the loader,
// so both accept and reject exactly the same text.
#include <stdexcept>
#include <string>
#include <string_view>

namespace staffplan::units {

// Thrown for text that is not a valid value; what() is a sentence fragment such as
// "expected a duration like 20s, 5m or 1h30m, got 'abc'" that callers prefix with
// the flag or file position.
class ParseError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// A finite decimal number: no hex, no inf/nan, no trailing garbage. "-0" is read as 0.
double parse_number(std::string_view text);

// A finite, non-negative whole number that fits in an int ("12"; not "12.5", "1e3").
int parse_count(std::string_view text);

// A non-negative duration in seconds. Units: h, m (minutes), s, ms; parts may be
// combined in decreasing order ("1h30m", "2m30s"). A bare number means seconds.
double parse_duration(std::string_view text);

// A fraction: "0.8" or "80%". Range checks are the caller's (they differ per field),
// but the value is always finite.
double parse_fraction(std::string_view text);

// "HH:MM" on a 24-hour clock, returned as minutes after midnight. "24:00" is accepted
// only when allow_24 is set (end of an opening-hours range).
int parse_time_of_day(std::string_view text, bool allow_24 = false);

// Shortest text that parse_duration reads back to the same value: 1800 -> "30m",
// 5400 -> "1h30m", 20 -> "20s", 2.5 -> "2.5s".
std::string format_duration(double seconds);

// "HH:MM" for minutes after midnight (taken modulo one day).
std::string format_time_of_day(int minutes);

}  // namespace staffplan::units
