#pragma once
// Large-neighbourhood search around the LP relaxation (issue 10): small MILPs
// cut out of the whole model, each solved by CBC with the incumbent as its start
// and cutoff, so that every sub-search can only return something better.
//
// Neighbourhoods:
//   tours    with weekly tours: floor's lower bounds, and every tour x ≤ ceil(x_LP)
//            (RENS on the tours: the people all but fixed, their shifts free);
//   floor    x ≥ floor(x_LP): keep every whole agent the LP already places and let
//            CBC decide the fractional rest;
//   RINS     fix every variable where the LP solution and the incumbent agree,
//            solve the rest (relaxation-induced neighbourhood search);
//   blocks   fix-and-optimise: free the variables of one block (a day of shift
//            starts, or a site) around the incumbent, fix every other one; first
//            each block cut down to the LP's support (block_bounds), then whole.
// Where every row is local in time (SearchInput::blocks_first) the block passes
// run first, then floor and RINS, then the blocks again if those improved the
// plan; elsewhere (tours, a day or week goal), and wherever floor and RINS round
// CBC's cut LP (SearchInput::guide_x), floor and RINS come first, after the tours
// neighbourhood and, where it found a plan, the block passes.
// Plus reduced-cost fixing in all of them (a variable whose reduced cost exceeds
// incumbent − LP bound is 0 in every cheaper solution).
//
// Everything here works on the generic matrix view of MilpModel (column-major
// matrix, column bounds, integrality, objective, row bounds) and never changes the
// lower bound: sub-MILPs restrict the problem, so their bounds say nothing about
// the whole one.
#include <chrono>
#include <functional>
#include <optional>
#include <vector>

#include "optimize/milp_model.hpp"
#include "optimize/optimize.hpp"

namespace staffplan::optimize {

// The model with variables fixed (col_lb == col_ub) substituted out: their row
// contributions move into the row bounds, rows left without free variables are
// dropped. `kept[k]` is the original index of sub-model variable k; `offset` the
// cost of the fixed variables.
struct Restriction {
  MilpModel model;
  std::vector<int> kept;
  double offset = 0;
  bool infeasible = false;   // a dropped row is violated by the fixed values
};

Restriction restrict_model(const MilpModel& model, const std::vector<double>& lb,
                           const std::vector<double>& ub);

// The bounds of fix-and-optimise block `b` around `incumbent`: every integer
// variable outside the block fixed at its incumbent value. With `on_support` the
// block is cut down to the LP's support: its integer variables that are 0 in the
// incumbent, in `lp_x` and in `guide` are fixed at 0 too. Continuous variables
// stay free.
struct BlockBounds {
  std::vector<double> lb, ub;
};
BlockBounds block_bounds(const MilpModel& model, const std::vector<int>& block, int b,
                         const std::vector<double>& incumbent, const std::vector<double>& lp_x,
                         const std::vector<double>& guide, bool on_support);

struct SearchInput {
  const MilpModel* model = nullptr;
  std::vector<double> lp_x;             // LP relaxation optimum
  // The point floor and RINS round from: CBC's root LP after its cuts where the
  // caller has it (MipResult::root_x), else empty and they use lp_x.
  std::vector<double> guide_x;
  std::vector<double> reduced_cost;     // at the LP optimum
  double lp_bound = 0;                  // the LP optimum (reduced-cost fixing needs exactly it)
  // Fix-and-optimise blocks: block[v] ≥ 0 groups the variables freed together;
  // several block lists may be given, narrowest first (by day, by site), each
  // tried in turn: in that order for the whole blocks, widest first for the
  // blocks cut down to the LP's support.
  std::vector<std::vector<int>> block_lists;
  double bound = -1e300;                // best proven bound (LP or CBC): the gap target and progress
  // Called once, the first time the fix-and-optimise passes have found nothing
  // for the stall time, with the best cost so far and the seconds the search has
  // left; returns the best proven bound after it. The caller raises the bound
  // there (the parts' bound) in time the search would spend finding nothing; the
  // search then goes on, with the new bound as its gap target.
  std::function<double(double best_cost, double seconds_left)> on_stall;
  // How long the passes may find nothing before on_stall; unset: 10 % of the
  // search's time, at least 3 s.
  std::optional<double> stall_seconds;
  // The floor and RINS sub-searches end once they find no cheaper plan for a
  // tenth of their time (at least 2 s), giving it to the blocks. Right where the
  // day blocks can move the plan (every row local in time); where rows tie the
  // week together (tours, a day or week goal) the blocks are weaker and the
  // follow-the-sun tours week came out 0.4 % dearer, so the caller says.
  bool sub_searches_stall = true;
  // The block passes before floor and RINS. Where every row is local in time the
  // day blocks move the plan fastest: on w2-one-2h (one site, 2 h break windows)
  // floor and RINS found nothing in 14 s, while the blocks that followed took the
  // plan from 58 245 to 57 150 (0.08 %) in 6 s; make-or-buy in intervals mode
  // reached 38 565.60 (HiGHS' optimum) in 12.5 s instead of 38 658 in 60 s. On
  // the tours week the blocks are weaker and it came out dearer (45 880 against
  // 45 680), so the caller says.
  bool blocks_first = false;
};

struct SearchResult {
  std::vector<double> x;  // the best solution (at least as good as the start)
  double cost = 0;
  int improvements = 0;
};

// Improves `start` (a feasible integer solution of the whole model) until the gap
// to the LP bound is within options.relative_gap, or `seconds` have passed.
SearchResult neighbourhood_search(const SearchInput& in, std::vector<double> start,
                                  const SolveOptions& options, double seconds,
                                  std::chrono::steady_clock::time_point started);

}  // namespace staffplan::optimize
