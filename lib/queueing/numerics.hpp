#pragma once
// Internal numerical building blocks of the queueing models (not part of the
// public API). All quantities that can overflow or underflow for large loads are
// carried as logarithms.
#include <functional>

namespace staffplan::queueing::detail {

// log of the Poisson-type mass m^k e^{-m} / Γ(k+1) for real k >= 0, m > 0, accurate
// to a few ulps in absolute terms for any size (Loader's saddle-point form with
// Boost's log1pmx for the deviance term), so it never underflows.
double log_poisson_mass(double k, double m);

// Regularized incomplete gamma P(a, z) and Q(a, z) (Boost.Math), returning 0 without
// calling Boost when the result is provably below e^-740 (Boost would compute
// z^a / Γ(a+1) there and can overflow in Γ). Bounds from the series / continued
// fraction: P(a,z) <= m(a,z) (a+1)/(a+1-z) for z < a+1 and
// Q(a,z) <= m(a-1,z) z/(z-a+1) for z > a-1, m = the Poisson-type mass above.
double regularized_gamma_p(double a, double z);
double regularized_gamma_q(double a, double z);

// log(1/B(n, a) - 1) where B is Erlang B, for n >= 1, a > 0. Uses
// 1/B - 1 = Q(n, a) / (a^n e^{-a} / n!) with Boost's regularized upper incomplete
// gamma Q; when Q underflows (n far below a) it falls back to the stable
// recursion, which is then well conditioned.
double log_inverse_blocking_minus_one(int n, double a);

// Integrals of w(s) * exp(phi(s)) over s in [0, upper] for the concave profile
// phi(s) = -rate * s + y * (1 - e^{-s}) (rate > 0, y >= 0), i.e. the Erlang A
// waiting-time integrals after the substitution u = e^{-s}. The result is scaled
// by exp(-phi(s*)) at the mode s*, so it never overflows; `log_scale` receives
// phi(s*). Graded 20-point Gauss-Legendre (Boost.Math) on the range where the
// integrand exceeds e^-60 of its peak; ~1e-13 relative (see profile_integral.cpp).
enum class Weight { one, s, one_minus_exp };
double profile_integral(double rate, double y, Weight weight, double upper, double* log_scale);

}  // namespace staffplan::queueing::detail
