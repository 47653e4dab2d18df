// `staffplan require PLAN.yaml`: required agents per interval and queue.
#include "cli.hpp"
#include "load/load.hpp"
#include "require/require.hpp"

namespace staffplan::cli {

void add_require_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("require", "Required agents per interval and queue of a plan file");
  static std::string plan_file;
  static CommonOptions options;
  static std::string chart_file;
  static std::vector<std::string> overrides;
  command->add_option("PLAN", plan_file, "Plan file (YAML)")->required();
  add_common_options(*command, options);
  add_chart_option(*command, chart_file);
  add_set_option(*command, overrides);
  command->callback([&action] {
    action = []() -> int {
      load::check_overrides(overrides);
      refuse_output_onto_inputs(options, {plan_file});
      check_chart_option(options, chart_file, plan_file);
      std::vector<Diagnostic> warnings;
      const Plan plan = load::load_plan(plan_file, &warnings, overrides);
      const require::Requirement requirement = require::compute(plan);
      for (const auto& w : warnings) warn(options, w.to_string());
      for (const auto& w : requirement.warnings) warn(options, w.to_string());
      emit(options, report::render_requirement(plan, requirement, options.parsed_format()));
      if (!chart_file.empty()) write_chart(options, chart_file, report::chart_requirement(plan, requirement));
      return ExitCode::ok;
    };
  });
}

}  // namespace staffplan::cli
