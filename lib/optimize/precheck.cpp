#include "optimize/precheck.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <algorithm>
#include <cstdlib>
#include <optional>

#include "model/errors.hpp"

namespace staffplan::optimize {

std::string interval_timestamp(const Horizon& horizon, int interval) {
  const int offset = horizon.utc_offset_s.empty() ? 0 : horizon.utc_offset_s.at(interval);
  const date::sys_seconds local{std::chrono::seconds{horizon.interval_start_utc(interval) + offset}};
  const int minutes = std::abs(offset) / 60;
  return fmt::format("{}{}{:02}:{:02}", date::format("%FT%T", local), offset < 0 ? '-' : '+',
                     minutes / 60, minutes % 60);
}

std::vector<std::string> coverage_problems(const Plan& plan, const require::Requirement& requirement,
                                           const ColumnSet& columns) {
  const int count = plan.horizon.count;
  const int nq = static_cast<int>(plan.queues.size());
  // covering_sites[q * count + i]: sites with a column of a group answering q present in i.
  std::vector<std::vector<int>> covering_sites(static_cast<std::size_t>(nq) * count);
  for (Eigen::Index c = 0; c < columns.present.outerSize(); ++c) {
    const int site = columns.columns[c].site;
    const int g = columns.columns[c].agent_group;
    for (Eigen::SparseMatrix<double>::InnerIterator it(columns.present, c); it; ++it)
      for (int q : columns.agent_groups[g].group.queues) {
        auto& sites = covering_sites[static_cast<std::size_t>(q) * count + (it.row() - static_cast<Eigen::Index>(g) * count)];
        if (std::find(sites.begin(), sites.end(), site) == sites.end()) sites.push_back(site);
      }
  }
  const bool declared = std::any_of(plan.sites.begin(), plan.sites.end(), [](const Site& s) { return !s.groups.empty(); });
  std::vector<std::string> problems;
  for (int q = 0; q < nq; ++q) {
    const Queue& queue = plan.queues[q];
    for (int i = 0; i < count; ++i) {
      const int required = require::least_required(plan, requirement, q, i);
      if (required <= 0) continue;
      const auto& sites = covering_sites[static_cast<std::size_t>(q) * count + i];
      // Formatted only for a problem: most intervals have none, and a timestamp costs.
      const auto where = [&] {
        return fmt::format("queue {}, interval {}", queue.name, interval_timestamp(plan.horizon, i));
      };
      if (sites.empty()) {
        problems.push_back(declared ? fmt::format("{}: no group that answers {} has a shift then", where(), queue.name)
                                    : fmt::format("{}: no shift of a site serving {} covers it", where(), queue.name));
        continue;
      }
      // Upper bound on productive agents: every seat filled by an agent not on break.
      double most = 0;
      bool unlimited = false;
      std::string names;
      for (int s : sites) {
        const Site& site = plan.sites[s];
        // Agents on shift: the seats, or the groups' max_agents when every group
        // answering the queue has one and they add up to fewer.
        std::optional<double> cap;
        if (site.seats) cap = *site.seats;
        double groups_max = 0;
        bool all_capped = true;
        for (const AgentGroup& g : agent_groups(plan, site)) {
          if (std::find(g.queues.begin(), g.queues.end(), q) == g.queues.end()) continue;
          if (g.max_agents) groups_max += *g.max_agents;
          else all_capped = false;
        }
        if (all_capped) cap = std::min(cap.value_or(groups_max), groups_max);
        if (!cap) unlimited = true;
        else most += (1 - site.shrinkage) * *cap;
        names += (names.empty() ? "" : ", ") + site.name;
      }
      if (!unlimited && most + 1e-9 < required)
        problems.push_back(fmt::format(
            "{}: seats exhausted: at most {:.1f} productive agents (sites {}), {} required", where(),
            most, names, required));
    }
  }
  return problems;
}

void check_coverable(const Plan& plan, const require::Requirement& requirement,
                     const ColumnSet& columns, std::size_t max_lines) {
  const auto problems = coverage_problems(plan, requirement, columns);
  if (problems.empty()) return;
  std::string text = fmt::format("cannot cover the requirement ({} interval{}; see --allow-shortfall):",
                                 problems.size(), problems.size() == 1 ? "" : "s");
  for (std::size_t k = 0; k < problems.size() && k < max_lines; ++k) text += "\n  " + problems[k];
  if (problems.size() > max_lines) text += fmt::format("\n  and {} more", problems.size() - max_lines);
  throw NoResultError(text);
}

std::vector<std::string> work_problems(const Plan& plan, const ColumnSet& columns) {
  std::vector<std::string> problems;
  const int count = plan.horizon.count;
  const double interval_h = plan.horizon.interval_s / 3600.0;
  for (int w = 0; w < static_cast<int>(plan.work.size()); ++w) {
    const Work& work = plan.work[w];
    if (work.hours_per_day <= 0) continue;
    // present[s * count + i]: groups taking the work at site s with a column present in i.
    std::vector<std::vector<int>> present(plan.sites.size() * static_cast<std::size_t>(count));
    for (Eigen::Index c = 0; c < columns.present.outerSize(); ++c) {
      const int g = columns.columns[c].agent_group;
      const GroupRef& ref = columns.agent_groups[g];
      if (!std::binary_search(ref.group.work.begin(), ref.group.work.end(), w)) continue;
      for (Eigen::SparseMatrix<double>::InnerIterator it(columns.present, c); it; ++it) {
        auto& groups = present[static_cast<std::size_t>(ref.site) * count + (it.row() - static_cast<Eigen::Index>(g) * count)];
        if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
      }
    }
    for (const WorkDay& day : work.days) {
      double most = 0;
      bool unlimited = false, any = false;
      std::vector<std::string> names;
      for (const auto& [i, share] : day.intervals)
        for (int s = 0; s < static_cast<int>(plan.sites.size()); ++s) {
          const auto& groups = present[static_cast<std::size_t>(s) * count + i];
          if (groups.empty()) continue;
          any = true;
          const Site& site = plan.sites[s];
          if (std::find(names.begin(), names.end(), site.name) == names.end()) names.push_back(site.name);
          std::optional<double> cap;
          if (site.seats) cap = *site.seats;
          double groups_max = 0;
          bool all_capped = true;
          for (int g : groups) {
            if (const auto& m = columns.agent_groups[g].group.max_agents) groups_max += *m;
            else all_capped = false;
          }
          if (all_capped) cap = std::min(cap.value_or(groups_max), groups_max);
          if (!cap) unlimited = true;
          else most += (1 - site.shrinkage) * *cap * share * interval_h;
        }
      const std::string where = fmt::format("work {}, day {} (window {} {})", work.name, day.local_date, work.window,
                                            work.timezone);
      if (!any) {
        problems.push_back(fmt::format("{}: {:.1f} h of work, but no shift of a group that takes {} is on during "
                                       "the window; short {:.1f} h",
                                       where, work.hours_per_day, work.name, work.hours_per_day));
        continue;
      }
      std::string sites;
      for (const auto& n : names) sites += (sites.empty() ? "" : ", ") + n;
      if (!unlimited && most + 1e-9 < work.hours_per_day)
        problems.push_back(fmt::format("{}: {:.1f} h of work, at most {:.1f} h fit (seats and max_agents at "
                                       "sites {}); short {:.1f} h",
                                       where, work.hours_per_day, most, sites, work.hours_per_day - most));
    }
  }
  return problems;
}

void check_work_fits(const Plan& plan, const ColumnSet& columns, std::size_t max_lines) {
  const auto problems = work_problems(plan, columns);
  if (problems.empty()) return;
  std::string text = fmt::format("cannot place the deferrable work ({} day{}):", problems.size(),
                                 problems.size() == 1 ? "" : "s");
  for (std::size_t k = 0; k < problems.size() && k < max_lines; ++k) text += "\n  " + problems[k];
  if (problems.size() > max_lines) text += fmt::format("\n  and {} more", problems.size() - max_lines);
  throw NoResultError(text);
}

}  // namespace staffplan::optimize
