// `staffplan validate PLAN.yaml`: "ok" on stdout, or every problem on stderr (exit 2).
#include "cli.hpp"
#include "load/load.hpp"

namespace staffplan::cli {

void add_validate_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("validate", "Check a plan file and print every problem found");
  static std::string plan_file;
  static CommonOptions options;
  command->add_option("PLAN", plan_file, "Plan file (YAML)")->required();
  command->add_flag("-q,--quiet", options.quiet, "No warnings on stderr");
  command->callback([&action] {
    action = []() -> int {
      std::vector<Diagnostic> warnings;
      load::load_plan(plan_file, &warnings);  // throws InputError with every error found
      for (const auto& w : warnings) warn(options, w.to_string());
      emit(options, "ok\n");
      return ExitCode::ok;
    };
  });
}

}  // namespace staffplan::cli
