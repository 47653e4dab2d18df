// `staffplan compare A.yaml B.yaml ...` (SPEC §12): plans each file as `plan` does,
// with the same options (and the same --set for all), and prints them side by side.
// Every plan is loaded and checked before the first solve, so a bad input anywhere
// ends the run at once (exit 2); each plan is solved once.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli.hpp"
#include "signals.hpp"
#include "load/load.hpp"
#include "model/errors.hpp"
#include "optimize/optimize.hpp"
#include "require/require.hpp"

namespace staffplan::cli {
namespace {

struct CompareOptions {
  CommonOptions common;
  std::vector<std::string> plan_files;
  SolveFlags solve;
  std::vector<std::string> overrides;  // --set, applied to every plan
};

// Column headers: the file names; where two different paths share a file name, the
// paths as given; the same file given again gets "#2", "#3", ... after its name.
std::vector<std::string> column_names(const std::vector<std::string>& files) {
  auto count = [](const std::vector<std::string>& names, const std::string& name) {
    return std::count(names.begin(), names.end(), name);
  };
  std::vector<std::string> names;
  for (const auto& file : files)
    names.push_back(file == "-" ? "<stdin>" : std::filesystem::path(file).filename().string());
  std::vector<std::string> out = names;
  for (std::size_t k = 0; k < files.size(); ++k)
    for (std::size_t j = 0; j < files.size(); ++j)
      if (names[j] == names[k] && files[j] != files[k] && files[k] != "-") out[k] = files[k];
  std::vector<std::string> unique;
  for (std::size_t k = 0; k < out.size(); ++k) {
    std::string name = out[k];
    if (count(out, out[k]) > 1) {
      const auto seen = std::count(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k), out[k]);
      if (seen > 0) name += fmt::format(" #{}", seen + 1);
    }
    unique.push_back(name);
  }
  return unique;
}

[[noreturn]] void bad_input(const std::string& message) {
  throw InputError(std::vector<Diagnostic>{Diagnostic{.file = "staffplan", .message = message}});
}

int run_compare(const CompareOptions& o) {
  const optimize::SolveOptions solve = parse_solve_flags(o.solve);
  load::check_overrides(o.overrides);
  if (std::count(o.plan_files.begin(), o.plan_files.end(), "-") > 1)
    bad_input("compare: standard input (-) can be read only once; give the other plans as files");
  refuse_output_onto_inputs(o.common, o.plan_files);
  const std::vector<std::string> columns = column_names(o.plan_files);

  // Load every plan, collecting every error of every file (the same --set error
  // once, not once per plan), before any solving.
  std::vector<Plan> plans;
  std::vector<Diagnostic> errors;
  std::vector<std::string> seen;
  for (const auto& file : o.plan_files) {
    std::vector<Diagnostic> warnings;
    try {
      plans.push_back(load::load_plan(file, &warnings, o.overrides));
    } catch (const InputError& e) {
      for (const auto& d : e.diagnostics()) {
        if (std::find(seen.begin(), seen.end(), d.to_string()) != seen.end()) continue;
        seen.push_back(d.to_string());
        errors.push_back(d);
      }
      continue;
    }
    for (const auto& w : warnings) warn(o.common, w.to_string());
  }
  if (!errors.empty()) throw InputError(std::move(errors));

  std::vector<require::Requirement> requirements;
  for (const Plan& plan : plans) {
    requirements.push_back(require::compute(plan));  // unreachable goals: exit 2 before solving
    for (const auto& w : requirements.back().warnings) warn(o.common, w.to_string());
  }

  std::vector<report::ComparedPlan> compared;
  for (std::size_t k = 0; k < plans.size(); ++k)
    compared.push_back(report::ComparedPlan{columns[k], o.plan_files[k], plans[k].name, std::nullopt, ""});

  const bool progress = progress_allowed(o.common);
  StopOnSignal guard;  // Ctrl-C or SIGTERM: the running plan keeps its best so far, the rest are not run
  bool complete = true;
  for (std::size_t k = 0; k < plans.size(); ++k) {
    report::ComparedPlan& column = compared[k];
    if (StopOnSignal::requested()) {
      column.failure = fmt::format("not run (interrupted by {})", StopOnSignal::signal_name());
      complete = false;
      continue;
    }
    optimize::SolveOptions options = solve;
    options.stop = &StopOnSignal::flag();
    const std::string prefix = fmt::format("{} ({}/{}): ", column.column, k + 1, plans.size());
    if (progress) options.on_progress = [prefix](const optimize::Progress& p) { show_solve_progress(prefix, p); };
    try {
      const optimize::Schedule schedule = optimize::solve(plans[k], requirements[k], options);
      column.summary = report::summarize_schedule(plans[k], schedule);
      if (schedule.status == optimize::Status::interrupted) complete = false;
    } catch (const NoResultError& e) {
      column.failure = e.what();
      complete = false;
      fmt::print(stderr, "{}staffplan: {}: {}\n", progress ? "\r\033[K" : "", o.plan_files[k], e.what());
    }
    if (progress) fmt::print(stderr, "\r\033[K");
  }

  const std::string text = report::render_comparison(compared, o.common.parsed_format());
  if (!complete) {
    // Not a complete result: -o FILE stays as it was (SPEC §6).
    const std::string written = emit_incomplete(o.common, text);
    fmt::print(stderr, "staffplan: compare: not every plan gave a result; the incomplete comparison was written to {}\n",
               written.empty() ? "standard output" : written);
    return ExitCode::no_result;
  }
  emit(o.common, text);
  return ExitCode::ok;
}

}  // namespace

void add_compare_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<CompareOptions>();
  auto* command = app.add_subcommand("compare", "Plan several plan files and show them side by side");
  command->add_option("PLANS", options->plan_files, "Plan files (YAML), one column each")->required();
  add_common_options(*command, options->common);
  add_solve_options(*command, options->solve);
  add_set_option(*command, options->overrides);
  command->callback([&action, options] { action = [options] { return run_compare(*options); }; });
}

}  // namespace staffplan::cli
