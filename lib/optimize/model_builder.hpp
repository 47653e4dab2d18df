#pragma once
// Assembles a MilpModel one named variable and row at a time (in the manner of
// OR-Tools' and HiGHS' model builders): the formulation says what it adds, the
// builder keeps the matrix, bounds and family keys in step.
#include <Eigen/SparseCore>

#include <limits>
#include <vector>

#include "optimize/milp_model.hpp"

namespace staffplan::optimize {

inline constexpr double infinity = std::numeric_limits<double>::infinity();

class ModelBuilder {
 public:
  int add_var(const VarKey& key, double lb, double ub, double cost, bool integer);
  int add_row(const RowKey& key, double lb, double ub);
  void add_entry(int row, int var, double value) { entries_.emplace_back(row, var, value); }
  double var_ub(int var) const { return model_.col_ub[var]; }
  double row_lb(int row) const { return model_.row_lb[row]; }
  bool is_integer(int var) const { return model_.integer[var]; }
  int num_vars() const { return model_.num_vars(); }
  int num_rows() const { return model_.num_rows(); }
  MilpModel build();  // the builder is empty afterwards

 private:
  MilpModel model_;
  std::vector<Eigen::Triplet<double>> entries_;
};

}  // namespace staffplan::optimize
