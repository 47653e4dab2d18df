// Erlang B (M/M/N/N blocking) and the log-space helpers shared by Erlang C and A.
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/log1p.hpp>

#include <cmath>
#include <numbers>

#include "queueing/boost_policy.hpp"
#include "queueing/numerics.hpp"
#include "queueing/queueing.hpp"
#include "queueing/validate.hpp"

namespace staffplan::queueing {
namespace detail {
namespace {

// Values below this are treated as underflowed (they have lost relative precision or
// will once divided); the callers then switch to a formulation that cannot underflow.
constexpr double kTiny = 1e-280;

// stirlerr(k) = lgamma(k + 1) - (k + 1/2) ln k + k - ln(2 pi)/2: the error of
// Stirling's formula. For k >= 16 its asymptotic series converges to below 1e-17
// after five terms (C. Loader, "Fast and accurate computation of binomial
// probabilities", 2000).
double stirling_error(double k) {
  const double k2 = k * k;
  constexpr double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
  return (s0 - (s1 - (s2 - (s3 - s4 / k2) / k2) / k2) / k2) / k;
}

}  // namespace

double log_poisson_mass(double k, double m) {
  if (k == 0) return -m;
  if (k < 16) return k * std::log(m) - m - std::lgamma(k + 1);
  // The "deviance" k ln(k/m) + m - k: near m = k it cancels, so there it is
  // -k * log1pmx((m-k)/k); far from it the direct form is exact enough (and log1pmx
  // would overflow at (m-k)/k = -1 when m/k underflows).
  const double relative = (m - k) / k;
  const double deviance = std::abs(relative) < 0.5 ? -k * boost::math::log1pmx(relative, BoostPolicy())
                                                   : k * std::log(k / m) + m - k;
  return -0.5 * std::log(2 * std::numbers::pi * k) - stirling_error(k) - deviance;
}

double regularized_gamma_p(double a, double z) {
  constexpr double kNegligible = -740;  // below the smallest subnormal double
  if (z < a && log_poisson_mass(a, z) + std::log((a + 1) / (a + 1 - z)) < kNegligible) return 0;
  return boost::math::gamma_p(a, z, BoostPolicy());
}

double regularized_gamma_q(double a, double z) {
  constexpr double kNegligible = -740;
  if (a > 1 && z > a && log_poisson_mass(a - 1, z) + std::log(z / (z - a + 1)) < kNegligible) return 0;
  return boost::math::gamma_q(a, z, BoostPolicy());
}

double log_inverse_blocking_minus_one(int n, double a) {
  const double q = regularized_gamma_q(static_cast<double>(n), a);
  if (q > kTiny) return std::log(q) - log_poisson_mass(n, a);
  // n is far below a (the Poisson(a) left tail up to n-1 underflows): here B(n-1) is
  // close to 1 - (n-1)/a, the forward recursion is well conditioned, and
  // 1/B(n) - 1 = (n/a) / B(n-1).
  return std::log(n / a) - std::log(erlang_b(n - 1, a));
}

}  // namespace detail

double erlang_b(int agents, double erlangs) {
  detail::require_agents(agents);
  detail::require_finite_non_negative("erlangs", erlangs);
  // B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)): every step is a contraction of the
  // relative error, so the result is accurate to a few ulps for any n.
  double b = 1;
  for (int n = 1; n <= agents; ++n) b = erlangs * b / (n + erlangs * b);
  return b;
}

double blocking_probability(int lines, double erlangs) {
  // Up to this many lines the O(n) recursion is cheap (microseconds) and exact.
  constexpr int kRecursionLines = 10000;
  detail::require_agents(lines);
  detail::require_finite_non_negative("erlangs", erlangs);
  if (erlangs == 0) return lines == 0 ? 1 : 0;
  if (lines <= kRecursionLines) return erlang_b(lines, erlangs);
  // 1/B - 1 = Q(n, a) / (a^n e^-a / n!), carried in logarithms.
  return 1 / (1 + std::exp(detail::log_inverse_blocking_minus_one(lines, erlangs)));
}

}  // namespace staffplan::queueing
