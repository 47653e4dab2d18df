// Erlang C (M/M/N): P(wait), service level, ASA and occupancy as SPEC §2 defines them.
#include <cmath>
#include <limits>

#include "queueing/models.hpp"
#include "queueing/numerics.hpp"
#include "queueing/validate.hpp"

namespace staffplan::queueing {
namespace detail {

Metrics idle_metrics(int agents) {
  Metrics m;
  m.agents = agents;
  m.service_level = 1;
  return m;
}

Metrics erlang_c_metrics(int n, double a, double blocking, double log_r, double aht_s,
                         double answer_within_s) {
  Metrics m;
  m.agents = n;
  m.erlangs = a;
  if (n <= a) {  // unstable: the queue grows without bound
    m.p_wait = 1;
    m.service_level = 0;
    m.asa_s = std::numeric_limits<double>::infinity();
    m.occupancy = 1;
    m.stable = false;
    return m;
  }
  // C = N B / (N - A (1 - B)) = 1 / (1 + (1 - A/N) (1/B - 1)); every term is positive
  // for N > A, so there is no cancellation. From log(1/B - 1) it cannot overflow.
  const double slack = (n - a) / n;
  if (std::isnan(log_r))
    m.p_wait = n * blocking / (n - a * (1 - blocking));
  else
    m.p_wait = 1 / (1 + std::exp(std::log(slack) + log_r));
  m.service_level = 1 - m.p_wait * std::exp(-(n - a) * answer_within_s / aht_s);
  m.asa_s = m.p_wait * aht_s / (n - a);
  m.occupancy = a / n;
  return m;
}

}  // namespace detail

double erlang_c(int agents, double erlangs) {
  detail::require_agents(agents);
  detail::require_finite_non_negative("erlangs", erlangs);
  if (erlangs == 0) return agents == 0 ? 1 : 0;
  if (agents <= erlangs) return 1;
  const double log_r = detail::log_inverse_blocking_minus_one(agents, erlangs);
  return detail::erlang_c_metrics(agents, erlangs, NAN, log_r, 1, 0).p_wait;
}

}  // namespace staffplan::queueing
