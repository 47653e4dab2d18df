#pragma once
// A JSON document (JSON is YAML) read into the loader's tree, for tests that check
// staffplan's JSON output field by field; numbers stay their text. Header-only: the
// test executables link the library, the support library does not.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "load/diagnostics.hpp"
#include "load/yaml_document.hpp"

namespace staffplan::testing {

struct Json {
  std::unique_ptr<load::Tree> tree;
  load::Node root() const { return tree->root(); }
};

inline Json parse_json(const std::string& text) {
  load::Diagnostics diagnostics("json");
  Json json{load::parse_document(text, diagnostics, "JSON output", "JSON", false)};
  EXPECT_TRUE(json.tree) << text;
  return json;
}

}  // namespace staffplan::testing
