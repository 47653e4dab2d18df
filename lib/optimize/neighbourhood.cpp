#include "optimize/neighbourhood.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "optimize/cbc_solver.hpp"
#include "optimize/limits.hpp"

namespace staffplan::optimize {
namespace {

using detail::Clock;
using detail::seconds_since;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double int_tol = detail::kIntegralTolerance;
constexpr double row_tol = detail::kRowTolerance;
// A sub-search's share of the time left: the floor neighbourhood is the strongest,
// RINS next; the fix-and-optimise blocks share what remains.
constexpr double floor_share = 0.45;
constexpr double rins_share = 0.35;
// With weekly tours, the tours' rounding (Search::tours_rounded) runs first with
// this share: on the follow-the-sun tours week it finds 45 000 in about 19 s,
// where floor finds 45 160, and the contract blocks take 45 000 to 44 640 (HiGHS'
// best in 600 s) within a second. Where it finds nothing (the family's one-site
// tours week, whose dive plan is one agent-week above the optimum) floor, after
// it, still reaches the optimum.
constexpr double tours_rounded_share = 0.45;
// Node limits keep sub-searches deterministic (a node count, not the clock, ends
// them) whenever they finish inside their time share.
constexpr long floor_nodes = 4000;
constexpr long rins_nodes = 2000;
constexpr long block_nodes = 200;
// No sub-search starts with less time than this left (loading it alone takes some).
constexpr double min_sub_seconds = detail::kMinCbcSeconds;
// The fix-and-optimise passes have stalled once they have not improved the plan
// for this share of the search's time (at least min_stall_seconds); the caller's
// on_stall then gets its turn (SearchInput::on_stall).
constexpr double stall_share = 0.1;
constexpr double min_stall_seconds = 3.0;
// The floor and RINS sub-searches give their time to the blocks once their CBC run
// has stalled for this share of it (at least min_sub_stall_seconds): on the
// make-or-buy week RINS found nothing in 10.7 s, while the day blocks that
// followed improved the plan five times in 6 s.
constexpr double sub_stall_share = 0.1;
constexpr double min_sub_stall_seconds = 2.0;

}  // namespace

Restriction restrict_model(const MilpModel& m, const std::vector<double>& lb,
                           const std::vector<double>& ub) {
  Restriction r;
  const int n = m.num_vars();
  std::vector<int> new_var(n, -1);
  std::vector<double> fixed_activity(m.num_rows(), 0.0);
  std::vector<int> free_count(m.num_rows(), 0);
  for (int v = 0; v < n; ++v) {
    const bool fixed = lb[v] == ub[v];
    if (fixed) {
      r.offset += m.cost[v] * lb[v];
      if (lb[v] != 0)
        for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it)
          fixed_activity[it.row()] += it.value() * lb[v];
      continue;
    }
    new_var[v] = static_cast<int>(r.kept.size());
    r.kept.push_back(v);
    for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it) ++free_count[it.row()];
  }
  std::vector<int> new_row(m.num_rows(), -1);
  MilpModel& s = r.model;
  for (int row = 0; row < m.num_rows(); ++row) {
    const double lo = m.row_lb[row] - fixed_activity[row];
    const double hi = m.row_ub[row] - fixed_activity[row];
    if (free_count[row] == 0) {
      if (lo > row_tol || hi < -row_tol) r.infeasible = true;
      continue;
    }
    new_row[row] = s.num_rows();
    s.row_lb.push_back(lo);
    s.row_ub.push_back(hi);
    s.row_key.push_back(m.row_key[row]);
  }
  std::vector<Eigen::Triplet<double>> entries;
  for (int k = 0; k < static_cast<int>(r.kept.size()); ++k) {
    const int v = r.kept[k];
    s.col_lb.push_back(lb[v]);
    s.col_ub.push_back(ub[v]);
    s.cost.push_back(m.cost[v]);
    s.integer.push_back(m.integer[v]);
    s.var_key.push_back(m.var_key[v]);
    for (Eigen::SparseMatrix<double>::InnerIterator it(m.a, v); it; ++it)
      if (const int row = new_row[it.row()]; row >= 0) entries.emplace_back(row, k, it.value());
  }
  s.a.resize(s.num_rows(), s.num_vars());
  s.a.setFromTriplets(entries.begin(), entries.end());
  s.a.makeCompressed();
  return r;
}

BlockBounds block_bounds(const MilpModel& m, const std::vector<int>& block, int b,
                         const std::vector<double>& incumbent, const std::vector<double>& lp_x,
                         const std::vector<double>& guide, bool on_support) {
  BlockBounds r{m.col_lb, m.col_ub};
  for (int v = 0; v < m.num_vars(); ++v) {
    if (!m.integer[v]) continue;
    if (block[v] != b) r.lb[v] = r.ub[v] = incumbent[v];
    else if (on_support && incumbent[v] == 0 && lp_x[v] <= int_tol && guide[v] <= int_tol) r.lb[v] = r.ub[v] = 0;
  }
  return r;
}

namespace {

class Search {
 public:
  Search(const SearchInput& in, std::vector<double> start, const SolveOptions& options,
         double seconds, Clock::time_point started)
      : in_(in), m_(*in.model), options_(options), started_(started),
        deadline_s_(std::min(options.time_limit_s, seconds_since(started) + seconds)),
        best_(std::move(start)) {
    stall_s_ = in.stall_seconds.value_or(
        std::max(min_stall_seconds, stall_share * (deadline_s_ - seconds_since(started))));
    best_cost_ = m_.objective(best_);
    has_tours_ = !m_.vars_of(VarFamily::tour).empty();
    bound_ = std::max(in.lp_bound, in.bound);
    target_ = bound_ / (1 - options.relative_gap);
  }

  SearchResult run() {
    if (in_.blocks_first && in_.guide_x.empty()) {
      block_passes();
      const int before = improvements_;
      if (!done()) floor_neighbourhood();
      if (!done()) rins();
      if (improvements_ > before) block_passes();
    } else {
      // Weekly tours: their rounding first, then the (quick) blocks from its plan.
      if (has_tours_ && !done() && tours_rounded()) block_passes();
      if (!done()) floor_neighbourhood();
      if (!done()) rins();
      block_passes();
    }
    return SearchResult{best_, best_cost_, improvements_};
  }

 private:
  // Fix-and-optimise passes over the blocks until a pass finds nothing: first on
  // the blocks cut down to the LP's support (fix_and_optimise), then on the whole
  // blocks. Cut down, even a site's whole week is small, so those passes take the
  // block lists widest first (the caller lists them narrowest first: days, then
  // sites, then contracts): a site's week moves agents between its days, which the
  // days then refine. t4-two-15m: 0.762 % in 6 runs of 6, days first 0.804 % in 5
  // of 7 (0.769 % in the other two).
  void block_passes() {
    last_improvement_s_ = seconds_since(started_);
    for (const bool on_support : {true, false})
      for (bool improved = true; improved && !done();) {
        improved = false;
        const std::size_t lists = in_.block_lists.size();
        for (std::size_t k = 0; k < lists; ++k) {
          const std::vector<int>& blocks = in_.block_lists[on_support ? lists - 1 - k : k];
          if (!done() && fix_and_optimise(blocks, on_support)) improved = true;
        }
      }
  }

  bool done() const {
    return best_cost_ <= target_ || seconds_left() <= min_sub_seconds || (options_.stop && options_.stop->load());
  }
  double seconds_left() const { return deadline_s_ - seconds_since(started_); }
  // The stall time of a floor or RINS run of `seconds` (SearchInput::sub_searches_stall).
  std::optional<double> sub_stall_seconds(double seconds) const {
    if (!in_.sub_searches_stall) return std::nullopt;
    return std::max(min_sub_stall_seconds, sub_stall_share * seconds);
  }

  // The caller's on_stall, once, when the passes have found nothing for stall_s_.
  void check_stall() {
    if (stall_handled_ || !in_.on_stall || seconds_since(started_) - last_improvement_s_ <= stall_s_) return;
    stall_handled_ = true;
    bound_ = std::max(bound_, in_.on_stall(best_cost_, seconds_left()));
    target_ = bound_ / (1 - options_.relative_gap);
  }

  const std::vector<double>& guide() const { return in_.guide_x.empty() ? in_.lp_x : in_.guide_x; }

  // Reduced-cost fixing against the current incumbent: 0 in every cheaper solution.
  bool fixed_at_zero(int v) const {
    const double slack = best_cost_ - in_.lp_bound + 1e-6 * std::max(1.0, std::abs(best_cost_));
    return m_.integer[v] && m_.col_lb[v] == 0 && in_.lp_x[v] <= int_tol && in_.reduced_cost[v] > slack;
  }

  // Solves the restriction (lb, ub) of the model; true when it improved the incumbent.
  bool solve(std::vector<double> lb, std::vector<double> ub, double seconds, long nodes,
             std::optional<double> stall_seconds = std::nullopt, bool on_support = false) {
    for (int v = 0; v < m_.num_vars(); ++v)
      if (fixed_at_zero(v)) lb[v] = ub[v] = 0;
    const Restriction r = restrict_model(m_, lb, ub);
    if (r.infeasible || r.model.num_vars() == 0) return false;
    // No row left (Clp's presolve cannot take an empty model): every free variable
    // goes to its cheaper bound.
    if (r.model.num_rows() == 0) {
      std::vector<double> x = lb;
      for (int v : r.kept) x[v] = m_.cost[v] >= 0 ? lb[v] : ub[v];
      return accept(std::move(x));
    }
    // The incumbent is the start when it lies inside the restriction.
    std::vector<double> start;
    bool inside = true;
    for (int v : r.kept) {
      inside = inside && best_[v] >= lb[v] - int_tol && best_[v] <= ub[v] + int_tol;
      start.push_back(best_[v]);
    }
    for (int v = 0; v < m_.num_vars() && inside; ++v)
      if (lb[v] == ub[v] && std::abs(best_[v] - lb[v]) > int_tol) inside = false;
    MipLimits limits;
    limits.seconds = std::min(seconds, seconds_left());
    limits.max_nodes = nodes;
    limits.stall_seconds = stall_seconds;
    limits.objective_offset = r.offset;
    limits.global_bound = bound_;
    // The run ends once its plan is within the whole problem's gap of its own bound.
    // Not "within (incumbent - target)": that ended every sub-search whose own bound
    // had reached the target at its first plan, or at once, where going on still
    // improves the plan (follow-the-sun tours: floor 45 680 at its first plan, 45 160
    // run on; f8-small-tight 0.69 -> 0.39 %, t4-two-15m 2.00 -> 1.62 %).
    // A block on the LP's support is small: CBC solves it plain (MipLimits::plain),
    // to within the gap of its own part of the cost, not of the whole plan's. With
    // the whole plan's gap (107 on t4-two-15m) a day block of cost 15 300 stopped at
    // its first plan, 34 above the optimum that the same run proves in 0.18 s.
    limits.plain = on_support;
    limits.absolute_gap = options_.relative_gap * (on_support ? std::max(0.0, best_cost_ - r.offset) : best_cost_);
    // Only strictly cheaper plans are of interest (1e-7 relative: round-off).
    limits.cutoff = best_cost_ - r.offset - 1e-7 * std::max(1.0, best_cost_);
    const MipResult mip = solve_mip(r.model, inside ? &start : nullptr, options_, limits, started_);
    if (!mip.x) return false;
    std::vector<double> x = lb;
    for (std::size_t k = 0; k < r.kept.size(); ++k)
      x[r.kept[k]] = m_.integer[r.kept[k]] ? std::round((*mip.x)[k]) : (*mip.x)[k];
    return accept(std::move(x));
  }

  bool accept(std::vector<double> x) {
    const double cost = m_.objective(x);
    if (!std::isfinite(cost) || cost >= best_cost_ - 1e-7 * std::max(1.0, best_cost_)) return false;
    best_ = std::move(x);
    best_cost_ = cost;
    last_improvement_s_ = seconds_since(started_);
    ++improvements_;
    return true;
  }

  // Every integer variable at least its guide value rounded down.
  std::vector<double> floor_lower_bounds() const {
    std::vector<double> lb = m_.col_lb;
    for (int v = 0; v < m_.num_vars(); ++v)
      if (m_.integer[v]) lb[v] = std::min(m_.col_ub[v], std::max(lb[v], std::floor(guide()[v] + int_tol)));
    return lb;
  }

  void floor_neighbourhood() {
    const double seconds = floor_share * seconds_left();
    solve(floor_lower_bounds(), m_.col_ub, seconds, floor_nodes, sub_stall_seconds(seconds));
  }

  // RENS on the weekly tours: floor's lower bounds, and every tour's agents at
  // most their LP value rounded up, so its people are fixed for the week up to
  // that rounding and CBC is left their days' shifts. True when it found a
  // cheaper plan.
  bool tours_rounded() {
    const std::vector<double> lb = floor_lower_bounds();
    std::vector<double> ub = m_.col_ub;
    for (int v : m_.vars_of(VarFamily::tour)) ub[v] = std::max(lb[v], std::min(ub[v], std::ceil(guide()[v] - int_tol)));
    const double seconds = tours_rounded_share * seconds_left();
    return solve(lb, ub, seconds, floor_nodes, sub_stall_seconds(seconds));
  }

  void rins() {
    std::vector<double> lb = m_.col_lb, ub = m_.col_ub;
    for (int v = 0; v < m_.num_vars(); ++v) {
      if (!m_.integer[v]) continue;
      const double r = std::round(guide()[v]);
      if (std::abs(guide()[v] - r) <= int_tol && r == best_[v]) lb[v] = ub[v] = r;
    }
    const double seconds = rins_share / (1 - floor_share) * seconds_left();
    solve(lb, ub, seconds, rins_nodes, sub_stall_seconds(seconds));
  }

  // Frees one block at a time around the incumbent. `on_support`: the block cut
  // down to the LP's support, every integer variable at 0 in the incumbent, the LP
  // and the guide staying 0. On t4-two-15m (two sites at 15 minutes, two break
  // windows) a day block shrinks from 6 154 variables to about 230 and CBC solves
  // it in a fraction of a second, where the whole block took 2-3 s to its first
  // better plan; the whole blocks follow from where the support blocks leave off.
  bool fix_and_optimise(const std::vector<int>& block, bool on_support) {
    const int count = block.empty() ? 0 : *std::max_element(block.begin(), block.end()) + 1;
    bool improved = false;
    for (int b = 0; b < count; ++b) {
      check_stall();
      if (done()) break;
      BlockBounds bounds = block_bounds(m_, block, b, best_, in_.lp_x, guide(), on_support);
      if (solve(std::move(bounds.lb), std::move(bounds.ub), seconds_left() / (count - b), block_nodes, std::nullopt,
                on_support))
        improved = true;
    }
    return improved;
  }

  const SearchInput& in_;
  const MilpModel& m_;
  const SolveOptions& options_;
  Clock::time_point started_;
  double deadline_s_;
  std::vector<double> best_;
  double best_cost_ = inf;
  double bound_ = 0;
  double target_ = 0;
  double last_improvement_s_ = 0;  // seconds since `started_`, from the first block pass on
  double stall_s_ = 0;
  bool stall_handled_ = false;
  int improvements_ = 0;
  bool has_tours_ = false;
};

}  // namespace

SearchResult neighbourhood_search(const SearchInput& in, std::vector<double> start,
                                  const SolveOptions& options, double seconds,
                                  std::chrono::steady_clock::time_point started) {
  return Search(in, std::move(start), options, seconds, started).run();
}

}  // namespace staffplan::optimize
