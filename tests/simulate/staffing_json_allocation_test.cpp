// load::load_staffing_json reading the `allocation` rows (SPEC §7) into the groups'
// productive agents, and every class of bad allocation row with its message.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "load/load.hpp"
#include "plan_fixture.hpp"
#include "support/run_cli.hpp"

namespace staffplan::testing {
namespace {

// Two half-hour intervals from 2026-11-23 00:00 UTC, queues a and b; site "mx" with
// a group "both" answering a and b, site "ny" with the default groups a and b.
Plan grouped_plan() {
  Plan plan = make_plan({{.name = "a", .calls = {1, 1}}, {.name = "b", .calls = {1, 1}}}, 1800);
  plan.file = "week.yaml";
  Site mx;
  mx.name = "mx";
  mx.queues = {0, 1};
  mx.groups.push_back(AgentGroup{"both", {}, {0, 1}, {}, {}, {}});
  Site ny;
  ny.name = "ny";
  ny.queues = {0, 1};
  plan.sites = {mx, ny};
  return plan;
}

const char* kIntervals = R"("intervals": [
    {"start": "2026-11-23T00:00:00+00:00", "queue": "a", "productive": 4},
    {"start": "2026-11-23T00:30:00+00:00", "queue": "a", "productive": 4},
    {"start": "2026-11-23T00:00:00+00:00", "queue": "b", "productive": 2},
    {"start": "2026-11-23T00:30:00+00:00", "queue": "b", "productive": 2}])";

std::string document(const std::string& allocation) {
  return fmt::format("{{{},\n\"allocation\": {}}}\n", kIntervals, allocation);
}

std::string write_json(const std::string& text) {
  const std::string path = make_temp_dir() + "/plan.json";
  write_file(path, text);
  return path;
}

TEST(StaffingJsonAllocation, SumsEachGroupsAgentsOverItsQueues) {
  const Staffing staffing = load::load_staffing_json(write_json(document(R"([
    {"start": "2026-11-23T00:00:00+00:00", "site": "mx", "group": "both", "queue": "a", "agents": 1.25},
    {"start": "2026-11-23T00:00:00+00:00", "site": "mx", "group": "both", "queue": "b", "agents": 2},
    {"start": "2026-11-23T00:30:00+00:00", "site": "ny", "group": "b", "queue": "b", "agents": 0.5}])")),
                                                     grouped_plan());
  // Every group of every site, in site then group order: mx/both, ny/a, ny/b.
  ASSERT_EQ(staffing.groups.size(), 3u);
  EXPECT_EQ(staffing.groups[0].queues, (std::vector<int>{0, 1}));
  EXPECT_EQ(staffing.groups[0].productive, (std::vector<double>{3.25, 0}));
  EXPECT_EQ(staffing.groups[1].productive, (std::vector<double>{0, 0}));
  EXPECT_EQ(staffing.groups[2].site, 1);
  EXPECT_EQ(staffing.groups[2].group, 1);
  EXPECT_EQ(staffing.groups[2].productive, (std::vector<double>{0, 0.5}));
}

TEST(StaffingJsonAllocation, WithoutAllocationTheStaffingHasNoGroups) {
  EXPECT_TRUE(load::load_staffing_json(write_json(fmt::format("{{{}}}", kIntervals)), grouped_plan())
                  .groups.empty());
}

std::string error_of(const std::string& allocation) {
  const std::string path = write_json(document(allocation));
  try {
    load::load_staffing_json(path, grouped_plan());
  } catch (const InputError& e) {
    std::string text = e.what();
    for (std::size_t at; (at = text.find(path)) != std::string::npos;) text.replace(at, path.size(), "plan.json");
    return text;
  }
  return "no error";
}

TEST(StaffingJsonAllocation, NotAnArray) {
  EXPECT_EQ(error_of("{}"), "plan.json:6:15: error: \"allocation\" must be an array of rows with \"start\", "
                            "\"site\", \"group\", \"queue\" and \"agents\"");
}

TEST(StaffingJsonAllocation, MissingKey) {
  EXPECT_EQ(error_of(R"([{"start": "2026-11-23T00:00:00+00:00", "site": "mx", "group": "both", "queue": "a"}])"),
            "plan.json:6:16: error: allocation row without \"agents\"");
}

TEST(StaffingJsonAllocation, UnknownSite) {
  EXPECT_EQ(error_of(R"([{"start": "2026-11-23T00:00:00+00:00", "site": "la", "group": "both", "queue": "a", "agents": 1}])"),
            "plan.json:6:63: error: unknown site 'la' (not in week.yaml)");
}

TEST(StaffingJsonAllocation, UnknownGroup) {
  EXPECT_EQ(error_of(R"([{"start": "2026-11-23T00:00:00+00:00", "site": "ny", "group": "both", "queue": "a", "agents": 1}])"),
            "plan.json:6:78: error: site 'ny' has no group 'both' in week.yaml");
}

TEST(StaffingJsonAllocation, QueueTheGroupDoesNotAnswer) {
  EXPECT_EQ(error_of(R"([{"start": "2026-11-23T00:00:00+00:00", "site": "ny", "group": "a", "queue": "b", "agents": 1}])"),
            "plan.json:6:92: error: group 'a' of site 'ny' does not answer queue 'b' in week.yaml");
}

TEST(StaffingJsonAllocation, StartNotOnTheGrid) {
  EXPECT_EQ(error_of(R"([{"start": "2026-11-23T00:10:00+00:00", "site": "mx", "group": "both", "queue": "a", "agents": 1}])"),
            "plan.json:6:26: error: start 2026-11-23T00:10:00+00:00 is not the start of an interval of the plan "
            "horizon");
}

TEST(StaffingJsonAllocation, BadAgents) {
  EXPECT_EQ(error_of(R"([{"start": "2026-11-23T00:00:00+00:00", "site": "mx", "group": "both", "queue": "a", "agents": -1}])"),
            "plan.json:6:110: error: agents must be a number from 0 to 1000000, got '-1'");
}

TEST(StaffingJsonAllocation, DuplicateRow) {
  EXPECT_EQ(error_of(R"([{"start": "2026-11-23T00:00:00+00:00", "site": "mx", "group": "both", "queue": "a", "agents": 1},
 {"start": "2026-11-23T00:00:00+00:00", "site": "mx", "group": "both", "queue": "a", "agents": 1}])"),
            "plan.json:7:2: error: allocation of group 'both' of site 'mx' to queue 'a' at "
            "2026-11-23T00:00:00+00:00 appears twice");
}

}  // namespace
}  // namespace staffplan::testing
