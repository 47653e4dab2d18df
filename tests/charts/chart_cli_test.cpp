// `--chart FILE.svg` on require, plan and simulate, end to end through the binary:
// the SVG parses as XML (Python's xml.etree, tests/charts/svg_series.py), a real
// renderer (rsvg-convert, Debian's librsvg2-bin) turns it into a PNG, the plotted
// series read back from the data attributes equal the numbers of the same run's CSV
// report, the file is written atomically and deterministically, and bad --chart
// values are refused before any work (exit 2).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_cli.hpp"

namespace {

using namespace staffplan::testing;  // run_staffplan, source_path, temp files

const std::string two_sites = source_path("tests/data/charts/two-sites.yaml");
const std::string single_site = source_path("configs/single-site.yaml");
const std::string one_day = source_path("tests/data/simulate/one-day.yaml");

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, sep)) parts.push_back(part);
  if (!text.empty() && text.back() == sep) parts.push_back("");
  return parts;
}

// CSV report -> column name -> queue -> values in row order (no quoted cells here).
using Columns = std::map<std::string, std::map<std::string, std::vector<std::string>>>;
Columns csv_columns(const std::string& csv) {
  Columns columns;
  std::vector<std::string> header;
  for (std::string line : split(csv, '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto cells = split(line, ',');
    if (header.empty()) {
      header = cells;
      continue;
    }
    std::size_t queue = 0;
    while (header[queue] != "queue") ++queue;
    for (std::size_t k = 0; k < header.size(); ++k) columns[header[k]][cells[queue]].push_back(cells[k]);
  }
  return columns;
}

// The SVG read back by the Python script: "queue/series[/site]" -> values.
struct Svg {
  std::string kind;
  int intervals = 0;
  std::map<std::string, std::vector<std::string>> series;
};
Svg read_svg(const std::string& path) {
  const CliRun run = run_shell("python3 " + source_path("tests/charts/svg_series.py") + " " + path);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  Svg svg;
  for (const std::string& line : split(run.out, '\n')) {
    const auto f = split(line, '\t');
    if (f.size() == 3 && f[0] == "chart") {
      svg.kind = f[1];
      svg.intervals = std::stoi(f[2]);
    } else if (f.size() == 4) {
      svg.series[f[0] + "/" + f[1] + (f[2].empty() ? "" : "/" + f[2])] = split(f[3], ',');
    }
  }
  return svg;
}

// rsvg-convert renders the chart; the PNG has the SVG's 1200 px width.
void expect_renders(const std::string& svg_path) {
  const std::string png = svg_path + ".png";
  const CliRun run = run_shell("rsvg-convert -o " + png + " " + svg_path);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string bytes = read_file(png);
  ASSERT_GT(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  const auto byte = [&](int k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[k])); };
  EXPECT_EQ((byte(16) << 24) | (byte(17) << 16) | (byte(18) << 8) | byte(19), 1200u);  // IHDR width
}

TEST(ChartCli, RequireChartPlotsTheReportsAgentsPerQueue) {
  const std::string dir = make_temp_dir();
  const CliRun run = run_staffplan({"require", two_sites, "-f", "csv", "--chart", dir + "/need.svg"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Columns csv = csv_columns(run.out);
  const Svg svg = read_svg(dir + "/need.svg");
  EXPECT_EQ(svg.kind, "require");
  EXPECT_EQ(svg.intervals, 24);
  for (const std::string queue : {"english", "spanish"}) {
    EXPECT_EQ(svg.series.at(queue + "/required"), csv.at("agents").at(queue)) << queue;
    EXPECT_EQ(svg.series.at(queue + "/scheduled"), csv.at("scheduled").at(queue)) << queue;
  }
  expect_renders(dir + "/need.svg");
}

TEST(ChartCli, PlanChartStacksProductiveAgentsBySite) {
  const std::string dir = make_temp_dir();
  const CliRun run =
      run_staffplan({"plan", two_sites, "-f", "csv", "--view", "intervals", "--chart", dir + "/plan.svg"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Columns csv = csv_columns(run.out);
  const Svg svg = read_svg(dir + "/plan.svg");
  EXPECT_EQ(svg.kind, "plan");
  // manila serves english only: no manila layer in the spanish panel.
  EXPECT_EQ(svg.series.count("spanish/productive/manila"), 0u);
  ASSERT_EQ(svg.series.count("english/productive/manila"), 1u);
  const std::map<std::string, std::vector<std::string>> sites = {{"english", {"new-york", "manila"}},
                                                                 {"spanish", {"new-york"}}};
  for (const auto& [queue, names] : sites) {
    EXPECT_EQ(svg.series.at(queue + "/required"), csv.at("required").at(queue)) << queue;
    const auto& productive = csv.at("productive").at(queue);
    ASSERT_EQ(productive.size(), 24u);
    for (std::size_t i = 0; i < productive.size(); ++i) {
      double stacked = 0;
      for (const auto& site : names) stacked += std::stod(svg.series.at(queue + "/productive/" + site).at(i));
      // Each layer is rounded to 2 decimals like the report's productive column.
      EXPECT_NEAR(stacked, std::stod(productive[i]), 0.005 * static_cast<double>(names.size()) + 1e-9)
          << queue << " interval " << i;
    }
  }
  expect_renders(dir + "/plan.svg");
}

TEST(ChartCli, SimulateChartPlotsServiceLevelBandPredictionAndGoal) {
  const std::string dir = make_temp_dir();
  const CliRun run = run_staffplan(
      {"simulate", two_sites, "--replications", "4", "--seed", "3", "-f", "csv", "--chart", dir + "/sim.svg"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Columns csv = csv_columns(run.out);
  const Svg svg = read_svg(dir + "/sim.svg");
  EXPECT_EQ(svg.kind, "simulate");
  for (const std::string queue : {"english", "spanish"}) {
    EXPECT_EQ(svg.series.at(queue + "/service_level"), csv.at("service_level").at(queue));
    EXPECT_EQ(svg.series.at(queue + "/service_level_band.lo"), csv.at("service_level_lo").at(queue));
    EXPECT_EQ(svg.series.at(queue + "/service_level_band.hi"), csv.at("service_level_hi").at(queue));
    EXPECT_EQ(svg.series.at(queue + "/predicted_service_level"), csv.at("predicted_service_level").at(queue));
  }
  // Goals from the plan file: 80 % (top level) and spanish's own 70 %.
  EXPECT_EQ(svg.series.at("english/goal"), std::vector<std::string>{"0.8000"});
  EXPECT_EQ(svg.series.at("spanish/goal"), std::vector<std::string>{"0.7000"});
  expect_renders(dir + "/sim.svg");
}

TEST(ChartCli, SameInputSameBytesAndNoTemporaryFilesLeft) {
  const std::string dir = make_temp_dir();
  ASSERT_EQ(run_staffplan({"require", single_site, "--chart", dir + "/a.svg", "-o", dir + "/a.txt"}).exit_code, 0);
  ASSERT_EQ(run_staffplan({"require", single_site, "--chart", dir + "/b.svg", "-o", dir + "/b.txt"}).exit_code, 0);
  EXPECT_EQ(read_file(dir + "/a.svg"), read_file(dir + "/b.svg"));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    ++files;
    EXPECT_NE(entry.path().filename().string().front(), '.') << entry.path();
  }
  EXPECT_EQ(files, 4);
  expect_renders(dir + "/a.svg");
}

TEST(ChartCli, PlanNamesAreEscapedInTheSvg) {
  const std::string dir = make_temp_dir();
  ASSERT_EQ(run_staffplan({"require", two_sites, "--chart", dir + "/c.svg"}).exit_code, 0);
  const std::string svg = read_file(dir + "/c.svg");
  EXPECT_NE(svg.find("two sites &amp; &lt;charts&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<charts>"), std::string::npos);
}

TEST(ChartCli, AFailedChartWriteLeavesAnExistingChartUntouched) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/keep.svg", "old chart\n");
  // simulate --strict ... is not needed: a run that fails before writing (bad plan).
  write_file(dir + "/bad.yaml", "version: 1\nnonsense: [\n");
  const CliRun run = run_staffplan({"require", dir + "/bad.yaml", "--chart", dir + "/keep.svg"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(read_file(dir + "/keep.svg"), "old chart\n");
  // A folder that does not exist: exit 3 (I/O), the report itself is complete on stdout.
  const CliRun missing = run_staffplan({"require", two_sites, "-f", "csv", "--chart", dir + "/no/such/dir/x.svg"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("no/such/dir"), std::string::npos) << missing.err;
}

TEST(ChartCli, BadChartPathsAreRefusedBeforeAnyWork) {
  const std::string dir = make_temp_dir();
  const auto expect_bad = [](const std::vector<std::string>& args, const std::string& message) {
    const CliRun run = run_staffplan(args);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "staffplan: error: --chart: " + message + "\n");
  };
  expect_bad({"require", two_sites, "--chart", "-"},
             "needs a file name (the result itself goes to standard output)");
  expect_bad({"plan", two_sites, "-o", dir + "/out.csv", "--chart", dir + "/out.csv"},
             "'" + dir + "/out.csv' is also the -o file; give the chart its own file");
  const std::string copy = dir + "/plan.yaml";
  write_file(copy, read_file(two_sites));
  expect_bad({"simulate", copy, "--chart", copy}, "'" + copy + "' is the plan file; refusing to overwrite it");
  EXPECT_EQ(read_file(copy), read_file(two_sites));
}

}  // namespace
