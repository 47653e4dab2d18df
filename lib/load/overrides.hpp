#pragma once
// `--set PATH=VALUE` (SPEC §12): what-if edits of a plan's YAML tree, made after
// parsing and before the sections read it, so an overridden value goes through
// exactly the checks a value written in the file goes through. Every node an
// override writes carries override_line(k) (yaml_tree.hpp), so a problem with it
// is reported at the `--set` argument, not at a file line that does not hold it.
//
// PATH is dot-separated. In a mapping a part is a key; in a list a part is the
// `name` of an item (`sites.manila`) or its 0-based index (`queues.0`,
// `forecast.volumes.3`). A missing key is created, with any missing mappings on the
// way (the loader then checks it like any key of the file: a typo gets its "unknown
// key ... did you mean" error). List items are never created. VALUE is taken as
// written (no YAML quoting); one starting with `[` or `{` is a YAML flow list or
// mapping (`--set sites.manila.shifts.day.days=[mon,tue]`).
#include <cstddef>
#include <string>
#include <vector>

#include "load/diagnostics.hpp"
#include "load/yaml_tree.hpp"

namespace staffplan::load {

// Applies `arguments` ("PATH=VALUE" each, as given on the command line) to `tree`
// in order (a later one wins). Problems are recorded in `diagnostics`, at the
// argument; `plan_name` names the plan in "not found" messages. Call
// diagnostics.set_overrides(shown_overrides(arguments)) first.
void apply_overrides(Tree& tree, const std::vector<std::string>& arguments, const std::string& plan_name,
                     Diagnostics& diagnostics);

// Only the form of each argument (PATH=VALUE, no empty part, text rules): the
// problems, in order, each naming its argument. Empty when all are well formed.
std::vector<Diagnostic> check_override_syntax(const std::vector<std::string>& arguments);

// The arguments as messages show them ("--set " + this): cut when very long.
std::vector<std::string> shown_overrides(const std::vector<std::string>& arguments);

}  // namespace staffplan::load
