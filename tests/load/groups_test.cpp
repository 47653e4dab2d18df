// Agent groups in the plan file (SPEC §7): what loads, and every class of bad
// group input with its file:line:column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan_fixture.hpp"

namespace staffplan::test {
namespace {

using ::testing::ElementsAre;

// base_plan() plus a spanish queue (lines 14-17) and one site from line 18 on.
std::string grouped(const std::string& groups, const std::string& shift_groups = "",
                    const std::string& site_queues = "[english, spanish]") {
  std::string tail =
      "  - name: spanish\n"                                  // 14
      "    aht: 300s\n"                                      // 15
      "    forecast:\n"                                      // 16
      "      rows: []\n"                                     // 17
      "  - name: french\n"                                   // 18
      "    aht: 300s\n"                                      // 19
      "    forecast:\n"                                      // 20
      "      rows: []\n"                                     // 21
      "sites:\n"                                             // 22
      "  - name: mx\n"                                       // 23
      "    hourly_cost: 13\n"                                // 24
      "    queues: " + site_queues + "\n"                    // 25
      + groups +                                             // 26..
      "    shifts:\n"
      "      - { name: day, start: \"08:00\", length: 8h" + shift_groups + " }\n";
  return base_plan({}, tail);
}

TEST(LoadGroups, GroupsAndShiftGroupsLoad) {
  const Plan plan = load::load_plan_text(grouped("    groups:\n"
                                                 "      - { name: bilingual, queues: [spanish, english], hourly_cost: 15, max_agents: 40 }\n"
                                                 "      - { name: spanish-only, queues: [spanish] }\n",
                                                 ", groups: [bilingual]"),
                                         "plan.yaml");
  const Site& site = plan.sites.at(0);
  ASSERT_EQ(site.groups.size(), 2u);
  EXPECT_EQ(site.groups[0].name, "bilingual");
  EXPECT_EQ(site.groups[0].queues, (std::vector<int>{0, 1}));  // sorted like the site's queues
  EXPECT_EQ(site.groups[0].hourly_cost, 15);
  EXPECT_EQ(site.groups[0].max_agents, 40);
  EXPECT_EQ(site.groups[1].queues, (std::vector<int>{1}));
  EXPECT_EQ(site.shifts.at(0).groups, (std::vector<int>{0}));
}

TEST(LoadGroups, WithoutGroupsEachQueueIsItsOwnGroup) {
  const Plan plan = load::load_plan_text(grouped(""), "plan.yaml");
  const auto groups = agent_groups(plan, plan.sites.at(0));
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].name, "english");
  EXPECT_EQ(groups[0].queues, std::vector<int>{0});
  EXPECT_EQ(groups[1].name, "spanish");
  EXPECT_EQ(groups[1].queues, std::vector<int>{1});
}

TEST(LoadGroups, GroupNamingAQueueTheSiteDoesNotServe) {
  EXPECT_THAT(errors_of(grouped("    groups:\n"
                                "      - { name: tri, queues: [english, french] }\n")),
              ElementsAre("plan.yaml:27:40: error: sites[mx].groups[tri].queues: queue 'french' is not served by "
                          "site mx (its queues: english, spanish)"));
}

TEST(LoadGroups, UnknownQueueInAGroup) {
  EXPECT_THAT(errors_of(grouped("    groups:\n"
                                "      - { name: b, queues: [english, spanich] }\n")),
              ElementsAre("plan.yaml:27:38: error: sites[mx].groups[b].queues: unknown queue 'spanich'; did you "
                          "mean 'spanish'?"));
}

TEST(LoadGroups, EmptyQueues) {
  EXPECT_THAT(errors_of(grouped("    groups:\n"
                                "      - { name: b, queues: [] }\n")),
              ElementsAre("plan.yaml:27:28: error: sites[mx].groups[b].queues is empty: a group must answer at "
                          "least one queue"));
  EXPECT_THAT(errors_of(grouped("    groups:\n"
                                "      - { name: b }\n")),
              ElementsAre("plan.yaml:27:9: error: missing required key 'queues' in sites[mx].groups[b]"));
}

TEST(LoadGroups, DuplicateGroupNames) {
  EXPECT_THAT(errors_of(grouped("    groups:\n"
                                "      - { name: b, queues: [english] }\n"
                                "      - { name: b, queues: [spanish] }\n")),
              ElementsAre("plan.yaml:28:17: error: duplicate group name 'b' in sites[mx].groups"));
}

TEST(LoadGroups, ShiftNamingAnUnknownGroup) {
  EXPECT_THAT(errors_of(grouped("    groups:\n"
                                "      - { name: bilingual, queues: [english, spanish] }\n",
                                ", groups: [bilingua]")),
              ElementsAre("plan.yaml:29:59: error: sites[mx].shifts[day].groups: unknown group 'bilingua'; did "
                          "you mean 'bilingual'?"));
  EXPECT_THAT(errors_of(grouped("    groups:\n"
                                "      - { name: bilingual, queues: [english, spanish] }\n",
                                ", groups: []")),
              ElementsAre("plan.yaml:29:58: error: sites[mx].shifts[day].groups must be a list of at least one "
                          "agent group name"));
}

TEST(LoadGroups, UnknownKeyInAGroup) {
  const auto errors = errors_of(grouped("    groups:\n"
                                        "      - { name: b, queues: [english], max_agent: 3 }\n"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], ::testing::HasSubstr("plan.yaml:27:"));
  EXPECT_THAT(errors[0], ::testing::HasSubstr("max_agents"));
}

}  // namespace
}  // namespace staffplan::test
