// report::render_simulation on a hand-made result: exact column order, rounding
// and the treatment of undefined values.
#include <gtest/gtest.h>

#include <limits>

#include "plan_fixture.hpp"
#include "report/report.hpp"

namespace staffplan::testing {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

simulate::Result hand_result() {
  simulate::Result r;
  r.replications = 30;
  r.seed = 7;
  simulate::IntervalResult busy;
  busy.queue = 0;
  busy.interval = 1;
  busy.agents = 12;
  busy.forecast_calls = 100;
  busy.simulated = {.calls = 99.5,
                    .service_level = {0.81234, 0.8, 0.82468},
                    .asa_s = {12.345, 10.5, 14.19},
                    .p_abandon = {0, 0, 0},
                    .p_wait = {0.4, 0.38, 0.42},
                    .max_wait_s = {95.5, 90, 101}};
  busy.predicted = {.service_level = 0.8333, .asa_s = 11.25, .p_abandon = 0};
  simulate::IntervalResult quiet;  // no calls: ratios undefined
  quiet.queue = 0;
  quiet.interval = 0;
  quiet.simulated.service_level = {kNaN, kNaN, kNaN};
  quiet.simulated.asa_s = {kNaN, kNaN, kNaN};
  quiet.simulated.p_abandon = {kNaN, kNaN, kNaN};
  quiet.simulated.p_wait = {kNaN, kNaN, kNaN};
  quiet.simulated.max_wait_s = {kNaN, kNaN, kNaN};
  quiet.predicted = {.service_level = 1, .asa_s = 0, .p_abandon = 0};
  r.intervals = {quiet, busy};
  simulate::QueueResult q;
  q.queue = 0;
  q.forecast_calls = 100;
  q.simulated = busy.simulated;
  q.predicted = busy.predicted;
  q.goal_service_level = 0.8;
  r.queues = {q};
  r.overall = q;
  r.overall.queue = -1;
  return r;
}

Plan plan_for_report() { return make_plan({{.name = "sales", .calls = {0, 100}, .agents = {0, 12}}}, 1800); }

TEST(SimulateReport, CsvIntervals) {
  const std::string csv = report::render_simulation(plan_for_report(), hand_result(), report::Format::csv);
  EXPECT_EQ(csv,
            "start,queue,agents,calls,simulated_calls,service_level,service_level_lo,service_level_hi,"
            "predicted_service_level,asa_s,asa_s_lo,asa_s_hi,predicted_asa_s,p_abandon,p_abandon_lo,"
            "p_abandon_hi,predicted_p_abandon,p_wait,p_wait_lo,p_wait_hi,max_wait_s,max_wait_s_lo,"
            "max_wait_s_hi\r\n"
            "2026-11-23T00:00:00+00:00,sales,0,0.00,0.00,,,,1.0000,,,,0.00,,,,0.0000,,,,,,\r\n"
            "2026-11-23T00:30:00+00:00,sales,12,100.00,99.50,0.8123,0.8000,0.8247,0.8333,12.35,10.50,"
            "14.19,11.25,0.0000,0.0000,0.0000,0.0000,0.4000,0.3800,0.4200,95.50,90.00,101.00\r\n");
}

TEST(SimulateReport, CsvSummaryHasQueuesThenOverall) {
  const std::string csv = report::render_simulation(plan_for_report(), hand_result(), report::Format::csv,
                                                    report::SimulationView::summary);
  EXPECT_EQ(csv.substr(0, 26), "queue,calls,simulated_call");
  EXPECT_NE(csv.find("\r\nsales,100.00,99.50,0.8123,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n(all),100.00,99.50,0.8123,"), std::string::npos) << csv;
}

TEST(SimulateReport, JsonHasSpecKeysAndNulls) {
  const std::string json = report::render_simulation(plan_for_report(), hand_result(), report::Format::json);
  for (const char* key : {"\"summary\": {", "\"queues\": [", "\"queue\": \"sales\"", "\"calls\": 100",
                          "\"service_level\": 0.8123", "\"service_level_lo\": 0.8",
                          "\"service_level_hi\": 0.8247", "\"asa_s\": 12.35", "\"p_abandon\": 0",
                          "\"predicted_service_level\": 0.8333", "\"intervals\": [",
                          "\"service_level\": null", "\"seed\": \"7\"", "\"replications\": 30"})
    EXPECT_NE(json.find(key), std::string::npos) << key << "\n" << json;
}

TEST(SimulateReport, TableSkipsQuietIntervalsAndShowsTotals) {
  const std::string table = report::render_simulation(plan_for_report(), hand_result(), report::Format::table);
  EXPECT_EQ(table.find("2026-11-23T00:00:00+00:00"), std::string::npos) << table;
  EXPECT_NE(table.find("2026-11-23T00:30:00+00:00"), std::string::npos) << table;
  EXPECT_NE(table.find("81.2%"), std::string::npos) << table;
  EXPECT_NE(table.find("80.0-82.5"), std::string::npos) << table;
  EXPECT_NE(table.find("(all)"), std::string::npos) << table;
  EXPECT_NE(table.find("30 replications, seed 7"), std::string::npos) << table;
}

}  // namespace
}  // namespace staffplan::testing
