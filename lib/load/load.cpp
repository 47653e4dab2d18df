#include "load/load.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <limits>

#include "load/diagnostics.hpp"
#include "load/fields.hpp"
#include "load/overrides.hpp"
#include "load/sections.hpp"
#include "load/yaml_document.hpp"
#include "units/units.hpp"

namespace staffplan::load {
namespace {

const std::vector<std::string> plan_keys = {"version", "name",     "timezone",  "start", "days",
                                            "interval", "cyclic",  "model",     "patience",
                                            "shrinkage", "goal",   "queues",    "sites",
                                            "csv",     "fte_hours", "outsourcers", "work"};

void read_model(const MapReader& top, Plan& plan, Diagnostics& diagnostics) {
  if (const auto model = top.text("model")) {
    if (*model == "erlang_c")
      plan.model = QueueModel::erlang_c;
    else if (*model == "erlang_a")
      plan.model = QueueModel::erlang_a;
    else {
      const std::string guess = suggest(*model, {"erlang_c", "erlang_a"});
      diagnostics.error(top.get("model"),
                        fmt::format("unknown model '{}'{}", *model,
                                    guess.empty() ? " (expected erlang_c or erlang_a)"
                                                  : fmt::format("; did you mean '{}'?", guess)));
    }
  }
  const double inf = std::numeric_limits<double>::infinity();
  plan.patience_s = top.duration("patience", {0, inf, false, false});
  top.warn_bare_seconds("patience");
  if (plan.model == QueueModel::erlang_a && !plan.patience_s && !top.has("patience"))
    diagnostics.error(top.get("model"), "model erlang_a needs patience (mean time callers wait before hanging up, e.g. patience: 2m)");
  if (plan.model == QueueModel::erlang_c) plan.patience_s.reset();
}

// Calls forecast while a queue is closed still get agents, but the analyst
// probably made a mistake: one warning per queue, naming the first such interval.
void warn_calls_outside_open_hours(const Plan& plan, Diagnostics& diagnostics) {
  for (const auto& queue : plan.queues) {
    if (!queue.open) continue;
    int count = 0, first = -1;
    for (int i = 0; i < static_cast<int>(queue.calls.size()); ++i) {
      if (queue.calls[static_cast<std::size_t>(i)] <= 0) continue;
      if (queue.open_at(plan.horizon, i)) continue;
      if (count++ == 0) first = i;
    }
    if (count == 0) continue;
    diagnostics.warning(queue.pos, fmt::format("queue '{}' has calls in {} interval{} outside its opening hours "
                                               "{} (first at {}); agents are computed for them anyway",
                                               queue.name, count, count == 1 ? "" : "s",
                                               queue.open->text,
                                               interval_timestamp(plan.horizon, first)));
  }
}

Plan read_plan(const Node& root, const std::string& file_name, Diagnostics& diagnostics) {
  Plan plan;
  plan.file = file_name;
  const MapReader top(root, "plan", diagnostics, plan_keys);
  if (const auto version = top.text("version", true); version && *version != "1")
    diagnostics.error(top.get("version"), fmt::format("version must be 1 (the only plan format), got {}", *version));
  plan.name = top.text("name").value_or("");

  PlanClock clock = read_horizon(top, plan.horizon, diagnostics);
  clock.folder = std::filesystem::path(file_name).parent_path().string();

  read_model(top, plan, diagnostics);
  plan.shrinkage = top.fraction("shrinkage", {0, 1, true, false}).value_or(0);
  if (top.has("goal")) plan.goal = read_goal(top.get("goal"), "goal", diagnostics);
  if (plan.model == QueueModel::erlang_c) plan.goal.max_abandon.reset();
  read_queues(top, plan, clock, diagnostics);
  read_shared_forecast(top, plan, clock, diagnostics);
  read_work(top, plan, clock, diagnostics);
  read_sites(top, plan, clock, diagnostics);
  // Paid hours a week of one full-time equivalent (SPEC §8): at most the week's 168 h.
  if (const auto fte = top.duration("fte_hours", {0, std::numeric_limits<double>::infinity(), false, false})) {
    if (*fte > 7 * 86400.0)
      diagnostics.error(top.get("fte_hours"),
                        fmt::format("fte_hours must be at most 168h (a week), got {}", top.get("fte_hours").Scalar()));
    else
      plan.fte_hours = *fte / 3600;
  }
  read_outsourcers(top, plan, diagnostics);
  if (!plan.sites.empty()) check_work_taken(plan, diagnostics);
  if (!diagnostics.has_errors()) warn_calls_outside_open_hours(plan, diagnostics);
  return plan;
}

Plan finish(Diagnostics& diagnostics, const std::unique_ptr<Tree>& tree, const std::string& file_name,
            const std::vector<std::string>& overrides, std::vector<Diagnostic>* warnings) {
  diagnostics.throw_if_errors();
  // A --set whose path is wrong is reported with every problem of the file itself.
  apply_overrides(*tree, overrides, file_name, diagnostics);
  Plan plan = read_plan(tree->root(), file_name, diagnostics);
  diagnostics.throw_if_errors();
  if (warnings)
    warnings->insert(warnings->end(), diagnostics.warnings().begin(), diagnostics.warnings().end());
  return plan;
}

}  // namespace

void check_overrides(const std::vector<std::string>& overrides) {
  if (auto problems = check_override_syntax(overrides); !problems.empty()) throw InputError(std::move(problems));
}

Plan load_plan(const std::string& path, std::vector<Diagnostic>* warnings,
               const std::vector<std::string>& overrides) {
  check_overrides(overrides);
  // "-" is standard input; its relative csv paths are relative to the current folder.
  const std::string name = path == "-" ? "<stdin>" : path;
  Diagnostics diagnostics(name);
  diagnostics.set_overrides(shown_overrides(overrides));
  const auto text = read_plan_file(path, diagnostics);
  if (!text) diagnostics.throw_if_errors();
  const auto root = parse_plan_text(*text, diagnostics);
  return finish(diagnostics, root, name, overrides, warnings);
}

Plan load_plan_text(const std::string& text, const std::string& file_name, std::vector<Diagnostic>* warnings,
                    const std::vector<std::string>& overrides) {
  check_overrides(overrides);
  Diagnostics diagnostics(file_name);
  diagnostics.set_overrides(shown_overrides(overrides));
  const auto root = parse_plan_text(text, diagnostics);
  return finish(diagnostics, root, file_name, overrides, warnings);
}

}  // namespace staffplan::load
