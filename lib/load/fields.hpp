#pragma once
// Typed access to the keys of one YAML mapping, reporting every problem to
// Diagnostics with the node's position and the field's path in the plan
// (e.g. "queues[english].goal.service_level"). Values are parsed by the shared
// units parsers, so plan files and command-line flags accept the same text.
// A getter that finds a bad value records an error and returns nullopt; the
// caller then simply carries on, so all errors of a file are collected.
#include "load/yaml_tree.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/diagnostics.hpp"

namespace staffplan::load {

// Upper bounds on numbers that are finite but absurd (1e308 calls, a 1e308 hourly
// cost): a typo or an attack, never a forecast. They keep every later sum finite and
// the solver's coefficients well scaled.
inline constexpr double max_calls_per_interval = 1e9;
inline constexpr double max_hourly_cost = 1e9;

// A bare number below this, for a duration usually written in minutes (aht: 4,
// patience: 2), is most likely minutes meant as seconds: warn.
inline constexpr double bare_seconds_suspect_below = 60;

// The closest of `candidates` to `word` when it is a plausible typo, else "".
std::string suggest(std::string_view word, const std::vector<std::string>& candidates);

// Inclusive/exclusive numeric range with its text for messages, e.g. "[0, 1)".
struct Range {
  double low;
  double high;
  bool low_inclusive = true;
  bool high_inclusive = true;
  bool contains(double v) const {
    return (low_inclusive ? v >= low : v > low) && (high_inclusive ? v <= high : v < high);
  }
  std::string text() const;
};

class MapReader {
 public:
  // Checks that `node` is a mapping whose keys are all in `keys` (unknown keys and
  // duplicates are errors, with a "did you mean" suggestion).
  MapReader(const Node& node, std::string path, Diagnostics& diagnostics,
            std::vector<std::string> keys);

  bool ok() const { return ok_; }  // the node was a mapping
  const Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  // Names the mapping in later messages, e.g. "queues[english]" once the name is read.
  void set_path(std::string path) { path_ = std::move(path); }
  std::string field(std::string_view key) const;  // "path.key"

  bool has(const std::string& key) const;
  Node get(const std::string& key) const;   // undefined node when absent
  YAML::Mark mark_of(const std::string& key) const;  // the value's mark (the map's when absent)
  void missing(const std::string& key) const;     // records "missing required key"

  // Scalars; nullopt when absent (with `required`: also an error) or invalid.
  std::optional<std::string> text(const std::string& key, bool required = false) const;
  std::optional<double> number(const std::string& key, Range range, bool required = false) const;
  std::optional<int> count(const std::string& key, int low, int high, bool required = false) const;
  std::optional<double> duration(const std::string& key, Range range, bool required = false) const;
  std::optional<double> fraction(const std::string& key, Range range, bool required = false) const;
  std::optional<bool> flag(const std::string& key) const;
  std::optional<int> time_of_day(const std::string& key, bool required = false) const;
  // Warns when `key` is a bare number below bare_seconds_suspect_below (seconds by
  // the unit rules, probably meant as minutes).
  void warn_bare_seconds(const std::string& key) const;

  // The scalar text of `node`, or nullopt with an error naming `what` when it is
  // a mapping, sequence or null.
  static std::optional<std::string> scalar(const Node& node, const std::string& what,
                                           Diagnostics& diagnostics);

 private:
  std::optional<std::string> scalar_of(const std::string& key, bool required) const;

  Node node_;
  std::string path_;
  Diagnostics& diagnostics_;
  bool ok_ = false;
};

// "mon" .. "sun", in ISO order (Monday = 0).
extern const std::vector<std::string> weekday_names;

// A YAML list of weekday names (`days: [mon, tue]`) -> which days it names.
std::array<bool, 7> read_weekdays(const Node& node, const std::string& what, Diagnostics& diagnostics);

// How read_name_list words its errors: "WHAT: unknown KIND 'x'; did you mean 'y'?"
// (with no close match: " (KNOWN_AS: a, b)", or nothing when KNOWN_AS is empty) and
// "WHAT: KIND 'x' is listed twice"; names from `second_from` on are of
// `second_kind` (the deferrable work after the queues of a site's `queues`).
struct NameListWords {
  std::string kind;
  std::string known_as;
  std::string second_kind = {};
  int second_from = -1;
};

// The entries of the YAML list `list` (already checked to be a non-empty list),
// as indices into `names`, ascending and each once. Unknown names and names listed
// twice are reported. While some name is empty (refused, and reported, where it was
// declared), unknown names are not reported: that one is probably the one meant.
std::vector<int> read_name_list(const Node& list, const std::string& what, const std::vector<std::string>& names,
                                const NameListWords& words, Diagnostics& diagnostics);

// Parses one value with a units parser; on failure records "WHAT: <parser message>".
std::optional<double> parse_duration_at(const Node& node, const std::string& what,
                                        Range range, Diagnostics& diagnostics);
std::optional<double> parse_number_at(const Node& node, const std::string& what, Range range,
                                      Diagnostics& diagnostics);

}  // namespace staffplan::load
