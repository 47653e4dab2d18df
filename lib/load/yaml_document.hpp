#pragma once
// Reading a plan file into a YAML tree, defensively: a size cap checked before
// reading, and a single pass over yaml-cpp's parser events that rejects aliases
// (plan files have no use for them, and they are how "billion laughs" documents
// explode) and absurd nesting while it builds the tree.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "load/diagnostics.hpp"
#include "load/yaml_tree.hpp"

namespace staffplan::load {

// Plan files above this size are refused before reading (a year of 15-minute
// volumes for ten queues is about 2 MiB).
inline constexpr std::uintmax_t max_plan_bytes = 64u << 20;
// Deepest nesting of mappings/sequences accepted (a plan needs 5).
inline constexpr int max_plan_depth = 32;

// The file's text, or nullopt with an error recorded (missing, unreadable, too large);
// "-" is standard input, under the same cap. `what` names the file in messages.
std::optional<std::string> read_plan_file(const std::string& path, Diagnostics& diagnostics,
                                          const std::string& what = "plan file");

// The tree of any YAML (or JSON) text, under the same defences (size cap, no NUL
// bytes, no aliases, bounded nesting, one document), or null with an error recorded.
// The root may be anything, even undefined (empty text). `what` names the text in
// messages ("YAML plan file"), `syntax` the language ("YAML", "JSON"). With
// `check_text`, text that is not valid UTF-8 or holds control characters is
// refused (plan files); without, the caller quotes such text escaped.
std::unique_ptr<Tree> parse_document(const std::string& text, Diagnostics& diagnostics,
                                     const std::string& what, const std::string& syntax = "YAML",
                                     bool check_text = true);

// The tree of a plan's text whose root is a mapping, or null with an error recorded
// (empty, not YAML, several documents, aliases, too deep, not a mapping).
std::unique_ptr<Tree> parse_plan_text(const std::string& text, Diagnostics& diagnostics);

}  // namespace staffplan::load
