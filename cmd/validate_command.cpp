// `staffplan validate PLAN.yaml`: "ok" on stdout, or every problem on stderr. It runs
// every check that `require` and `plan` make before the solver, so a plan that says
// "ok" here is not refused later: the file itself (exit 2), the goals in every
// interval (exit 2, as `require`), the plan's size (exit 2) and the coverage precheck
// naming each interval no shift can cover (exit 1, as `plan`).
#include "cli.hpp"
#include "load/load.hpp"
#include "optimize/optimize.hpp"
#include "require/require.hpp"

namespace staffplan::cli {

void add_validate_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("validate", "Check a plan file and print every problem found");
  static std::string plan_file;
  static CommonOptions options;
  static std::vector<std::string> overrides;
  command->add_option("PLAN", plan_file, "Plan file (YAML)")->required();
  command->add_flag("-q,--quiet", options.quiet, "No warnings on stderr");
  add_set_option(*command, overrides);
  command->callback([&action] {
    action = []() -> int {
      std::vector<Diagnostic> warnings;
      const Plan plan = load::load_plan(plan_file, &warnings, overrides);  // throws InputError with every error found
      for (const auto& w : warnings) warn(options, w.to_string());
      const require::Requirement requirement = require::compute(plan);  // unreachable goals
      for (const auto& w : requirement.warnings) warn(options, w.to_string());
      optimize::check_before_solve(plan, requirement);  // size; uncoverable intervals
      emit(options, "ok\n");
      return ExitCode::ok;
    };
  });
}

}  // namespace staffplan::cli
