#include "load/clock.hpp"

#include <fmt/format.h>

#include <chrono>

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

const date::time_zone* find_zone(const std::string& name) {
  if (name.empty()) return nullptr;
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
                        text);
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
