// The solver flags `plan` and `compare` share (--allow-shortfall, --time-limit,
// --gap, --threads): one definition, so both commands take and check them alike.
#include <cstdio>

#include <fmt/format.h>

#include "cli.hpp"
#include "model/errors.hpp"
#include "units/units.hpp"

namespace staffplan::cli {
namespace {

[[noreturn]] void bad_flag(const std::string& flag, const std::string& what) {
  throw InputError(std::vector<Diagnostic>{Diagnostic{.file = "staffplan", .message = flag + ": " + what}});
}

}  // namespace

void add_solve_options(CLI::App& command, SolveFlags& flags) {
  command.add_option("--allow-shortfall", flags.allow_shortfall,
                     "Soft coverage: PENALTY per missing agent-hour")->type_name("PENALTY");
  command.add_option("--time-limit", flags.time_limit, "Solver wall-clock limit (duration)")->type_name("DURATION")
      ->capture_default_str();
  command.add_option("--gap", flags.gap, "Stop within this relative gap to the bound")->type_name("FRACTION")
      ->capture_default_str();
  command.add_option("--threads", flags.threads, "Solver threads (1 is deterministic)")->type_name("N")
      ->capture_default_str();
}

optimize::SolveOptions parse_solve_flags(const SolveFlags& o) {
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

void show_solve_progress(const std::string& prefix, const optimize::Progress& p) {
  const std::string best = p.best_cost ? fmt::format("{:.2f}", *p.best_cost) : "-";
  const std::string bound = p.lower_bound ? fmt::format("{:.2f}", *p.lower_bound) : "-";
  const std::string gap = p.gap ? fmt::format("{:.2f}%", 100 * *p.gap) : "-";
  fmt::print(stderr, "\r\033[K{}solving: {:6.1f} s  best {}  bound {}  gap {}", prefix, p.elapsed_s, best, bound,
             gap);
  std::fflush(stderr);
}

}  // namespace staffplan::cli
