#pragma once
// Mean and confidence interval over independent replications.
#include <vector>

#include "simulate/simulate.hpp"

namespace staffplan::simulate {

// `values` holds one observation per replication; NaN marks a replication in which
// the quantity is undefined (e.g. ASA when no call was answered) and is skipped.
// The interval is mean ± t((1 + level) / 2, n − 1) · s / √n, level 0.95 by default,
// with the Student t quantile from
// Boost.Math: replications are i.i.d., and their per-replication means are close
// to normal for the sample sizes used here (each averages many calls). Bounds are
// clipped to [floor, ceiling] (e.g. [0, 1] for a fraction). With n < 2 the bounds
// are NaN (no interval), with n = 0 the mean is NaN too.
Estimate estimate(const std::vector<double>& values, double floor, double ceiling, double level);

}  // namespace staffplan::simulate
