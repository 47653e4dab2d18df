// Erlang A (M/M/N+M): exact stationary solution of the birth-death chain with
// exponential patience, reduced to incomplete gamma functions.
//
// Notation: mu = 1/aht, theta = 1/patience, lambda = A mu, x = N mu/theta,
// y = lambda/theta. In state N + j (j calls queued) the chain's mass relative to
// state N is y^j / ((x+1)...(x+j)), so the waiting states sum to
//   S = sum_j y^j / (x+1)_j = e^y y^-x Γ(x+1) P(x, y)
// (P: regularized lower incomplete gamma), and with Erlang B's B(N, A)
//   P(wait) = 1 / (1 + R),  R = (1/B - 1) / S.
// A call arriving in state N + j is answered when the j+1 queue moves ahead of it
// (rates theta*(x+i), i = 0..j) finish before its own patience runs out. Its virtual
// wait V satisfies e^{-theta V} ~ Beta(x, j+1) (the Mellin transforms agree), and
// summing over j with the stationary weights gives, with u0 = e^{-theta t},
//   P(answered within t | wait) = (x/y) [P(x+1, y) - P(x+1, y u0)] / P(x, y)
//   P(abandon | wait)           = (y - x + x/S) / y
// and the mean wait of answered calls needs E[V e^{-theta V}], the mean of s under
// the density ∝ exp(-(x+1)s + y(1-e^{-s})), computed by quadrature (no closed form:
// it is the derivative of the incomplete gamma in its first argument).
// Where a closed form would cancel (P(abandon | wait) for x > y) or underflow
// (P(x, y) below 1e-280 for x far above y) the same integrals are evaluated by
// quadrature instead (profile_integral).
#include <cmath>
#include <limits>

#include "queueing/models.hpp"
#include "queueing/numerics.hpp"

namespace staffplan::queueing::detail {
namespace {

constexpr double kTiny = 1e-280;
constexpr double kInf = std::numeric_limits<double>::infinity();

// P(a, z1) - P(a, z0) for z0 <= z1, from whichever tail keeps both terms small.
double gamma_p_difference(double a, double z0, double z1) {
  if (z0 >= a) return regularized_gamma_q(a, z0) - regularized_gamma_q(a, z1);
  return regularized_gamma_p(a, z1) - regularized_gamma_p(a, z0);
}

// Ratio of two profile integrals with the same rate (they share the log scale).
double profile_ratio(double rate, double y, Weight num, Weight den) {
  double scale_num = 0, scale_den = 0;
  const double n = profile_integral(rate, y, num, kInf, &scale_num);
  const double d = profile_integral(rate, y, den, kInf, &scale_den);
  return n / d;
}

}  // namespace

Metrics erlang_a_metrics(int n, double a, double aht_s, double patience_s, double t, Needs needs) {
  Metrics m;
  m.agents = n;
  m.erlangs = a;
  if (n == 0) {  // nobody is ever answered
    m.p_wait = 1;
    m.p_abandon = 1;
    m.service_level = 0;
    m.asa_s = kInf;
    m.occupancy = 0;
    return m;
  }
  const double ratio = patience_s / aht_s;
  const double x = n * ratio;
  const double y = a * ratio;

  // log S, from the closed form or, when P(x, y) underflows, S = x ∫ e^{-xs + y(1-e^{-s})} ds.
  const double p_xy = regularized_gamma_p(x, y);
  const bool closed = p_xy > kTiny;
  double log_s;
  if (closed) {
    log_s = std::log(p_xy) - log_poisson_mass(x, y);
  } else {
    double scale = 0;
    log_s = std::log(x) + std::log(profile_integral(x, y, Weight::one, kInf, &scale)) + scale;
  }
  const double log_r = log_inverse_blocking_minus_one(n, a) - log_s;
  m.p_wait = 1 / (1 + std::exp(log_r));
  const double p_no_wait = 1 / (1 + std::exp(-log_r));

  // P(abandon | wait): closed form when its terms are all non-negative (y >= x),
  // else the mean of 1 - e^{-s} under the waiting-state density (no cancellation).
  const double abandon_given_wait =
      y >= x ? (y - x + x * std::exp(-log_s)) / y
             : profile_ratio(x, y, Weight::one_minus_exp, Weight::one);
  const double answered_given_wait = 1 - abandon_given_wait;
  m.p_abandon = m.p_wait * abandon_given_wait;
  const double p_answered = p_no_wait + m.p_wait * answered_given_wait;
  m.occupancy = a * p_answered / n;

  if (needs.service_level) {
    double within;  // P(answered within t | wait)
    if (std::isinf(t)) {
      within = answered_given_wait;
    } else if (closed) {
      const double u0 = std::exp(-t / patience_s);
      within = (x / y) * gamma_p_difference(x + 1, y * u0, y) / p_xy;
    } else {
      double scale1 = 0, scale0 = 0;
      const double part = profile_integral(x + 1, y, Weight::one, t / patience_s, &scale1);
      const double whole = profile_integral(x, y, Weight::one, kInf, &scale0);
      within = std::exp(scale1 - scale0) * part / whole;
    }
    m.service_level = p_no_wait + m.p_wait * within;
  }
  if (needs.asa) {
    // E[V 1{answered} | wait] = P(answered | wait) * E[s]/theta under exp(phi_{x+1}).
    const double mean_s = profile_ratio(x + 1, y, Weight::s, Weight::one);
    m.asa_s = m.p_wait * answered_given_wait * mean_s * patience_s / p_answered;
  }
  return m;
}

}  // namespace staffplan::queueing::detail
