// `staffplan plan PLAN.yaml`: shift optimization (SPEC §4). Parses flags, runs
// load -> require -> optimize -> report, shows solver progress on a terminal and
// turns the first Ctrl-C or SIGTERM into "stop and print the best plan so far".
#include <cmath>
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
  std::string allow_shortfall;   // empty = hard coverage
  std::string time_limit = "60s";
  std::string gap = "0.1%";
  int threads = 1;
  std::string chart_file;        // --chart
  std::vector<std::string> overrides;  // --set
};

[[noreturn]] void bad_flag(const std::string& flag, const std::string& what) {
  throw InputError(std::vector<Diagnostic>{Diagnostic{.file = "staffplan", .message = flag + ": " + what}});
}

optimize::SolveOptions solve_options(const PlanOptions& o) {
  optimize::SolveOptions s;
  try {
    s.time_limit_s = units::parse_duration(o.time_limit);
  } catch (const units::ParseError& e) {
    bad_flag("--time-limit", e.what());
  }
  if (s.time_limit_s <= 0) bad_flag("--time-limit", fmt::format("must be positive, got '{}'", o.time_limit));
  try {
    s.relative_gap = units::parse_fraction(o.gap);
  } catch (const units::ParseError& e) {
    bad_flag("--gap", e.what());
  }
  if (s.relative_gap < 0 || s.relative_gap >= 1)
    bad_flag("--gap", fmt::format("must be in [0, 1), got '{}'", o.gap));
  if (o.threads < 1 || o.threads > 64)
    bad_flag("--threads", fmt::format("must be between 1 and 64, got {}", o.threads));
  s.threads = o.threads;
  if (!o.allow_shortfall.empty()) {
    double penalty = 0;
    try {
      penalty = units::parse_number(o.allow_shortfall);
    } catch (const units::ParseError& e) {
      bad_flag("--allow-shortfall", e.what());
    }
    if (penalty < 0)
      bad_flag("--allow-shortfall",
               fmt::format("the penalty per missing agent-hour must be >= 0, got '{}'", o.allow_shortfall));
    s.shortfall_penalty = penalty;
  }
  return s;
}

report::PlanView parsed_view(const std::string& view) {
  if (view == "intervals") return report::PlanView::intervals;
  if (view == "summary") return report::PlanView::summary;
  if (view == "allocation") return report::PlanView::allocation;
  if (view == "outsourced") return report::PlanView::outsourced;
  return report::PlanView::shifts;
}

void show_progress(const optimize::Progress& p) {
  const std::string best = p.best_cost ? fmt::format("{:.2f}", *p.best_cost) : "-";
  const std::string gap = p.gap ? fmt::format("{:.2f}%", 100 * *p.gap) : "-";
  fmt::print(stderr, "\r\033[Ksolving: {:6.1f} s  best {}  bound {:.2f}  gap {}", p.elapsed_s, best,
             p.lower_bound, gap);
  std::fflush(stderr);
}

int run_plan(const PlanOptions& o) {
  optimize::SolveOptions solve = solve_options(o);
  load::check_overrides(o.overrides);
  refuse_output_onto_inputs(o.common, {o.plan_file});
  check_chart_option(o.common, o.chart_file, o.plan_file);
  std::vector<Diagnostic> warnings;
  const Plan plan = load::load_plan(o.plan_file, &warnings, o.overrides);
  for (const auto& w : warnings) warn(o.common, w.to_string());
  const require::Requirement requirement = require::compute(plan);
  for (const auto& w : requirement.warnings) warn(o.common, w.to_string());

  const bool progress = progress_allowed(o.common);
  if (progress) solve.on_progress = show_progress;
  optimize::Schedule schedule;
  // Ctrl-C or SIGTERM: stop and keep the best plan so far. The guard stays through
  // rendering and writing, so a signal after the solve no longer kills the run: the
  // complete plan is still written (while the file is written, TempFile takes over).
  StopOnSignal guard;
  solve.stop = &StopOnSignal::flag();
  try {
    schedule = optimize::solve(plan, requirement, solve);
  } catch (...) {
    if (progress) fmt::print(stderr, "\r\033[K");
    throw;
  }
  if (progress) fmt::print(stderr, "\r\033[K");
  const std::string text = report::render_schedule(plan, requirement, schedule, parsed_view(o.view),
                                                   o.common.parsed_format());
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
      ->check(CLI::IsMember({"shifts", "intervals", "summary", "allocation", "outsourced"}))
      ->capture_default_str();
  command->add_option("--allow-shortfall", options->allow_shortfall,
                      "Soft coverage: PENALTY per missing agent-hour")->type_name("PENALTY");
  command->add_option("--time-limit", options->time_limit, "Solver wall-clock limit (duration)")->type_name("DURATION")
      ->capture_default_str();
  command->add_option("--gap", options->gap, "Stop within this relative gap to the bound")->type_name("FRACTION")
      ->capture_default_str();
  command->add_option("--threads", options->threads, "Solver threads (1 is deterministic)")->type_name("N")
      ->capture_default_str();
  add_chart_option(*command, options->chart_file);
  add_set_option(*command, options->overrides);
  command->callback([&action, options] { action = [options] { return run_plan(*options); }; });
}

}  // namespace staffplan::cli
