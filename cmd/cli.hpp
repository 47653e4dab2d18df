#pragma once
// Shared plumbing of the CLI: common options, output, and the mapping of errors
// to exit codes (SPEC §6). Commands only parse their flags and call the library.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "report/report.hpp"

namespace staffplan::cli {

enum ExitCode : int { ok = 0, no_result = 1, bad_input = 2, failure = 3 };

struct CommonOptions {
  std::string format = "table";
  std::string output;  // empty = stdout
  bool quiet = false;

  report::Format parsed_format() const;
};

// Thrown when stdout is a closed pipe (`staffplan require P | head -1`): the run
// ends quietly, as the reader asked for no more.
struct BrokenPipe {};

// What a subcommand does once its flags are parsed; returns the exit code.
using Action = std::function<int()>;

// Adds -f/--format, -o/--output, -q/--quiet to a subcommand.
void add_common_options(CLI::App& command, CommonOptions& options);

// Writes the result to stdout or, atomically, to options.output (through symbolic
// links, keeping an existing file's owner and mode).
void emit(const CommonOptions& options, const std::string& text);

// --chart FILE.svg (require, plan, simulate): the flag; its checks before any work
// (not "-", not the -o file, not the plan file); writing the SVG like -o.
void add_chart_option(CLI::App& command, std::string& chart_file);
void check_chart_option(const CommonOptions& options, const std::string& chart_file, const std::string& plan_file);
void write_chart(const CommonOptions& options, const std::string& chart_file, const std::string& svg);

// The solver flags of `plan` and `compare` (cmd/solve_flags.cpp).
struct SolveFlags {
  std::string allow_shortfall;   // empty = hard coverage
  std::string time_limit = "60s";
  std::string gap = "0.1%";
  int threads = 1;
};
void add_solve_options(CLI::App& command, SolveFlags& flags);
// Checked and parsed; InputError ("staffplan: --gap: ...") when a value is wrong.
optimize::SolveOptions parse_solve_flags(const SolveFlags& flags);
// One progress line on stderr (a terminal), overwriting the previous one.
void show_solve_progress(const std::string& prefix, const optimize::Progress& progress);

// --set PATH=VALUE (every command that reads a plan), repeatable: the overrides in
// the order given, for load::load_plan.
void add_set_option(CLI::App& command, std::vector<std::string>& overrides);

// Writes an incomplete result (an interrupted plan, exit 1) without replacing
// options.output (SPEC §6): to stdout, to FILE when FILE is a device or FIFO, else
// to "FILE.interrupted". Returns the name written ("" for stdout).
std::string emit_incomplete(const CommonOptions& options, const std::string& text);

// Exit 2 when -o names one of the input files (same file, also through another
// path, a hard link or a symbolic link): the run would destroy its own input.
void refuse_output_onto_inputs(const CommonOptions& options, const std::vector<std::string>& inputs);

// A warning or progress line on stderr (silenced by --quiet).
void warn(const CommonOptions& options, const std::string& message);

// True when stderr is a terminal and progress may be shown.
bool progress_allowed(const CommonOptions& options);

// Subcommands; each registers itself on `app` and sets `action` when chosen.
void add_erlang_command(CLI::App& app, Action& action);
void add_require_command(CLI::App& app, Action& action);
void add_plan_command(CLI::App& app, Action& action);
void add_simulate_command(CLI::App& app, Action& action);
void add_validate_command(CLI::App& app, Action& action);
void add_compare_command(CLI::App& app, Action& action);

// Hidden `staffplan --generate man|bash|zsh|flags`: man-page OPTIONS sections, shell
// completions or a flag list, walked from `app`'s option table (cmd/generate.cpp).
int generate(const CLI::App& app, const std::string& what);

}  // namespace staffplan::cli
