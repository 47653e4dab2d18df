#include "load/clock.hpp"

#include "load/text_check.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace staffplan::load {
namespace {

using std::chrono::seconds;

// Reads exactly `width` digits at `pos`.
bool digits(std::string_view s, std::size_t pos, std::size_t width, int& value) {
  if (pos + width > s.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

std::optional<date::year_month_day> ymd_at(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

std::string tz_database_dir() {
  // The same folders, in the same order, as the date library's discover_tz_dir.
  for (const char* dir : {"/usr/share/zoneinfo/uclibc", "/usr/share/zoneinfo"}) {
    struct stat sb {};
    if (::stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode)) return dir;
  }
  return "/usr/share/zoneinfo";
}

const date::time_zone* find_zone(const std::string& name) {
  if (name.empty()) return nullptr;
  // An unknown name is the plan's fault (exit 2); no database at all is the machine's.
  bool database_ok = false;
  try {
    database_ok = !date::get_tzdb().zones.empty();
  } catch (const std::exception&) {
  }
  if (!database_ok)
    throw std::runtime_error(fmt::format(
        "the time-zone database is missing: no time zones found in {} (install the tzdata package); "
        "this is a problem of this machine, not of the plan",
        tz_database_dir()));
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

std::optional<date::year_month_day> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return ymd_at(text);
}

std::string format_date(const date::year_month_day& ymd) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::optional<std::int64_t> local_to_utc(const date::time_zone& zone, date::local_seconds local) {
  const date::local_info info = zone.get_info(local);
  if (info.result == date::local_info::nonexistent) return std::nullopt;
  // unique or ambiguous: `first` is the (first) offset in force.
  return (local - info.first.offset).time_since_epoch().count();
}

std::optional<std::int64_t> parse_timestamp(std::string_view text, const date::time_zone& zone,
                                            std::string& error) {
  const auto shape = [&] {
    error = fmt::format("expected a timestamp like 2026-11-23T08:30 (optionally with an offset "
                        "like -05:00), got '{}'",
                        quote_excerpt(text));
    return std::nullopt;
  };
  const auto ymd = ymd_at(text);
  int hh = 0, mm = 0, ss = 0;
  if (!ymd || text.size() < 16 || (text[10] != 'T' && text[10] != ' ') || !digits(text, 11, 2, hh) ||
      text[13] != ':' || !digits(text, 14, 2, mm))
    return shape();
  std::size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!digits(text, pos + 1, 2, ss)) return shape();
    pos += 3;
  }
  if (hh > 23 || mm > 59 || ss > 59) return shape();
  const date::local_seconds local =
      date::local_days{*ymd} + std::chrono::hours{hh} + std::chrono::minutes{mm} + seconds{ss};
  const std::string_view rest = text.substr(pos);
  if (rest.empty()) {
    const auto utc = local_to_utc(zone, local);
    if (!utc) {
      error = fmt::format("local time '{}' does not exist in {} (clocks spring forward)", text,
                          zone.name());
      return std::nullopt;
    }
    return utc;
  }
  int offset_s = 0;
  if (rest == "Z") {
    offset_s = 0;
  } else {
    int oh = 0, om = 0;
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || !digits(rest, 1, 2, oh) ||
        rest[3] != ':' || !digits(rest, 4, 2, om) || oh > 18 || om > 59)
      return shape();
    offset_s = (rest[0] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  return local.time_since_epoch().count() - offset_s;
}

namespace {

// The POSIX TZ string that ends a version 2+ TZif file ("EST5EDT,M3.2.0,M11.1.0"):
// the rule for every instant after the file's last transition. nullopt when the file
// cannot be read or has none.
std::optional<std::string> tzif_footer(const std::string& zone_name) {
  constexpr std::size_t max_tzif_bytes = 1 << 20;  // real files are a few kB
  std::ifstream in(tz_database_dir() + "/" + zone_name, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data(max_tzif_bytes, '\0');
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<std::size_t>(in.gcount()));
  if (data.size() < 6 || !data.starts_with("TZif") || data[4] == '\0' || data.back() != '\n') return std::nullopt;
  const std::size_t open = data.rfind('\n', data.size() - 2);
  if (open == std::string::npos) return std::nullopt;
  return data.substr(open + 1, data.size() - open - 2);
}

// Past this instant the database gives no offsets for `zone` and its yearly rule
// applies; nullopt when the last offset holds for ever.
std::optional<std::int64_t> end_of_listed_offsets(const date::time_zone& zone) {
  const date::sys_seconds far_future = date::sys_days{date::year{9000} / 1 / 1};
  const date::sys_info last = zone.get_info(far_future);
  if (last.begin <= date::sys_days{date::year{1900} / 1 / 1}) return std::nullopt;  // no transitions
  const std::int64_t at = last.begin.time_since_epoch().count();
  if (const auto footer = tzif_footer(zone.name()))
    return footer->find(',') == std::string::npos ? std::nullopt : std::optional<std::int64_t>(at);
  // No footer to read: the usual ("fat") files list rule transitions up to 2037.
  const date::year_month_day ymd{date::floor<date::days>(last.begin)};
  return ymd.year() >= date::year{2037} ? std::optional<std::int64_t>(at) : std::nullopt;
}

// A wall-clock instant (UTC seconds plus the offset) as "YYYY-MM-DD HH:MM".
std::string local_text(std::int64_t local) {
  const date::sys_seconds t{seconds{local}};
  const auto day = date::floor<date::days>(t);
  const date::hh_mm_ss tod{t - day};
  return fmt::format("{} {:02}:{:02}", format_date(date::year_month_day{day}), tod.hours().count(),
                     tod.minutes().count());
}

std::string utc_text(std::int64_t utc) { return local_text(utc) + " UTC"; }

std::string offset_text(int offset_s) {
  const int a = std::abs(offset_s);
  return fmt::format("{}{:02}:{:02}:{:02}", offset_s < 0 ? '-' : '+', a / 3600, a / 60 % 60, a % 60);
}

}  // namespace

std::optional<std::string> offsets_problem(const date::time_zone& zone, std::int64_t first_utc,
                                           std::int64_t end_utc, int step, const std::vector<int>& offsets) {
  if (const auto listed_until = end_of_listed_offsets(zone); listed_until && end_utc > *listed_until)
    return fmt::format("the time-zone database of this machine lists the clock changes of {} only up to {}; "
                       "later ones follow a yearly rule that staffplan does not compute, so the horizon must "
                       "end by then (it ends {} local time)",
                       zone.name(), utc_text(*listed_until), local_text(end_utc + (offsets.empty() ? 0 : offsets.back())));
  for (std::size_t k = 0; k < offsets.size(); ++k)
    if (offsets[k] % 60 != 0)
      return fmt::format("{} has the UTC offset {} at {} (a local mean time from before time zones); "
                         "staffplan needs offsets in whole minutes, which every zone has used since 1972",
                         zone.name(), offset_text(offsets[k]),
                         utc_text(first_utc + static_cast<std::int64_t>(k) * step));
  return std::nullopt;
}

std::vector<int> offsets_at(const date::time_zone& zone, std::int64_t first, int step, int count) {
  std::vector<int> offsets(static_cast<std::size_t>(count) + 1);
  // One sys_info covers [begin, end): look it up again only when an instant leaves it.
  date::sys_info info = zone.get_info(date::sys_seconds{seconds{first}});
  for (int k = 0; k <= count; ++k) {
    const date::sys_seconds t{seconds{first + static_cast<std::int64_t>(k) * step}};
    if (t < info.begin || t >= info.end) info = zone.get_info(t);
    offsets[static_cast<std::size_t>(k)] = static_cast<int>(info.offset.count());
  }
  return offsets;
}

}  // namespace staffplan::load
