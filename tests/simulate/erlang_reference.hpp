#pragma once
// Reference values for the validation tests, from textbook closed forms written
// out here independently of lib/queueing (so the simulation and the queueing core
// are each checked against something they do not share).
#include <cmath>

namespace staffplan::testing {

// Erlang B by the standard recursion B(k) = A·B(k−1) / (k + A·B(k−1)), B(0) = 1.
inline double reference_erlang_b(int agents, double erlangs) {
  double b = 1;
  for (int k = 1; k <= agents; ++k) b = erlangs * b / (k + erlangs * b);
  return b;
}

// M/M/N (Erlang C), stable case N > A: C = N·B / (N − A·(1 − B)),
// SL(t) = 1 − C·exp(−(N − A)·t / aht), ASA = C·aht / (N − A).
struct ErlangC {
  double p_wait, service_level, asa_s;
};
inline ErlangC reference_erlang_c(int agents, double erlangs, double aht_s, double within_s) {
  const double b = reference_erlang_b(agents, erlangs);
  const double c = agents * b / (agents - erlangs * (1 - b));
  return {c, 1 - c * std::exp(-(agents - erlangs) * within_s / aht_s), c * aht_s / (agents - erlangs)};
}

// M/M/N+M (Erlang A) from its birth–death chain: state k = calls in the system,
// birth rate λ, death rate min(k, N)·μ + max(k − N, 0)·θ. By PASTA an arrival sees
// the stationary π. An arrival that finds j = k − N ≥ 0 callers waiting ahead goes
// through stages m = j, …, 0; in stage m the queue ahead shrinks at rate
// r_m = N·μ + m·θ while the caller hangs up at rate θ. It is answered with
// probability Π r_m / (r_m + θ), and, given that, waits Σ 1 / (r_m + θ) on average
// (the length of an exponential race does not depend on who wins it).
struct ErlangA {
  double p_wait, p_abandon, asa_s;
  double p_abandon_little;  // θ·E[queue length] / λ, the same quantity another way
};
inline ErlangA reference_erlang_a(int agents, double calls_per_s, double aht_s, double patience_s) {
  const double mu = 1 / aht_s, theta = 1 / patience_s, n = agents;
  double pi = 1, total = 0, waiting = 0, served = 0, served_wait = 0, queue_length = 0;
  double p_served = 1, mean_wait = 0;  // for j callers ahead, updated stage by stage
  for (int k = 0;; ++k) {
    if (k > 0) pi *= calls_per_s / (std::min(k, agents) * mu + std::max(k - agents, 0) * theta);
    if (k >= agents) {
      const double r = n * mu + (k - agents) * theta;
      p_served *= r / (r + theta);
      mean_wait += 1 / (r + theta);
      waiting += pi;
      queue_length += pi * (k - agents);
      served += pi * p_served;
      served_wait += pi * p_served * mean_wait;
    } else {
      served += pi;
    }
    total += pi;
    if (k > agents && pi < 1e-18 * total) break;
  }
  return {waiting / total, 1 - served / total, served_wait / served,
          theta * (queue_length / total) / calls_per_s};
}

}  // namespace staffplan::testing
