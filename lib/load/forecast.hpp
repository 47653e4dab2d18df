#pragma once
// Forecast helpers shared by the `rows` and `csv` readers.
#include <cstdint>
#include <optional>
#include <string>

#include "model/plan.hpp"

namespace staffplan::load {

// Index of the plan interval starting exactly at `utc`, or nullopt with `error`
// set ("... is not on the 30m interval grid", "... is outside the horizon ...").
std::optional<int> interval_at(const Horizon& horizon, std::int64_t utc, std::string& error);

}  // namespace staffplan::load
