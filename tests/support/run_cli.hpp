#pragma once
// Runs the staffplan binary (or any command) for CLI tests and captures what it did.
#include <string>
#include <vector>

namespace staffplan::testing {

struct CliRun {
  int exit_code = -1;   // -1 when killed by a signal
  int signal = 0;       // the signal that ended it, if any
  std::string out;      // stdout
  std::string err;      // stderr
};

// Runs build/staffplan with `args` (no shell), optionally feeding `stdin_text`.
CliRun run_staffplan(const std::vector<std::string>& args, const std::string& stdin_text = "");

// Runs `command` through /bin/sh -c (for pipes like `... | head -1`).
CliRun run_shell(const std::string& command);

// Absolute path of a file in the source tree, e.g. source_path("configs/single-site.yaml").
std::string source_path(const std::string& relative);

// A fresh empty folder under the system temp dir, removed by the caller if wanted.
std::string make_temp_dir();

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);

}  // namespace staffplan::testing
