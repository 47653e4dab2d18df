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
enum class PlanView { shifts, intervals, summary, allocation, periods, roster, outsourced, work };

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

// What `plan --compare-interval-goal` adds: the cost of the same plan with every
// goal met interval by interval (SPEC §11), from a second solve.
struct PlanComparison {
  bool requested = false;
  std::optional<double> interval_goal_cost;  // unset when no interval plan exists
};

// `staffplan plan`: the chosen view (json always carries every view; `periods`,
// the day and week service level, only when a queue is measured over day or week).
std::string render_schedule(const Plan& plan, const require::Requirement& requirement,
                            const optimize::Schedule& schedule, PlanView view, Format format,
                            const PlanComparison& comparison = {});

// One plan's summary: the numbers `plan --view summary` and plan's JSON "summary"
// show, computed by the same code (totals over the schedule's shifts and the
// metrics of every interval at its whole productive agents), plus the derived
// figures `compare` shows.
struct SiteSummary {
  std::string name;
  long long agents = 0;
  double paid_hours = 0;
  double cost = 0;
  std::optional<long long> headcount;  // weekly tours (SPEC §8): a site with contracts
  std::optional<double> fte;           // plans with contracts: weekly paid hours / fte_hours
};
struct PlanSummary {
  std::string status;             // optimal, within_gap, time_limit, interrupted
  double cost = 0;                // the objective: paid cost (+ shortfall penalty)
  double paid_cost = 0;
  double shortfall_cost = 0;
  double inhouse_cost = 0;        // agents on shifts (= paid_cost)
  double outsourced_cost = 0;     // bought per minute from outsourcers (SPEC §9)
  double lower_bound = 0;
  double gap = 0;
  long long agents = 0;           // shift starts
  double paid_hours = 0;
  double shortfall_agent_hours = 0;
  double service_level = 1;       // call-weighted over every queue and interval
  std::optional<double> answer_within_s;  // its threshold; none when queues differ
  std::optional<double> p_abandon;        // call-weighted; erlang_a only
  double calls = 0;               // offered, every queue and interval
  double handled_minutes = 0;     // answered calls × their aht (erlang_a: less abandonment), outsourced minutes included
  std::vector<SiteSummary> sites; // in the plan's order
  // Plans with contracts (SPEC §8): tour agents of the sites with contracts, and
  // FTE (weekly paid hours / fte_hours) of every site; unset for daily-shift plans.
  std::optional<long long> headcount;
  std::optional<double> fte;
  double spent() const { return inhouse_cost + outsourced_cost; }  // money, without the penalty
};
PlanSummary summarize_schedule(const Plan& plan, const optimize::Schedule& schedule);

// `staffplan compare`: one column per plan. `summary` is null for a plan that gave
// no result (`failure` says why).
struct ComparedPlan {
  std::string column;  // header: the file name, made unique
  std::string file;    // as given
  std::string name;    // the plan's `name`
  std::optional<PlanSummary> summary;
  std::string failure;
};
std::string render_comparison(const std::vector<ComparedPlan>& plans, Format format);

// `staffplan simulate`: table = intervals, then per-queue and overall totals (and,
// with skill routing, the groups); csv = the chosen view (one header row); json
// always carries every view.
// `periods`: the day or week service level of queues measured over one (SPEC §11).
// `groups`: occupancy per agent group; rows only with skill routing (SPEC §7).
enum class SimulationView { intervals, summary, periods, groups };
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
