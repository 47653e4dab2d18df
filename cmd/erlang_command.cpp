// `staffplan erlang`: the one-interval calculator (SPEC §1). Parses its flags with the
// shared unit parsers, checks their ranges, and calls queueing::required_agents (or
// queueing::evaluate with --agents N or a range A..B), or, with --trunks, sizes
// lines with Erlang B. Every bad value is an InputError naming the flag
// and the text given (exit 2).
#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"
#include "model/errors.hpp"
#include "model/plan.hpp"
#include "queueing/queueing.hpp"
#include "report/report.hpp"
#include "units/units.hpp"

namespace staffplan::cli {
namespace {

// Service level is measured at kDefaultAnswerWithinS (20 s, as everywhere) when
// --within is not given, for --sl as for the reported metrics.

struct ErlangFlags {
  CommonOptions common;
  std::string calls, aht, interval = "30m", sl, within, asa, max_occupancy, shrinkage = "0", model = "erlang_c",
                             patience, max_abandon, agents, blocking;
  bool trunks = false;
};

// A what-if range prints one row per level; more rows than this is a typo, not a curve.
constexpr long long kMaxRangeRows = 10000;
// Erlang B trunk sizing targets this blocking unless --blocking is given (the
// "P.01" grade of service of the classic trunk tables).
constexpr double kDefaultBlocking = 0.01;

// --agents N, or a range "A..B" (also "A-B"): the staffing levels to evaluate.
struct Levels {
  int first = 0, last = 0;
  bool range = false;
};

[[noreturn]] void bad(const std::string& message) {
  throw InputError({Diagnostic{.file = "staffplan", .message = message}});
}

// Runs a unit parser, prefixing its message with the flag.
template <class Parse>
auto parse(const char* flag, const std::string& text, Parse parser) {
  try {
    return parser(text);
  } catch (const units::ParseError& e) {
    bad(fmt::format("{}: {}", flag, e.what()));
  }
}

// Durations are read to the microsecond (units::parse_duration), so anything
// shorter than that is 0: say what the real minimum is.
double positive_duration(const char* flag, const std::string& text) {
  const double value = parse(flag, text, units::parse_duration);
  if (value <= 0 && text.find_first_of("123456789") == std::string::npos)
    bad(fmt::format("{}: must be longer than 0, got '{}'", flag, text));
  if (value <= 0)
    bad(fmt::format("{}: must be at least 0.000001s (1 microsecond, the finest duration staffplan reads), "
                    "got '{}'",
                    flag, text));
  return value;
}

// Below this, a bare number given to a flag usually written in minutes (--aht 4,
// --interval 30) is most likely minutes meant as seconds.
constexpr double kBareMinutesSuspectBelow = 60;

// A bare number means seconds (SPEC §1); warn when that is probably not what was meant.
void warn_bare_seconds(const CommonOptions& common, const char* flag, const std::string& text) {
  double value = 0;
  try {
    value = units::parse_number(text);
  } catch (const units::ParseError&) {
    return;  // has a unit: nothing to guess
  }
  if (value <= 0 || value >= kBareMinutesSuspectBelow) return;
  const Diagnostic warning{.file = "staffplan",
                           .severity = Diagnostic::Severity::warning,
                           .message = fmt::format("{} {} is read as {} seconds (a bare number is seconds); "
                                                  "write {}m for minutes, or {}s to say seconds",
                                                  flag, text, text, text, text)};
  warn(common, warning.to_string());
}

// A fraction in a range written like "(0, 1]"; `low_open`/`high_open` say which ends are excluded.
double fraction(const char* flag, const std::string& text, bool low_open, bool high_open) {
  const double value = parse(flag, text, units::parse_fraction);
  const bool ok = (low_open ? value > 0 : value >= 0) && (high_open ? value < 1 : value <= 1);
  if (!ok)
    bad(fmt::format("{}: must be in {}0, 1{} (0% to 100%{}), got '{}'", flag, low_open ? '(' : '[',
                    high_open ? ')' : ']', high_open ? ", 100% excluded" : "", text));
  return value;
}

Levels parse_levels(const char* flag, const std::string& text) {
  std::size_t split = text.find("..");
  std::size_t skip = 2;
  if (split == std::string::npos && text.find('-', 1) != std::string::npos) {
    split = text.find('-', 1);
    skip = 1;
  }
  if (split == std::string::npos) {
    const int n = parse(flag, text, units::parse_count);
    return {n, n, false};
  }
  const std::string a = text.substr(0, split), b = text.substr(split + skip);
  if (a.empty() || b.empty())
    bad(fmt::format("{}: a range needs both ends, like 40..60, got '{}'", flag, text));
  const Levels levels{parse(flag, a, units::parse_count), parse(flag, b, units::parse_count), true};
  if (levels.first > levels.last)
    bad(fmt::format("{}: the range must go upwards, like 40..60, got '{}'", flag, text));
  if (static_cast<long long>(levels.last) - levels.first + 1 > kMaxRangeRows)
    bad(fmt::format("{}: a range prints one row per level, at most {}; got {} levels in '{}'", flag, kMaxRangeRows,
                    static_cast<long long>(levels.last) - levels.first + 1, text));
  return levels;
}

// --trunks: Erlang B line sizing. Only calls, aht and interval describe the load;
// the queue goals and the queueing model do not apply (blocked calls are lost).
int run_trunks(const ErlangFlags& f, const CLI::App& command) {
  const auto given = [&](const char* name) { return command.count(name) > 0; };
  for (const char* flag : {"--sl", "--within", "--asa", "--max-occupancy", "--model", "--patience", "--max-abandon",
                           "--shrinkage"})
    if (given(flag))
      bad(fmt::format("{} does not apply to --trunks (Erlang B: blocked calls are lost, nobody waits)", flag));
  queueing::Load load;
  load.calls = parse("--calls", f.calls, units::parse_number);
  if (load.calls < 0) bad(fmt::format("--calls: must be 0 or more, got '{}'", f.calls));
  load.aht_s = positive_duration("--aht", f.aht);
  load.interval_s = positive_duration("--interval", f.interval);
  std::vector<report::TrunkRow> rows;
  std::optional<double> target;
  bool range = false;
  if (given("--agents")) {
    if (given("--blocking")) bad("--blocking is a target for the search; with --agents the lines are given");
    const Levels levels = parse_levels("--agents", f.agents);
    range = levels.range;
    for (int n = levels.first; n <= levels.last; ++n)
      rows.push_back({n, queueing::blocking_probability(n, load.erlangs())});
  } else {
    target = given("--blocking") ? fraction("--blocking", f.blocking, true, false) : kDefaultBlocking;
    const int lines = queueing::lines_for_blocking(load.erlangs(), *target);
    rows.push_back({lines, queueing::blocking_probability(lines, load.erlangs())});
  }
  emit(f.common, report::render_trunks(load, rows, target, range, f.common.parsed_format()));
  return ExitCode::ok;
}

int run(const ErlangFlags& f, const CLI::App& command) {
  const auto given = [&](const char* name) { return command.count(name) > 0; };
  if (f.trunks) return run_trunks(f, command);
  if (given("--blocking")) bad("--blocking needs --trunks (Erlang B line sizing)");

  queueing::Load load;
  if (f.model == "erlang_a")
    load.model = queueing::Model::erlang_a;
  else if (f.model != "erlang_c")
    bad(fmt::format("--model: expected erlang_c or erlang_a, got '{}'", f.model));
  load.calls = parse("--calls", f.calls, units::parse_number);
  if (load.calls < 0) bad(fmt::format("--calls: must be 0 or more, got '{}'", f.calls));
  load.aht_s = positive_duration("--aht", f.aht);
  load.interval_s = positive_duration("--interval", f.interval);
  warn_bare_seconds(f.common, "--aht", f.aht);
  warn_bare_seconds(f.common, "--interval", f.interval);
  if (load.model == queueing::Model::erlang_a) {
    if (!given("--patience"))
      bad("--model erlang_a needs --patience (how long callers wait on average before hanging up, e.g. 2m)");
    load.patience_s = positive_duration("--patience", f.patience);
    warn_bare_seconds(f.common, "--patience", f.patience);
  } else {
    if (given("--patience")) bad("--patience needs --model erlang_a (Erlang C callers never hang up)");
    if (given("--max-abandon")) bad("--max-abandon needs --model erlang_a (Erlang C callers never hang up)");
  }

  queueing::Goals goals;
  if (given("--sl")) goals.service_level = fraction("--sl", f.sl, true, false);
  goals.answer_within_s =
      given("--within") ? parse("--within", f.within, units::parse_duration) : kDefaultAnswerWithinS;
  if (given("--asa")) goals.asa_s = positive_duration("--asa", f.asa);
  if (given("--max-occupancy")) goals.max_occupancy = fraction("--max-occupancy", f.max_occupancy, true, false);
  if (given("--max-abandon")) goals.max_abandon = fraction("--max-abandon", f.max_abandon, false, true);
  const double shrinkage = fraction("--shrinkage", f.shrinkage, false, true);

  queueing::Metrics metrics;
  if (given("--agents")) {
    const Levels levels = parse_levels("--agents", f.agents);
    if (levels.range) {
      std::vector<queueing::Metrics> rows;
      std::vector<int> scheduled;
      for (int n = levels.first; n <= levels.last; ++n) {
        rows.push_back(queueing::evaluate(load, n, goals.answer_within_s));
        scheduled.push_back(queueing::scheduled_agents(n, shrinkage));
      }
      emit(f.common, report::render_erlang_range(load, rows, scheduled, f.common.parsed_format()));
      return ExitCode::ok;
    }
    metrics = queueing::evaluate(load, levels.first, goals.answer_within_s);
  } else {
    if (!goals.service_level && !goals.asa_s && !goals.max_abandon)
      bad("give at least one goal (--sl, --asa or --max-abandon), or --agents N to evaluate a staffing");
    metrics = queueing::required_agents(load, goals);
  }
  const int scheduled = queueing::scheduled_agents(metrics.agents, shrinkage);
  emit(f.common, report::render_erlang(load, metrics, scheduled, f.common.parsed_format()));
  return ExitCode::ok;
}

}  // namespace

void add_erlang_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<ErlangFlags>();
  auto* command = app.add_subcommand(
      "erlang", "One-interval calculator: agents needed for a call volume (or the service of --agents N)");
  add_common_options(*command, flags->common);
  command->add_option("--calls", flags->calls, "Calls offered in the interval")->type_name("N")->required();
  command->add_option("--aht", flags->aht, "Average handling time (duration: 180s, 3m)")->type_name("DURATION")->required();
  command->add_option("--interval", flags->interval, "Interval length (duration)")->type_name("DURATION")->capture_default_str();
  command->add_option("--sl", flags->sl, "Service level goal: share answered within --within (0.8 or 80%)")->type_name("FRACTION");
  command->add_option("--within", flags->within, "Answer-time threshold of the service level (default 20s)")->type_name("DURATION");
  command->add_option("--asa", flags->asa, "Goal: average speed of answer at most this (duration)")->type_name("DURATION");
  command->add_option("--max-occupancy", flags->max_occupancy, "Goal: occupancy at most this (fraction)")->type_name("FRACTION");
  command->add_option("--shrinkage", flags->shrinkage, "Share of paid time not on calls (fraction)")->type_name("FRACTION")
      ->capture_default_str();
  command->add_option("--model", flags->model, "erlang_c or erlang_a")->type_name("MODEL")->capture_default_str();
  command->add_option("--patience", flags->patience, "erlang_a: mean time before a caller hangs up")->type_name("DURATION");
  command->add_option("--max-abandon", flags->max_abandon, "erlang_a goal: share of callers hanging up at most this")->type_name("FRACTION");
  command->add_option("--agents", flags->agents,
                      "Evaluate this many agents instead of searching; a range A..B prints one row per level")
      ->type_name("N|A..B");
  command->add_flag("--trunks,--lines", flags->trunks,
                    "Erlang B trunk sizing: the fewest lines for --blocking (with --agents: the lines to evaluate)");
  command->add_option("--blocking", flags->blocking, "--trunks target: share of calls blocked at most this (default 1%)")
      ->type_name("FRACTION");
  command->callback([flags, command, &action] { action = [flags, command] { return run(*flags, *command); }; });
}

}  // namespace staffplan::cli
