#include "simulate/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/students_t.hpp>

namespace staffplan::simulate {

Estimate estimate(const std::vector<double>& values, double floor, double ceiling, double level) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  // Two passes (mean, then squared deviations) in index order: exact enough and
  // independent of thread scheduling.
  double sum = 0;
  int n = 0;
  for (double v : values)
    if (!std::isnan(v)) {
      sum += v;
      ++n;
    }
  if (n == 0) return {nan, nan, nan};
  const double mean = sum / n;
  if (n < 2) return {mean, nan, nan};
  double squares = 0;
  for (double v : values)
    if (!std::isnan(v)) squares += (v - mean) * (v - mean);
  const double std_error = std::sqrt(squares / (n - 1) / n);
  const boost::math::students_t t(n - 1);
  const double half = boost::math::quantile(boost::math::complement(t, (1 - level) / 2)) * std_error;
  return {mean, std::clamp(mean - half, floor, ceiling), std::clamp(mean + half, floor, ceiling)};
}

}  // namespace staffplan::simulate
