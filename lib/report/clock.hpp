#pragma once
// Civil-time formatting of UTC instants with a known UTC offset (the offsets are
// precomputed by the loader, so no time-zone database is needed here).
#include <cstdint>
#include <string>

namespace staffplan::report {

// ISO 8601 with offset: "2026-11-23T08:30:00-05:00".
std::string iso_timestamp(std::int64_t utc_seconds, int utc_offset_s);

// Local date "YYYY-MM-DD" and local "HH:MM" of an instant.
std::string local_date(std::int64_t utc_seconds, int utc_offset_s);
std::string local_hhmm(std::int64_t utc_seconds, int utc_offset_s);

}  // namespace staffplan::report
