#pragma once
// Collects every problem found while loading one plan, so `validate` can report
// all of them at once. Positions come from yaml-cpp marks (0-based) and are
// stored 1-based, as editors count.
#include "load/yaml_tree.hpp"

#include <string>
#include <vector>

#include "model/errors.hpp"
#include "model/plan.hpp"

namespace staffplan::load {

class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  const std::string& file() const { return file_; }

  void error(const YAML::Mark& mark, std::string message);
  void error(const Node& node, std::string message) { error(node.Mark(), std::move(message)); }
  void error(SourcePos pos, std::string message);
  // An error in another file (a forecast CSV), at a 1-based line (0 = whole file).
  void error_in(const std::string& file, int line, std::string message);
  // The same at a 1-based line and column (a CSV field).
  void error_in(const std::string& file, int line, int column, std::string message);
  void warning(SourcePos pos, std::string message);
  void warning(const YAML::Mark& mark, std::string message);

  // The `--set PATH=VALUE` arguments as given: a problem at a node they wrote (its
  // line is override_line(k)) is reported at "--set PATH=VALUE", not at the file.
  void set_overrides(std::vector<std::string> arguments) { overrides_ = std::move(arguments); }
  void error_at_override(std::size_t k, std::string message);

  bool has_errors() const { return !errors_.empty(); }
  std::size_t error_count() const { return errors_.size(); }
  const std::vector<Diagnostic>& errors() const { return errors_; }
  std::vector<Diagnostic>& warnings() { return warnings_; }

  // Throws InputError with every error collected so far, if any.
  void throw_if_errors() const;

 private:
  std::string file_;
  std::vector<Diagnostic> errors_;
  std::vector<Diagnostic> warnings_;
  std::vector<std::string> overrides_;
};

// 1-based position of a yaml-cpp mark (0, 0 when the mark is unknown).
SourcePos position(const YAML::Mark& mark);
inline SourcePos position(const Node& node) { return position(node.Mark()); }

}  // namespace staffplan::load
