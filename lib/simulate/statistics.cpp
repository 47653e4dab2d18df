#include "simulate/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/students_t.hpp>

namespace staffplan::simulate {

void Accumulator::add(double value) {
  if (std::isnan(value)) return;
  ++n_;
  const double delta = value - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (value - mean_);
}

Estimate Accumulator::estimate(double floor, double ceiling, double level) const {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  if (n_ == 0) return {nan, nan, nan};
  if (n_ < 2) return {mean_, nan, nan};
  const double n = static_cast<double>(n_);
  const double std_error = std::sqrt(m2_ / (n - 1) / n);
  const boost::math::students_t t(n - 1);
  const double half = boost::math::quantile(boost::math::complement(t, (1 - level) / 2)) * std_error;
  return {mean_, std::clamp(mean_ - half, floor, ceiling), std::clamp(mean_ + half, floor, ceiling)};
}

}  // namespace staffplan::simulate
