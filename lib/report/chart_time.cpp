// The time axis of the charts: gridlines and labels on the plan clock. Day lines at
// every local midnight (daylight-saving days are 23 or 25 hours wide, as they are
// on the clock), hour lines and labels when a day is wide enough to read them, and
// week or month labels when days are too narrow (a quarter, a year).
#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdint>

#include "report/chart_svg.hpp"

namespace staffplan::report::detail {
namespace {

// Narrowest spacing, in pixels, at which labels of each kind stay readable.
constexpr double kHourLabelPx = 44;   // "12:00"
constexpr double kDayLabelPx = 64;    // "Mon 11-23"
constexpr double kWeekLabelPx = 40;   // "11-23"
constexpr double kGridlinePx = 5;     // thinner than this, lines become a grey wash
constexpr double kCharPx = 6.6;       // rough width of one label character
constexpr double kLabelGapPx = 6;     // space kept between two labels

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

struct Local {
  std::int64_t day;   // days since 1970-01-01 on the plan clock
  int second;         // of the local day
};

Local local_at(const Horizon& h, int boundary) {
  const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(boundary), h.utc_offset_s.size() - 1);
  const std::int64_t t = h.interval_start_utc(boundary) + (h.utc_offset_s.empty() ? 0 : h.utc_offset_s[k]);
  const std::int64_t day = floor_div(t, 86400);
  return {day, static_cast<int>(t - day * 86400)};
}

date::year_month_day ymd_of(std::int64_t day) { return date::year_month_day{date::sys_days{date::days{day}}}; }

int weekday_of(std::int64_t day) {  // 0 = Monday
  return static_cast<int>(date::weekday{date::sys_days{date::days{day}}}.iso_encoding()) - 1;
}

std::string day_label(std::int64_t day) {
  static const char* names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const auto ymd = ymd_of(day);
  return fmt::format("{} {:02}-{:02}", names[weekday_of(day)], static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string week_label(std::int64_t day) {
  const auto ymd = ymd_of(day);
  return fmt::format("{:02}-{:02}", static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string month_label(std::int64_t day) {
  const auto ymd = ymd_of(day);
  return fmt::format("{:04}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()));
}

}  // namespace

std::vector<TimeMark> time_marks(const Horizon& h, double plot_width) {
  std::vector<TimeMark> marks;
  if (h.count <= 0 || h.interval_s <= 0) return marks;
  const double px_per_day = plot_width * (86400.0 / h.interval_s) / h.count;
  int hour_step = 0;  // 0 = no hour labels
  for (int step : {1, 2, 3, 6, 12})
    if (px_per_day * step / 24 >= kHourLabelPx) {
      hour_step = step;
      break;
    }
  const bool day_labels = px_per_day >= kDayLabelPx;
  const bool week_labels = !day_labels && px_per_day * 7 >= kWeekLabelPx;
  const bool month_labels = !day_labels && !week_labels;
  const bool day_lines = px_per_day >= kGridlinePx;
  const bool week_lines = px_per_day * 7 >= kGridlinePx;

  Local previous{};
  for (int i = 0; i <= h.count; ++i) {
    const Local here = local_at(h, i);
    const bool new_day = i == 0 || here.day != previous.day;
    previous = here;
    const bool last = i == h.count;  // no label at the right edge: it would not fit
    if (new_day) {
      TimeMark m{i, true, false, !day_labels, ""};
      // A boundary inside a day (the horizon cannot start there, but a time zone
      // whose midnight is skipped can) is still the start of the new date.
      const bool monday = weekday_of(here.day) == 0;
      const bool month_start = static_cast<unsigned>(ymd_of(here.day).day()) == 1;
      if (day_labels) {
        if (!last) m.label = day_label(here.day);
      } else if (week_labels) {
        m.strong = monday;
        if (!last && (monday || i == 0)) m.label = week_label(here.day);
      } else if (month_labels) {
        m.strong = month_start;
        if (!last && (month_start || i == 0)) m.label = month_label(here.day);
      }
      const bool visible = day_lines || m.strong || (week_lines && monday) || i == 0 || last;
      if (visible) marks.push_back(std::move(m));
      continue;
    }
    if (hour_step > 0 && here.second % 3600 == 0 && (here.second / 3600) % hour_step == 0)
      marks.push_back(TimeMark{i, false, false, false, last ? "" : fmt::format("{:02}:00", here.second / 3600)});
  }
  // Hour labels give way to day labels they would touch ("Mon 11-23" then "01:00"
  // in a one-day chart at 60 minutes), and to the previous label.
  const auto x_of = [&](const TimeMark& m) { return plot_width * m.interval / h.count; };
  const auto width_of = [](const TimeMark& m) { return kCharPx * static_cast<double>(m.label.size()); };
  double next_day_x = 1e300;
  std::vector<double> next_day(marks.size());
  for (std::size_t k = marks.size(); k-- > 0;) {
    next_day[k] = next_day_x;
    if (marks[k].day && !marks[k].label.empty()) next_day_x = x_of(marks[k]);
  }
  double free_from = -1e300;
  for (std::size_t k = 0; k < marks.size(); ++k) {
    TimeMark& m = marks[k];
    if (m.label.empty()) continue;
    const double x = x_of(m);
    if (!m.day && (x < free_from || x + width_of(m) + kLabelGapPx > next_day[k])) {
      m.label.clear();
      continue;
    }
    free_from = x + width_of(m) + kLabelGapPx;
  }
  return marks;
}

}  // namespace staffplan::report::detail
