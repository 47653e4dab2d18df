// Erlang B trunk sizing (lines_for_blocking) and blocking_probability. Expected
// values: the classic Erlang B table at 1 % grade of service (10 lines carry 4.46
// Erlangs, 18 lines 10.44, 30 lines 20.34, 117 lines 100.2 — so 4.46, 10, 20 and
// 100 Erlangs need 10, 18, 30 and 117 lines), and brute force inside the test: the
// textbook recursion B(n) = A B(n-1) / (n + A B(n-1)) stepped one line at a time.
#include <gtest/gtest.h>

#include "queueing/queueing.hpp"

namespace q = staffplan::queueing;

namespace {

// Smallest n with B(n, a) <= p, by stepping the recursion from n = 0.
int brute_force_lines(double a, double p) {
  int n = 0;
  double b = 1;
  while (b > p) {
    ++n;
    b = a * b / (n + a * b);
  }
  return n;
}

double brute_force_blocking(int lines, double a) {
  double b = 1;
  for (int n = 1; n <= lines; ++n) b = a * b / (n + a * b);
  return b;
}

}  // namespace

TEST(Trunks, PublishedErlangBTableAtOnePercent) {
  EXPECT_EQ(q::lines_for_blocking(4.46, 0.01), 10);
  EXPECT_EQ(q::lines_for_blocking(10, 0.01), 18);
  EXPECT_EQ(q::lines_for_blocking(20, 0.01), 30);
  EXPECT_EQ(q::lines_for_blocking(100, 0.01), 117);
}

TEST(Trunks, HandCalculationForTwoErlangs) {
  // A = 2: B(1) = 2/3, B(2) = 2 B1 / (2 + 2 B1) = 0.4, B(3) = 0.8 / 3.8 = 0.2105,
  // B(4) = 0.4211 / 4.4211 = 0.0952, B(5) = 0.1905 / 5.1905 = 0.0367.
  EXPECT_EQ(q::lines_for_blocking(2, 0.1), 4);
  EXPECT_EQ(q::lines_for_blocking(2, 0.05), 5);
  EXPECT_NEAR(q::blocking_probability(3, 2), 0.8 / 3.8, 1e-15);
}

TEST(Trunks, MatchesBruteForceAcrossLoadsAndTargets) {
  for (double a : {0.05, 0.7, 3.3, 12.5, 47.0, 230.0, 1000.0, 4321.5})
    for (double p : {0.5, 0.1, 0.02, 0.01, 0.001, 1e-6})
      EXPECT_EQ(q::lines_for_blocking(a, p), brute_force_lines(a, p)) << "A=" << a << " p=" << p;
}

TEST(Trunks, ClosedFormBeyondTheRecursionAgreesWithBruteForce) {
  // Above 10 000 lines blocking_probability switches to the incomplete-gamma form.
  for (const auto& [lines, a] : {std::pair{10001, 9800.0}, {12000, 11900.0}, {20000, 19500.0}}) {
    const double expected = brute_force_blocking(lines, a);
    EXPECT_NEAR(q::blocking_probability(lines, a), expected, 1e-9 * expected) << lines;
  }
  EXPECT_EQ(q::lines_for_blocking(19500, 0.01), brute_force_lines(19500, 0.01));
}

TEST(Trunks, EdgeCases) {
  EXPECT_EQ(q::lines_for_blocking(0, 0.01), 0);     // no traffic, no lines
  EXPECT_EQ(q::lines_for_blocking(5, 1), 0);        // everything may be blocked
  EXPECT_EQ(q::blocking_probability(0, 3), 1);
  EXPECT_EQ(q::blocking_probability(20000, 0), 0);
  EXPECT_THROW(q::lines_for_blocking(5, 0), q::InvalidParameter);
  EXPECT_THROW(q::lines_for_blocking(5, 1.5), q::InvalidParameter);
  EXPECT_THROW(q::lines_for_blocking(-1, 0.01), q::InvalidParameter);
  EXPECT_THROW(q::lines_for_blocking(3e9, 0.01), q::UnreachableGoal);
}
