#pragma once
// Dates, timestamps and time-zone conversions for the loader, all through Howard
// Hinnant's date/tz (system tz database). Everything leaves here as UTC seconds or
// precomputed UTC offsets, so later stages need no time-zone database.
#include <date/tz.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace staffplan::load {

// The IANA zone, or nullptr when the name is unknown. Throws std::runtime_error
// (exit 3: a problem of the machine, not of the plan) when the system time-zone
// database itself is missing or empty, naming the folder it was looked for in.
const date::time_zone* find_zone(const std::string& name);

// The folder of the system time-zone database, as the date library looks for it.
std::string tz_database_dir();

// Why the offsets of `zone` from `first_utc` to `end_utc` (offsets as computed by
// offsets_at) cannot be trusted, or nullopt when they can:
// - past the zone's last transition in the database the zone follows a yearly
//   rule (the POSIX TZ string at the end of its TZif file) that the date library
//   does not apply, so New York in July 2038 would come out as standard time;
// - local mean time before standard time had offsets with seconds (New York
//   -04:56:02 before 1883), which the plan's whole-minute timestamps cannot carry.
std::optional<std::string> offsets_problem(const date::time_zone& zone, std::int64_t first_utc,
                                           std::int64_t end_utc, int step, const std::vector<int>& offsets);

// Strict "YYYY-MM-DD" (a real calendar date), else nullopt.
std::optional<date::year_month_day> parse_date(std::string_view text);

std::string format_date(const date::year_month_day& ymd);

// "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM|-HH:MM]" (a space may replace the T). Without an
// offset the time is local to `zone`; a repeated local time (fall back) means its
// first occurrence. Returns UTC seconds, or nullopt with `error` set to a sentence
// fragment ("expected ...", "... does not exist in ...").
std::optional<std::int64_t> parse_timestamp(std::string_view text, const date::time_zone& zone,
                                            std::string& error);

// The instant of a local wall-clock time in `zone`: nullopt when it does not exist
// (spring forward gap); the first occurrence when it is repeated (fall back).
std::optional<std::int64_t> local_to_utc(const date::time_zone& zone, date::local_seconds local);

// UTC offset of `zone` at each instant first + k * step for k = 0..count (inclusive).
std::vector<int> offsets_at(const date::time_zone& zone, std::int64_t first, int step, int count);

}  // namespace staffplan::load
