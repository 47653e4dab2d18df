#pragma once
// Error types shared by every stage. The CLI maps them to exit codes (SPEC §6):
// InputError -> 2, NoResultError -> 1, anything else -> 3.
#include <stdexcept>
#include <string>
#include <vector>

namespace staffplan {

// One problem found in an input, printed as "FILE:LINE:COL: error: MESSAGE"
// (line/column omitted when unknown, e.g. for a command-line flag).
struct Diagnostic {
  enum class Severity { error, warning };
  std::string file;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based; 0 = unknown
  Severity severity = Severity::error;
  std::string message;

  std::string to_string() const;
};

// The input is wrong (plan file, CSV, flag). Carries every diagnostic found.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  explicit InputError(const std::string& message);  // a single error without position
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// The run was valid but produced no valid result (infeasible plan, no solution,
// --strict goal missed).
class NoResultError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace staffplan
