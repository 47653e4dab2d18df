#include "load/diagnostics.hpp"

namespace staffplan::load {

SourcePos position(const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

void Diagnostics::error(const YAML::Mark& mark, std::string message) {
  if (!mark.is_null() && is_override_line(mark.line) && override_index(mark.line) < overrides_.size())
    error_at_override(override_index(mark.line), std::move(message));
  else
    error(position(mark), std::move(message));
}

void Diagnostics::error_at_override(std::size_t k, std::string message) {
  errors_.push_back(Diagnostic{"--set " + overrides_.at(k), 0, 0, Diagnostic::Severity::error, std::move(message)});
}

void Diagnostics::warning(const YAML::Mark& mark, std::string message) {
  if (!mark.is_null() && is_override_line(mark.line) && override_index(mark.line) < overrides_.size())
    warnings_.push_back(Diagnostic{"--set " + overrides_[override_index(mark.line)], 0, 0,
                                   Diagnostic::Severity::warning, std::move(message)});
  else
    warning(position(mark), std::move(message));
}

void Diagnostics::error(SourcePos pos, std::string message) {
  errors_.push_back(Diagnostic{file_, pos.line, pos.column, Diagnostic::Severity::error,
                               std::move(message)});
}

void Diagnostics::error_in(const std::string& file, int line, std::string message) {
  errors_.push_back(
      Diagnostic{file, line, line > 0 ? 1 : 0, Diagnostic::Severity::error, std::move(message)});
}

void Diagnostics::error_in(const std::string& file, int line, int column, std::string message) {
  errors_.push_back(Diagnostic{file, line, column, Diagnostic::Severity::error, std::move(message)});
}

void Diagnostics::warning(SourcePos pos, std::string message) {
  warnings_.push_back(Diagnostic{file_, pos.line, pos.column, Diagnostic::Severity::warning,
                                 std::move(message)});
}

void Diagnostics::throw_if_errors() const {
  if (!errors_.empty()) throw InputError(errors_);
}

}  // namespace staffplan::load
