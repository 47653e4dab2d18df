// Quadrature for the Erlang A waiting-time integrals (see numerics.hpp).
//
// With u = e^{-s}, the waiting-state sums of M/M/N+M collapse to integrals
//   ∫ w(s) exp(phi(s)) ds,  phi(s) = -rate*s + y*(1 - e^{-s}),
// whose integrand is log-concave with its mode at s* = ln(y/rate) (or 0). Around the
// mode, psi(d) = phi(s* + d) - phi(s*) = -rate*d - c*expm1(-d) with c = y e^{-s*},
// evaluated without cancellation. We integrate only where psi > -60 (the rest is
// below e^-60 ≈ 1e-26 of the peak, times a tail that decays at least exponentially),
// split at the mode, with Boost's adaptive 31-point Gauss-Kronrod rule to a relative
// tolerance of 1e-14.
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/tools/toms748_solve.hpp>

#include <cmath>
#include <limits>

#include "queueing/numerics.hpp"

namespace staffplan::queueing::detail {
namespace {

constexpr double kCut = 60;         // integrate where the integrand exceeds e^-60 of its peak
constexpr double kTolerance = 1e-14;
constexpr unsigned kMaxDepth = 12;

struct Profile {
  double rate, c;
  double operator()(double d) const { return -rate * d - c * std::expm1(-d); }
};

// Root of psi(d) = -kCut between `inside` (psi > -kCut) and `outside` (psi <= -kCut).
double cut_point(const Profile& psi, double inside, double outside) {
  boost::math::tools::eps_tolerance<double> tol(30);
  std::uintmax_t iterations = 100;
  const auto f = [&](double d) { return psi(d) + kCut; };
  const auto [lo, hi] = boost::math::tools::toms748_solve(f, inside, outside, f(inside), f(outside),
                                                          tol, iterations);
  return 0.5 * (lo + hi);
}

double integrate(const auto& f, double a, double b) {
  if (!(b > a)) return 0;
  double error = 0;
  return boost::math::quadrature::gauss_kronrod<double, 31>::integrate(f, a, b, kMaxDepth, kTolerance,
                                                                       &error);
}

}  // namespace

double profile_integral(double rate, double y, Weight weight, double upper, double* log_scale) {
  const bool interior = y > rate;
  const double mode = interior ? std::log(y / rate) : 0.0;
  const Profile psi{rate, interior ? rate : y};
  *log_scale = interior ? -rate * mode + (y - rate) : 0.0;

  // Right end: psi decreases for d > 0 (psi' = -rate + c e^{-d} <= 0 as c <= rate).
  double outside = 1;
  while (psi(outside) > -kCut) outside *= 2;
  double right = cut_point(psi, outside / 2 > 0 && psi(outside / 2) > -kCut ? outside / 2 : 0.0, outside);
  // Left end (interior mode only): psi increases on [-mode, 0].
  double left = 0;
  if (interior) left = psi(-mode) > -kCut ? -mode : cut_point(psi, 0.0, -mode);
  right = std::min(right, upper - mode);

  const auto integrand = [&](double d) {
    const double e = std::exp(psi(d));
    switch (weight) {
      case Weight::one: return e;
      case Weight::s: return (mode + d) * e;
      case Weight::one_minus_exp: return -std::expm1(-(mode + d)) * e;
    }
    return e;
  };
  if (right <= left) return 0;
  if (left < 0 && right > 0) return integrate(integrand, left, 0.0) + integrate(integrand, 0.0, right);
  return integrate(integrand, left, right);
}

}  // namespace staffplan::queueing::detail
