#pragma once
// Reports: results -> text (table for people, RFC 4180 CSV, JSON). Pure functions
// that return the whole document as a string; the CLI decides where it goes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "optimize/optimize.hpp"
#include "queueing/queueing.hpp"
#include "require/require.hpp"
#include "simulate/simulate.hpp"

namespace staffplan::report {

enum class Format { table, csv, json };
enum class PlanView { shifts, intervals, summary, allocation, outsourced };

// `staffplan erlang`: one interval. `scheduled` is after shrinkage.
std::string render_erlang(const queueing::Load& load, const queueing::Metrics& metrics,
                          int scheduled, Format format);

// `staffplan erlang --agents A..B`: the what-if curve, one row per staffing level.
// CSV rows are exactly the rows separate `--agents N` runs print; JSON is
// {"rows": [...]} with each row the object a separate run prints.
std::string render_erlang_range(const queueing::Load& load, const std::vector<queueing::Metrics>& rows,
                                const std::vector<int>& scheduled, Format format);

// `staffplan erlang --trunks`: Erlang B line sizing (blocked calls are lost, not
// queued). One row, or one per line count for a range; `max_blocking` is the
// target when the lines were searched for it.
struct TrunkRow {
  int lines = 0;
  double blocking = 0;
};
std::string render_trunks(const queueing::Load& load, const std::vector<TrunkRow>& rows,
                          std::optional<double> max_blocking, bool range, Format format);

// `staffplan require`: per interval and queue, plus totals in the table view.
std::string render_requirement(const Plan& plan, const require::Requirement& requirement,
                               Format format);

// `staffplan plan`: the chosen view (json always carries every view).
std::string render_schedule(const Plan& plan, const require::Requirement& requirement,
                            const optimize::Schedule& schedule, PlanView view, Format format);

// `staffplan simulate`: table = intervals, then per-queue and overall totals; csv =
// the chosen view (one header row); json always carries both.
enum class SimulationView { intervals, summary };
// For a plan with outsourcers (SPEC §9) `plan` carries only the calls kept
// in-house, and the report says that `outsourced_calls` were not simulated.
std::string render_simulation(const Plan& plan, const simulate::Result& result, Format format,
                              SimulationView view = SimulationView::intervals, double outsourced_calls = 0);

// `--chart FILE.svg` (chart.cpp): a self-contained SVG, one panel per queue over the
// horizon; every plotted series is also in data-* attributes with the numbers the
// text reports print.
std::string chart_requirement(const Plan& plan, const require::Requirement& requirement);
std::string chart_schedule(const Plan& plan, const require::Requirement& requirement,
                           const optimize::Schedule& schedule);
std::string chart_simulation(const Plan& plan, const simulate::Result& result);

}  // namespace staffplan::report
