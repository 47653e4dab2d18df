#include "optimize/cbc_solver.hpp"

#include "optimize/clp_load.hpp"

#include <coin/CbcEventHandler.hpp>
#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string>

namespace staffplan::optimize {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Shared by the handler and the clones CBC makes of it.
struct EventState {
  const SolveOptions* options = nullptr;
  std::chrono::steady_clock::time_point started;
  double time_limit_s = 0;
  double start_cost = 0;       // the start CBC was given (+inf without one)
  double last_report = -1;
  bool interrupted = false;
  bool out_of_time = false;
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
    // Sub-searches (RINS, small branch and bound) have a parent; report the main one.
    if (!o.on_progress || !model_ || model_->parentModel()) return noAction;
    if (which != node && which != solution && which != heuristicSolution) return noAction;
    const double now = seconds_since(state_->started);
    if (now - state_->last_report < 0.25) return noAction;
    state_->last_report = now;
    Progress p;
    p.elapsed_s = now;
    p.lower_bound = model_->getBestPossibleObjValue();
    double best = state_->start_cost;
    if (model_->bestSolution()) best = std::min(best, model_->getObjValue());
    if (std::isfinite(best)) {
      p.best_cost = best;
      p.gap = best > 0 ? std::max(0.0, (best - p.lower_bound) / best) : 0.0;
    }
    o.on_progress(p);
    return noAction;
  }

 private:
  std::shared_ptr<EventState> state_;
};

}  // namespace

MipResult solve_mip(const MilpModel& model, const std::vector<double>* start,
                    const SolveOptions& options, double seconds_left,
                    std::chrono::steady_clock::time_point started) {
  OsiClpSolverInterface solver;
  load_into(model, solver, true);
  CbcModel cbc(solver);
  cbc.setLogLevel(0);
  cbc.messageHandler()->setLogLevel(0);

  auto state = std::make_shared<EventState>();
  state->options = &options;
  state->started = started;
  state->time_limit_s = options.time_limit_s;
  state->start_cost = start ? model.objective(*start) : std::numeric_limits<double>::infinity();
  Events events(state);
  cbc.passInEventHandler(&events);

  if (start) {
    // CBC matches a MIP start by column name.
    std::vector<std::pair<std::string, double>> values;
    values.reserve(start->size());
    for (int v = 0; v < model.num_vars(); ++v) {
      const std::string name = fmt::format("x{}", v);
      cbc.solver()->setColName(v, name);
      values.emplace_back(name, (*start)[v]);
    }
    cbc.setMIPStart(values);
  }

  const std::string sec = fmt::format("{:.3f}", std::max(0.01, seconds_left));
  const std::string ratio = fmt::format("{:.9g}", options.relative_gap);
  const std::string threads = fmt::format("{}", std::max(1, options.threads));
  const char* argv[] = {"staffplan", "-log",      "0",           "-timeMode", "elapsed",
                        "-sec",      sec.c_str(), "-ratio",      ratio.c_str(),
                        "-threads",  threads.c_str(), "-randomCbcSeed", "1", "-randomSeed",
                        "1",         "-solve",    "-quit"};
  CbcSolverUsefulData data;
  data.noPrinting_ = true;
  CbcMain0(cbc, data);
  cbc.setLogLevel(0);
  CbcMain1(static_cast<int>(std::size(argv)), argv, cbc, [](CbcModel*, int) { return 0; }, data);

  MipResult result;
  result.interrupted = state->interrupted;
  result.proven_infeasible = cbc.isProvenInfeasible();
  result.hit_time_limit = cbc.isSecondsLimitReached() || state->out_of_time;
  result.bound = cbc.getBestPossibleObjValue();
  if (const double* x = cbc.bestSolution(); x && cbc.getSolutionCount() >= 0) {
    result.x.emplace(x, x + model.num_vars());
    result.objective = model.objective(*result.x);
  }
  return result;
}

}  // namespace staffplan::optimize
