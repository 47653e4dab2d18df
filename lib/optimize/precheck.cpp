#include "optimize/precheck.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

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
  // covering_sites[q * count + i]: sites with at least one column covering (q, i).
  std::vector<std::vector<int>> covering_sites(static_cast<std::size_t>(nq) * count);
  for (Eigen::Index c = 0; c < columns.coverage.outerSize(); ++c) {
    const int site = columns.columns[c].site;
    for (Eigen::SparseMatrix<double>::InnerIterator it(columns.coverage, c); it; ++it) {
      auto& sites = covering_sites[it.row()];
      if (sites.empty() || sites.back() != site) sites.push_back(site);
    }
  }
  std::vector<std::string> problems;
  for (int q = 0; q < nq; ++q) {
    const Queue& queue = plan.queues[q];
    for (int i = 0; i < count; ++i) {
      const int required = requirement.queues[q].intervals[i].agents;
      if (required <= 0) continue;
      const auto& sites = covering_sites[static_cast<std::size_t>(q) * count + i];
      const std::string where =
          fmt::format("queue {}, interval {}", queue.name, interval_timestamp(plan.horizon, i));
      if (sites.empty()) {
        problems.push_back(
            fmt::format("{}: no shift of a site serving {} covers it", where, queue.name));
        continue;
      }
      // Upper bound on productive agents: every seat filled by an agent not on break.
      double most = 0;
      bool unlimited = false;
      std::string names;
      for (int s : sites) {
        const Site& site = plan.sites[s];
        if (!site.seats) unlimited = true;
        else most += (1 - site.shrinkage) * *site.seats;
        names += (names.empty() ? "" : ", ") + site.name;
      }
      if (!unlimited && most + 1e-9 < required)
        problems.push_back(fmt::format(
            "{}: seats exhausted: at most {:.1f} productive agents (sites {}), {} required", where,
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

}  // namespace staffplan::optimize
