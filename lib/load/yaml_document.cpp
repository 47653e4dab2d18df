#include "load/yaml_document.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace staffplan::load {
namespace {

// Thrown by the pre-scan at the first construct the loader refuses.
struct Refused {
  YAML::Mark mark;
  std::string message;
};

// Walks parser events only: counts documents, tracks nesting, refuses aliases.
class PreScan : public YAML::EventHandler {
 public:
  int documents = 0;

  YAML::Mark first_document, second_document;  // where they start

  void OnDocumentStart(const YAML::Mark& mark) override {
    (++documents == 1 ? first_document : second_document) = mark;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Refused{mark, "YAML aliases (*name) are not allowed in plan files"};
  }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    enter(mark);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    enter(mark);
  }
  void OnMapEnd() override { --depth_; }

 private:
  void enter(const YAML::Mark& mark) {
    if (++depth_ > max_plan_depth)
      throw Refused{mark, fmt::format("YAML nested more than {} levels deep; a plan needs far fewer",
                                      max_plan_depth)};
  }
  int depth_ = 0;
};

}  // namespace

std::optional<std::string> read_plan_file(const std::string& path, Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    diagnostics.error(SourcePos{}, "cannot open the plan file: no such file");
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    diagnostics.error(SourcePos{}, "cannot read the plan file: it is a directory");
    return std::nullopt;
  }
  const auto size = fs::is_regular_file(status) ? fs::file_size(path, ec) : 0;
  if (!ec && size > max_plan_bytes) {
    diagnostics.error(SourcePos{}, fmt::format("plan file is {} bytes; the limit is {} bytes (64 MiB)",
                                               size, max_plan_bytes));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error(SourcePos{}, "cannot open the plan file: permission denied or unreadable");
    return std::nullopt;
  }
  // Read at most one byte past the limit, so a pipe or growing file cannot exhaust memory.
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_plan_bytes) {
      diagnostics.error(SourcePos{}, fmt::format("plan file is larger than the limit of {} bytes (64 MiB)",
                                                 max_plan_bytes));
      return std::nullopt;
    }
  }
  if (in.bad()) {
    diagnostics.error(SourcePos{}, "cannot read the plan file: I/O error");
    return std::nullopt;
  }
  return text;
}

std::optional<YAML::Node> parse_plan_text(const std::string& text, Diagnostics& diagnostics) {
  if (text.size() > max_plan_bytes) {
    diagnostics.error(SourcePos{}, fmt::format("plan text is larger than the limit of {} bytes (64 MiB)",
                                               max_plan_bytes));
    return std::nullopt;
  }
  if (text.find('\0') != std::string::npos) {
    diagnostics.error(SourcePos{1, 1}, "not a YAML plan file: it contains NUL bytes (binary data?)");
    return std::nullopt;
  }
  YAML::Node root;
  try {
    std::istringstream scan_stream(text);
    YAML::Parser parser(scan_stream);
    PreScan scan;
    // Stop at the second document: a plan has one, and on some malformed input
    // yaml-cpp 0.7 yields empty documents forever without consuming any text
    // (fuzz finding, the same bug as yaml-cpp's LoadAll loop, upstream PR 1319).
    while (scan.documents < 2 && parser.HandleNextDocument(scan)) {
    }
    if (scan.documents > 1 && scan.second_document.pos == scan.first_document.pos) {
      diagnostics.error(scan.first_document, "not valid YAML: cannot parse the text from here on");
      return std::nullopt;
    }
    if (scan.documents > 1) {
      diagnostics.error(scan.second_document, "expected one YAML document, but a second one starts here");
      return std::nullopt;
    }
    root = YAML::Load(text);
  } catch (const Refused& refused) {
    diagnostics.error(refused.mark, refused.message);
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    diagnostics.error(e.mark, fmt::format("not valid YAML: {}", e.msg));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diagnostics.error(e.mark, fmt::format("not valid YAML: {}", e.msg));
    return std::nullopt;
  }
  if (!root.IsDefined() || root.IsNull()) {
    diagnostics.error(SourcePos{1, 1}, "the plan file is empty (expected a mapping starting with 'version: 1')");
    return std::nullopt;
  }
  if (!root.IsMap()) {
    diagnostics.error(root, "expected a mapping of plan keys (version, timezone, queues, ...) at the top level");
    return std::nullopt;
  }
  return root;
}

}  // namespace staffplan::load
