#include "load/yaml_tree.hpp"

namespace staffplan::load {
namespace {
const std::string empty_text;
}

bool Node::IsNull() const { return tree_ && tree_->at(index_).kind == Tree::Kind::null; }
bool Node::IsScalar() const { return tree_ && tree_->at(index_).kind == Tree::Kind::scalar; }
bool Node::IsSequence() const { return tree_ && tree_->at(index_).kind == Tree::Kind::sequence; }
bool Node::IsMap() const { return tree_ && tree_->at(index_).kind == Tree::Kind::map; }

const std::string& Node::Scalar() const { return IsScalar() ? tree_->at(index_).text : empty_text; }

YAML::Mark Node::Mark() const {
  if (!tree_) return YAML::Mark::null_mark();
  YAML::Mark mark;
  mark.line = tree_->at(index_).line;
  mark.column = tree_->at(index_).column;
  return mark;
}

std::size_t Node::size() const {
  if (IsSequence()) return tree_->at(index_).children.size();
  if (IsMap()) return tree_->at(index_).children.size() / 2;
  return 0;
}

Node Node::operator[](std::size_t item) const {
  if (!IsSequence() || item >= size()) return {};
  return {tree_, tree_->at(index_).children[item]};
}

Node Node::operator[](const std::string& key) const {
  if (!IsMap()) return {};
  const auto& children = tree_->at(index_).children;
  for (std::size_t k = 0; k + 1 < children.size(); k += 2) {
    const auto& entry = tree_->at(children[k]);
    if (entry.kind == Tree::Kind::scalar && entry.text == key) return {tree_, children[k + 1]};
  }
  return {};
}

Node Node::key_at(std::size_t entry) const {
  if (!IsMap() || entry >= size()) return {};
  return {tree_, tree_->at(index_).children[2 * entry]};
}

Node Node::value_at(std::size_t entry) const {
  if (!IsMap() || entry >= size()) return {};
  return {tree_, tree_->at(index_).children[2 * entry + 1]};
}

}  // namespace staffplan::load
