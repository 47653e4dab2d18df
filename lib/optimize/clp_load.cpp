#include "optimize/clp_load.hpp"

#include <coin/CoinPackedMatrix.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <vector>

namespace staffplan::optimize {
namespace {

double finite_or(double value, double big) {
  if (std::isinf(value)) return value > 0 ? big : -big;
  return value;
}

}  // namespace

void load_into(const MilpModel& m, OsiClpSolverInterface& solver, bool with_integers) {
  const int cols = m.num_vars();
  std::vector<int> length(cols);
  const int* outer = m.a.outerIndexPtr();
  for (int v = 0; v < cols; ++v) length[v] = outer[v + 1] - outer[v];
  const CoinPackedMatrix matrix(true, m.num_rows(), cols, m.a.nonZeros(), m.a.valuePtr(),
                                m.a.innerIndexPtr(), outer, length.data());
  const double big = solver.getInfinity();
  std::vector<double> col_ub(cols), row_lb(m.num_rows()), row_ub(m.num_rows());
  for (int v = 0; v < cols; ++v) col_ub[v] = finite_or(m.col_ub[v], big);
  for (int r = 0; r < m.num_rows(); ++r) {
    row_lb[r] = finite_or(m.row_lb[r], big);
    row_ub[r] = finite_or(m.row_ub[r], big);
  }
  solver.messageHandler()->setLogLevel(0);
  solver.getModelPtr()->setLogLevel(0);
  solver.loadProblem(matrix, m.col_lb.data(), col_ub.data(), m.cost.data(), row_lb.data(),
                     row_ub.data());
  if (with_integers)
    for (int v = 0; v < cols; ++v)
      if (m.integer[v]) solver.setInteger(v);
}

QuietStdout::QuietStdout() {
  std::fflush(stdout);
  saved_ = dup(STDOUT_FILENO);
  const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (saved_ >= 0 && null >= 0) dup2(null, STDOUT_FILENO);
  if (null >= 0) close(null);
}

QuietStdout::~QuietStdout() {
  std::fflush(stdout);
  if (saved_ >= 0) {
    dup2(saved_, STDOUT_FILENO);
    close(saved_);
  }
}

}  // namespace staffplan::optimize
