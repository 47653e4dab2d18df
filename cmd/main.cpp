// staffplan: workforce staffing planner for call and contact centres.
// This file only wires subcommands and maps errors to exit codes (SPEC §6).
#include <csignal>
#include <cstdio>

#include <fmt/format.h>

#include "cli.hpp"
#include "model/errors.hpp"
#include "queueing/queueing.hpp"
#include "units/units.hpp"

#ifndef STAFFPLAN_VERSION
#define STAFFPLAN_VERSION "0.0.0"
#endif

namespace {

using staffplan::cli::ExitCode;

bool has_subcommand(const CLI::App& app, const std::string& name) {
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() == name) return true;
  return false;
}

// CLI11's wording for a flag given twice ("--seed: At Most 1 required but received
// 2") or without its value ("--seed: 1 required TEXT missing"), said plainly.
std::string plain_parse_error(const CLI::ParseError& e) {
  const std::string text = e.what();
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) == nullptr) return text;
  const std::string at_most = ": At Most 1 required but received ";
  if (const auto at = text.find(at_most); at != std::string::npos)
    return fmt::format("{} was given {} times; give it once", text.substr(0, at),
                       text.substr(at + at_most.size()));
  const std::string missing = ": 1 required ";
  if (const auto at = text.find(missing); at != std::string::npos && text.ends_with(" missing"))
    return fmt::format("{} needs a value", text.substr(0, at));
  return text;
}

int run(int argc, char** argv) {
  CLI::App app{"staffplan: turn call forecasts into required agents and the cheapest shift plan"};
  app.set_version_flag("--version", "staffplan " STAFFPLAN_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  staffplan::cli::Action action;
  staffplan::cli::add_erlang_command(app, action);
  staffplan::cli::add_require_command(app, action);
  staffplan::cli::add_plan_command(app, action);
  staffplan::cli::add_simulate_command(app, action);
  staffplan::cli::add_validate_command(app, action);
  staffplan::cli::add_compare_command(app, action);

  // Build-time only (man page, completions): not listed in --help.
  if (argc == 3 && std::string(argv[1]) == "--generate") return staffplan::cli::generate(app, argv[2]);

  // CLI11 reports a mistyped command as "a subcommand is required"; name it instead.
  if (argc > 1 && argv[1][0] != '-' && !has_subcommand(app, argv[1])) {
    fmt::print(stderr,
               "staffplan: error: unknown command '{}' (expected erlang, require, plan, simulate, validate or compare)\n",
               argv[1]);
    return ExitCode::bad_input;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version: stdout, exit 0
    fmt::print(stderr, "staffplan: error: {}\n", plain_parse_error(e));
    fmt::print(stderr, "Run with --help for usage.\n");
    return ExitCode::bad_input;
  }

  try {
    return action();
  } catch (const staffplan::cli::BrokenPipe&) {
    return ExitCode::ok;  // the reader closed the pipe; nothing more to say
  } catch (const staffplan::InputError& e) {
    for (const auto& d : e.diagnostics()) fmt::print(stderr, "{}\n", d.to_string());
    return ExitCode::bad_input;
  } catch (const staffplan::units::ParseError& e) {
    fmt::print(stderr, "staffplan: error: {}\n", e.what());
    return ExitCode::bad_input;
  } catch (const staffplan::queueing::InvalidParameter& e) {
    fmt::print(stderr, "staffplan: error: {}\n", e.what());
    return ExitCode::bad_input;
  } catch (const staffplan::queueing::UnreachableGoal& e) {
    fmt::print(stderr, "staffplan: error: {}\n", e.what());
    return ExitCode::bad_input;
  } catch (const staffplan::NoResultError& e) {
    fmt::print(stderr, "staffplan: {}\n", e.what());
    return ExitCode::no_result;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "staffplan: error: out of memory\n");
    return ExitCode::failure;
  } catch (const std::exception& e) {
    fmt::print(stderr, "staffplan: error: {}\n", e.what());
    return ExitCode::failure;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe becomes EPIPE, handled as BrokenPipe
  try {
    return run(argc, argv);
  } catch (...) {
    std::fputs("staffplan: error: unexpected internal failure\n", stderr);
    return ExitCode::failure;
  }
}
