#pragma once
// Test shorthand: a service-level goal "level within within_s seconds".
#include "queueing/queueing.hpp"

namespace staffplan::testing {

inline queueing::Goals sl_goal(double level, double within_s) {
  queueing::Goals g;
  g.service_level = level;
  g.answer_within_s = within_s;
  return g;
}

}  // namespace staffplan::testing
