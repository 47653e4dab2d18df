#pragma once
// The progress line only ever improves. Each solver phase reports its own view: a
// search sub-problem that cannot start from the plan has none yet, and a later CBC
// run restarts from the LP's bound. Shown as they come, the line went from
// "best 44192 bound 43928" to "best -" and then to "bound 43722" on the
// follow-the-sun week. Filtered, it shows the cheapest plan reported so far and the
// highest bound (every phase reports a valid one, never above the plan), and the gap
// between them.
#include <optional>

#include "optimize/deadline_run.hpp"

namespace staffplan::optimize {

// `report` behind the filter; an empty callback stays empty. For one solve: a
// horizon planned week by week reports a cost that grows with each week planned,
// and does not go through it.
ProgressCallback only_improving(ProgressCallback report);

}  // namespace staffplan::optimize
