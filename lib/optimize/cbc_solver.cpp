#include "optimize/cbc_solver.hpp"

#include "optimize/cbc_end.hpp"
#include "optimize/clp_load.hpp"
#include "optimize/deadline_run.hpp"
#include "optimize/limits.hpp"
#include "optimize/seat_counts.hpp"
#include "optimize/stall_watch.hpp"

#include <coin/CbcEventHandler.hpp>
#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/ClpSolve.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace staffplan::optimize {
namespace {

using detail::relative_gap;
using detail::seconds_since;

// Shared by the handler and the clones CBC makes of it.
struct EventState {
  const SolveOptions* options = nullptr;
  std::chrono::steady_clock::time_point started;
  double time_limit_s = 0;
  double start_cost = 0;       // the start CBC was given (+inf without one)
  double offset = 0;           // MipLimits::objective_offset
  std::optional<double> global_bound;
  double last_report = -1;
  bool interrupted = false;
  bool out_of_time = false;
  std::optional<detail::StallWatch> stall;  // MipLimits::stall_seconds
  int root_vars = 0;           // > 0: keep the first node's LP over this many variables
  std::vector<double> root_x;
  std::optional<double> root_bound;  // CBC's bound at that node
  std::optional<double> stop_gap;    // stop once (best − bound) / best is within it
};

class Events : public CbcEventHandler {
 public:
  explicit Events(std::shared_ptr<EventState> state) : state_(std::move(state)) {}
  CbcEventHandler* clone() const override { return new Events(*this); }

  CbcAction event(CbcEvent which) override {
    const SolveOptions& o = *state_->options;
    if (o.stop && o.stop->load()) {
      state_->interrupted = true;
      return stop;
    }
    // CBC checks "-sec" only between some phases; the handler enforces it too.
    if (seconds_since(state_->started) > state_->time_limit_s) {
      state_->out_of_time = true;
      return stop;
    }
    if (state_->stall && model_ && !model_->parentModel()) {
      const double best = model_->bestSolution() ? model_->getObjValue() : std::numeric_limits<double>::infinity();
      if (state_->stall->stalled(seconds_since(state_->started), best, model_->getBestPossibleObjValue())) {
        state_->out_of_time = true;
        return stop;
      }
    }
    // The first node of the main search: the solver holds the root LP with its cuts.
    if (which == node && state_->root_vars > 0 && state_->root_x.empty() && model_ && !model_->parentModel() &&
        model_->solver()->getNumCols() >= state_->root_vars) {
      const double* x = model_->solver()->getColSolution();
      state_->root_x.assign(x, x + state_->root_vars);
      state_->root_bound = model_->getBestPossibleObjValue();
    }
    if (state_->stop_gap && model_ && !model_->parentModel() &&
        (which == node || which == solution || which == heuristicSolution)) {
      const double best = best_cost();
      if (std::isfinite(best) && relative_gap(best, model_->getBestPossibleObjValue()) <= *state_->stop_gap)
        return stop;
    }
    // Sub-searches (RINS, small branch and bound) have a parent; report the main one.
    if (!o.on_progress || !model_ || model_->parentModel()) return noAction;
    if (which != node && which != solution && which != heuristicSolution) return noAction;
    const double now = seconds_since(state_->started);
    if (now - state_->last_report < 0.25) return noAction;
    state_->last_report = now;
    Progress p;
    p.elapsed_s = now;
    const double bound = state_->global_bound ? *state_->global_bound
                         : state_->root_bound ? *state_->root_bound
                                              : model_->getBestPossibleObjValue();
    p.lower_bound = bound;
    double best = best_cost();
    if (std::isfinite(best)) {
      best += state_->offset;
      p.best_cost = best;
      p.gap = relative_gap(best, bound);
    }
    o.on_progress(p);
    return noAction;
  }

 private:
  // The cheaper of the start and CBC's incumbent, in the run's own objective.
  double best_cost() const {
    return model_->bestSolution() ? std::min(state_->start_cost, model_->getObjValue()) : state_->start_cost;
  }

  std::shared_ptr<EventState> state_;
};

}  // namespace

namespace {

// `without_dive`: CBC's coefficient dive off (see solve_mip).
MipResult solve_mip_here(const MilpModel& model, const std::vector<double>* start,
                         const SolveOptions& options, const MipLimits& limits,
                         std::chrono::steady_clock::time_point started, bool without_dive) {
  // CBC solves the model with its sites' headcounts as integers (seat_counts.hpp);
  // its plans are cut back to the model's own variables below.
  std::optional<MilpModel> with_counts;
  if (limits.seat_counts) with_counts = with_seat_counts(model);
  const bool counts = with_counts && with_counts->num_vars() > model.num_vars();
  const MilpModel& counted = counts ? *with_counts : model;
  OsiClpSolverInterface solver;
  load_into(counted, solver, true);
  // CBC's first LP goes through Clp's automatic choice, which can pick the "idiot"
  // crash, whose crossover segfaults on some of these models (Clp 1.17.6, e.g. one
  // site with 2 h break windows): always dual simplex after presolve.
  ClpSolve lp_options;
  lp_options.setSolveType(ClpSolve::useDual);
  lp_options.setPresolveType(ClpSolve::presolveOn);
  solver.setSolveOptions(lp_options);
  CbcModel cbc(solver);
  cbc.setLogLevel(0);
  cbc.messageHandler()->setLogLevel(0);

  auto state = std::make_shared<EventState>();
  state->options = &options;
  state->started = started;
  state->time_limit_s = std::min(options.time_limit_s, seconds_since(started) + limits.seconds);
  state->start_cost = start ? model.objective(*start) : std::numeric_limits<double>::infinity();
  state->offset = limits.objective_offset;
  state->global_bound = limits.global_bound;
  // (A counted run proves nothing and reports its root's bound: no gap stop there.)
  if (!counts && !limits.absolute_gap && options.relative_gap > 0) state->stop_gap = options.relative_gap;
  // A sub-MIP's own bound (global_bound set) is not the whole problem's (stall_watch.hpp).
  if (limits.stall_seconds) state->stall.emplace(*limits.stall_seconds, !limits.global_bound);
  // Without preprocessing (seat counts) CBC's columns are the model's, so its LP reads back.
  if (counts) state->root_vars = model.num_vars();
  Events events(state);
  cbc.passInEventHandler(&events);

  if (start) {
    // CBC matches a MIP start by column name.
    std::vector<double> with_count_start;
    if (counts) with_count_start = with_count_values(counted, *start);
    const std::vector<double>& full_start = counts ? with_count_start : *start;
    std::vector<std::pair<std::string, double>> values;
    values.reserve(full_start.size());
    for (int v = 0; v < counted.num_vars(); ++v) {
      const std::string name = fmt::format("x{}", v);
      cbc.solver()->setColName(v, name);
      values.emplace_back(name, full_start[v]);
    }
    cbc.setMIPStart(values);
  }

  const std::string sec = fmt::format("{:.3f}", std::max(0.01, limits.seconds));
  // The relative gap of a sub-MIP's own objective means nothing: it uses the absolute one.
  // CBC's own "-ratio" prunes nodes within the gap and, when its tree then runs dry,
  // reports the incumbent as its bound: on the make-or-buy week in intervals mode
  // it ended "optimal" at 38 573.20 where HiGHS proves 38 565.60. So CBC gets a
  // zero ratio and the handler stops the run once the incumbent is within the gap
  // of CBC's bound (EventState::stop_gap), whose bound is then its tree's.
  const std::string ratio = "0";
  const std::string threads = fmt::format("{}", std::max(1, options.threads));
  std::vector<std::string> args = {"staffplan", "-log",   "0",   "-timeMode",      "elapsed",
                                   "-sec",      sec,      "-ratio", ratio,         "-threads",
                                   threads,     "-randomCbcSeed", "1", "-randomSeed", "1"};
  if (limits.absolute_gap) {
    args.push_back("-allowableGap");
    args.push_back(fmt::format("{:.17g}", *limits.absolute_gap));
  }
  if (limits.max_nodes >= 0) {
    args.push_back("-maxNodes");
    args.push_back(fmt::format("{}", limits.max_nodes));
  }
  if (std::isfinite(limits.cutoff)) {
    args.push_back("-cutoff");
    args.push_back(fmt::format("{:.17g}", limits.cutoff));
  }
  if (counts || limits.plain) {
    args.push_back("-preprocess");
    args.push_back("off");
  }
  if (limits.plain) {
    args.push_back("-cuts");
    args.push_back("off");
  }
  if (without_dive) {
    args.push_back("-DivingCoefficient");
    args.push_back("off");
  }
  args.push_back("-solve");
  args.push_back("-quit");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  CbcSolverUsefulData data;
  data.noPrinting_ = true;
  const QuietStdout quiet;
  CbcMain0(cbc, data);
  cbc.setLogLevel(0);
  CbcMain1(static_cast<int>(argv.size()), argv.data(), cbc, [](CbcModel*, int) { return 0; }, data);

  MipResult result;
  result.interrupted = state->interrupted;
  const detail::CbcEnd end = detail::classify_cbc_end(
      cbc.isProvenInfeasible(), cbc.isSecondsLimitReached() || state->out_of_time, seconds_since(started),
      state->time_limit_s);
  result.proven_infeasible = end.proven_infeasible;
  result.hit_time_limit = end.hit_time_limit;
  result.hit_node_limit = cbc.isNodeLimitReached();
  result.bound = cbc.getBestPossibleObjValue();
  if (const double* x = cbc.bestSolution(); x && cbc.getSolutionCount() >= 0) {
    result.x.emplace(x, x + model.num_vars());
    result.objective = model.objective(*result.x);
  }
  result.root_x = std::move(state->root_x);
  if (counts) {
    // With the counts and no preprocessing CBC once ended its tree on the make-or-buy
    // week (intervals mode) claiming 38 577.60 optimal where HiGHS proves 38 565.60:
    // only the root's bound (the LP with CBC's cuts) is kept from such a run, and its
    // end proves nothing.
    result.bound = state->root_bound.value_or(-std::numeric_limits<double>::infinity());
    result.proven_infeasible = false;
    result.hit_time_limit = true;
  }
  return result;
}


// One CBC run in a child process. `died`: the child ended without an answer
// before its deadline and without a stop request.
MipResult solve_mip_once(const MilpModel& model, const std::vector<double>* start,
                         const SolveOptions& options, const MipLimits& limits,
                         std::chrono::steady_clock::time_point started, bool without_dive, bool& died) {
  died = false;
  const double seconds = std::min(limits.seconds, options.time_limit_s - seconds_since(started));
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(1000 * (std::max(0.0, seconds) + detail::kKillGraceSeconds)));
  auto answer = run_until(
      [&](const ProgressCallback& report) {
        SolveOptions child = options;
        child.on_progress = report;
        const MipResult r = solve_mip_here(model, start, child, limits, started, without_dive);
        Bytes out;
        out.put(r.x ? 1.0 : 0.0);
        out.put(r.x ? *r.x : std::vector<double>{});
        for (double v : {r.objective, r.bound, double(r.proven_infeasible), double(r.interrupted),
                         double(r.hit_time_limit), double(r.hit_node_limit)})
          out.put(v);
        out.put(r.root_x);
        return out.take();
      },
      deadline, options.stop, options.on_progress);
  MipResult result;
  if (!answer) {
    // Killed at the deadline (or died): nothing from this phase, and nothing proven.
    result.hit_time_limit = true;
    result.bound = -std::numeric_limits<double>::infinity();
    result.interrupted = options.stop && options.stop->load();
    died = !result.interrupted && std::chrono::steady_clock::now() < deadline;
    return result;
  }
  Bytes in(std::move(answer).value());
  const bool has_x = in.get() != 0;
  std::vector<double> x = in.get_vector();
  if (has_x) result.x = std::move(x);
  result.objective = in.get();
  result.bound = in.get();
  result.proven_infeasible = in.get() != 0;
  result.interrupted = in.get() != 0;
  result.hit_time_limit = in.get() != 0;
  result.hit_node_limit = in.get() != 0;
  result.root_x = in.get_vector();
  return result;
}

}  // namespace

MipResult solve_mip(const MilpModel& model, const std::vector<double>* start,
                    const SolveOptions& options, const MipLimits& limits,
                    std::chrono::steady_clock::time_point started) {
  bool died = false;
  const auto run_started = std::chrono::steady_clock::now();
  MipResult result = solve_mip_once(model, start, options, limits, started, false, died);
  // CBC's coefficient dive can trip an assertion in Clp 1.17 (ClpNonLinearCost.cpp:1064,
  // lowerValue <= upperValue; the outbound week, about 2 s into CBC's first run), which
  // kills the child. The run gets its remaining time once more without that dive; the
  // dive stays on otherwise, since it finds plans on the benchmark family.
  if (died) {
    MipLimits rest = limits;
    rest.seconds = std::max(detail::kMinCbcSeconds, limits.seconds - seconds_since(run_started));
    if (options.time_limit_s - seconds_since(started) >= rest.seconds)
      result = solve_mip_once(model, start, options, rest, started, true, died);
  }
  return result;
}

}  // namespace staffplan::optimize
