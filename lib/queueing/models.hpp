#pragma once
// Per-model metric evaluation, shared by evaluate() and the staffing search.
// Inputs are already validated.
#include "queueing/queueing.hpp"

namespace staffplan::queueing::detail {

// Metrics when no call is offered: nobody waits, SL 1, ASA 0, occupancy 0.
Metrics idle_metrics(int agents);

// Erlang C for n agents and a > 0 Erlangs, given Erlang B's B(n, a) (or its
// log(1/B - 1), whichever the caller has; pass the other as NaN).
Metrics erlang_c_metrics(int n, double a, double blocking, double log_inverse_blocking_minus_one,
                         double aht_s, double answer_within_s);

// Which Erlang A metrics the caller needs (ASA costs a quadrature).
struct Needs {
  bool service_level = true;
  bool asa = true;
};

// Erlang A for n agents and a > 0 Erlangs.
Metrics erlang_a_metrics(int n, double a, double aht_s, double patience_s, double answer_within_s,
                         Needs needs = {});

}  // namespace staffplan::queueing::detail
