#pragma once
// The fuzz targets, shared by the libFuzzer executables (tests/fuzz/fuzz_<name>.cpp)
// and by the regression test that replays every saved input in tests/data/fuzz/<name>/
// (tests/hardening/fuzz_regression_test.cpp). Each target feeds hostile bytes to the
// code that reads them in production and checks its contract: the input is accepted
// with sane values, or rejected with the project's own error type. Anything else —
// another exception, a crash, a sanitizer report — is a finding.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "units/units.hpp"

namespace staffplan::fuzz {

// A broken promise found by a target (uncaught: libFuzzer saves the input).
struct ContractViolation : std::logic_error {
  using std::logic_error::logic_error;
};

inline void check(bool condition, const char* what) {
  if (!condition) throw ContractViolation(what);
}

// Duration, fraction, number, count and time-of-day parsers. The first byte picks
// the parser, the rest is the text.
inline void units(std::string_view input) {
  namespace u = staffplan::units;
  if (input.empty()) return;
  const auto selector = static_cast<unsigned char>(input.front());
  const std::string_view text = input.substr(1);
  try {
    switch (selector % 5) {
      case 0: {
        const double seconds = u::parse_duration(text);
        check(std::isfinite(seconds) && seconds >= 0, "duration not finite or negative");
        check(u::parse_duration(u::format_duration(seconds)) == seconds,
              "format_duration does not read back to the same duration");
        break;
      }
      case 1: check(std::isfinite(u::parse_fraction(text)), "fraction not finite"); break;
      case 2: check(std::isfinite(u::parse_number(text)), "number not finite"); break;
      case 3: check(u::parse_count(text) >= 0, "negative count"); break;
      case 4: {
        const int minute = u::parse_time_of_day(text, (selector & 0x80) != 0);
        check(minute >= 0 && minute <= 24 * 60, "time of day out of range");
        break;
      }
    }
  } catch (const u::ParseError&) {
    // Rejected with a message: the expected outcome for most inputs.
  }
}

}  // namespace staffplan::fuzz
