#include "report/clock.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

namespace staffplan::report {
namespace {

struct Civil {
  date::year_month_day ymd;
  int hour, minute, second;
};

Civil civil(std::int64_t utc_seconds, int utc_offset_s) {
  const date::sys_seconds local{std::chrono::seconds{utc_seconds + utc_offset_s}};
  const auto day = date::floor<date::days>(local);
  const auto tod = date::make_time(local - day);
  return {date::year_month_day{day}, static_cast<int>(tod.hours().count()),
          static_cast<int>(tod.minutes().count()), static_cast<int>(tod.seconds().count())};
}

std::string ymd_text(const date::year_month_day& ymd) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

}  // namespace

std::string iso_timestamp(std::int64_t utc_seconds, int utc_offset_s) {
  const Civil c = civil(utc_seconds, utc_offset_s);
  const int offset_min = std::abs(utc_offset_s) / 60;
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", ymd_text(c.ymd), c.hour, c.minute,
                     c.second, utc_offset_s < 0 ? '-' : '+', offset_min / 60, offset_min % 60);
}

std::string local_date(std::int64_t utc_seconds, int utc_offset_s) {
  return ymd_text(civil(utc_seconds, utc_offset_s).ymd);
}

std::string local_hhmm(std::int64_t utc_seconds, int utc_offset_s) {
  const Civil c = civil(utc_seconds, utc_offset_s);
  return fmt::format("{:02}:{:02}", c.hour, c.minute);
}

}  // namespace staffplan::report
