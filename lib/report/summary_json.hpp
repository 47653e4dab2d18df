#pragma once
// The summary figures that `plan -f json` and `compare -f json` both print, with
// one set of keys, one order and one rounding, so that a compare column reads
// exactly like the summary of a separate `plan` run.
#include "report/report.hpp"
#include "report/writer.hpp"

namespace staffplan::report::detail {

// cost … p_abandon as keys of the object being written. `outsourcing` adds
// inhouse_cost and outsourced_cost (plan prints them only for plans that buy).
void write_summary_figures(JsonWriter& j, const PlanSummary& s, bool outsourcing);

// "sites": [...] with agents, paid hours and cost, plus headcount and FTE for
// plans with weekly tours.
void write_site_summaries(JsonWriter& j, const PlanSummary& s);

}  // namespace staffplan::report::detail
