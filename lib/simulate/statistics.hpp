#pragma once
// Mean and confidence interval over independent replications.
#include "simulate/simulate.hpp"

namespace staffplan::simulate {

// Accumulates one observation per replication, in replication order, with
// Welford's update (numerically stable in one pass, so the per-replication values
// need not be kept: memory stays independent of the number of replications).
// NaN marks a replication in which the quantity is undefined (e.g. ASA when no
// call was answered) and is skipped.
class Accumulator {
 public:
  void add(double value);

  // mean ± t((1 + level) / 2, n − 1) · s / √n, with the Student t quantile from
  // Boost.Math: replications are i.i.d., and each per-replication value averages
  // many calls, so it is close to normal. Bounds are clipped to [floor, ceiling]
  // (e.g. [0, 1] for a fraction). With n < 2 the bounds are NaN (no interval),
  // with n = 0 the mean is NaN too.
  Estimate estimate(double floor, double ceiling, double level) const;

 private:
  long long n_ = 0;
  double mean_ = 0;
  double m2_ = 0;  // sum of squared deviations from the running mean
};

}  // namespace staffplan::simulate
