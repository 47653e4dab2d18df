#include "load/overrides.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "load/fields.hpp"
#include "load/text_check.hpp"
#include "load/yaml_document.hpp"

namespace staffplan::load {
namespace {

// Longest `--set` argument quoted in full in a message (a long flow list is cut).
constexpr std::size_t max_shown_argument_chars = 160;

struct Parsed {
  std::string path, value;
  std::vector<std::string> parts;
};

// The problem with the form of one argument, or nullopt; fills `parsed` when well formed.
std::optional<std::string> parse_argument(const std::string& argument, Parsed& parsed) {
  if (auto problem = text_problem(argument))
    return fmt::format("this text {}; a --set argument must be valid UTF-8 without control characters", *problem);
  const auto equals = argument.find('=');
  if (equals == std::string::npos)
    return std::string("expected PATH=VALUE, e.g. --set sites.manila.hourly_cost=11");
  parsed.path = argument.substr(0, equals);
  parsed.value = argument.substr(equals + 1);
  if (parsed.path.empty()) return std::string("the path before '=' is empty (expected PATH=VALUE)");
  if (parsed.value.empty())
    return fmt::format("the value after '=' is empty; give the value {} should take", parsed.path);
  std::size_t from = 0;
  while (true) {
    const auto dot = parsed.path.find('.', from);
    parsed.parts.push_back(parsed.path.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
    if (parsed.parts.back().empty())
      return fmt::format("the path '{}' has an empty part (two dots, or a dot at an end)", parsed.path);
    if (dot == std::string::npos) break;
    from = dot + 1;
  }
  return std::nullopt;
}

std::string shown(const std::string& argument) { return quote_excerpt(argument, max_shown_argument_chars); }

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string guess = suggest(word, candidates);
  if (!guess.empty()) return fmt::format("; did you mean '{}'?", guess);
  if (candidates.empty()) return "";
  return fmt::format(" (it has: {})", join(candidates));
}

bool all_digits(const std::string& text) {
  return !text.empty() && text.size() <= 9 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Applier {
 public:
  Applier(Tree& tree, std::size_t k, const std::string& plan_name, Diagnostics& diagnostics)
      : data_(tree.data()), k_(k), plan_name_(plan_name), diagnostics_(diagnostics) {}

  void apply(const Parsed& p) {
    std::int32_t current = 0;  // the root mapping
    for (std::size_t i = 0; i < p.parts.size(); ++i) {
      const bool last = i + 1 == p.parts.size();
      const std::string& part = p.parts[i];
      const std::string where = i == 0 ? fmt::format("the plan {}", plan_name_) : prefix(p, i);
      std::optional<std::size_t> slot;  // index into the container's children
      switch (at(current).kind) {
        case Tree::Kind::map: slot = key_slot(current, part); break;
        case Tree::Kind::sequence: {
          slot = item_slot(current, part, where);
          if (!slot) return;  // reported
          break;
        }
        case Tree::Kind::null: {
          // An empty value (`goal:` with nothing under it) becomes a mapping.
          at(current).kind = Tree::Kind::map;
          at(current).line = override_line(k_);
          at(current).column = 0;
          break;
        }
        case Tree::Kind::scalar:
          diagnostics_.error_at_override(
              k_, fmt::format("{} is a single value ('{}'), so it has no part '{}'", where,
                              quote_excerpt(at(current).text), part));
          return;
      }
      if (!slot) {  // a missing key: created, with any missing mappings on the way
        const std::int32_t value = last ? new_value(p.value) : add(Tree::Kind::map, "");
        if (value < 0) return;  // reported
        const std::int32_t key = add(Tree::Kind::scalar, part);
        at(current).children.push_back(key);
        at(current).children.push_back(value);
        current = value;
        continue;
      }
      if (last) {
        const std::int32_t value = new_value(p.value);
        if (value >= 0) at(current).children[*slot] = value;
        return;
      }
      current = at(current).children[*slot];
    }
  }

 private:
  Tree::Data& at(std::int32_t index) { return data_[static_cast<std::size_t>(index)]; }

  static std::string prefix(const Parsed& p, std::size_t parts) {
    std::string out;
    for (std::size_t i = 0; i < parts; ++i) out += (i ? "." : "") + p.parts[i];
    return out;
  }

  std::int32_t add(Tree::Kind kind, std::string text) {
    const auto index = static_cast<std::int32_t>(data_.size());
    data_.push_back(Tree::Data{kind, override_line(k_), 0, std::move(text), {}});
    return index;
  }

  // Slot of the value of `key` in mapping `map`, or nullopt.
  std::optional<std::size_t> key_slot(std::int32_t map, const std::string& key) {
    const auto& children = at(map).children;
    for (std::size_t c = 0; c + 1 < children.size(); c += 2) {
      const auto& entry = at(children[c]);
      if (entry.kind == Tree::Kind::scalar && entry.text == key) return c + 1;
    }
    return std::nullopt;
  }

  // The `name` of list item `item` when it is a mapping with a scalar name.
  std::optional<std::string> name_of(std::int32_t item) {
    if (at(item).kind != Tree::Kind::map) return std::nullopt;
    const auto slot = key_slot(item, "name");
    if (!slot) return std::nullopt;
    const auto& value = at(at(item).children[*slot]);
    if (value.kind != Tree::Kind::scalar) return std::nullopt;
    return value.text;
  }

  // Slot of the item named `part` (or at index `part`) in list `list`; nullopt
  // with an error recorded when there is none.
  std::optional<std::size_t> item_slot(std::int32_t list, const std::string& part, const std::string& where) {
    const auto& items = at(list).children;
    std::vector<std::string> names;
    for (std::size_t c = 0; c < items.size(); ++c) {
      const auto name = name_of(items[c]);
      if (!name) continue;
      if (*name == part) return c;
      names.push_back(*name);
    }
    if (all_digits(part)) {
      const std::size_t index = std::stoul(part);
      if (index < items.size()) return index;
      diagnostics_.error_at_override(
          k_, items.empty() ? fmt::format("{} is an empty list, so it has no item {}", where, part)
                            : fmt::format("{} has {} item{} (0 to {}), so it has no item {}", where, items.size(),
                                          items.size() == 1 ? "" : "s", items.size() - 1, part));
      return std::nullopt;
    }
    if (names.empty())
      diagnostics_.error_at_override(
          k_, fmt::format("{} is a list without names; select an item by its 0-based index, not '{}'", where, part));
    else
      diagnostics_.error_at_override(k_, fmt::format("{} has no item named '{}'{}", where, part,
                                                     did_you_mean(part, names)));
    return std::nullopt;
  }

  // The node of VALUE: a scalar as written, or a flow list / mapping parsed as YAML.
  // -1 (with an error recorded) when the flow value is not valid YAML.
  std::int32_t new_value(const std::string& value) {
    if (value.front() != '[' && value.front() != '{') return add(Tree::Kind::scalar, value);
    Diagnostics parse_problems("--set");
    const auto parsed = parse_document(value, parse_problems, "--set value");
    if (!parsed || !parsed->root().IsDefined()) {
      const std::string why = parse_problems.errors().empty() ? "it is empty" : parse_problems.errors()[0].message;
      diagnostics_.error_at_override(
          k_, fmt::format("a value starting with '{}' is read as a YAML flow {}, and this one is not valid: {}",
                          value.front(), value.front() == '[' ? "list" : "mapping", why));
      return -1;
    }
    // Graft the parsed nodes, renumbered, every one marked as this override's.
    const auto offset = static_cast<std::int32_t>(data_.size());
    for (std::int32_t index = 0; static_cast<std::size_t>(index) < parsed->data().size(); ++index) {
      Tree::Data node = parsed->at(index);
      node.line = override_line(k_);
      node.column = 0;
      for (auto& child : node.children) child += offset;
      data_.push_back(std::move(node));
    }
    return offset;
  }

  std::vector<Tree::Data>& data_;
  std::size_t k_;
  const std::string& plan_name_;
  Diagnostics& diagnostics_;
};

}  // namespace

std::vector<Diagnostic> check_override_syntax(const std::vector<std::string>& arguments) {
  std::vector<Diagnostic> problems;
  for (const auto& argument : arguments) {
    Parsed parsed;
    if (auto problem = parse_argument(argument, parsed))
      problems.push_back(Diagnostic{"--set " + shown(argument), 0, 0, Diagnostic::Severity::error, *problem});
  }
  return problems;
}

std::vector<std::string> shown_overrides(const std::vector<std::string>& arguments) {
  std::vector<std::string> out;
  for (const auto& argument : arguments) out.push_back(shown(argument));
  return out;
}

void apply_overrides(Tree& tree, const std::vector<std::string>& arguments, const std::string& plan_name,
                     Diagnostics& diagnostics) {
  if (tree.data().empty()) return;
  for (std::size_t k = 0; k < arguments.size(); ++k) {
    Parsed parsed;
    if (auto problem = parse_argument(arguments[k], parsed)) {
      diagnostics.error_at_override(k, *problem);
      continue;
    }
    Applier(tree, k, plan_name, diagnostics).apply(parsed);
  }
}

}  // namespace staffplan::load
