// `staffplan require PLAN.yaml`: required agents per interval and queue.
#include "cli.hpp"
#include "load/load.hpp"
#include "require/require.hpp"

namespace staffplan::cli {

void add_require_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("require", "Required agents per interval and queue of a plan file");
  static std::string plan_file;
  static CommonOptions options;
  command->add_option("PLAN", plan_file, "Plan file (YAML)")->required();
  add_common_options(*command, options);
  command->callback([&action] {
    action = []() -> int {
      refuse_output_onto_inputs(options, {plan_file});
      std::vector<Diagnostic> warnings;
      const Plan plan = load::load_plan(plan_file, &warnings);
      const require::Requirement requirement = require::compute(plan);
      for (const auto& w : warnings) warn(options, w.to_string());
      for (const auto& w : requirement.warnings) warn(options, w.to_string());
      emit(options, report::render_requirement(plan, requirement, options.parsed_format()));
      return ExitCode::ok;
    };
  });
}

}  // namespace staffplan::cli
