#include <stdexcept>

#include "cli.hpp"

namespace staffplan::cli {

// Placeholder registration until the command lands (see its issue).
void add_require_command(CLI::App& app, Action& action) {
  auto* command = app.add_subcommand("require", "require (not yet available)");
  command->callback([&action] {
    action = [] () -> int { throw std::runtime_error("'require' is not available yet"); };
  });
}

}  // namespace staffplan::cli
