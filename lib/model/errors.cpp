#include "model/errors.hpp"

#include <fmt/format.h>

namespace staffplan {

std::string Diagnostic::to_string() const {
  const char* kind = severity == Severity::error ? "error" : "warning";
  if (file.empty()) return fmt::format("{}: {}", kind, message);
  if (line <= 0) return fmt::format("{}: {}: {}", file, kind, message);
  return fmt::format("{}:{}:{}: {}: {}", file, line, column, kind, message);
}

namespace {
std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.to_string();
  }
  return out;
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(const std::string& message)
    : InputError(std::vector<Diagnostic>{Diagnostic{.message = message}}) {}

}  // namespace staffplan
