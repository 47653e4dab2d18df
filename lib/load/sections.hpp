#pragma once
// The loader's sections, one file each: horizon (horizon.cpp), goals (goal.cpp),
// queues and forecasts (queues.cpp, forecast.cpp), sites and shifts (sites.cpp,
// shift_starts.cpp). Each reads its part of the YAML into the Plan and records
// problems in Diagnostics; none throws for bad input.
#include <date/tz.h>

#include <optional>
#include <string>

#include "load/diagnostics.hpp"
#include "load/fields.hpp"
#include "model/plan.hpp"

namespace staffplan::load {

// What later sections need to know about the plan clock; `zone` is null (and
// `ok` false) when the horizon could not be built, and then sections skip the
// checks that depend on it.
struct PlanClock {
  const date::time_zone* zone = nullptr;
  bool ok = false;
  std::string folder;  // folder of the plan file, for relative csv paths
};

// timezone, start, days, interval, cyclic.
PlanClock read_horizon(const MapReader& top, Horizon& horizon, Diagnostics& diagnostics);

// A `goal` mapping as given (unset fields stay unset), for merging.
Goal read_goal(const Node& node, const std::string& path, Diagnostics& diagnostics);
// `override` merged over `base`, field by field.
Goal merge_goals(const Goal& base, const Goal& override);

void read_queues(const MapReader& top, Plan& plan, const PlanClock& clock, Diagnostics& diagnostics);

// One queue's `forecast` mapping: fills calls and aht_s_per_interval.
void read_forecast(const Node& node, const std::string& path, Queue& queue, const Plan& plan,
                   const PlanClock& clock, Diagnostics& diagnostics);

// The plan's shared multi-queue forecast (top-level `csv`, after read_queues):
// fills every queue without a forecast of its own; a queue given in both places,
// or in neither, is an error.
void read_shared_forecast(const MapReader& top, Plan& plan, const PlanClock& clock, Diagnostics& diagnostics);

void read_sites(const MapReader& top, Plan& plan, const PlanClock& clock, Diagnostics& diagnostics);

// The top-level `work` list (SPEC §10, work.cpp), after read_queues and before
// read_sites (whose `queues` may name work): each work's days and their windows on
// the plan's intervals.
void read_work(const MapReader& top, Plan& plan, const PlanClock& clock, Diagnostics& diagnostics);
// After read_sites: every work with hours to place is taken by some group.
void check_work_taken(const Plan& plan, Diagnostics& diagnostics);
// `outsourcers` (SPEC §9), after read_queues: each checked against the queues.
void read_outsourcers(const MapReader& top, Plan& plan, Diagnostics& diagnostics);

// Every concrete start of `shift` at `site` inside the horizon (see Shift::starts);
// records an error (and stops) at the first start off the plan's interval grid.
void expand_shift_starts(const Horizon& horizon, const date::time_zone& site_zone, const Site& site,
                         Shift& shift, Diagnostics& diagnostics);

// Plan-clock minute after midnight at which interval i starts.
int local_minute_of_interval(const Horizon& horizon, int i);
// "15m", "30m" or "60m", as the plan writes its interval.
inline std::string interval_text(int interval_s) { return std::to_string(interval_s / 60) + "m"; }

// "2026-11-23T08:30:00-05:00" for interval boundary i.
std::string interval_timestamp(const Horizon& horizon, int i);

}  // namespace staffplan::load
