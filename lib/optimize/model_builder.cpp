// ModelBuilder: appends variables and rows with their family keys.
#include "optimize/model_builder.hpp"

#include <utility>

namespace staffplan::optimize {

int ModelBuilder::add_var(const VarKey& key, double lb, double ub, double cost, bool integer) {
  const int v = model_.num_vars();
  model_.col_lb.push_back(lb);
  model_.col_ub.push_back(ub);
  model_.cost.push_back(cost);
  model_.integer.push_back(integer);
  model_.var_key.push_back(key);
  return v;
}

int ModelBuilder::add_row(const RowKey& key, double lb, double ub) {
  const int r = model_.num_rows();
  model_.row_lb.push_back(lb);
  model_.row_ub.push_back(ub);
  model_.row_key.push_back(key);
  return r;
}

MilpModel ModelBuilder::build() {
  model_.a.resize(model_.num_rows(), model_.num_vars());
  model_.a.setFromTriplets(entries_.begin(), entries_.end());
  model_.a.makeCompressed();
  entries_.clear();
  return std::exchange(model_, MilpModel{});
}

}  // namespace staffplan::optimize
