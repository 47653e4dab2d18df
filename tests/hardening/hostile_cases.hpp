#pragma once
// The hostile-input cases of tests/data/hostile/cases.txt, shared by the hostile test.
// A line is "name | expected exit code | staffplan arguments"; "# -- Section" lines
// group them.
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/run_cli.hpp"

namespace staffplan::testing {

struct HostileCase {
  std::string section;  // e.g. "YAML that attacks the parser"
  std::string name;
  int expected_exit = 0;
  std::vector<std::string> args;  // still holding $H, $G, $T
};

namespace detail {

inline std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace detail

inline std::vector<HostileCase> read_hostile_cases(const std::string& path) {
  std::vector<HostileCase> cases;
  std::istringstream in(read_file(path));
  std::string line, section;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("# -- ", 0) == 0) {
      section = detail::trim(line.substr(5));
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    const auto bar1 = line.find(" | ");
    const auto bar2 = bar1 == std::string::npos ? bar1 : line.find(" | ", bar1 + 3);
    if (bar2 == std::string::npos)
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected 'name | exit | args'");
    HostileCase c;
    c.section = section;
    c.name = detail::trim(line.substr(0, bar1));
    c.expected_exit = std::stoi(line.substr(bar1 + 3, bar2 - bar1 - 3));
    std::istringstream words(line.substr(bar2 + 3));
    for (std::string word; words >> word;) c.args.push_back(word);
    cases.push_back(std::move(c));
  }
  return cases;
}

inline std::vector<std::string> hostile_sections(const std::vector<HostileCase>& cases) {
  std::vector<std::string> sections;
  for (const auto& c : cases)
    if (sections.empty() || sections.back() != c.section) sections.push_back(c.section);
  return sections;
}

}  // namespace staffplan::testing
