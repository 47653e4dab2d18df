// `outsourcers:` (SPEC §9): who may take calls off the in-house agents, at a price
// per handled minute, either as one share of a queue's calls for the whole horizon
// (mode share) or interval by interval inside its opening hours (mode intervals).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "load/open_hours.hpp"
#include "load/sections.hpp"
#include "units/units.hpp"

namespace staffplan::load {
namespace {

// The share levels a share-mode outsourcer offers when `shares` is not written.
const std::vector<double> kDefaultShares = {0.0, 0.25, 0.5, 0.75, 1.0};

// Upper bound on a price per minute: finite but absurd values are typos.
constexpr double kMaxPricePerMinute = 1e9;

std::string percent_text(double fraction) { return fmt::format("{:g}%", 100 * fraction); }

std::vector<int> read_outsourced_queues(const Node& node, const std::string& what, const Plan& plan,
                                        Diagnostics& diagnostics) {
  if (!node.IsSequence() || node.size() == 0) {
    diagnostics.error(node, fmt::format("{} must be a list of at least one queue name", what));
    return {};
  }
  std::vector<std::string> names;
  for (const auto& q : plan.queues) names.push_back(q.name);
  return read_name_list(node, what, names, {.kind = "queue", .known_as = "the plan's queues"}, diagnostics);
}

// `shares`: fractions in [0, 1], no value twice; returned ascending.
std::vector<double> read_shares(const Node& node, const std::string& what, Diagnostics& diagnostics) {
  std::vector<double> shares;
  if (!node.IsSequence() || node.size() == 0) {
    diagnostics.error(node, fmt::format("{} must be a list of at least one share, e.g. [0%, 50%, 100%]", what));
    return shares;
  }
  for (std::size_t k = 0; k < node.size(); ++k) {
    const Node entry = node[k];
    const std::string where = fmt::format("{}[{}]", what, k);
    const auto text = MapReader::scalar(entry, where, diagnostics);
    if (!text) continue;
    double value = 0;
    try {
      value = units::parse_fraction(*text);
    } catch (const units::ParseError& e) {
      diagnostics.error(entry, fmt::format("{}: {}", where, e.what()));
      continue;
    }
    if (!(value >= 0 && value <= 1)) {
      diagnostics.error(entry, fmt::format("{} must be in [0%, 100%], got {}", where, *text));
      continue;
    }
    if (std::find(shares.begin(), shares.end(), value) != shares.end()) {
      diagnostics.error(entry, fmt::format("{}: share {} is listed twice", where, percent_text(value)));
      continue;
    }
    shares.push_back(value);
  }
  std::sort(shares.begin(), shares.end());
  return shares;
}

}  // namespace

void read_outsourcers(const MapReader& top, Plan& plan, Diagnostics& diagnostics) {
  const Node list = top.get("outsourcers");
  if (!list.IsDefined()) return;
  if (!list.IsSequence()) {
    diagnostics.error(list, "outsourcers must be a list of outsourcers");
    return;
  }
  // Which outsourcer (and where) claimed each queue first.
  std::vector<std::pair<std::string, bool>> claimed(plan.queues.size(), {"", false});
  for (std::size_t k = 0; k < list.size(); ++k) {
    const Node node = list[k];
    MapReader o(node, fmt::format("outsourcers[{}]", k), diagnostics,
                {"name", "price_per_minute", "queues", "mode", "shares", "open"});
    if (!o.ok()) continue;
    Outsourcer out;
    out.pos = position(node);
    if (const auto name = o.text("name", true)) {
      if (std::any_of(plan.outsourcers.begin(), plan.outsourcers.end(),
                      [&](const Outsourcer& other) { return other.name == *name; }))
        diagnostics.error(o.get("name"), fmt::format("duplicate outsourcer name '{}'", *name));
      out.name = *name;
      o.set_path(fmt::format("outsourcers[{}]", *name));
    }
    out.price_per_minute = o.number("price_per_minute", {0, kMaxPricePerMinute}, true).value_or(0);
    bool mode_known = false;
    if (const auto mode = o.text("mode", true)) {
      if (*mode == "share") {
        out.mode = OutsourceMode::share;
        mode_known = true;
      } else if (*mode == "intervals") {
        out.mode = OutsourceMode::intervals;
        mode_known = true;
      } else {
        const std::string guess = suggest(*mode, {"share", "intervals"});
        diagnostics.error(o.get("mode"), fmt::format("{}: unknown mode '{}'{}", o.field("mode"), *mode,
                                                     guess.empty() ? " (expected share or intervals)"
                                                                   : fmt::format("; did you mean '{}'?", guess)));
      }
    }
    const bool share_mode = out.mode == OutsourceMode::share;
    if (o.has("shares")) {
      if (mode_known && !share_mode)
        diagnostics.error(o.get("shares"),
                          fmt::format("{}: shares belong to mode share; mode intervals takes `open` hours instead",
                                      o.field("shares")));
      else
        out.shares = read_shares(o.get("shares"), o.field("shares"), diagnostics);
    } else if (share_mode) {
      out.shares = kDefaultShares;
    }
    if (o.has("open")) {
      if (mode_known && share_mode)
        diagnostics.error(o.get("open"),
                          fmt::format("{}: open hours belong to mode intervals; mode share sends a share of "
                                      "every interval's calls (use shares)",
                                      o.field("open")));
      else
        out.open = read_open_hours(o.get("open"), o.field("open"), diagnostics);
    }
    const Node queues = o.get("queues");
    if (!queues.IsDefined()) {
      o.missing("queues");
    } else {
      out.queues = read_outsourced_queues(queues, o.field("queues"), plan, diagnostics);
      for (std::size_t e = 0; e < queues.size() && queues.IsSequence(); ++e) {
        const auto name = queues[e].IsScalar() ? queues[e].Scalar() : std::string();
        for (int q : out.queues) {
          if (plan.queues[q].name != name) continue;
          auto& [owner, taken] = claimed[q];
          if (taken)
            diagnostics.error(queues[e], fmt::format("{}: queue '{}' is already sent to outsourcer '{}' (a queue "
                                                     "can go to one outsourcer only)",
                                                     o.field("queues"), name, owner));
          else
            claimed[q] = {out.name, true};
          if (plan.queues[q].goal.global())
            diagnostics.error(queues[e], fmt::format("{}: queue '{}' measures its service level over a {}; "
                                                     "outsourcing it is only supported with interval goals",
                                                     o.field("queues"), name,
                                                     plan.queues[q].goal.measured() == MeasuredOver::day ? "day"
                                                                                                          : "week"));
        }
      }
    }
    plan.outsourcers.push_back(std::move(out));
  }
}

}  // namespace staffplan::load
