#pragma once
// Whether a point keeps every row of a model, computed here from the matrix
// (A x against the row bounds), not by the solver code under test.
#include <gtest/gtest.h>

#include <Eigen/SparseCore>

#include <vector>

#include "optimize/milp_model.hpp"

namespace staffplan::testing {

inline Eigen::VectorXd row_activity(const optimize::MilpModel& model, const std::vector<double>& x) {
  return model.a * Eigen::Map<const Eigen::VectorXd>(x.data(), static_cast<Eigen::Index>(x.size()));
}

inline bool rows_hold(const optimize::MilpModel& model, const std::vector<double>& x, double tol = 1e-9) {
  const Eigen::VectorXd activity = row_activity(model, x);
  for (int r = 0; r < model.num_rows(); ++r)
    if (activity[r] < model.row_lb[r] - tol || activity[r] > model.row_ub[r] + tol) return false;
  return true;
}

// Every row holds at x, within tol; each failure names its row.
inline void expect_rows_hold(const optimize::MilpModel& model, const std::vector<double>& x, double tol = 1e-6) {
  const Eigen::VectorXd activity = row_activity(model, x);
  for (int r = 0; r < model.num_rows(); ++r) {
    EXPECT_GE(activity[r], model.row_lb[r] - tol) << model.row_name(r);
    EXPECT_LE(activity[r], model.row_ub[r] + tol) << model.row_name(r);
  }
}

}  // namespace staffplan::testing
