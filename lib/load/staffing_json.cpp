// load::load_staffing_json: the productive agents per queue and interval from the
// JSON that `staffplan plan -f json` writes (SPEC §4: `intervals` rows with
// `start`, `queue`, `productive`). JSON is YAML, so it goes through the plan file's
// own defences (lib/load/yaml_document.hpp: 64 MiB cap also for pipes and devices,
// no NUL bytes, no aliases, bounded nesting) and every node keeps its line and
// column for messages. Every value is range-checked: agents per queue and interval
// are whole-agent counts up to kMaxProductiveAgents.
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include "load/diagnostics.hpp"
#include "load/load.hpp"
#include "load/text_check.hpp"
#include "load/yaml_document.hpp"

namespace staffplan::load {
namespace {

// The most productive agents one queue may have in one interval: the plan file's
// own limit for min_agents. The simulation keeps one slot per agent, so a larger
// count (2147483647) would only allocate gigabytes.
constexpr int kMaxProductiveAgents = 1000000;
// A file with thousands of bad rows would print thousands of lines; the first few
// say what is wrong.
constexpr std::size_t kMaxProblems = 20;

// Collects the problems of the file, each with its position, up to kMaxProblems.
class Problems {
 public:
  explicit Problems(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}
  void add(const Node& at, std::string message) { add(position(at), std::move(message)); }
  void add(SourcePos pos, std::string message) {
    if (count_++ < kMaxProblems) diagnostics_.error(pos, std::move(message));
  }
  void throw_if_any() const {
    if (count_ > kMaxProblems)
      diagnostics_.error(SourcePos{}, fmt::format("... and {} more problems", count_ - kMaxProblems));
    diagnostics_.throw_if_errors();
  }

 private:
  Diagnostics& diagnostics_;
  std::size_t count_ = 0;
};

// "2026-11-23T08:30:00-05:00" (or "...Z" for UTC) -> UTC seconds; nullopt when it is
// not such a timestamp.
std::optional<std::int64_t> parse_timestamp(std::string text) {
  if (text.ends_with('Z')) text.replace(text.size() - 1, 1, "+00:00");
  std::istringstream in(text);
  date::sys_seconds instant;
  in >> date::parse("%FT%T%Ez", instant);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return instant.time_since_epoch().count();
}

// The same ISO 8601 form `plan` writes (the loader cannot use report/clock.hpp:
// report is downstream of load).
std::string iso_text(std::int64_t utc_seconds, int offset_s) {
  const date::sys_seconds local{std::chrono::seconds{utc_seconds + offset_s}};
  const int minutes = std::abs(offset_s) / 60;
  return fmt::format("{}{}{:02}:{:02}", date::format("%FT%T", local), offset_s < 0 ? '-' : '+',
                     minutes / 60, minutes % 60);
}

std::optional<std::string> scalar_text(const Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  return node.Scalar();
}

// A JSON number (decimal, optional fraction and exponent; no hex, inf, nan or
// leading spaces, which std::stod would take).
std::optional<double> number(const Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  const std::string& text = node.Scalar();
  if (text.empty() || text.find_first_not_of("0123456789+-.eE") != std::string::npos) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}


// The interval a row's "start" names, or nullopt (with a problem added).
std::optional<int> interval_of(const Node& start, const Horizon& horizon, Problems& problems) {
  const auto start_text = scalar_text(start);
  const auto instant = start_text ? parse_timestamp(*start_text) : std::nullopt;
  if (!instant) {
    problems.add(start, fmt::format("start must be an ISO 8601 timestamp with offset like "
                                    "2026-11-23T08:30:00-05:00, got '{}'",
                                    quote_excerpt(start_text.value_or("?"))));
    return std::nullopt;
  }
  const std::int64_t offset = *instant - horizon.start_utc;
  if (offset < 0 || *instant >= horizon.end_utc() || offset % horizon.interval_s != 0) {
    problems.add(start, fmt::format("start {} is not the start of an interval of the plan horizon", *start_text));
    return std::nullopt;
  }
  return static_cast<int>(offset / horizon.interval_s);
}

// The optional `allocation` rows (SPEC §7: start, site, group, queue, agents):
// each group's productive agents per interval, summed over its queues, so that
// `simulate` can route calls by skill. Without the array the staffing has no
// groups (every agent answers only its queue).
void read_allocation(const Node& root, const Plan& plan, Problems& problems, Staffing& staffing) {
  const Node rows = root["allocation"];
  if (!rows.IsDefined() || rows.IsNull()) return;
  if (!rows.IsSequence()) {
    problems.add(rows, "\"allocation\" must be an array of rows with \"start\", \"site\", \"group\", "
                       "\"queue\" and \"agents\"");
    return;
  }
  std::vector<std::vector<AgentGroup>> groups;
  for (std::size_t s = 0; s < plan.sites.size(); ++s) {
    groups.push_back(agent_groups(plan, plan.sites[s]));
    for (std::size_t g = 0; g < groups.back().size(); ++g)
      staffing.groups.push_back(GroupStaffing{static_cast<int>(s), static_cast<int>(g), groups.back()[g].queues,
                                              std::vector<double>(static_cast<std::size_t>(plan.horizon.count), 0.0)});
  }
  std::set<std::tuple<std::size_t, int, int>> seen;  // (group slot, queue, interval)
  for (const Node row : rows) {
    if (!row.IsMap()) {
      problems.add(row, "expected an object with \"start\", \"site\", \"group\", \"queue\" and \"agents\"");
      continue;
    }
    const char* missing = nullptr;
    for (const char* key : {"start", "site", "group", "queue", "agents"})
      if (!missing && !row[key].IsDefined()) missing = key;
    if (missing) {
      problems.add(row, fmt::format("allocation row without \"{}\"", missing));
      continue;
    }
    const auto site_name = scalar_text(row["site"]);
    std::size_t site = 0;
    while (site < plan.sites.size() && (!site_name || plan.sites[site].name != *site_name)) ++site;
    if (site == plan.sites.size()) {
      problems.add(row["site"], fmt::format("unknown site '{}' (not in {})", quote_excerpt(site_name.value_or("?")),
                                            plan.file));
      continue;
    }
    const auto group_name = scalar_text(row["group"]);
    std::size_t group = 0;
    while (group < groups[site].size() && (!group_name || groups[site][group].name != *group_name)) ++group;
    if (group == groups[site].size()) {
      problems.add(row["group"], fmt::format("site '{}' has no group '{}' in {}", plan.sites[site].name,
                                             quote_excerpt(group_name.value_or("?")), plan.file));
      continue;
    }
    const auto queue_name = scalar_text(row["queue"]);
    const auto& answers = groups[site][group].queues;
    const auto queue = std::find_if(answers.begin(), answers.end(), [&](int q) {
      return queue_name && plan.queues[static_cast<std::size_t>(q)].name == *queue_name;
    });
    if (queue == answers.end()) {
      problems.add(row["queue"], fmt::format("group '{}' of site '{}' does not answer queue '{}' in {}",
                                             groups[site][group].name, plan.sites[site].name,
                                             quote_excerpt(queue_name.value_or("?")), plan.file));
      continue;
    }
    const auto interval = interval_of(row["start"], plan.horizon, problems);
    if (!interval) continue;
    const auto agents = number(row["agents"]);
    if (!agents || *agents < 0 || *agents > kMaxProductiveAgents) {
      problems.add(row["agents"], fmt::format("agents must be a number from 0 to {}, got '{}'", kMaxProductiveAgents,
                                              quote_excerpt(row["agents"].IsScalar() ? row["agents"].Scalar() : "?")));
      continue;
    }
    std::size_t slot = 0;
    for (std::size_t s = 0; s < site; ++s) slot += groups[s].size();
    if (!seen.insert({slot + group, *queue, *interval}).second) {
      problems.add(row, fmt::format("allocation of group '{}' of site '{}' to queue '{}' at {} appears twice",
                                    groups[site][group].name, plan.sites[site].name, *queue_name,
                                    row["start"].Scalar()));
      continue;
    }
    staffing.groups[slot + group].productive[static_cast<std::size_t>(*interval)] += *agents;
  }
  // A group doing only deferrable work (SPEC §10) answers no calls: not simulated.
  std::erase_if(staffing.groups, [](const GroupStaffing& g) { return g.queues.empty(); });
}

}  // namespace

Staffing load_staffing_json(const std::string& path, const Plan& plan) {
  const std::string what = "plan JSON file";
  Diagnostics diagnostics(path == "-" ? "<stdin>" : path);
  const auto text = read_plan_file(path, diagnostics, what);
  if (!text) diagnostics.throw_if_errors();
  // Its queue names are matched against the plan's, and quoted escaped when unknown.
  const auto tree = parse_document(*text, diagnostics, what, "JSON", /*check_text=*/false);
  if (!tree) diagnostics.throw_if_errors();
  Problems problems(diagnostics);
  const Node root = tree->root();
  if (!root.IsMap() || !root["intervals"].IsSequence()) {
    problems.add(SourcePos{root.IsDefined() && !root.IsNull() ? root.Mark().line + 1 : 1, 1},
                 "expected the JSON written by 'staffplan plan -f json' (an object with an "
                 "\"intervals\" array)");
    problems.throw_if_any();
  }

  const auto& horizon = plan.horizon;
  std::map<std::string, int> queue_index;
  for (std::size_t q = 0; q < plan.queues.size(); ++q) queue_index[plan.queues[q].name] = static_cast<int>(q);
  Staffing staffing;
  staffing.agents.assign(plan.queues.size(), std::vector<int>(static_cast<std::size_t>(horizon.count), -1));

  const Node intervals = root["intervals"];
  for (const Node row : intervals) {
    if (!row.IsMap()) {
      problems.add(row, "expected an object with \"start\", \"queue\" and \"productive\"");
      continue;
    }
    const Node start = row["start"], queue = row["queue"], productive = row["productive"];
    if (!start.IsDefined() || !queue.IsDefined() || !productive.IsDefined()) {
      problems.add(row, fmt::format("interval row without \"{}\"",
                                    !start.IsDefined() ? "start" : !queue.IsDefined() ? "queue" : "productive"));
      continue;
    }
    const auto name = scalar_text(queue);
    const auto found = name ? queue_index.find(*name) : queue_index.end();
    if (found == queue_index.end()) {
      problems.add(queue, fmt::format("unknown queue '{}' (not in {})", quote_excerpt(name.value_or("?")), plan.file));
      continue;
    }
    const std::optional<int> interval = interval_of(start, horizon, problems);
    if (!interval) continue;
    const auto start_text = scalar_text(start);  // valid: interval_of parsed it
    const auto agents = number(productive);
    if (!agents || *agents < 0 || *agents > kMaxProductiveAgents) {
      problems.add(productive, fmt::format("productive must be a number from 0 to {} (agents), got '{}'",
                                           kMaxProductiveAgents,
                                           quote_excerpt(productive.IsScalar() ? productive.Scalar() : "?")));
      continue;
    }
    int& cell = staffing.agents[static_cast<std::size_t>(found->second)]
                               [static_cast<std::size_t>(*interval)];
    if (cell >= 0) {
      problems.add(row, fmt::format("interval {} of queue '{}' appears twice", *start_text, *name));
      continue;
    }
    // Only whole agents answer calls: the same whole_agents() as `plan` (the JSON
    // carries productive at full precision, so both see the same number).
    cell = whole_agents(*agents);
    // A plan with outsourcers writes the calls kept in-house and those sent out.
    if (!plan.outsourcers.empty()) {
      const Node calls = row["calls"];
      const auto kept = calls.IsDefined() && row["outsourced_calls"].IsDefined() ? number(calls) : std::nullopt;
      if (!kept || *kept < 0) {
        problems.add(row, fmt::format("the plan has outsourcers: interval {} of queue '{}' needs \"calls\" (kept "
                                      "in-house) and \"outsourced_calls\" as 'staffplan plan -f json' writes them",
                                      *start_text, *name));
        continue;
      }
      if (staffing.kept_calls.empty())
        staffing.kept_calls.assign(plan.queues.size(), std::vector<double>(static_cast<std::size_t>(horizon.count), 0.0));
      staffing.kept_calls[static_cast<std::size_t>(found->second)][static_cast<std::size_t>(*interval)] =
          std::min(*kept, plan.queues[static_cast<std::size_t>(found->second)]
                              .calls[static_cast<std::size_t>(*interval)]);
    }
  }
  problems.throw_if_any();

  // Every queue and interval of the plan must be there.
  for (std::size_t q = 0; q < plan.queues.size(); ++q) {
    int missing = 0, first = -1;
    for (int i = 0; i < horizon.count; ++i)
      if (staffing.agents[q][static_cast<std::size_t>(i)] < 0 && missing++ == 0) first = i;
    if (missing > 0) {
      problems.add(intervals,
                   fmt::format("queue '{}' has no row for {} interval(s) of the plan, the first at {}",
                               plan.queues[q].name, missing,
                               iso_text(horizon.interval_start_utc(first),
                                        horizon.utc_offset_s[static_cast<std::size_t>(first)])));
    }
  }
  problems.throw_if_any();
  read_allocation(root, plan, problems, staffing);
  problems.throw_if_any();
  return staffing;
}

}  // namespace staffplan::load
