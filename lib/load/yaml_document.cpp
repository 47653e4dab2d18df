#include "load/yaml_document.hpp"

#include "load/bounded_read.hpp"
#include "load/text_check.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

namespace staffplan::load {
namespace {

// Bad texts reported one by one before "N more"; a binary file would give thousands.
constexpr std::size_t max_text_errors = 20;

// Thrown at the first construct the loader refuses.
struct Refused {
  YAML::Mark mark;
  std::string message;
};

// Builds the Tree from parser events: counts documents, tracks nesting, refuses aliases.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(Tree& tree) : tree_(tree) {}
  int documents = 0;
  std::vector<Refused> bad_text;  // scalars that break the text rules (text_check.hpp)

  void OnDocumentStart(const YAML::Mark& mark) override {
    // On text it cannot parse (e.g. a leading ','), yaml-cpp 0.7 yields empty documents
    // forever without moving on (fuzz finding; upstream PR 1319): a second document
    // starting where the first did is that, not a real second document.
    if (++documents == 1) first_document_ = mark;
    else if (mark.pos == first_document_.pos)
      throw Refused{mark, "not valid YAML: cannot parse the text from here on"};
    else
      throw Refused{{}, ""};  // reported by the caller with the count
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { add(Tree::Kind::null, mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Refused{mark, "YAML aliases (*name) are not allowed in plan files"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string& value) override {
    // Every scalar (names, keys, values) may end up in output or in a message:
    // text that is not UTF-8 or carries control characters is refused here, once.
    if (auto problem = text_problem(value)) bad_text.push_back({mark, std::move(*problem)});
    tree_.data()[static_cast<std::size_t>(add(Tree::Kind::scalar, mark))].text = value;
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    enter(add(Tree::Kind::sequence, mark), mark);
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    enter(add(Tree::Kind::map, mark), mark);
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  std::int32_t add(Tree::Kind kind, const YAML::Mark& mark) {
    auto& data = tree_.data();
    const auto index = static_cast<std::int32_t>(data.size());
    data.push_back(Tree::Data{kind, mark.line, mark.column, {}, {}});
    if (!open_.empty()) data[static_cast<std::size_t>(open_.back())].children.push_back(index);
    return index;
  }
  void enter(std::int32_t index, const YAML::Mark& mark) {
    if (static_cast<int>(open_.size()) + 1 > max_plan_depth)
      throw Refused{mark, fmt::format("YAML nested more than {} levels deep; a plan needs far fewer",
                                      max_plan_depth)};
    open_.push_back(index);
  }
  Tree& tree_;
  YAML::Mark first_document_;
  std::vector<std::int32_t> open_;  // containers being filled, innermost last
};

}  // namespace

std::optional<std::string> read_plan_file(const std::string& path, Diagnostics& diagnostics,
                                          const std::string& what) {
  namespace fs = std::filesystem;
  std::string text;
  BoundedRead result = BoundedRead::ok;
  if (path == "-") {
    result = read_at_most(std::cin, max_plan_bytes, text);  // standard input, same cap
  } else {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.error(SourcePos{}, fmt::format("cannot open the {}: no such file", what));
      return std::nullopt;
    }
    if (fs::is_directory(status)) {
      diagnostics.error(SourcePos{}, fmt::format("cannot read the {}: it is a directory", what));
      return std::nullopt;
    }
    const auto size = fs::is_regular_file(status) ? fs::file_size(path, ec) : 0;
    if (!ec && size > max_plan_bytes) {
      diagnostics.error(SourcePos{}, fmt::format("{} is {} bytes; the limit is {} bytes (64 MiB)", what,
                                                 size, max_plan_bytes));
      return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      diagnostics.error(SourcePos{}, fmt::format("cannot open the {}: permission denied or unreadable", what));
      return std::nullopt;
    }
    // A pipe or growing file has no size to check up front.
    result = read_at_most(in, max_plan_bytes, text);
  }
  switch (result) {
    case BoundedRead::too_large:
      diagnostics.error(SourcePos{}, fmt::format("{} is larger than the limit of {} bytes (64 MiB)", what,
                                                 max_plan_bytes));
      return std::nullopt;
    case BoundedRead::io_error:
      diagnostics.error(SourcePos{}, fmt::format("cannot read the {}: I/O error", what));
      return std::nullopt;
    case BoundedRead::ok: break;
  }
  return text;
}

std::unique_ptr<Tree> parse_document(const std::string& text, Diagnostics& diagnostics,
                                     const std::string& what, const std::string& syntax, bool check_text) {
  if (text.size() > max_plan_bytes) {
    diagnostics.error(SourcePos{}, fmt::format("{} is larger than the limit of {} bytes (64 MiB)", what,
                                               max_plan_bytes));
    return nullptr;
  }
  if (text.find('\0') != std::string::npos) {
    diagnostics.error(SourcePos{1, 1}, fmt::format("not a {}: it contains NUL bytes (binary data?)", what));
    return nullptr;
  }
  auto tree = std::make_unique<Tree>();
  TreeBuilder builder(*tree);
  try {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Refused& refused) {
    if (refused.message.empty())
      diagnostics.error(SourcePos{1, 1}, "expected one YAML document, found several (separated by ---)");
    else
      diagnostics.error(refused.mark, refused.message);
    return nullptr;
  } catch (const YAML::Exception& e) {
    diagnostics.error(e.mark, fmt::format("not valid {}: {}", syntax, e.msg));
    return nullptr;
  }
  if (check_text && !builder.bad_text.empty()) {
    // Stop here: later messages would quote these texts.
    const std::size_t shown = std::min(builder.bad_text.size(), max_text_errors);
    for (std::size_t k = 0; k < shown; ++k)
      diagnostics.error(builder.bad_text[k].mark,
                        fmt::format("this text {}; names and other text in a plan must be valid UTF-8 "
                                    "without control characters",
                                    builder.bad_text[k].message));
    if (builder.bad_text.size() > shown)
      diagnostics.error(SourcePos{}, fmt::format("{} more texts with the same problem not shown",
                                                 builder.bad_text.size() - shown));
    return nullptr;
  }
  return tree;
}

std::unique_ptr<Tree> parse_plan_text(const std::string& text, Diagnostics& diagnostics) {
  auto tree = parse_document(text, diagnostics, "YAML plan file");
  if (!tree) return nullptr;
  const Node root = tree->root();
  if (!root.IsDefined() || root.IsNull()) {
    diagnostics.error(SourcePos{1, 1}, "the plan file is empty (expected a mapping starting with 'version: 1')");
    return nullptr;
  }
  if (!root.IsMap()) {
    diagnostics.error(root.Mark(), "expected a mapping of plan keys (version, timezone, queues, ...) at the top level");
    return nullptr;
  }
  return tree;
}

}  // namespace staffplan::load
