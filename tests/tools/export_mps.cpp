// export_mps PLAN.yaml OUT.mps: the plan's MILP as staffplan builds it (columns,
// formulation, Round rows), written as MPS with family names, for checking the
// solver against another one: `scripts/highs_check.py OUT.mps` solves it
// with scipy's HiGHS and prints the LP value, the best plan and HiGHS' bound.
// A developer tool, built with the tests; not installed.
#include <cstdio>
#include <exception>

#include "load/load.hpp"
#include "optimize/columns.hpp"
#include "optimize/milp_model.hpp"
#include "optimize/mps_export.hpp"
#include "require/require.hpp"

int main(int argc, char** argv) {
  using namespace staffplan;
  if (argc != 3) {
    std::fprintf(stderr, "usage: export_mps PLAN.yaml OUT.mps\n");
    return 2;
  }
  try {
    const Plan plan = load::load_plan(argv[1]);
    const require::Requirement requirement = require::compute(plan);
    const optimize::ColumnSet columns = optimize::build_columns(plan);
    const optimize::MilpModel model = optimize::build_milp(plan, requirement, columns, std::nullopt);
    optimize::write_mps(model, argv[2]);
    std::printf("%s: %d variables, %d rows\n", argv[2], model.num_vars(), model.num_rows());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "export_mps: %s\n", e.what());
    return 2;
  }
  return 0;
}
