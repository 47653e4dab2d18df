// Confidence intervals, checked against hand calculation with published Student t
// quantiles (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2: t(0.975, 4) = 2.776,
// t(0.975, 1) = 12.706).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "simulate/statistics.hpp"

namespace staffplan::simulate {
namespace {

TEST(Accumulator, StudentTIntervalByHand) {
  // 1..5: mean 3, s² = 10/4 = 2.5, s/√n = √0.5 = 0.70711, half = 2.776445 · 0.70711 = 1.96324.
  Accumulator a;
  for (double v : {1.0, 2.0, 3.0, 4.0, 5.0}) a.add(v);
  const Estimate e = a.estimate(-100, 100, 0.95);
  EXPECT_DOUBLE_EQ(e.mean, 3);
  EXPECT_NEAR(e.lo, 3 - 1.96324, 1e-5);
  EXPECT_NEAR(e.hi, 3 + 1.96324, 1e-5);
}

TEST(Accumulator, TwoObservationsUseOneDegreeOfFreedom) {
  // 0.7 and 0.9: mean 0.8, s = 0.141421, s/√2 = 0.1, half = 12.7062 · 0.1 = 1.27062,
  // clipped to [0, 1] as for a fraction.
  Accumulator a;
  a.add(0.7);
  a.add(0.9);
  const Estimate e = a.estimate(0, 1, 0.95);
  EXPECT_NEAR(e.mean, 0.8, 1e-15);
  EXPECT_EQ(e.lo, 0);
  EXPECT_EQ(e.hi, 1);
  const Estimate wide = a.estimate(-10, 10, 0.95);
  EXPECT_NEAR(wide.hi - wide.mean, 1.27062, 1e-5);
}

TEST(Accumulator, UndefinedObservationsAreSkipped) {
  Accumulator a;
  a.add(std::numeric_limits<double>::quiet_NaN());
  EXPECT_TRUE(std::isnan(a.estimate(0, 1, 0.95).mean));
  a.add(0.5);
  const Estimate one = a.estimate(0, 1, 0.95);
  EXPECT_EQ(one.mean, 0.5);
  EXPECT_TRUE(std::isnan(one.lo) && std::isnan(one.hi));  // no interval from one value
}

TEST(Accumulator, ConstantValuesHaveAZeroWidthInterval) {
  Accumulator a;
  for (int k = 0; k < 10; ++k) a.add(1);
  const Estimate e = a.estimate(0, 1, 0.95);
  EXPECT_EQ(e.mean, 1);
  EXPECT_EQ(e.lo, 1);
  EXPECT_EQ(e.hi, 1);
}

}  // namespace
}  // namespace staffplan::simulate
