// export_mps PLAN.yaml OUT.mps [--hull] [--counts]: the plan's MILP as staffplan
// builds it (columns, formulation, Round rows; with --hull also the interval hull
// cuts at its LP optimum, interval_hull.hpp; with --counts the seat counts CBC
// sees, seat_counts.hpp), written as MPS with family names, for checking the
// solver against another one: `scripts/highs_check.py OUT.mps` solves it
// with scipy's HiGHS and prints the LP value, the best plan and HiGHS' bound.
// A developer tool, built with the tests; not installed.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>

#include "load/load.hpp"
#include "optimize/columns.hpp"
#include "optimize/interval_hull.hpp"
#include "optimize/lp_dive.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/mps_export.hpp"
#include "optimize/seat_counts.hpp"
#include "require/require.hpp"

int main(int argc, char** argv) {
  using namespace staffplan;
  bool hull = false, counts = false, known = argc >= 3;
  for (int k = 3; k < argc; ++k) {
    hull = hull || std::strcmp(argv[k], "--hull") == 0;
    counts = counts || std::strcmp(argv[k], "--counts") == 0;
    known = known && (std::strcmp(argv[k], "--hull") == 0 || std::strcmp(argv[k], "--counts") == 0);
  }
  if (!known) {
    std::fprintf(stderr, "usage: export_mps PLAN.yaml OUT.mps [--hull] [--counts]\n");
    return 2;
  }
  try {
    const Plan plan = load::load_plan(argv[1]);
    const require::Requirement requirement = require::compute(plan);
    const optimize::ColumnSet columns = optimize::build_columns(plan);
    optimize::MilpModel model = optimize::build_milp(plan, requirement, columns, std::nullopt);
    if (hull) {
      optimize::SolveOptions options;
      options.time_limit_s = 600;
      const optimize::LpDiveResult lp =
          optimize::solve_lp_and_dive(model, options, std::chrono::steady_clock::now(), {.until_share = 0.0});
      if (lp.lp_feasible) optimize::append_hull_cuts(model, optimize::interval_hull_cuts(model, lp.lp_x));
    }
    if (counts) model = optimize::with_seat_counts(model);
    optimize::write_mps(model, argv[2]);
    std::printf("%s: %d variables, %d rows\n", argv[2], model.num_vars(), model.num_rows());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "export_mps: %s\n", e.what());
    return 2;
  }
  return 0;
}
