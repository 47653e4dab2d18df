#pragma once
// Reading a queue's opening hours (`open`, SPEC §12): the plain form
// "07:00-22:00" (every day) or per weekday { mon-fri: "07:00-22:00", sat: ... }.
#include <optional>
#include <string>

#include "load/diagnostics.hpp"
#include "load/yaml_tree.hpp"
#include "model/plan.hpp"

namespace staffplan::load {

// The opening hours at `node`, or nullopt after recording every problem (bad
// weekday names or ranges, a day listed twice, overnight hours running into the
// next day's).
std::optional<OpenHours> read_open_hours(const Node& node, const std::string& what, Diagnostics& diagnostics);

}  // namespace staffplan::load
