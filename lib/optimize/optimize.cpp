#include "optimize/optimize.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>

#include "model/errors.hpp"
#include "optimize/cbc_solver.hpp"
#include "optimize/coarse_grid.hpp"
#include "optimize/deadline_run.hpp"
#include "optimize/columns.hpp"
#include "optimize/extract.hpp"
#include "optimize/interval_hull.hpp"
#include "optimize/lp_dive.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/neighbourhood.hpp"
#include "optimize/objective_step.hpp"
#include "optimize/part_bound.hpp"
#include "optimize/precheck.hpp"
#include "optimize/progress_line.hpp"
#include "optimize/rounding.hpp"
#include "optimize/size_limit.hpp"
#include "optimize/time_index.hpp"
#include "optimize/warm_start.hpp"
#include "optimize/weeks.hpp"
#include "optimize/limits.hpp"

namespace staffplan::optimize {
namespace {

using detail::Clock;
using detail::relative_gap;
using detail::seconds_since;

bool stopped(const SolveOptions& options) { return options.stop && options.stop->load(); }

// Share of the time left after the LP and the dive that CBC gets on the whole
// (reduced) model; the neighbourhood search gets the rest.
constexpr double cbc_share = 0.35;
// CBC's first run stops when neither its plan nor its bound has moved for this
// share of its time (at least min_stall_seconds): on the make-or-buy week it found
// nothing for 20 s that the search then improved in 15.
constexpr double cbc_stall_share = 0.25;
constexpr double min_stall_seconds = 2.0;
// CBC's first run with the site headcounts (seat_counts.hpp) is there for its root:
// the bound and the cut LP the search rounds from. Its tree is not trusted and,
// without preprocessing, rarely finds a plan, so it stops after its first node:
// the follow-the-sun week's search then reaches 44 152 at 12.6 s instead of 26 s.
constexpr long counted_run_nodes = 1;
// With weekly tours CBC's first run is there for its root too: on the follow-the-sun
// tours week the root's cuts take the bound from 43 920 to 44 097 (44 120 in whole
// agent-weeks) at about 12.5 s, and its tree then finds no plan and moves the bound by
// nothing until the stall rule ends it at 20 s. Stopped after its first node, the
// search gets those seconds: that week ended at 44 640 in 6 runs of 7 instead of 7
// runs of 12 (the others at 45 160), with the same bound.
constexpr long tours_first_run_nodes = 1;
// The LP dive ends at this share of the time limit (lp_dive.hpp). A finished dive
// is the best start the later phases get: on the family weeks whose dive is slow
// (thousands of pivots per re-solve), CBC and the search found nothing better in
// the time a dive cut at 60 % left them, and where the clock cut it decided the
// plan (f3-flat-2s 0.57-1.82 %, f7-min-5s 0.57-2.8 %, w7-min-1h 0.68-2.4 %). At
// 80 % those dives finish: f3 0.566 %, f7 0.45-0.57 %, w7 0.679 %, w5 5.75 ->
// 4.45 %; weeks whose dive ends early are unchanged.
constexpr double dive_share = 0.8;
// The first LP's dive starts only when the LP ended before this share of the time
// limit; a slower LP means as slow dive re-solves, and the plan of the coarse start
// grid (coarse_grid.hpp) takes the dive's place, its own LP and dive ending by the
// second share. t4-two-15m (LP 9.7 s of 30): 122 715 from the stopped dive, 14.0 %
// above the bound; w5-tight-1h (LP 8.8 s of 30): 98 303, 5.75 %. The family's other
// weeks solve their LP in under 2.5 s, at most 17 % of their limit.
constexpr double slow_lp_share = 0.2;
// ... and an LP that took less than this is never too slow: its re-solves are quick
// whatever the limit. At --time-limit 1s follow-the-sun's LP (0.3 s) is over 20 %,
// and skipping its dive gave 47 512 where diving gives 44 792 (make-or-buy in
// intervals mode: 39 333 against 38 821).
constexpr double slow_lp_min_seconds = 2.0;
// The coarse grid's own dive ends by this share of the limit (t4: its LP and dive
// end at 12.4 s of 30), leaving the rest to the search on the whole model.
constexpr double coarse_dive_until = 0.6;
// A day or week goal's second dive (agents only, see solve) runs when the first LP
// and dive ended before this share of the time limit, and stops at the second.
constexpr double second_dive_after_share = 0.1;
constexpr double second_dive_until = 0.2;
// The interval hull cuts (interval_hull.hpp) run only while the first LP has taken
// less than this share of the time limit: they cost one more LP.
constexpr double hull_time_share = 0.1;
// ... and are kept only where they lift the LP by at least this share (the
// follow-the-sun weeks gain 0.36-0.47 %, make-or-buy in intervals mode 0.55 %).
constexpr double hull_min_gain = 0.001;
// Clp stops itself at the deadline most of the time; its process is killed this
// long after it.
constexpr double lp_grace_s = detail::kKillGraceSeconds;
// Time kept back from the solver phases for the report: 3 % of the limit, within
// [0.1 s, 1.5 s].
constexpr double report_reserve_share = 0.03;
constexpr double min_report_reserve_s = 0.1;
constexpr double max_report_reserve_s = 1.5;
// Share of the time left that the parts' bound (part_bound.hpp) may take: when the
// search stalls (SearchInput::on_stall), or after a search that ended early. Each
// part's CBC stops once its gap is this share of the whole problem's allowed gap
// divided over the parts.
constexpr double part_bound_share = 0.3;
constexpr double part_gap_share = 0.1;
// Part lengths tried in turn (hours): short parts close fast in CBC (2 h on the
// make-or-buy week: 84 parts in 2 s, +190 over the LP), longer ones gain more
// where CBC still closes them.
constexpr int part_hours[] = {2, 3};
// Below this much time left, CBC (loading the model, preprocessing) is not started.
constexpr double min_cbc_seconds = detail::kMinCbcSeconds;

// Fix-and-optimise blocks (neighbourhood.hpp): the day of a variable's shift start,
// and its site; -1 for continuous variables (never fixed).
std::vector<std::vector<int>> blocks(const Plan& plan, const ColumnSet& set, const MilpModel& model) {
  const int per_day = std::max(1, 86400 / plan.horizon.interval_s);
  std::vector<int> by_day(model.num_vars(), -1), by_site(model.num_vars(), -1);
  for (int v = 0; v < model.num_vars(); ++v) {
    // An interval sent to an outsourcer belongs to its day, beside the shifts.
    if (model.is(v, VarFamily::send)) by_day[v] = model.var_key[v].interval / per_day;
    // A tour spans the week: it moves with its site's block, and stays fixed in the
    // day blocks (where its days' shifts can still swap start and breaks).
    if (model.is(v, VarFamily::tour)) by_site[v] = model.var_key[v].site;
    if (!model.is(v, VarFamily::agents)) continue;
    const Column& col = set.columns[model.var_key[v].column];
    by_day[v] = plan.sites[col.site].shifts[col.shift].starts[col.start].interval / per_day;
    by_site[v] = col.site;
  }
  std::vector<std::vector<int>> lists{by_day};
  if (plan.sites.size() > 1) lists.push_back(by_site);
  // Weekly tours: one block per (site, contract), its tours and daily shifts together.
  if (plan.has_tours()) {
    std::map<std::pair<int, int>, int> index;
    std::vector<int> by_contract(model.num_vars(), -1);
    for (int v = 0; v < model.num_vars(); ++v) {
      std::pair<int, int> key{-1, -1};
      if (model.is(v, VarFamily::tour)) key = {model.var_key[v].site, model.var_key[v].contract};
      else if (model.is(v, VarFamily::agents)) {
        const Column& col = set.columns[model.var_key[v].column];
        if (col.contract >= 0) key = {col.site, col.contract};
      }
      if (key.first < 0) continue;
      by_contract[v] = index.try_emplace(key, static_cast<int>(index.size())).first->second;
    }
    if (index.size() > 1) lists.push_back(by_contract);
  }
  return lists;
}

// The deadline also holds between the phases that cannot poll it themselves.
void check_deadline(const SolveOptions& options, Clock::time_point started, const char* phase) {
  if (seconds_since(started) > options.time_limit_s)
    throw NoResultError(std::string("the time limit was reached while ") + phase +
                        ", before any plan was found; raise --time-limit");
}

// The LP and the dive in a child process (deadline_run.hpp): Clp checks its wall
// clock only every so many iterations. `first`: the run's first LP, which reports
// at once that there is neither a plan nor a bound yet, for the heartbeat to repeat
// while Clp works (a later LP keeps the line's bound).
LpDiveResult lp_with_deadline(const MilpModel& model, const SolveOptions& options, Clock::time_point started,
                              const DiveOptions& dive = {.until_share = dive_share}, bool first = false) {
  const auto deadline =
      started + std::chrono::milliseconds(static_cast<long long>(1000 * (options.time_limit_s + lp_grace_s)));
  auto answer = run_until(
      [&](const ProgressCallback& report) {
        SolveOptions child = options;
        child.on_progress = report;
        if (first && report) report(Progress{seconds_since(started), std::nullopt, std::nullopt, std::nullopt});
        const LpDiveResult r = solve_lp_and_dive(model, child, started, dive);
        Bytes out;
        for (double v : {double(r.lp_feasible), double(r.lp_interrupted), double(r.lp_out_of_time),
                         double(r.dive_skipped), r.lp_objective, r.integer ? 1.0 : 0.0})
          out.put(v);
        out.put(r.lp_x);
        out.put(r.lp_reduced_cost);
        out.put(r.lp_row_dual);
        out.put(r.integer ? *r.integer : std::vector<double>{});
        out.put(r.dive_x);
        return out.take();
      },
      deadline, options.stop, options.on_progress);
  LpDiveResult r;
  if (!answer) {
    if (Clock::now() >= deadline || stopped(options)) {
      r.lp_out_of_time = !stopped(options);
      r.lp_interrupted = stopped(options);
      return r;
    }
    throw std::runtime_error("the LP solver (Clp) failed on this model");
  }
  Bytes in(std::move(answer).value());
  r.lp_feasible = in.get() != 0;
  r.lp_interrupted = in.get() != 0;
  r.lp_out_of_time = in.get() != 0;
  r.dive_skipped = in.get() != 0;
  r.lp_objective = in.get();
  const bool has_integer = in.get() != 0;
  r.lp_x = in.get_vector();
  r.lp_reduced_cost = in.get_vector();
  r.lp_row_dual = in.get_vector();
  std::vector<double> integer = in.get_vector();
  if (has_integer) r.integer = std::move(integer);
  r.dive_x = in.get_vector();
  return r;
}

// The plan of the coarse start grid (coarse_grid.hpp), as a point of the whole
// model; nullopt when the grid keeps every column or gives no plan in time. The
// progress line keeps the whole model's bound: the restricted LP bounds nothing.
std::optional<std::vector<double>> coarse_grid_plan(const Plan& plan, const ColumnSet& columns,
                                                    const MilpModel& model, double lp_bound,
                                                    const SolveOptions& options, Clock::time_point started) {
  const std::vector<int> vars = coarse_grid_vars(plan, columns, model);
  if (vars.empty()) return std::nullopt;

  std::vector<int> rows(model.num_rows());
  std::iota(rows.begin(), rows.end(), 0);
  const MilpModel coarse = model.subset(vars, rows);
  SolveOptions coarse_options = options;
  if (options.on_progress)
    coarse_options.on_progress = [&options, lp_bound](const Progress& p) {
      options.on_progress(Progress{p.elapsed_s, std::nullopt, lp_bound, std::nullopt});
    };
  const LpDiveResult lp = lp_with_deadline(coarse, coarse_options, started, {.until_share = coarse_dive_until});
  if (!lp.lp_feasible) return std::nullopt;
  const std::optional<std::vector<double>> x = round_and_repair(coarse, point_to_round(lp));
  if (!x) return std::nullopt;
  std::vector<double> whole(model.num_vars(), 0.0);
  for (std::size_t k = 0; k < vars.size(); ++k) whole[vars[k]] = (*x)[k];
  return whole;
}

// The LP and the dive; then, where intervals see two or more classes of agents
// and the LP was quick, the interval hull cuts its optimum violates
// (interval_hull.hpp) join the model, and if they lift the LP by at least
// hull_min_gain the LP and the dive run again on it (else the model stays as it
// was). The follow-the-sun week: LP 43 517 -> 43 723, CBC's root bound 43 798 ->
// 43 930; make-or-buy in intervals mode: LP 38 210 -> 38 421 (HiGHS' optimum
// 38 565.60); the follow-the-sun tours week 45 680 -> 45 160 at 60 s (they were
// kept from tour plans while one run in seven ended "optimal" at 45 160: that was
// CBC's false infeasibility at its time limit, cbc_end.hpp). One round: a second one (at the
// new LP optimum) still finds cuts, but they moved the LP by nothing on
// follow-the-sun and by 3 on its tours week (43 900 to 43 903). Should the last
// run not finish, the first answer stands.
LpDiveResult lp_with_hull_cuts(MilpModel& model, const SolveOptions& options, Clock::time_point started) {
  LpDiveResult first =
      lp_with_deadline(model, options, started,
                       {.until_share = dive_share,
                        .start_by_share = std::max(slow_lp_share, slow_lp_min_seconds / options.time_limit_s)},
                       /*first=*/true);
  if (!first.lp_feasible || seconds_since(started) >= hull_time_share * options.time_limit_s) return first;
  const std::vector<HullCut> cuts = interval_hull_cuts(model, first.lp_x);
  if (cuts.empty()) return first;
  MilpModel without = model;
  append_hull_cuts(model, cuts);
  // The LP alone first: where the cuts hardly move it, they are not worth their rows.
  const LpDiveResult lifted = lp_with_deadline(model, options, started, {.until_share = 0.0});
  if (lifted.lp_feasible && lifted.lp_objective >= first.lp_objective * (1 + hull_min_gain)) {
    LpDiveResult second = lp_with_deadline(model, options, started);
    if (second.lp_feasible) return second;
  }
  model = std::move(without);
  return first;
}

// The plan from the best solution: agents nobody needs dropped, the report's
// figures extracted, the bound and gap in true cost.
Schedule finish(const Plan& plan, const require::Requirement& requirement, const ColumnSet& columns,
                const MilpModel& model, std::vector<double> best, double bound, Status status,
                Clock::time_point started) {
  Schedule schedule;
  schedule.status = status;
  // CBC's plan is cheapest but may carry agents that cost nothing and cover nothing
  // needed (a site at hourly cost 0): drop them. Never raises the cost.
  best = remove_redundant(model, std::move(best));
  const double best_cost = model.objective(best);
  bound = std::min(bound, best_cost);  // a bound above the incumbent is round-off
  extract(plan, requirement, columns, model, best, schedule);
  // The model's objective carries the free agents' tie-break; the schedule reports
  // true cost, so the bound loses that term too (it is 1e-6 of the cheapest agent
  // per free agent, far below any gap the solver is asked for).
  schedule.lower_bound = std::clamp(bound - (best_cost - schedule.cost), 0.0, schedule.cost);
  schedule.gap = relative_gap(schedule.cost, schedule.lower_bound);
  if (schedule.status == Status::optimal && schedule.gap > 1e-6) schedule.status = Status::within_gap;
  schedule.solve_seconds = seconds_since(started);
  return schedule;
}

}  // namespace

Schedule solve(const Plan& plan, const require::Requirement& requirement,
               const SolveOptions& caller_options) {
  const auto started = Clock::now();
  // The solver phases end a little before the limit, so that turning the plan into
  // the report (extraction, coverage, formatting) fits inside it too.
  SolveOptions options = caller_options;
  options.time_limit_s -= std::clamp(report_reserve_share * options.time_limit_s, min_report_reserve_s,
                                     max_report_reserve_s);
  options.time_limit_s = std::max(options.time_limit_s, 0.5 * caller_options.time_limit_s);
  check_size(plan);  // before build_columns allocates anything
  const ColumnSet columns = build_columns(plan);
  check_deadline(options, started, "building the shift columns");
  if (!options.shortfall_penalty) check_coverable(plan, requirement, columns);
  check_work_fits(plan, columns);
  MilpModel model = build_milp(plan, requirement, columns, options.shortfall_penalty);
  check_deadline(options, started, "building the model");
  // Long horizons go week by week (weeks.hpp); status from the weeks' CBC runs and the gap.
  if (std::optional<WeeklyResult> weekly = solve_by_weeks(plan, columns, model, options, started)) {
    const double cost = model.objective(weekly->x);
    // Every plan costs whole objective steps (objective_step.hpp), so the weeks' bound rounds up.
    const double bound = round_up_to_step(weekly->bound, objective_step(model));
    const bool close = relative_gap(cost, bound) <= options.relative_gap;
    return finish(plan, requirement, columns, model, std::move(weekly->x), bound,
                  close ? Status::optimal : Status::time_limit, started);
  }

  options.on_progress = only_improving(std::move(options.on_progress));
  const LpDiveResult lp = lp_with_hull_cuts(model, options, started);
  // An LP stopped by Ctrl-C or the deadline says nothing about feasibility.
  if (!lp.lp_feasible && stopped(options)) throw NoResultError("interrupted before any plan was found");
  if (!lp.lp_feasible && lp.lp_out_of_time) {
    // The LP did not finish, so there is no LP point to round and no LP bound. The
    // greedy plan (repair from no agents at all, then removal of redundant agents) is
    // still a plan the analyst can use, with the bound of one uniform price (see
    // uniform_price_bound), never more than a proven one.
    if (std::optional<std::vector<double>> greedy = greedy_plan(model))
      if (const double b = uniform_price_bound(model); std::isfinite(b))
        return finish(plan, requirement, columns, model, std::move(*greedy), std::max(0.0, round_up_to_step(b, objective_step(model))),
                      Status::time_limit, started);
    throw NoResultError("the time limit was reached during the LP relaxation, before any plan was found; raise --time-limit");
  }
  if (!lp.lp_feasible && lp.lp_interrupted) throw NoResultError("interrupted before any plan was found");
  if (!lp.lp_feasible)
    throw NoResultError(
        "no plan meets every constraint: the seats, or the shifts' min_agents/max_agents, "
        "leave no way to cover the requirement (every interval is coverable on its own; "
        "queues sharing a site compete for its seats)" +
        std::string(plan.work.empty() ? "; try --allow-shortfall"
                                      : ", or the deferrable work does not fit in its windows beside the calls "
                                        "(agents on work are not answering calls)"));

  // An integer start from the LP (the dive, else plain rounding and repair, then
  // greedy removal of redundant agents): CBC then only has to close the gap.
  // A dive stopped by the clock still rounds better from where it stood.
  const std::vector<double>& rounded = point_to_round(lp);
  std::optional<std::vector<double>> best = round_and_repair(model, rounded);
  if (!best && &rounded != &lp.lp_x) best = round_and_repair(model, lp.lp_x);
  double best_cost = best ? model.objective(*best) : 0;
  // An LP too slow to dive in (slow_lp_share): the coarse start grid's plan, where
  // it beats the LP rounded (t4-two-15m: 108 326 against 122 715).
  if (lp.dive_skipped && !stopped(options))
    if (auto coarse = coarse_grid_plan(plan, columns, model, lp.lp_objective, options, started))
      if (const double cost = model.objective(*coarse); !best || cost < best_cost) {
        best = std::move(coarse);
        best_cost = cost;
      }
  // A day or week goal whose LP and dive were quick: a second dive on the agents
  // only, the service-level increments left to the rounding (lp_dive.cpp), and the
  // cheaper of the two plans. Neither dive wins everywhere: the help-desk week
  // 75 088 against 46 384 (HiGHS' optimum 46 176), the family's one-site day goal
  // 53 760 against 54 075.
  if (!model.vars_of(VarFamily::increment).empty() && !stopped(options) &&
      seconds_since(started) < second_dive_after_share * options.time_limit_s) {
    const LpDiveResult agents_only =
        lp_with_deadline(model, options, started, {.until_share = second_dive_until, .on_increments = false});
    if (agents_only.lp_feasible) {
      if (auto x = round_and_repair(model, point_to_round(agents_only)); x && (!best || model.objective(*x) < best_cost)) {
        best = std::move(x);
        best_cost = model.objective(*best);
      }
    }
  }
  // The caller's plan (e.g. the interval-goal plan under a day or week goal), with
  // its allocation and service-level credit filled in and redundant agents removed.
  if (!options.start.empty())
    if (auto from_start = round_and_repair(model, start_point(columns, model, options.start))) {
      const double cost = model.objective(*from_start);
      if (!best || cost < best_cost) {
        best = std::move(from_start);
        best_cost = cost;
      }
    }
  // Every plan costs a whole number of objective steps (objective_step.hpp): the
  // LP's and CBC's bounds round up to one.
  const std::optional<double> step = objective_step(model);
  double bound = round_up_to_step(lp.lp_objective, step);
  // The plan CBC starts from is on the progress line at once, not at CBC's first report.
  if (best && options.on_progress)
    options.on_progress(Progress{seconds_since(started), best_cost, bound, relative_gap(best_cost, bound)});

  Schedule schedule;
  schedule.status = Status::optimal;
  const auto good = [&] { return best && relative_gap(best_cost, bound) <= options.relative_gap; };
  if (stopped(options)) {
    schedule.status = Status::interrupted;
  } else if (!good() && options.time_limit_s - seconds_since(started) < min_cbc_seconds) {
    schedule.status = Status::time_limit;
  } else if (!good()) {
    // CBC on the whole model, reduced-cost fixed against the best plan so far, which
    // is its start and cutoff. Returns true when CBC ended by itself (proof or gap).
    // CBC counts the sites' headcounts (seat_counts.hpp) where agents are shared
    // between queues or a day or week goal credits service: there its bound gains
    // most (follow-the-sun week 43 944 -> 44 088) and its root LP, where the search
    // starts, is close to a plan (44 192 -> 44 152, the optimum). Not with tours
    // (the follow-the-sun tours week: 2.30 -> 2.39 % and 2.57 -> 3.68 %), nor on the
    // plain covering weeks of the benchmark family, where it moved gaps both ways
    // (f8 0.69 -> 0.59 %, t3 0.09 -> 0.13 %) and cost w3-weekend-1h its proof.
    const bool has_tours = !model.vars_of(VarFamily::tour).empty();
    const bool count_seats = (!model.vars_of(VarFamily::allocation).empty() ||
                              !model.vars_of(VarFamily::increment).empty()) &&
                             !has_tours;
    std::vector<double> root_x;  // CBC's root LP after its cuts (MipResult::root_x)
    const auto run_cbc = [&](double seconds, std::optional<double> stall_seconds = std::nullopt,
                             bool seat_counts = false, long max_nodes = -1) {
      std::vector<int> kept;
      const MilpModel reduced =
          best ? fix_by_reduced_cost(model, lp.lp_x, lp.lp_reduced_cost, lp.lp_objective, best_cost, kept)
               : MilpModel{};
      const MilpModel& solved = best ? reduced : model;
      std::vector<double> start;
      if (best)
        for (int v : kept) start.push_back((*best)[v]);
      MipLimits limits;
      limits.seconds = seconds;
      limits.stall_seconds = stall_seconds;
      limits.seat_counts = seat_counts;
      limits.max_nodes = max_nodes;
      const MipResult mip = solve_mip(solved, best ? &start : nullptr, options, limits, started);
      // A point of `solved` as a point of the whole model (dropped variables at 0).
      const bool reduced_run = best.has_value();
      const auto whole = [&](const std::vector<double>& x) {
        if (!reduced_run) return x;
        std::vector<double> full(model.num_vars(), 0.0);
        for (std::size_t k = 0; k < kept.size(); ++k) full[kept[k]] = x[k];
        return full;
      };
      if (mip.proven_infeasible && !mip.x && !best)
        throw NoResultError("no plan meets every constraint (CBC proved the model infeasible)");
      if (mip.x && (!best || mip.objective < best_cost - 1e-9)) {
        best = whole(*mip.x);
        best_cost = mip.objective;
      }
      // A bound of the reduced model holds for every plan cheaper than the start, so
      // min(start, bound) bounds the full model. A proven-infeasible reduced model
      // means nothing beats the start.
      if (mip.proven_infeasible && best) bound = std::max(bound, best_cost);
      else bound = std::max(bound, round_up_to_step(mip.bound, step));
      if (mip.interrupted) schedule.status = Status::interrupted;
      if (root_x.empty() && !mip.root_x.empty()) root_x = whole(mip.root_x);
      return !mip.hit_time_limit && !mip.hit_node_limit && !mip.interrupted;
    };
    const auto left = [&] { return options.time_limit_s - seconds_since(started); };
    // 1. CBC for a share of the time: it proves small weeks optimal and raises the bound.
    //    With a start, it gives its time to the search once it stalls.
    const double first_cbc_seconds = (best ? cbc_share : 1.0) * left();
    // Not where the LP was too slow to dive in: CBC's root LP would take as long
    // again, and the search does better with the time (w5-tight-1h 0.82 -> 0.37 %,
    // t4-two-15m 2.11 -> 2.00 %, both from the coarse grid's plan).
    const bool skip_first_cbc = best && lp.dive_skipped;
    bool proven = !skip_first_cbc &&
                  run_cbc(first_cbc_seconds,
                          best ? std::optional<double>(std::max(min_stall_seconds, cbc_stall_share * first_cbc_seconds))
                               : std::nullopt,
                          count_seats, count_seats ? counted_run_nodes : has_tours ? tours_first_run_nodes : -1);
    const auto going = [&] {
      return !proven && !good() && best && !stopped(options) && schedule.status != Status::interrupted;
    };
    if (going()) {
      // 3. The neighbourhood search; the bound stays the LP's, the parts' or CBC's, never the search's.
      // 3b. The bound of parts of a few hours from the LP's duals, where CBC's bound
      //    stayed short: when the search stalls, in time it would spend finding
      //    nothing (the plan's cost comes first), or after a search that ended early.
      bool parts_done = false;
      const auto raise_bound_with_parts = [&](double cost, double seconds_left) {
        parts_done = true;
        if (seconds_left < min_cbc_seconds || stopped(options)) return bound;
        const CostSplit split = cost_split(model, lp.lp_row_dual);
        const auto until = Clock::now() + std::chrono::milliseconds(
                                              static_cast<long long>(1000 * part_bound_share * seconds_left));
        for (int hours : part_hours) {
          const double seconds = std::chrono::duration<double>(until - Clock::now()).count();
          if (relative_gap(cost, bound) <= options.relative_gap || seconds < min_cbc_seconds || stopped(options)) break;
          if (const std::optional<TimeParts> parts = time_parts(plan, columns, model, lp.lp_x, hours)) {
            const double gap = part_gap_share * options.relative_gap * cost / parts->count;
            const std::optional<double> b = part_mip_bound(model, *parts, split, options, seconds, gap, started);
            // Longer parts are slower; where the short ones gain nothing, the time goes back to the search.
            if (!b || round_up_to_step(*b, step) <= bound) break;
            bound = round_up_to_step(*b, step);
          }
        }
        return bound;
      };
      SearchInput in;
      in.model = &model;
      in.lp_x = lp.lp_x;
      in.guide_x = root_x;
      in.reduced_cost = lp.lp_reduced_cost;
      in.lp_bound = lp.lp_objective;
      in.block_lists = blocks(plan, columns, model);
      in.bound = bound;
      in.on_stall = raise_bound_with_parts;
      in.sub_searches_stall = rows_local_in_time(model);
      in.blocks_first = in.sub_searches_stall;
      const SearchResult found = neighbourhood_search(in, *best, options, left(), started);
      best = found.x;
      best_cost = found.cost;
      if (!parts_done && going()) raise_bound_with_parts(best_cost, left());
      // 4. What the search left of the time goes back to CBC, with the better plan
      //    as its cutoff: it may now prove it.
      if (!good() && !stopped(options) && left() >= min_cbc_seconds) proven = run_cbc(left());
    }
    if (stopped(options) || schedule.status == Status::interrupted) schedule.status = Status::interrupted;
    else if (!proven && !good()) schedule.status = Status::time_limit;
  }
  if (!best)
    throw NoResultError(stopped(options)
                            ? "interrupted before any plan was found"
                            : "the solver found no plan within the time limit; raise --time-limit");
  return finish(plan, requirement, columns, model, std::move(*best), bound, schedule.status, started);
}

void check_before_solve(const Plan& plan, const require::Requirement& requirement) {
  check_size(plan);
  const ColumnSet columns = build_columns(plan);
  check_coverable(plan, requirement, columns);
  check_work_fits(plan, columns);
}

Staffing productive_staffing(const Plan& plan, const Schedule& schedule) {
  Staffing staffing;
  staffing.agents.assign(plan.queues.size(), std::vector<int>(plan.horizon.count, 0));
  for (const IntervalCoverage& c : schedule.coverage)
    staffing.agents[c.queue][c.interval] = c.agents;
  // Each group's productive agents: its allocation summed over its queues (the
  // allocation hands a shared group's spare capacity to its queues too).
  for (std::size_t s = 0; s < plan.sites.size(); ++s) {
    const auto groups = agent_groups(plan, plan.sites[s]);
    for (std::size_t g = 0; g < groups.size(); ++g)
      if (!groups[g].queues.empty())  // a group doing only deferrable work answers no calls
        staffing.groups.push_back(GroupStaffing{static_cast<int>(s), static_cast<int>(g), groups[g].queues,
                                                std::vector<double>(plan.horizon.count, 0.0)});
  }
  const auto group_slot = [&](int site, int group) -> GroupStaffing& {
    for (GroupStaffing& g : staffing.groups)
      if (g.site == site && g.group == group) return g;
    throw std::logic_error("productive_staffing: allocation of an unknown group");
  };
  for (const Allocation& a : schedule.allocation) group_slot(a.site, a.group).productive[a.interval] += a.agents;
  if (!plan.outsourcers.empty()) {
    staffing.kept_calls.assign(plan.queues.size(), std::vector<double>(plan.horizon.count, 0.0));
    for (const IntervalCoverage& c : schedule.coverage)
      staffing.kept_calls[c.queue][c.interval] = plan.queues[c.queue].calls[c.interval] * c.kept;
  }
  return staffing;
}

}  // namespace staffplan::optimize
