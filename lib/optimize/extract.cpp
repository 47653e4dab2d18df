#include "optimize/extract.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "optimize/tour_days.hpp"

namespace staffplan::optimize {
namespace {

// Below this many agents a value is rounding noise of the shares, not an allocation
// or a shortfall.
constexpr double noise = 1e-9;

// The ColumnSet agent group of a placement (site and per-site group index).
int set_group(const ColumnSet& set, const WorkPlacement& p) {
  for (int g = 0; g < static_cast<int>(set.agent_groups.size()); ++g)
    if (set.agent_groups[g].site == p.site && set.agent_groups[g].index == p.group) return g;
  return 0;
}

// Weekly tours -> roster lines: each tour agent gets one of its days' shifts per
// working day. Within a (contract, group, start) the day's shifts, earliest first,
// go to the tour agents working that day in tour order, so agents of one tour get
// the same times where they can; agents with the same days and shifts make a line.
void extract_roster(const Plan& plan, const ColumnSet& set, const MilpModel& model, const std::vector<double>& x,
                    Schedule& schedule) {
  schedule.roster.clear();
  schedule.workforce.assign(plan.sites.size(), Workforce{});
  schedule.headcount = 0;
  schedule.fte = 0;
  const int weeks = std::max(1, plan.horizon.days / 7);
  const double horizon_weeks = plan.horizon.days / 7.0;
  for (std::size_t s = 0; s < plan.sites.size(); ++s) schedule.workforce[s].tours = !plan.sites[s].contracts.empty();
  for (const Assignment& a : schedule.assignments) schedule.workforce[a.site].weekly_paid_hours += a.agents * a.paid_hours;
  for (Workforce& w : schedule.workforce) {
    if (horizon_weeks > 0) w.weekly_paid_hours /= horizon_weeks;
    w.fte = plan.fte_hours > 0 ? w.weekly_paid_hours / plan.fte_hours : 0;
    schedule.fte += w.fte;
  }

  using Bucket = std::tuple<int, int, int, int>;  // site, contract, agent group, start minute
  struct Entry {
    int minute, shift, start, interval;
    double paid_hours, cost;
    int week, weekday;
    auto key() const { return std::tie(minute, shift, interval, start); }
  };
  std::map<Bucket, std::vector<std::pair<unsigned, int>>> tours;                  // -> (days, agents)
  std::map<Bucket, std::map<std::pair<int, int>, std::vector<Entry>>> days;      // -> (week, weekday) -> shifts
  for (int t : model.vars_of(VarFamily::tour)) {
    const int agents = static_cast<int>(std::lround(x[t]));
    if (agents <= 0) continue;
    const VarKey& k = model.var_key[t];
    tours[{k.site, k.contract, k.group, k.minute}].emplace_back(static_cast<unsigned>(k.pattern), agents);
    schedule.workforce[k.site].headcount += agents;
    schedule.headcount += agents;
  }
  for (int v : model.vars_of(VarFamily::agents)) {
    const int agents = static_cast<int>(std::lround(x[v]));
    const Column& col = set.columns[model.var_key[v].column];
    if (agents <= 0 || col.contract < 0) continue;
    const TourDay day = tour_day(plan, col);
    const ShiftStart& st = plan.sites[col.site].shifts[col.shift].starts[col.start];
    auto& list = days[{col.site, col.contract, col.agent_group, day.minute}][{day.week, day.weekday}];
    for (int n = 0; n < agents; ++n)
      list.push_back(Entry{st.local_minute, col.shift, col.start, st.interval, col.paid_hours, col.cost, day.week,
                           day.weekday});
  }
  for (auto& [bucket, patterns] : tours) {
    struct Agent {
      unsigned days;
      std::vector<Entry> work;
    };
    std::vector<Agent> agents;
    auto& by_day = days[bucket];
    for (const auto& [pattern, count] : patterns) {
      if (pattern != 0) {
        for (int n = 0; n < count; ++n) agents.push_back(Agent{pattern, {}});
        continue;
      }
      std::array<int, 7> per_day{};
      for (int d = 0; d < 7; ++d) per_day[d] = static_cast<int>(by_day[{0, d}].size());
      const int days_per_week = plan.sites[std::get<0>(bucket)].contracts[std::get<1>(bucket)].days_per_week;
      for (unsigned mask : detail::split_days(count, days_per_week, per_day)) agents.push_back(Agent{mask, {}});
    }
    for (int w = 0; w < weeks; ++w)
      for (int d = 0; d < 7; ++d) {
        auto& list = by_day[{w, d}];
        std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) { return a.key() < b.key(); });
        std::size_t next = 0;
        for (Agent& agent : agents)
          if (((agent.days >> d) & 1u) && next < list.size()) agent.work.push_back(list[next++]);
      }
    // Agents with the same days and shifts make one line.
    std::map<std::pair<unsigned, std::vector<std::tuple<int, int, int>>>, RosterLine> lines;
    for (Agent& agent : agents) {
      std::stable_sort(agent.work.begin(), agent.work.end(),
                       [](const Entry& a, const Entry& b) { return a.interval < b.interval; });
      std::vector<std::tuple<int, int, int>> signature;
      for (const Entry& e : agent.work) signature.emplace_back(e.minute, e.shift, e.start);
      auto [it, fresh] = lines.try_emplace({agent.days, signature});
      RosterLine& line = it->second;
      if (fresh) {
        const auto& [site, contract, group, minute] = bucket;
        line.site = site;
        line.group = set.agent_groups[group].index;
        line.contract = contract;
        line.days = agent.days;
        double hours = 0;
        for (const Entry& e : agent.work) {
          line.work.push_back(RosterDay{e.shift, e.start, e.paid_hours, e.cost, e.week, e.weekday});
          hours += e.paid_hours;
        }
        line.weekly_paid_hours = horizon_weeks > 0 ? hours / horizon_weeks : 0;
      }
      line.agents += 1;
      for (const Entry& e : agent.work) line.cost += e.cost;
    }
    // By first start time, then days; the map's order breaks ties.
    std::vector<std::pair<std::tuple<int, unsigned>, RosterLine>> sorted;
    for (auto& [key, line] : lines)
      sorted.emplace_back(std::make_tuple(key.second.empty() ? -1 : std::get<0>(key.second.front()), key.first),
                          std::move(line));
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [key, line] : sorted) schedule.roster.push_back(std::move(line));
  }
  std::stable_sort(schedule.roster.begin(), schedule.roster.end(), [](const RosterLine& a, const RosterLine& b) {
    return std::tie(a.site, a.group, a.contract) < std::tie(b.site, b.group, b.contract);
  });
}

}  // namespace

void extract(const Plan& plan, const require::Requirement& requirement, const ColumnSet& set,
             const MilpModel& model, const std::vector<double>& x, Schedule& schedule) {
  const int count = plan.horizon.count;
  const int nq = static_cast<int>(plan.queues.size());
  const int ng = static_cast<int>(set.agent_groups.size());
  const auto cell = [count](int a, int i) { return static_cast<std::size_t>(a) * count + i; };
  std::vector<double> present(cell(nq, 0), 0.0), productive(present.size(), 0.0);
  std::vector<double> group_productive(cell(ng, 0), 0.0);
  schedule.assignments.clear();
  schedule.paid_cost = 0;
  for (int v : model.vars_of(VarFamily::agents)) {
    const int agents = static_cast<int>(std::lround(x[v]));
    if (agents <= 0) continue;
    const int c = model.var_key[v].column;
    const Column& col = set.columns[c];
    const GroupRef& g = set.agent_groups[col.agent_group];
    const double share = 1 - plan.sites[col.site].shrinkage;
    for (Eigen::SparseMatrix<double>::InnerIterator it(set.present, c); it; ++it) {
      group_productive[it.row()] += agents * it.value() * share;
      // A one-queue group's presence is its queue's, exactly as counted in Cover.
      if (answers_one_queue_only(g.group)) {
        const std::size_t qi = cell(g.group.queues.front(), static_cast<int>(it.row()) - col.agent_group * count);
        present[qi] += agents * it.value();
        productive[qi] += agents * it.value() * share;
      }
    }
    const int queue = answers_one_queue_only(g.group) ? g.group.queues.front() : -1;
    schedule.assignments.push_back(Assignment{col.site, g.index, queue, col.shift, col.start, col.break_start_s,
                                              agents, col.paid_hours, agents * col.cost});
    schedule.paid_cost += agents * col.cost;
  }
  auto key = [&](const Assignment& a) {
    const int interval = plan.sites[a.site].shifts[a.shift].starts[a.start].interval;
    return std::tuple<int, int, int, int, int, const std::vector<int>&>(a.site, a.group, interval, a.shift, a.start,
                                                                         a.break_start_s);
  };
  std::sort(schedule.assignments.begin(), schedule.assignments.end(),
            [&](const Assignment& a, const Assignment& b) { return key(a) < key(b); });

  // Allocation: one-queue groups give their queue everything; shared groups give
  // what the solver's y says, and split what is left evenly.
  std::vector<double> alloc(cell(ng, 0) * static_cast<std::size_t>(std::max(nq, 1)), 0.0);
  const auto acell = [&](int g, int q, int i) { return (cell(g, i)) * nq + q; };
  for (int y : model.vars_of(VarFamily::allocation)) {
    const VarKey& k = model.var_key[y];
    alloc[acell(k.group, k.queue, k.interval)] = std::max(0.0, x[y]);
  }
  // Work placement: what the solver's w says, read by key.
  std::vector<double> on_work(cell(ng, 0), 0.0);
  schedule.work.clear();
  const double interval_h = plan.horizon.interval_s / 3600.0;
  for (int w : model.vars_of(VarFamily::work)) {
    const VarKey& k = model.var_key[w];
    const double agents = std::max(0.0, x[w]);
    if (agents <= noise) continue;
    on_work[cell(k.group, k.interval)] += agents;
    double share = 0;
    for (const auto& [i, part] : plan.work[k.work].days[k.day].intervals)
      if (i == k.interval) share = part;
    const GroupRef& ref = set.agent_groups[k.group];
    schedule.work.push_back(
        WorkPlacement{k.work, k.day, k.interval, ref.site, ref.index, agents, agents * share * interval_h});
  }
  std::sort(schedule.work.begin(), schedule.work.end(), [](const WorkPlacement& a, const WorkPlacement& b) {
    return std::tie(a.work, a.day, a.interval, a.site, a.group) < std::tie(b.work, b.day, b.interval, b.site, b.group);
  });
  // The solver may place more than a day's hours (idle capacity costs nothing more
  // on work); every placement of such a day is scaled down so the day's hours are
  // exactly its workload, and the agents freed count for calls again.
  for (std::size_t k = 0; k < schedule.work.size();) {
    std::size_t end = k;
    double placed = 0;
    while (end < schedule.work.size() && schedule.work[end].work == schedule.work[k].work &&
           schedule.work[end].day == schedule.work[k].day)
      placed += schedule.work[end++].hours;
    const double needed = plan.work[schedule.work[k].work].hours_per_day;
    if (placed > needed && placed > 0)
      for (std::size_t p = k; p < end; ++p) {
        WorkPlacement& wp = schedule.work[p];
        on_work[cell(set_group(set, wp), wp.interval)] -= wp.agents * (1 - needed / placed);
        wp.agents *= needed / placed;
        wp.hours *= needed / placed;
      }
    k = end;
  }
  std::erase_if(schedule.work, [](const WorkPlacement& p) { return p.agents <= noise; });

  schedule.allocation.clear();
  for (int i = 0; i < count; ++i)
    for (int g = 0; g < ng; ++g) {
      const GroupRef& ref = set.agent_groups[g];
      const std::vector<int>& queues = ref.group.queues;
      const double total = group_productive[cell(g, i)];
      if (total <= noise) continue;
      double given = on_work[cell(g, i)];
      for (int q : queues) given += alloc[acell(g, q, i)];
      const double spare = queues.empty() ? 0 : std::max(0.0, total - given) / static_cast<double>(queues.size());
      for (int q : queues) {
        const bool whole = answers_one_queue_only(ref.group);
        double agents = whole ? total : alloc[acell(g, q, i)] + spare;
        if (!whole) {
          const double share = 1 - plan.sites[ref.site].shrinkage;
          present[cell(q, i)] += share > 0 ? agents / share : 0;
          productive[cell(q, i)] += agents;
        }
        if (agents > noise) schedule.allocation.push_back(Allocation{i, ref.site, ref.index, q, agents});
      }
    }

  // Outsourcing (SPEC §9), read back by family: the share each share-mode queue
  // sends out, and the intervals an intervals-mode outsourcer takes.
  std::vector<double> kept(cell(nq, 0), 1.0);
  std::vector<int> required(cell(nq, 0), 0);
  for (int q = 0; q < nq; ++q)
    for (int i = 0; i < count; ++i) required[cell(q, i)] = requirement.queues[q].intervals[i].agents;
  std::vector<int> sender(cell(nq, 0), -1);  // outsourcer taking the interval's calls
  schedule.share.assign(plan.queues.size(), std::nullopt);
  for (int w : model.vars_of(VarFamily::share)) {
    if (x[w] < 0.5) continue;
    const VarKey& k = model.var_key[w];
    const require::ShareLevel& level = requirement.queues[k.queue].shares[k.level];
    schedule.share[k.queue] = level.share;
    for (int i = 0; i < count; ++i) {
      kept[cell(k.queue, i)] = 1 - level.share;
      required[cell(k.queue, i)] = level.intervals[i].agents;
      if (level.share > 0) sender[cell(k.queue, i)] = k.outsourcer;
    }
  }
  for (int v : model.vars_of(VarFamily::send)) {
    if (x[v] < 0.5) continue;
    const VarKey& k = model.var_key[v];
    kept[cell(k.queue, k.interval)] = 0;
    required[cell(k.queue, k.interval)] = 0;
    sender[cell(k.queue, k.interval)] = k.outsourcer;
  }
  schedule.outsourced.clear();
  schedule.outsourced_cost = 0;
  for (int o = 0; o < static_cast<int>(plan.outsourcers.size()); ++o)
    for (int q : plan.outsourcers[o].queues)
      for (int i = 0; i < count; ++i) {
        if (sender[cell(q, i)] != o) continue;
        const double calls = plan.queues[q].calls[i] * (1 - kept[cell(q, i)]);
        if (calls <= 0) continue;
        const double minutes = calls * plan.queues[q].aht_s_per_interval[i] / 60.0;
        const double cost = minutes * plan.outsourcers[o].price_per_minute;
        schedule.outsourced.push_back(Outsourced{o, q, i, calls, minutes, cost});
        schedule.outsourced_cost += cost;
      }

  schedule.coverage.clear();
  schedule.shortfall_cost = 0;
  // Penalty per missing agent-interval, read back from the shortfall family's cost.
  double penalty_per_agent_interval = 0;
  for (int u : model.vars_of(VarFamily::shortfall)) penalty_per_agent_interval = model.cost[u];
  for (int q = 0; q < nq; ++q)
    for (int i = 0; i < count; ++i) {
      IntervalCoverage cov;
      cov.queue = q;
      cov.interval = i;
      cov.required = required[cell(q, i)];
      cov.kept = kept[cell(q, i)];
      cov.present = present[cell(q, i)];
      cov.productive = productive[cell(q, i)];
      cov.agents = whole_agents(cov.productive);
      cov.shortfall = std::max(0, cov.required - cov.agents);
      // The penalty is the objective's: charged on the productive-agent shortfall
      // the solver sees (u), which can be a fraction of an agent.
      const double missing = std::max(0.0, cov.required - cov.productive);
      if (missing >= noise) schedule.shortfall_cost += missing * penalty_per_agent_interval;
      schedule.coverage.push_back(cov);
    }
  schedule.cost = schedule.paid_cost + schedule.shortfall_cost + schedule.outsourced_cost;
  extract_roster(plan, set, model, x, schedule);
}

}  // namespace staffplan::optimize
