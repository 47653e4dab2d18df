#include "queueing/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace staffplan::queueing::detail {
namespace {

[[noreturn]] void fail(const char* name, const char* expected, double value) {
  throw InvalidParameter(fmt::format("{} must be {}, got {}", name, expected, value));
}

void require_fraction(const char* name, double value, bool zero_ok, bool one_ok) {
  const bool ok = std::isfinite(value) && (zero_ok ? value >= 0 : value > 0) &&
                  (one_ok ? value <= 1 : value < 1);
  if (!ok) {
    const char* range = zero_ok ? (one_ok ? "in [0, 1]" : "in [0, 1)") : (one_ok ? "in (0, 1]" : "in (0, 1)");
    fail(name, range, value);
  }
}

}  // namespace

void require_agents(int agents) {
  if (agents < 0) throw InvalidParameter(fmt::format("agents must be >= 0, got {}", agents));
}

void require_finite_non_negative(const char* name, double value) {
  if (!std::isfinite(value) || value < 0) fail(name, "a finite number >= 0", value);
}

void require_positive(const char* name, double value) {
  if (!std::isfinite(value) || value <= 0) fail(name, "a finite number > 0", value);
}

std::string patience_too_long(const Load& load) {
  return fmt::format("patience {}s is too long to evaluate Erlang A with aht {}s and {:.6g} Erlangs: patience / "
                     "aht x Erlangs is {:.3g}, the most that can be evaluated is {:.0e}; callers this patient "
                     "practically never hang up, so use the erlang_c model",
                     load.patience_s, load.aht_s, load.erlangs(),
                     load.patience_s / load.aht_s * std::max(1.0, load.erlangs()), max_patience_load);
}

void require_load(const Load& load) {
  require_finite_non_negative("calls", load.calls);
  require_positive("aht", load.aht_s);
  require_positive("interval", load.interval_s);
  if (load.model == Model::erlang_a) require_positive("patience", load.patience_s);
  if (!std::isfinite(load.erlangs()))
    throw InvalidParameter(fmt::format("offered load {} * {} / {} is not a finite number", load.calls,
                                       load.aht_s, load.interval_s));
  const double ratio = load.patience_s / load.aht_s;
  if (load.model == Model::erlang_a && ratio > min_suspect_patience_ratio &&
      !(ratio * std::max(1.0, load.erlangs()) <= max_patience_load))
    throw InvalidParameter(patience_too_long(load));
}

void require_goals(const Goals& goals) {
  // Range checks only; goals that are valid but unreachable (service level 100 %,
  // occupancy 0, ASA 0, abandonment 0) are reported by the search as UnreachableGoal.
  if (goals.service_level) {
    require_fraction("service level", *goals.service_level, true, true);
    require_finite_non_negative("answer within", goals.answer_within_s);
  }
  if (goals.asa_s) require_finite_non_negative("asa", *goals.asa_s);
  if (goals.max_occupancy) require_fraction("max occupancy", *goals.max_occupancy, true, true);
  if (goals.max_abandon) require_fraction("max abandon", *goals.max_abandon, true, true);
}

}  // namespace staffplan::queueing::detail
