// `--set PATH=VALUE` on every command that reads a plan (SPEC §12). The flag only;
// the overrides are applied by the loader (load/overrides.hpp), where the values get
// the same checks as values written in the file.
#include "cli.hpp"

namespace staffplan::cli {

void add_set_option(CLI::App& command, std::vector<std::string>& overrides) {
  command
      .add_option("--set", overrides,
                  "Override one value of the plan file, e.g. --set sites.manila.hourly_cost=11 (repeatable; "
                  "a list item is selected by its name or 0-based index)")
      ->type_name("PATH=VALUE")
      ->expected(1)
      ->allow_extra_args(false)  // one value per --set: `--set A=1 PLAN.yaml` leaves PLAN alone
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

}  // namespace staffplan::cli
