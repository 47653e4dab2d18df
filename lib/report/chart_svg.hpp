#pragma once
// Internal to report/: a small SVG chart renderer for per-interval series over the
// plan horizon (used by chart.cpp for `--chart`). One panel per queue, stacked
// vertically, sharing one time axis on the plan clock; a legend at the top.
//
// Every plotted series carries its numbers, exactly as the text reports print
// them, in a `data-values` attribute (comma-separated, empty = undefined), so a
// reader or a test can get the series back without parsing paths. When the horizon
// has more intervals than the plot has pixels, each pixel column shows the range
// of its intervals' values (lines become filled min-max envelopes; stacked areas
// keep the first, lowest, highest and last value of the column); the data
// attributes always keep every interval.
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace staffplan::report::detail {

enum class SeriesKind {
  step_line,     // a value per interval, drawn as a step line; NaN = gap
  stacked_area,  // a value per interval, stacked on the panel's earlier stacked areas
  band,          // `values` = lower bound, `upper` = upper bound; NaN = gap
};

struct Series {
  std::string key;        // data-series, e.g. "required"
  std::string label;      // legend text
  std::string color;      // CSS colour
  SeriesKind kind = SeriesKind::step_line;
  bool dashed = false;
  int decimals = 0;       // of the numbers in data-values (as the reports print them)
  std::vector<double> values;
  std::vector<double> upper;                   // band only
  std::vector<std::pair<std::string, std::string>> attributes;  // extra data-* (e.g. data-site)
};

// A horizontal reference line (the service-level goal).
struct Rule {
  std::string key;
  std::string label;
  std::string color;
  double value = 0;
  int decimals = 4;
};

struct Panel {
  std::string title;      // queue name
  std::string queue;      // data-queue
  std::string y_label;
  bool percent = false;   // y axis 0..100 % (values are fractions); else 0..nice max
  std::vector<Series> series;  // drawn in order (stacked areas first, lines last)
  std::vector<Rule> rules;
};

struct Chart {
  std::string kind;       // data-chart: require, plan, simulate
  std::string title;
  std::string subtitle;
  std::vector<Panel> panels;
};

// The whole SVG document. Deterministic: same chart, same bytes.
std::string render_svg(const Horizon& horizon, const Chart& chart);

// Escapes & < > " ' for XML text and attribute values.
std::string xml_escape(const std::string& text);

// Time-axis marks on the plan clock for a horizon drawn `plot_width` pixels wide.
struct TimeMark {
  int interval = 0;       // boundary index 0..count
  bool day = false;       // a local-midnight (day) gridline; else an hour gridline
  bool strong = false;    // week or month boundary when days are too narrow to label
  bool light = false;     // a day line drawn faintly (days too narrow for labels)
  std::string label;      // empty = gridline only
};
std::vector<TimeMark> time_marks(const Horizon& horizon, double plot_width);

}  // namespace staffplan::report::detail
