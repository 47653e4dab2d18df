#pragma once
// Time zones read straight from their own TZif files, one file per zone the plan
// names. Why: Debian builds the date library with USE_OS_TZDB=1, and the library
// lists its whole database the first time anything needs it -- date::locate_zone,
// and also the first date::time_zone that reads its file (for leap seconds) -- by
// walking every file under /usr/share/zoneinfo: about 660 stat calls, most of the
// CPU time of `staffplan validate`. A plan names one or a few zones, so find_zone
// (clock.hpp) reads just those files here, and asks date::locate_zone only about a
// name this module does not take, so that odd names keep their old behaviour.
//
// A Zone answers get_info exactly as date::time_zone does for the same file (the
// tests compare both): the offsets and abbreviations between the file's transitions,
// `save` 1 minute for daylight time and 0 otherwise (the file has no save amount),
// nothing from the POSIX rule at the end of the file (see offsets_problem).
#include <date/tz.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace staffplan::load {

class Zone {
 public:
  // One span of constant offset: from `begin` to the next span's begin.
  struct Span {
    date::sys_seconds begin;
    std::chrono::seconds offset;
    bool daylight = false;
    std::string abbrev;
  };

  // `spans` sorted, the first from the earliest time; `rule` the file's footer.
  Zone(std::string name, std::vector<Span> spans, std::optional<std::string> rule);

  const std::string& name() const { return name_; }
  // The POSIX TZ string that ends a version 2+ file ("EST5EDT,M3.2.0,M11.1.0"): the
  // rule for every instant after the last transition; nullopt when the file has none.
  const std::optional<std::string>& rule() const { return rule_; }
  date::sys_info get_info(date::sys_seconds t) const;
  // unique, or nonexistent (a spring-forward gap: first before it, second after) or
  // ambiguous (a fall-back repeat: first the earlier offset, second the later).
  date::local_info get_info(date::local_seconds t) const;
  date::local_seconds to_local(date::sys_seconds t) const;

 private:
  date::sys_info info(std::size_t span) const;
  std::string name_;
  std::vector<Span> spans_;
  std::optional<std::string> rule_;
};

// The zone in the TZif data `bytes` (RFC 8536, version 1 to 4), or nullopt when they
// are not TZif data: wrong magic, counts that run past the end, an index or
// abbreviation out of range, transitions out of order, leap-second records.
std::optional<Zone> parse_tzif(std::string name, std::string_view bytes);

// Whether the direct lookup may take `name`: a relative path of components made of
// [A-Za-z0-9_+-] (so no ".", "..", leading "/" or empty component), none of them a
// folder or file that the date library leaves out of its database ("posix...",
// "right", "Factory", "leapseconds", "version", "+VERSION") or that is no zone of
// its own ("localtime", a link to the machine's clock; "SECURITY"). Names with a
// "." ("zone.tab", "tzdata.zi", "leap-seconds.list") fail the character rule.
bool direct_zone_name(std::string_view name);

// What reading the file of zone `name` under `tz_dir` gave.
struct ZoneFile {
  bool exists = false;        // a regular file (not a folder, FIFO or missing)
  const Zone* zone = nullptr;  // the zone, or nullptr when the file is no valid TZif file
};

// The zone in the file `tz_dir`/`name`, read once and kept for the life of the
// process (one per name; safe to call from several threads).
ZoneFile read_zone_file(const std::string& name, const std::string& tz_dir);

}  // namespace staffplan::load
