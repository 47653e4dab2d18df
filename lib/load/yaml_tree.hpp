#pragma once
// A light, read-only YAML tree built in one pass from yaml-cpp parser events.
// yaml-cpp's own node graph costs a second scan (for the alias/depth pre-check)
// plus a pool of shared nodes; a year of 15-minute volumes is 100 000+ scalars, so
// the loader keeps only what it reads: kind, text, position, children. The method
// names follow YAML::Node so the section readers read like yaml-cpp code.
#include <yaml-cpp/mark.h>

#include <cstdint>
#include <string>
#include <vector>

namespace staffplan::load {

class Tree;

// Nodes written by `--set PATH=VALUE` (load/overrides.hpp) have no place in the file:
// the k-th override's nodes carry line override_line(k), a negative line, and
// Diagnostics reports a problem found there at the `--set` argument instead.
inline constexpr int override_line(std::size_t k) { return -2 - static_cast<int>(k); }
inline constexpr bool is_override_line(int line) { return line <= -2; }
inline constexpr std::size_t override_index(int line) { return static_cast<std::size_t>(-2 - line); }

class Node {
 public:
  Node() = default;  // undefined: a key that is absent
  Node(const Tree* tree, std::int32_t index) : tree_(tree), index_(index) {}

  bool IsDefined() const { return tree_ != nullptr; }
  bool IsNull() const;
  bool IsScalar() const;
  bool IsSequence() const;
  bool IsMap() const;
  const std::string& Scalar() const;  // "" unless a scalar
  YAML::Mark Mark() const;            // 0-based, like yaml-cpp; null mark when undefined

  // Sequence items or mapping entries.
  std::size_t size() const;
  Node operator[](std::size_t item) const;        // sequence item
  Node operator[](const std::string& key) const;  // first entry with this key, or undefined
  Node key_at(std::size_t entry) const;           // mapping entry's key
  Node value_at(std::size_t entry) const;         // mapping entry's value

  class iterator {  // over sequence items
   public:
    iterator(const Node& parent, std::size_t at) : parent_(parent), at_(at) {}
    Node operator*() const { return parent_[at_]; }
    iterator& operator++() { ++at_; return *this; }
    bool operator!=(const iterator& other) const { return at_ != other.at_; }

   private:
    const Node& parent_;
    std::size_t at_;
  };
  iterator begin() const { return {*this, 0}; }
  iterator end() const { return {*this, IsSequence() ? size() : 0}; }

 private:
  const Tree* tree_ = nullptr;
  std::int32_t index_ = 0;
};

// Owns every node of one document; Nodes point into it and must not outlive it.
class Tree {
 public:
  enum class Kind : std::uint8_t { null, scalar, sequence, map };
  struct Data {
    Kind kind = Kind::null;
    int line = 0, column = 0;            // 0-based
    std::string text;                    // scalars
    std::vector<std::int32_t> children;  // sequence items, or key, value, key, value...
  };

  Node root() const { return data_.empty() ? Node() : Node(this, 0); }
  const Data& at(std::int32_t index) const { return data_[static_cast<std::size_t>(index)]; }
  std::vector<Data>& data() { return data_; }

 private:
  std::vector<Data> data_;
};

}  // namespace staffplan::load
