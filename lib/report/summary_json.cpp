// Shared JSON summary figures of `plan` and `compare` (summary_json.hpp).
#include "report/summary_json.hpp"

namespace staffplan::report::detail {

void write_summary_figures(JsonWriter& j, const PlanSummary& s, bool outsourcing) {
  j.key("cost").value(tidy(s.cost, 6));
  if (outsourcing) {
    j.key("inhouse_cost").value(tidy(s.inhouse_cost, 6));
    j.key("outsourced_cost").value(tidy(s.outsourced_cost, 6));
  }
  j.key("paid_cost").value(tidy(s.paid_cost, 6));
  j.key("shortfall_cost").value(tidy(s.shortfall_cost, 6));
  j.key("lower_bound").value(tidy(s.lower_bound, 6));
  j.key("gap").value(tidy(s.gap, 8));
  j.key("agents").value(s.agents);
  j.key("paid_hours").value(tidy(s.paid_hours, 6));
  if (s.headcount) {
    // Weekly tours: headcount of the sites with contracts, FTE of all.
    j.key("headcount").value(*s.headcount);
    j.key("fte").value(tidy(s.fte.value_or(0), 6));
  }
  j.key("shortfall_agent_hours").value(tidy(s.shortfall_agent_hours, 6));
  j.key("service_level").value(tidy(s.service_level, 6));
  j.key("answer_within_s").value(s.answer_within_s);
  j.key("p_abandon");
  if (s.p_abandon) j.value(tidy(*s.p_abandon, 6));
  else j.null();
}

void write_site_summaries(JsonWriter& j, const PlanSummary& s) {
  j.key("sites").begin_array();
  for (const SiteSummary& site : s.sites) {
    j.begin_object();
    j.key("name").value(site.name);
    j.key("agents").value(site.agents);
    j.key("paid_hours").value(tidy(site.paid_hours, 6));
    j.key("cost").value(tidy(site.cost, 6));
    if (s.headcount) {
      j.key("headcount");
      if (site.headcount) j.value(*site.headcount);
      else j.null();
      j.key("fte").value(tidy(site.fte.value_or(0), 6));
    }
    j.end_object();
  }
  j.end_array();
}

}  // namespace staffplan::report::detail
