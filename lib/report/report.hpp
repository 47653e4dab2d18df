#pragma once
// Reports: results -> text (table for people, RFC 4180 CSV, JSON). Pure functions
// that return the whole document as a string; the CLI decides where it goes.
#include <optional>
#include <string>
#include <string_view>

#include "model/plan.hpp"
#include "optimize/optimize.hpp"
#include "queueing/queueing.hpp"
#include "require/require.hpp"
#include "simulate/simulate.hpp"

namespace staffplan::report {

enum class Format { table, csv, json };
enum class PlanView { shifts, intervals, summary, allocation };

// `staffplan erlang`: one interval. `scheduled` is after shrinkage.
std::string render_erlang(const queueing::Load& load, const queueing::Metrics& metrics,
                          int scheduled, Format format);

// `staffplan require`: per interval and queue, plus totals in the table view.
std::string render_requirement(const Plan& plan, const require::Requirement& requirement,
                               Format format);

// `staffplan plan`: the chosen view (json always carries every view).
std::string render_schedule(const Plan& plan, const require::Requirement& requirement,
                            const optimize::Schedule& schedule, PlanView view, Format format);

// `staffplan simulate`: table = intervals, then per-queue and overall totals; csv =
// the chosen view (one header row); json always carries both.
enum class SimulationView { intervals, summary };
std::string render_simulation(const Plan& plan, const simulate::Result& result, Format format,
                              SimulationView view = SimulationView::intervals);

}  // namespace staffplan::report
