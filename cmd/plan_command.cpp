// `staffplan plan PLAN.yaml`: shift optimization (SPEC §4). Parses flags, runs
// load -> require -> optimize -> report, shows solver progress on a terminal and
// turns the first Ctrl-C or SIGTERM into "stop and print the best plan so far".
#include <cmath>
#include <optional>
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "cli.hpp"
#include "signals.hpp"
#include "load/load.hpp"
#include "model/errors.hpp"
#include "optimize/optimize.hpp"
#include "require/require.hpp"
#include "units/units.hpp"

namespace staffplan::cli {
namespace {

struct PlanOptions {
  CommonOptions common;
  std::string plan_file;
  std::string view = "shifts";
  SolveFlags solve;
  std::string chart_file;        // --chart
  bool compare_interval_goal = false;  // --compare-interval-goal
  std::vector<std::string> overrides;  // --set
};

report::PlanView parsed_view(const std::string& view) {
  if (view == "intervals") return report::PlanView::intervals;
  if (view == "summary") return report::PlanView::summary;
  if (view == "allocation") return report::PlanView::allocation;
  if (view == "work") return report::PlanView::work;
  if (view == "roster") return report::PlanView::roster;
  if (view == "periods") return report::PlanView::periods;
  if (view == "outsourced") return report::PlanView::outsourced;
  return report::PlanView::shifts;
}

// The same plan with every goal met interval by interval (--compare-interval-goal),
// solved with the same options. It meets every day and week goal too, so the
// day/week solve starts from it and never costs more. Nothing when no plan meets
// every interval's goal (seats, shifts).
std::optional<optimize::Schedule> interval_goal_schedule(const Plan& plan, const optimize::SolveOptions& options) {
  const Plan interval_plan = with_interval_goals(plan);
  try {
    return optimize::solve(interval_plan, require::compute(interval_plan), options);
  } catch (const InputError&) {
  } catch (const NoResultError&) {
  }
  return std::nullopt;
}

int run_plan(const PlanOptions& o) {
  optimize::SolveOptions solve = parse_solve_flags(o.solve);
  load::check_overrides(o.overrides);
  refuse_output_onto_inputs(o.common, {o.plan_file});
  check_chart_option(o.common, o.chart_file, o.plan_file);
  std::vector<Diagnostic> warnings;
  const Plan plan = load::load_plan(o.plan_file, &warnings, o.overrides);
  for (const auto& w : warnings) warn(o.common, w.to_string());
  const require::Requirement requirement = require::compute(plan);
  for (const auto& w : requirement.warnings) warn(o.common, w.to_string());

  const bool progress = progress_allowed(o.common);
  if (progress) solve.on_progress = [](const optimize::Progress& p) { show_solve_progress("", p); };
  optimize::Schedule schedule;
  // Ctrl-C or SIGTERM: stop and keep the best plan so far. The guard stays through
  // rendering and writing, so a signal after the solve no longer kills the run: the
  // complete plan is still written (while the file is written, TempFile takes over).
  StopOnSignal guard;
  solve.stop = &StopOnSignal::flag();
  report::PlanComparison comparison;
  try {
    if (o.compare_interval_goal) {
      comparison.requested = true;
      if (auto interval_plan = interval_goal_schedule(plan, solve);
          interval_plan && interval_plan->status != optimize::Status::interrupted) {
        comparison.interval_goal_cost = interval_plan->paid_cost;
        solve.start = std::move(interval_plan->assignments);
      }
    }
    schedule = optimize::solve(plan, requirement, solve);
  } catch (...) {
    if (progress) fmt::print(stderr, "\r\033[K");
    throw;
  }
  if (progress) fmt::print(stderr, "\r\033[K");
  const std::string text = report::render_schedule(plan, requirement, schedule, parsed_view(o.view),
                                                   o.common.parsed_format(), comparison);
  if (schedule.status == optimize::Status::interrupted) {
    // Not a complete result: -o FILE stays as it was (SPEC §6).
    const std::string written = emit_incomplete(o.common, text);
    if (written.empty())
      fmt::print(stderr, "staffplan: interrupted; the best plan found so far was written\n");
    else
      fmt::print(stderr, "staffplan: interrupted; the best plan found so far was written to {}\n", written);
    return ExitCode::no_result;
  }
  emit(o.common, text);
  // Only a complete plan is charted (like -o: an interrupted run leaves FILE untouched).
  if (!o.chart_file.empty())
    write_chart(o.common, o.chart_file, report::chart_schedule(plan, requirement, schedule));
  return ExitCode::ok;
}

}  // namespace

void add_plan_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<PlanOptions>();
  auto* command = app.add_subcommand("plan", "Cheapest shift plan: agents per shift, site and day");
  command->add_option("PLAN", options->plan_file, "Plan file (YAML)")->required();
  add_common_options(*command, options->common);
  command->add_option("--view", options->view, "What to print (json always has every view)")
      ->check(CLI::IsMember({"shifts", "intervals", "summary", "allocation", "periods", "roster", "outsourced", "work"}))
      ->capture_default_str();
  add_solve_options(*command, options->solve);
  command->add_flag("--compare-interval-goal", options->compare_interval_goal,
                    "Also solve with every goal met interval by interval and show that cost");
  add_chart_option(*command, options->chart_file);
  add_set_option(*command, options->overrides);
  command->callback([&action, options] { action = [options] { return run_plan(*options); }; });
}

}  // namespace staffplan::cli
