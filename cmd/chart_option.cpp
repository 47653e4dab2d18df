// `--chart FILE.svg` on require, plan and simulate (SPEC §12): the flag, its checks,
// and writing the SVG through the same atomic path as -o (emit in output.cpp).
#include <filesystem>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "cli.hpp"
#include "model/errors.hpp"

namespace staffplan::cli {
namespace {

[[noreturn]] void bad_chart(const std::string& what) {
  throw InputError(std::vector<Diagnostic>{Diagnostic{.file = "staffplan", .message = "--chart: " + what}});
}

// Whether two paths name the same file (existing or not).
bool same_file(const std::string& a, const std::string& b) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(a, error) && fs::exists(b, error)) return fs::equivalent(a, b, error);
  return fs::absolute(a, error).lexically_normal() == fs::absolute(b, error).lexically_normal();
}

}  // namespace

void add_chart_option(CLI::App& command, std::string& chart_file) {
  command.add_option("--chart", chart_file,
                     "Also write an SVG chart of the result, one panel per queue, to FILE (atomically)")
      ->type_name("FILE.svg");
}

void check_chart_option(const CommonOptions& options, const std::string& chart_file, const std::string& plan_file) {
  if (chart_file.empty()) return;
  if (chart_file == "-") bad_chart("needs a file name (the result itself goes to standard output)");
  if (!options.output.empty() && options.output != "-" && same_file(chart_file, options.output))
    bad_chart(fmt::format("'{}' is also the -o file; give the chart its own file", chart_file));
  if (!plan_file.empty() && same_file(chart_file, plan_file))
    bad_chart(fmt::format("'{}' is the plan file; refusing to overwrite it", chart_file));
}

void write_chart(const CommonOptions& options, const std::string& chart_file, const std::string& svg) {
  if (chart_file.empty()) return;
  CommonOptions chart = options;
  chart.output = chart_file;
  emit(chart, svg);
}

}  // namespace staffplan::cli
