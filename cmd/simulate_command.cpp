// `staffplan simulate PLAN.yaml`: parse flags, get a staffing (from --plan JSON or
// by solving the plan like `staffplan plan` with default options), simulate,
// report (SPEC §5).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "cli.hpp"
#include "signals.hpp"
#include "load/load.hpp"
#include "model/errors.hpp"
#include "optimize/optimize.hpp"
#include "require/require.hpp"
#include "simulate/simulate.hpp"
#include "units/units.hpp"

namespace staffplan::cli {
namespace {

// The largest --max-calls accepted (about a day of work on one thread).
constexpr double kMaxMaxCalls = 1e12;

struct SimulateFlags {
  CommonOptions common;
  std::string plan_path;
  std::string staffing_json;   // --plan
  int replications = 30;
  std::string seed = "1";
  int threads = 0;             // 0 = one per hardware thread
  std::string aht_cv;          // empty = the queues' own
  bool strict = false;
  std::string view = "intervals";
  std::string chart_file;      // --chart
  std::string time_limit;      // empty = none
  std::string max_calls;       // empty = simulate::kDefaultMaxSimulatedCalls
  std::vector<std::string> overrides;  // --set
};

// A bad flag value, printed as "staffplan: error: --flag: what" (like `plan`).
[[noreturn]] void bad_flag(const std::string& flag, const std::string& what) {
  throw InputError(std::vector<Diagnostic>{Diagnostic{.file = "staffplan", .message = flag + ": " + what}});
}

std::uint64_t parse_seed(const std::string& text) {
  std::uint64_t seed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size())
    bad_flag("--seed", fmt::format("expected a whole number from 0 to 18446744073709551615, got '{}'", text));
  return seed;
}

double parse_aht_cv(const std::string& text) {
  double cv = 0;
  try {
    cv = units::parse_number(text);
  } catch (const units::ParseError& e) {
    bad_flag("--aht-cv", e.what());
  }
  if (cv < 0 || cv > 100) bad_flag("--aht-cv", fmt::format("must be in [0, 100], got '{}'", text));
  return cv;
}

double parse_time_limit(const std::string& text) {
  double seconds = 0;
  try {
    seconds = units::parse_duration(text);
  } catch (const units::ParseError& e) {
    bad_flag("--time-limit", e.what());
  }
  if (!(seconds > 0)) bad_flag("--time-limit", fmt::format("must be positive, got '{}'", text));
  return seconds;
}

double parse_max_calls(const std::string& text) {
  double calls = 0;
  try {
    calls = units::parse_number(text);
  } catch (const units::ParseError& e) {
    bad_flag("--max-calls", e.what());
  }
  if (!(calls >= 1 && calls <= kMaxMaxCalls))
    bad_flag("--max-calls", fmt::format("must be between 1 and {:g}, got '{}'", kMaxMaxCalls, text));
  return calls;
}

// The work budget (issue 9): refuse before any work a run that would take hours.
void check_budget(const Plan& plan, int replications, double max_calls) {
  const double calls = simulate::simulated_calls(plan, replications);
  if (calls <= max_calls) return;
  bad_flag("--replications",
           fmt::format("{} replication{} of {:.6g} forecast calls is {:.3g} simulated calls, above the "
                       "work budget of {:.3g} (several minutes of work); use fewer --replications or a "
                       "shorter horizon, or raise the budget with --max-calls",
                       replications, replications == 1 ? "" : "s", calls / replications, calls, max_calls));
}

Staffing staffing_for(const Plan& plan, const SimulateFlags& flags) {
  if (!flags.staffing_json.empty()) return load::load_staffing_json(flags.staffing_json, plan);
  const require::Requirement requirement = require::compute(plan);
  for (const auto& w : requirement.warnings) warn(flags.common, w.to_string());
  optimize::SolveOptions solve;
  solve.stop = &StopOnSignal::flag();
  const optimize::Schedule schedule = optimize::solve(plan, requirement, solve);
  if (StopOnSignal::requested())
    throw NoResultError(fmt::format("simulate: interrupted by {} while solving the plan; nothing was simulated",
                                    StopOnSignal::signal_name()));
  return optimize::productive_staffing(plan, schedule);
}

// --strict: a queue misses a goal only when even the favourable end of the 95 %
// confidence interval misses it (with one replication: the mean): service level
// (upper bound below the goal), ASA and abandonment (erlang_a; lower bound above
// the goal). Every goal the queue has is checked.
void check_goals(const Plan& plan, const simulate::Result& result) {
  std::string missed;
  const auto add = [&](const std::string& text) { missed += (missed.empty() ? "" : "; ") + text; };
  const auto upper = [](const simulate::Estimate& e) { return std::isnan(e.hi) ? e.mean : e.hi; };
  const auto lower = [](const simulate::Estimate& e) { return std::isnan(e.lo) ? e.mean : e.lo; };
  for (const auto& q : result.queues) {
    const Queue& queue = plan.queues[static_cast<std::size_t>(q.queue)];
    if (q.goal_service_level) {
      const auto& sl = q.simulated.service_level;
      const double best = upper(sl);
      if (!std::isnan(best) && best < *q.goal_service_level)
        add(fmt::format("queue '{}' service level {:.1f}% (upper bound {:.1f}%) is below its goal {:.1f}%",
                        queue.name, 100 * sl.mean, 100 * best, 100 * *q.goal_service_level));
    }
    if (const auto& goal = queue.goal.asa_s) {
      const auto& asa = q.simulated.asa_s;
      const double best = lower(asa);
      if (!std::isnan(best) && best > *goal)
        add(fmt::format("queue '{}' ASA {:.1f} s (lower bound {:.1f} s) is above its goal {:.1f} s", queue.name,
                        asa.mean, best, *goal));
    }
    if (const auto& goal = queue.goal.max_abandon; goal && plan.model == QueueModel::erlang_a) {
      const auto& abandon = q.simulated.p_abandon;
      const double best = lower(abandon);
      if (!std::isnan(best) && best > *goal)
        add(fmt::format("queue '{}' abandonment {:.1f}% (lower bound {:.1f}%) is above its goal {:.1f}%",
                        queue.name, 100 * abandon.mean, 100 * best, 100 * *goal));
    }
  }
  // Day and week goals (SPEC §11) hold for every day or week.
  for (const auto& p : result.periods) {
    const Queue& queue = plan.queues[static_cast<std::size_t>(p.queue)];
    const auto& sl = p.simulated.service_level;
    const double best = upper(sl);
    if (queue.goal.service_level && !std::isnan(best) && best < *queue.goal.service_level)
      add(fmt::format("queue '{}' {} {}: service level {:.1f}% (upper bound {:.1f}%) is below its goal {:.1f}%",
                      queue.name, queue.goal.measured() == MeasuredOver::day ? "day" : "week",
                      p.period + 1, 100 * sl.mean, 100 * best, 100 * *queue.goal.service_level));
  }
  if (!missed.empty()) throw NoResultError(fmt::format("--strict: {}", missed));
}

int run_simulate(const SimulateFlags& flags) {
  simulate::Options options;
  options.replications = flags.replications;
  options.seed = parse_seed(flags.seed);
  options.threads = flags.threads > 0 ? flags.threads
                                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (!flags.aht_cv.empty()) options.aht_cv = parse_aht_cv(flags.aht_cv);
  if (!flags.time_limit.empty()) options.time_limit_s = parse_time_limit(flags.time_limit);
  const double max_calls =
      flags.max_calls.empty() ? simulate::kDefaultMaxSimulatedCalls : parse_max_calls(flags.max_calls);

  if (flags.plan_path == "-" && flags.staffing_json == "-")
    bad_flag("--plan", "standard input (-) already carries the plan file; give the plan JSON as a file");
  load::check_overrides(flags.overrides);
  refuse_output_onto_inputs(flags.common, {flags.plan_path, flags.staffing_json});
  check_chart_option(flags.common, flags.chart_file, flags.plan_path);
  std::vector<Diagnostic> warnings;
  const Plan plan = load::load_plan(flags.plan_path, &warnings, flags.overrides);
  for (const auto& w : warnings) warn(flags.common, w.to_string());
  check_budget(plan, options.replications, max_calls);
  StopOnSignal signals;  // Ctrl-C or SIGTERM: stop, exit 1, write nothing
  options.stop = &StopOnSignal::flag();
  const Staffing staffing = staffing_for(plan, flags);
  // With outsourcers only the calls kept in-house are simulated (SPEC §9).
  const Plan kept = kept_calls_plan(plan, staffing);
  double outsourced_calls = 0;
  for (std::size_t q = 0; q < plan.queues.size(); ++q)
    for (std::size_t i = 0; i < plan.queues[q].calls.size(); ++i)
      outsourced_calls += plan.queues[q].calls[i] - kept.queues[q].calls[i];
  if (!plan.outsourcers.empty())
    warn(flags.common, fmt::format("staffplan: note: simulating the calls kept in-house only; {:.1f} calls go to "
                                   "outsourcers and are not simulated",
                                   outsourced_calls));

  if (progress_allowed(flags.common)) {
    options.on_progress = [](int done, int total) {
      fmt::print(stderr, "\rsimulating: {}/{} queue replications", done, total);
      if (done == total) fmt::print(stderr, "\n");
    };
  }
  simulate::Result result;
  try {
    result = simulate::run(kept, staffing, options);
  } catch (const simulate::Stopped& stopped) {
    if (progress_allowed(flags.common)) fmt::print(stderr, "\n");
    const std::string after = fmt::format("after {} of {} replications", stopped.replications_done,
                                          options.replications);
    if (stopped.time_limit)
      throw NoResultError(fmt::format("simulate: stopped at the --time-limit of {} {}; no result was written "
                                      "(use fewer --replications or a longer --time-limit)",
                                      flags.time_limit, after));
    throw NoResultError(fmt::format("simulate: interrupted by {} {}; no result was written",
                                    StopOnSignal::signal_name(), after));
  }
  if (result.threads_refused > 0)
    warn(flags.common, fmt::format("staffplan: warning: the system refused to start {} of the simulation "
                                   "threads (--threads {}); the run went on with fewer, same results",
                                   result.threads_refused, options.threads));
  const auto view = flags.view == "summary"   ? report::SimulationView::summary
                    : flags.view == "periods" ? report::SimulationView::periods
                    : flags.view == "groups"  ? report::SimulationView::groups
                                              : report::SimulationView::intervals;
  emit(flags.common, report::render_simulation(kept, result, flags.common.parsed_format(), view, outsourced_calls));
  if (!flags.chart_file.empty()) write_chart(flags.common, flags.chart_file, report::chart_simulation(kept, result));
  if (flags.strict) check_goals(kept, result);
  return ExitCode::ok;
}

}  // namespace

void add_simulate_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<SimulateFlags>();
  auto* command = app.add_subcommand(
      "simulate", "discrete-event simulation of a plan: what service it really gives");
  command->add_option("PLAN", flags->plan_path, "Plan file (YAML)")->required();
  command->add_option("--plan", flags->staffing_json,
                      "Staffing from FILE.json written by 'staffplan plan -f json' (default: solve the plan)")->type_name("FILE.json");
  command->add_option("--replications", flags->replications, "Independent replications")->type_name("N")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command->add_option("--seed", flags->seed, "Random seed (same seed, same output)")->type_name("N")->capture_default_str();
  command->add_option("--threads", flags->threads, "Worker threads (0 = one per CPU); output does not depend on it")->type_name("N")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  command->add_option("--aht-cv", flags->aht_cv,
                      "Handling-time coefficient of variation for every queue (1 = exponential, else lognormal)")->type_name("CV");
  command->add_option("--time-limit", flags->time_limit,
                      "Stop after this wall-clock time with exit 1 and no result (default: none)")
      ->type_name("DURATION");
  command->add_option("--max-calls", flags->max_calls,
                      "Work budget: refuse runs that would simulate more calls (replications x forecast calls; "
                      "default 1e9)")
      ->type_name("N");
  command->add_flag("--strict", flags->strict,
                    "Exit 1 when a queue surely misses a goal (service level, ASA, abandonment)");
  command->add_option("--view", flags->view,
                      "CSV rows: intervals, summary, periods (day/week goals) or groups (occupancy per agent "
                      "group under skill routing); json carries all")
      ->check(CLI::IsMember({"intervals", "summary", "periods", "groups"}))
      ->capture_default_str();
  add_common_options(*command, flags->common);
  add_chart_option(*command, flags->chart_file);
  add_set_option(*command, flags->overrides);
  command->callback([&action, flags] { action = [flags] { return run_simulate(*flags); }; });
}

}  // namespace staffplan::cli
