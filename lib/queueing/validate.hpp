#pragma once
// Parameter checks shared by the queueing entry points; each throws
// InvalidParameter with a message naming the parameter and the value.
#include "queueing/queueing.hpp"

namespace staffplan::queueing::detail {

void require_agents(int agents);
void require_finite_non_negative(const char* name, double value);
void require_positive(const char* name, double value);
void require_load(const Load& load);
void require_goals(const Goals& goals);

}  // namespace staffplan::queueing::detail
