// Every metric and every required-agents answer against the 50-digit reference table
// written by scripts/reference/erlang_reference.py (mpmath, direct summation of the
// birth-death chain; brute-force search). Loads 0.1 .. 100 000 Erlangs, thresholds
// 0 .. 1 h, patience 10 s .. 30 min, staffing from half the load to well above it.
//
// Tolerance: 1e-9 relative. Values whose reference is below 1e-290 (beyond double's
// normal range, e.g. P(wait) ~ 1e-2000 for 1.5x the load at 100 000 Erlangs) must come
// out below 1e-280 instead.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "queueing/queueing.hpp"
#include "support/run_cli.hpp"

namespace q = staffplan::queueing;

namespace {

using Row = std::map<std::string, std::string>;

std::vector<Row> read_csv(const std::string& relative) {
  std::ifstream in(staffplan::testing::source_path(relative));
  EXPECT_TRUE(in) << "missing " << relative;
  std::vector<Row> rows;
  std::string line;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    if (header.empty()) {
      header = cells;
      continue;
    }
    Row row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = i < cells.size() ? cells[i] : "";
    rows.push_back(row);
  }
  return rows;
}

double num(const Row& row, const std::string& key) { return std::stod(row.at(key)); }

q::Load load_of(const Row& row) {
  q::Load load{num(row, "calls"), num(row, "aht_s"), num(row, "interval_s")};
  if (row.at("model") == "erlang_a") {
    load.model = q::Model::erlang_a;
    load.patience_s = num(row, "patience_s");
  }
  return load;
}

std::string describe(const Row& row) {
  std::string s;
  for (const auto& [k, v] : row) s += k + "=" + v + " ";
  return s;
}

void expect_close(double got, const std::string& reference, const std::string& what, const Row& row) {
  if (reference.empty()) return;
  const double ref = std::strtod(reference.c_str(), nullptr);  // 1e-2000 reads as 0 (std::stod would throw)
  if (std::abs(ref) < 1e-290) {
    EXPECT_LT(std::abs(got), 1e-280) << what << " reference " << reference << " | " << describe(row);
    return;
  }
  EXPECT_LE(std::abs(got - ref), 1e-9 * std::abs(ref))
      << what << " got " << got << " reference " << reference << " rel.err " << std::abs(got - ref) / std::abs(ref)
      << " | " << describe(row);
}

}  // namespace

TEST(ReferenceTable, MetricsMatchTheFiftyDigitReference) {
  const auto rows = read_csv("tests/data/queueing/reference_metrics.csv");
  ASSERT_GT(rows.size(), 500u);
  for (const Row& row : rows) {
    const int agents = std::stoi(row.at("agents"));
    if (row.at("model") == "erlang_b") {
      const double a = num(row, "calls") * num(row, "aht_s") / num(row, "interval_s");
      expect_close(q::erlang_b(agents, a), row.at("p_wait"), "erlang_b", row);
      continue;
    }
    const q::Metrics m = q::evaluate(load_of(row), agents, num(row, "answer_within_s"));
    expect_close(m.p_wait, row.at("p_wait"), "p_wait", row);
    expect_close(m.service_level, row.at("service_level"), "service_level", row);
    expect_close(m.asa_s, row.at("asa_s"), "asa_s", row);
    expect_close(m.occupancy, row.at("occupancy"), "occupancy", row);
    if (row.at("model") == "erlang_a") expect_close(m.p_abandon, row.at("p_abandon"), "p_abandon", row);
  }
}

TEST(ReferenceTable, RequiredAgentsMatchTheBruteForceSearch) {
  const auto rows = read_csv("tests/data/queueing/reference_required.csv");
  ASSERT_GT(rows.size(), 100u);
  for (const Row& row : rows) {
    q::Goals goals;
    if (!row.at("service_level").empty()) {
      goals.service_level = num(row, "service_level");
      goals.answer_within_s = num(row, "answer_within_s");
    }
    if (!row.at("asa_s").empty()) goals.asa_s = num(row, "asa_s");
    if (!row.at("max_occupancy").empty()) goals.max_occupancy = num(row, "max_occupancy");
    if (!row.at("max_abandon").empty()) goals.max_abandon = num(row, "max_abandon");
    EXPECT_EQ(q::required_agents(load_of(row), goals).agents, std::stoi(row.at("agents"))) << describe(row);
  }
}
