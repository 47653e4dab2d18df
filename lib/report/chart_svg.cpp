// SVG rendering of per-interval charts (see chart_svg.hpp): layout, axes, legend
// and series paths. Built with fmt into one string; coordinates have one decimal,
// so the same chart always gives the same bytes.
#include "report/chart_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

#include "report/writer.hpp"

namespace staffplan::report::detail {
namespace {

// Layout in pixels. The plot is ~1100 px wide: a week at 15 minutes (672
// intervals) keeps every interval visible; longer horizons are decimated to one
// column per pixel (the data attributes keep every interval).
constexpr double kWidth = 1200;
constexpr double kLeft = 64;     // room for y tick labels and the axis title
constexpr double kRight = 24;
constexpr double kPlotWidth = kWidth - kLeft - kRight;
constexpr double kTitleY = 26;
constexpr double kSubtitleY = 46;
constexpr double kLegendTop = 60;
constexpr double kLegendRow = 18;
constexpr double kPanelTitle = 22;   // panel title above its plot
constexpr double kPlotHeight = 150;
constexpr double kAxisLabels = 22;   // time labels below each plot
constexpr double kPanelGap = 10;
constexpr double kCharPx = 6.6;      // rough width of one character at 11 px
constexpr int kYTicks = 4;           // about this many y gridlines

const char* kFont = "DejaVu Sans, Helvetica, Arial, sans-serif";

using Out = std::back_insert_iterator<std::string>;

double text_width(const std::string& text) {
  std::size_t chars = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++chars;  // count UTF-8 code points, not bytes
  return kCharPx * static_cast<double>(chars);
}

// Interval -> pixel column groups. Without decimation a bucket is one interval.
struct Buckets {
  int count = 0;                 // number of buckets
  std::vector<int> first;        // first interval of bucket b; first[count] = n
  std::vector<int> of;           // bucket of interval i
  bool decimated = false;
};

Buckets make_buckets(int n) {
  Buckets b;
  b.decimated = n > static_cast<int>(kPlotWidth);
  b.count = b.decimated ? static_cast<int>(kPlotWidth) : n;
  b.first.resize(static_cast<std::size_t>(b.count) + 1);
  for (int k = 0; k <= b.count; ++k)
    b.first[k] = static_cast<int>(static_cast<long long>(k) * n / std::max(1, b.count));
  b.of.resize(static_cast<std::size_t>(n));
  for (int k = 0; k < b.count; ++k)
    for (int i = b.first[k]; i < b.first[k + 1]; ++i) b.of[i] = k;
  return b;
}

// Intervals a line keeps: every defined one, or per bucket the first, lowest,
// highest and last defined value in time order (M4 decimation: the pixel column
// looks as it would with every point drawn).
std::vector<int> kept_intervals(const std::vector<double>& v, const Buckets& b) {
  std::vector<int> kept;
  const int n = static_cast<int>(v.size());
  if (!b.decimated) {
    for (int i = 0; i < n; ++i)
      if (std::isfinite(v[i])) kept.push_back(i);
    return kept;
  }
  for (int k = 0; k < b.count; ++k) {
    int first = -1, last = -1, lo = -1, hi = -1;
    for (int i = b.first[k]; i < b.first[k + 1]; ++i) {
      if (!std::isfinite(v[i])) continue;
      if (first < 0) first = lo = hi = i;
      last = i;
      if (v[i] < v[lo]) lo = i;
      if (v[i] > v[hi]) hi = i;
    }
    if (first < 0) continue;
    int picks[] = {first, lo, hi, last};
    std::sort(std::begin(picks), std::end(picks));
    for (int i : picks)
      if (kept.empty() || kept.back() != i) kept.push_back(i);
  }
  return kept;
}

struct Frame {
  double top = 0;       // plot top
  double y_max = 1;     // value at the top edge
  int n = 1;            // intervals
  double x(double interval) const { return kLeft + kPlotWidth * interval / n; }
  double y(double value) const { return top + kPlotHeight - kPlotHeight * value / y_max; }
  double bottom() const { return top + kPlotHeight; }
};

// A step line through the kept intervals; gaps where intervals are undefined.
void step_path(Out out, const std::vector<double>& v, const std::vector<int>& kept, const Buckets& b,
               const Frame& f) {
  int previous_end = -1;
  for (std::size_t m = 0; m < kept.size(); ++m) {
    const int i = kept[m];
    int end = b.decimated ? b.first[b.of[i] + 1] : i + 1;
    if (m + 1 < kept.size() && b.of[kept[m + 1]] <= b.of[i] + 1) end = kept[m + 1];
    const double y = f.y(v[i]);
    if (previous_end == i)
      fmt::format_to(out, "V{:.1f}H{:.1f}", y, f.x(end));
    else
      fmt::format_to(out, "M{:.1f} {:.1f}H{:.1f}", f.x(i), y, f.x(end));
    previous_end = end;
  }
}

// The area under a (defined everywhere) cumulative series, closed at zero.
void area_path(Out out, const std::vector<double>& top, const Buckets& b, const Frame& f) {
  const std::vector<int> kept = kept_intervals(top, b);
  if (kept.empty()) return;
  fmt::format_to(out, "M{:.1f} {:.1f}", f.x(kept.front()), f.bottom());
  int end = kept.front();
  for (std::size_t m = 0; m < kept.size(); ++m) {
    const int i = kept[m];
    end = m + 1 < kept.size() ? kept[m + 1] : static_cast<int>(top.size());
    fmt::format_to(out, "V{:.1f}H{:.1f}", f.y(top[i]), f.x(end));
  }
  fmt::format_to(out, "V{:.1f}Z", f.bottom());
}

// A band between `lo` and `hi`: per bucket, the lowest lo and highest hi; one
// polygon per run of defined buckets. `connect` (a thinned-out line) also takes in
// the previous bucket's last value, as the line's vertical stroke between the two
// columns would, so that a steep rise leaves no white gap.
void band_path(Out out, const std::vector<double>& lo, const std::vector<double>& hi, const Buckets& b,
               const Frame& f, bool connect = false) {
  std::vector<double> bucket_lo(static_cast<std::size_t>(b.count), NAN), bucket_hi(bucket_lo);
  for (int k = 0; k < b.count; ++k)
    for (int i = b.first[k]; i < b.first[k + 1]; ++i) {
      if (!std::isfinite(lo[i]) || !std::isfinite(hi[i])) continue;
      bucket_lo[k] = std::isfinite(bucket_lo[k]) ? std::min(bucket_lo[k], lo[i]) : lo[i];
      bucket_hi[k] = std::isfinite(bucket_hi[k]) ? std::max(bucket_hi[k], hi[i]) : hi[i];
    }
  if (connect)
    for (int k = 1; k < b.count; ++k) {
      const int previous = b.first[k] - 1;
      if (!std::isfinite(bucket_lo[k]) || !std::isfinite(lo[previous])) continue;
      bucket_lo[k] = std::min(bucket_lo[k], lo[previous]);
      bucket_hi[k] = std::max(bucket_hi[k], hi[previous]);
    }
  int k = 0;
  while (k < b.count) {
    if (!std::isfinite(bucket_lo[k])) {
      ++k;
      continue;
    }
    int end = k;
    while (end < b.count && std::isfinite(bucket_lo[end])) ++end;
    fmt::format_to(out, "M{:.1f} {:.1f}", f.x(b.first[k]), f.y(bucket_hi[k]));
    for (int j = k; j < end; ++j) fmt::format_to(out, "V{:.1f}H{:.1f}", f.y(bucket_hi[j]), f.x(b.first[j + 1]));
    for (int j = end - 1; j >= k; --j) fmt::format_to(out, "V{:.1f}H{:.1f}", f.y(bucket_lo[j]), f.x(b.first[j]));
    fmt::format_to(out, "Z");
    k = end;
  }
}

std::string values_text(const std::vector<double>& v, int decimals) {
  std::string text;
  text.reserve(v.size() * 6);
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) text += ',';
    text += fixed(v[i], decimals);
  }
  return text;
}

// A y-axis top and step: 1, 2 or 5 times a power of ten, about kYTicks steps.
std::pair<double, double> nice_scale(double max_value) {
  if (!(max_value > 0)) return {1, 1};
  const double raw = max_value / kYTicks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw) {
      step = m * power;
      break;
    }
  return {std::ceil(max_value / step - 1e-9) * step, step};
}

double panel_max(const Panel& p) {
  double top = 0;
  std::vector<double> stack;
  for (const Series& s : p.series) {
    if (s.kind == SeriesKind::stacked_area) {
      stack.resize(std::max(stack.size(), s.values.size()), 0.0);
      for (std::size_t i = 0; i < s.values.size(); ++i)
        if (std::isfinite(s.values[i])) stack[i] += s.values[i];
    }
    for (double v : s.kind == SeriesKind::band ? s.upper : s.values)
      if (std::isfinite(v)) top = std::max(top, v);
  }
  for (double v : stack) top = std::max(top, v);
  for (const Rule& r : p.rules) top = std::max(top, r.value);
  return top;
}

std::string percent_label(double fraction) { return fmt::format("{}%", static_cast<int>(std::lround(100 * fraction))); }

std::string number_label(double value) { return fmt::format("{}", value); }

// ---- legend ------------------------------------------------------------------

struct LegendEntry {
  std::string label, color;
  SeriesKind kind;
  bool dashed;
  bool rule;
};

std::vector<LegendEntry> legend_entries(const Chart& chart) {
  std::vector<LegendEntry> entries;
  auto add = [&](LegendEntry e) {
    for (const auto& have : entries)
      if (have.label == e.label && have.color == e.color) return;
    entries.push_back(std::move(e));
  };
  for (const Panel& p : chart.panels) {
    for (const Series& s : p.series) add({s.label, s.color, s.kind, s.dashed, false});
    for (const Rule& r : p.rules) add({r.label, r.color, SeriesKind::step_line, true, true});
  }
  return entries;
}

// Lays the entries out left to right, wrapping; returns the rows used.
int legend(std::string& svg, const std::vector<LegendEntry>& entries, bool draw) {
  auto out = std::back_inserter(svg);
  double x = kLeft;
  int row = 0;
  for (const LegendEntry& e : entries) {
    const double width = 26 + text_width(e.label) + 18;
    if (x + width > kWidth - kRight && x > kLeft) {
      x = kLeft;
      ++row;
    }
    const double y = kLegendTop + row * kLegendRow;
    if (draw) {
      if (e.kind == SeriesKind::step_line)
        fmt::format_to(out, "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"2\"{}/>\n",
                       x, y + 6, x + 20, y + 6, e.color, e.dashed ? " stroke-dasharray=\"5 3\"" : "");
      else
        fmt::format_to(out, "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"20\" height=\"11\" fill=\"{}\"{}/>\n", x, y, e.color,
                       e.kind == SeriesKind::band ? " fill-opacity=\"0.3\"" : "");
      fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", x + 26, y + 10, xml_escape(e.label));
    }
    x += width;
  }
  return entries.empty() ? 0 : row + 1;
}

// ---- one panel -----------------------------------------------------------------

void panel(std::string& svg, const Horizon& h, const Panel& p, int index, double top,
           const std::vector<TimeMark>& marks, const Buckets& b) {
  auto out = std::back_inserter(svg);
  Frame f;
  f.top = top + kPanelTitle;
  f.n = std::max(1, h.count);
  double step = 0.2;
  if (p.percent) {
    f.y_max = 1;
  } else {
    std::tie(f.y_max, step) = nice_scale(panel_max(p));
  }
  fmt::format_to(out, "<g class=\"panel\" data-panel=\"{}\" data-queue=\"{}\" data-y-max=\"{}\">\n", index,
                 xml_escape(p.queue), f.y_max);
  fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"13\" font-weight=\"bold\">{}</text>\n", kLeft,
                 top + 15, xml_escape(p.title));
  // y gridlines and tick labels
  for (double v = 0; v <= f.y_max + step * 1e-6; v += step) {
    const double y = f.y(v);
    fmt::format_to(out, "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e2e2e2\"/>\n", kLeft, y,
                   kLeft + kPlotWidth, y);
    fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", kLeft - 5, y + 4,
                   p.percent ? percent_label(v) : number_label(v));
  }
  fmt::format_to(out,
                 "<text transform=\"translate({:.1f} {:.1f}) rotate(-90)\" text-anchor=\"middle\" "
                 "fill=\"#555\">{}</text>\n",
                 16.0, f.top + kPlotHeight / 2, xml_escape(p.y_label));
  // time gridlines and labels
  for (const TimeMark& m : marks) {
    const double x = f.x(m.interval);
    const char* colour = m.strong ? "#8c8c8c" : m.day && !m.light ? "#b4b4b4" : "#e8e8e8";
    fmt::format_to(out, "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\"/>\n", x, f.top, x,
                   f.bottom(), colour);
    if (!m.label.empty())
      fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\">{}</text>\n", x + 3, f.bottom() + 14,
                     m.day ? "#222" : "#777", m.label);
  }
  // stacked areas: the whole stack first, each lower layer painted over it
  std::vector<const Series*> stacked;
  for (const Series& s : p.series)
    if (s.kind == SeriesKind::stacked_area) stacked.push_back(&s);
  std::vector<std::vector<double>> cumulative(stacked.size(), std::vector<double>(static_cast<std::size_t>(h.count), 0.0));
  for (std::size_t k = 0; k < stacked.size(); ++k)
    for (int i = 0; i < h.count; ++i) {
      const double v = i < static_cast<int>(stacked[k]->values.size()) ? stacked[k]->values[i] : 0.0;
      cumulative[k][i] = (k ? cumulative[k - 1][i] : 0.0) + (std::isfinite(v) ? v : 0.0);
    }
  for (std::size_t k = stacked.size(); k-- > 0;) {
    const Series& s = *stacked[k];
    fmt::format_to(out, "<path class=\"series\" data-series=\"{}\"", xml_escape(s.key));
    for (const auto& [name, value] : s.attributes) fmt::format_to(out, " {}=\"{}\"", name, xml_escape(value));
    fmt::format_to(out, " data-values=\"{}\" fill=\"{}\" stroke=\"none\" d=\"", values_text(s.values, s.decimals), s.color);
    area_path(out, cumulative[k], b, f);
    svg += "\"/>\n";
  }
  // Bands first, then dashed lines, then solid lines on top.
  std::vector<const Series*> order;
  for (int pass = 0; pass < 3; ++pass)
    for (const Series& s : p.series) {
      if (s.kind == SeriesKind::stacked_area) continue;
      const int rank = s.kind == SeriesKind::band ? 0 : s.dashed ? 1 : 2;
      if (rank == pass) order.push_back(&s);
    }
  for (const Series* sp : order) {
    const Series& s = *sp;
    fmt::format_to(out, "<path class=\"series\" data-series=\"{}\"", xml_escape(s.key));
    for (const auto& [name, value] : s.attributes) fmt::format_to(out, " {}=\"{}\"", name, xml_escape(value));
    if (s.kind == SeriesKind::band) {
      fmt::format_to(out, " data-lo=\"{}\" data-hi=\"{}\" fill=\"{}\" fill-opacity=\"0.3\" stroke=\"none\" d=\"",
                     values_text(s.values, s.decimals), values_text(s.upper, s.decimals), s.color);
      band_path(out, s.values, s.upper, b, f);
    } else if (b.decimated) {
      // Thinned out, a line would be a scribble of vertical strokes (and dashes
      // meaningless): draw each pixel column's range of values as a filled envelope.
      fmt::format_to(out, " data-values=\"{}\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"none\" d=\"",
                     values_text(s.values, s.decimals), s.color, s.dashed ? "0.3" : "0.8");
      band_path(out, s.values, s.values, b, f, true);
    } else {
      fmt::format_to(out, " data-values=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{} d=\"",
                     values_text(s.values, s.decimals), s.color, s.dashed ? "1.2" : "1.6",
                     s.dashed ? " stroke-dasharray=\"5 3\"" : "");
      step_path(out, s.values, kept_intervals(s.values, b), b, f);
    }
    svg += "\"/>\n";
  }
  for (const Rule& r : p.rules) {
    const double y = f.y(r.value);
    fmt::format_to(out,
                   "<line class=\"rule\" data-series=\"{}\" data-values=\"{}\" x1=\"{:.1f}\" y1=\"{:.1f}\" "
                   "x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"1.4\" stroke-dasharray=\"7 4\"/>\n",
                   xml_escape(r.key), fixed(r.value, r.decimals), kLeft, y, kLeft + kPlotWidth, y, r.color);
  }
  fmt::format_to(out, "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" stroke=\"#777\"/>\n",
                 kLeft, f.top, kPlotWidth, kPlotHeight);
  svg += "</g>\n";
}

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_svg(const Horizon& h, const Chart& chart) {
  const std::vector<LegendEntry> entries = legend_entries(chart);
  std::string scratch;
  const int legend_rows = legend(scratch, entries, false);
  const double panels_top = kLegendTop + legend_rows * kLegendRow + 8;
  const double panel_height = kPanelTitle + kPlotHeight + kAxisLabels + kPanelGap;
  const double height = std::ceil(panels_top + panel_height * static_cast<double>(chart.panels.size()) + 4);

  std::string svg;
  svg.reserve(1 << 16);
  auto out = std::back_inserter(svg);
  fmt::format_to(out,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{0}\" height=\"{1}\" "
                 "viewBox=\"0 0 {0} {1}\" font-family=\"{2}\" font-size=\"11\" data-chart=\"{3}\" "
                 "data-intervals=\"{4}\" data-interval-s=\"{5}\" data-decimated=\"{6}\">\n",
                 kWidth, height, kFont, xml_escape(chart.kind), h.count, h.interval_s,
                 h.count > static_cast<int>(kPlotWidth) ? "true" : "false");
  fmt::format_to(out, "<title>{}</title>\n", xml_escape(chart.title));
  fmt::format_to(out, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
  fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"16\" font-weight=\"bold\">{}</text>\n", kLeft, kTitleY,
                 xml_escape(chart.title));
  fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\" fill=\"#555\">{}</text>\n", kLeft, kSubtitleY,
                 xml_escape(chart.subtitle));
  svg += "<g class=\"legend\">\n";
  legend(svg, entries, true);
  svg += "</g>\n";

  const Buckets buckets = make_buckets(std::max(0, h.count));
  const std::vector<TimeMark> marks = time_marks(h, kPlotWidth);
  for (std::size_t k = 0; k < chart.panels.size(); ++k)
    panel(svg, h, chart.panels[k], static_cast<int>(k), panels_top + panel_height * static_cast<double>(k), marks,
          buckets);
  svg += "</svg>\n";
  return svg;
}

}  // namespace staffplan::report::detail
