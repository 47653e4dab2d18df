// Zones read straight from their TZif files (load/zones.hpp) against the date
// library's own database (date::locate_zone, the independent reference): the same
// offsets, abbreviations and transition bounds at instants around clock changes.
// Known offsets (New York -05:00/-04:00, Madrid +01:00/+02:00, Manila +08:00,
// Etc/GMT+5 = -05:00 by the POSIX sign convention) anchor the comparison. Names the
// direct lookup must not take fall back to the database, and a bad name is an
// unknown time zone (exit 2), never a crash.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <chrono>
#include <cstdint>
#include <filesystem>

#include "load/clock.hpp"
#include "load/zones.hpp"
#include "plan_fixture.hpp"
#include "support/run_cli.hpp"

namespace staffplan::test {
namespace {

using std::chrono::seconds;

// UTC instants, each with its reading as a comment (hand-checked against the
// published 2026 rules: US second Sunday of March / first Sunday of November at
// 02:00 local; EU last Sunday of March / October at 01:00 UTC).
constexpr std::int64_t instants[] = {
    -631152000,  // 1950-01-01 00:00 UTC
    0,           // 1970-01-01 00:00 UTC
    962409600,   // 2000-07-01 00:00 UTC
    1768435200,  // 2026-01-15 00:00 UTC
    1772953199,  // 2026-03-08 06:59:59 UTC, New York's last EST second
    1772953200,  // 2026-03-08 07:00:00 UTC, New York's first EDT second
    1774745999,  // 2026-03-29 00:59:59 UTC, Madrid's last CET second
    1774746000,  // 2026-03-29 01:00:00 UTC, Madrid's first CEST second
    1781481600,  // 2026-06-15 00:00 UTC
    1792889999,  // 2026-10-25 00:59:59 UTC, Madrid's last CEST second
    1792890000,  // 2026-10-25 01:00:00 UTC, Madrid's first CET second
    1793512799,  // 2026-11-01 05:59:59 UTC, New York's last EDT second
    1793512800,  // 2026-11-01 06:00:00 UTC, New York's first EST second
    2130019200,  // 2037-07-01 00:00 UTC
};

std::string zone_dir() { return load::tz_database_dir(); }

const load::Zone& direct(const std::string& name) {
  EXPECT_TRUE(load::direct_zone_name(name)) << name;
  const load::Zone* zone = load::find_zone(name);
  if (zone == nullptr) throw std::runtime_error("no zone " + name);
  return *zone;
}

int offset_at(const load::Zone& zone, std::int64_t utc) {
  return static_cast<int>(zone.get_info(date::sys_seconds{seconds{utc}}).offset.count());
}

void expect_same(const date::sys_info& a, const date::sys_info& b, const std::string& where) {
  EXPECT_EQ(a.begin, b.begin) << where;
  EXPECT_EQ(a.end, b.end) << where;
  EXPECT_EQ(a.offset, b.offset) << where;
  EXPECT_EQ(a.save, b.save) << where;
  EXPECT_EQ(a.abbrev, b.abbrev) << where;
}

void expect_same_local(const load::Zone& ours, const date::time_zone& reference, date::local_seconds t,
                       const std::string& where) {
  const date::local_info a = ours.get_info(t);
  const date::local_info b = reference.get_info(t);
  EXPECT_EQ(a.result, b.result) << where;
  expect_same(a.first, b.first, where + " first");
  if (a.result != date::local_info::unique) expect_same(a.second, b.second, where + " second");
}

TEST(Zones, DirectZonesAgreeWithTheDateDatabase) {
  for (const char* name :
       {"America/New_York", "Europe/Madrid", "Asia/Manila", "UTC", "Etc/GMT+5", "US/Eastern", "Australia/Lord_Howe"}) {
    const load::Zone& ours = direct(name);
    const date::time_zone* reference = date::locate_zone(name);
    EXPECT_EQ(ours.name(), name);
    for (const std::int64_t t : instants) {
      const date::sys_seconds at{seconds{t}};
      expect_same(ours.get_info(at), reference->get_info(at), std::string(name) + " at " + std::to_string(t));
      EXPECT_EQ(ours.to_local(at), reference->to_local(at)) << name;
    }
    // Every half hour of 2026-03-08, 03-29, 10-25 and 11-01 as local times:
    // New York's and Madrid's gaps and repeats.
    for (const std::int64_t day : {1772928000LL, 1774742400LL, 1792886400LL, 1793491200LL})
      for (std::int64_t s = day - 86400; s <= day + 2 * 86400; s += 1800)
        expect_same_local(ours, *reference, date::local_seconds{seconds{s}},
                          std::string(name) + " local " + std::to_string(s));
  }
}

// Every zone of the database that the direct lookup takes, at every clock change the
// date library knows from 1850 to 2100: the same span just before and at the change,
// and the same reading of local times around it.
TEST(Zones, EveryDatabaseZoneAgreesAtEveryChange) {
  const date::sys_seconds from = date::sys_days{date::year{1850} / 1 / 1};
  const date::sys_seconds to = date::sys_days{date::year{2100} / 1 / 1};
  int zones = 0;
  for (const date::time_zone& reference : date::get_tzdb().zones) {
    if (!load::direct_zone_name(reference.name())) continue;
    const load::Zone* ours = load::find_zone(reference.name());
    ASSERT_NE(ours, nullptr) << reference.name();
    ++zones;
    for (date::sys_seconds t = from; t < to;) {
      const date::sys_info info = reference.get_info(t);
      const std::string where = reference.name() + " at " + std::to_string(t.time_since_epoch().count());
      expect_same(ours->get_info(t), info, where);
      if (info.end >= to) break;
      expect_same(ours->get_info(info.end - seconds{1}), reference.get_info(info.end - seconds{1}), where);
      for (const seconds around : {seconds{-7200}, seconds{-1}, seconds{0}, seconds{1799}, seconds{7200}})
        expect_same_local(*ours, reference, date::local_seconds{info.end.time_since_epoch() + info.offset + around},
                          where + " local");
      if (::testing::Test::HasFailure()) return;
      t = info.end;
    }
  }
  EXPECT_GT(zones, 400);
}

TEST(Zones, KnownOffsets) {
  constexpr int hour = 3600;
  const auto& ny = direct("America/New_York");
  EXPECT_EQ(offset_at(ny, 1772953199), -5 * hour);
  EXPECT_EQ(offset_at(ny, 1772953200), -4 * hour);
  EXPECT_EQ(offset_at(ny, 1793512799), -4 * hour);
  EXPECT_EQ(offset_at(ny, 1793512800), -5 * hour);
  const auto& madrid = direct("Europe/Madrid");
  EXPECT_EQ(offset_at(madrid, 1774745999), 1 * hour);
  EXPECT_EQ(offset_at(madrid, 1774746000), 2 * hour);
  EXPECT_EQ(offset_at(madrid, 1792889999), 2 * hour);
  EXPECT_EQ(offset_at(madrid, 1792890000), 1 * hour);
  EXPECT_EQ(offset_at(direct("Asia/Manila"), 1781481600), 8 * hour);
  EXPECT_EQ(offset_at(direct("UTC"), 1781481600), 0);
  EXPECT_EQ(offset_at(direct("Etc/GMT+5"), 1781481600), -5 * hour);
  EXPECT_EQ(offset_at(direct("US/Eastern"), 1781481600), -4 * hour);
  // 2026-03-08 02:30 does not exist in New York; 2026-11-01 01:30 happens twice.
  EXPECT_EQ(ny.get_info(date::local_seconds{seconds{1772937000}}).result, date::local_info::nonexistent);
  const date::local_info repeat = ny.get_info(date::local_seconds{seconds{1793496600}});
  EXPECT_EQ(repeat.result, date::local_info::ambiguous);
  EXPECT_EQ(repeat.first.offset.count(), -4 * hour);
  EXPECT_EQ(repeat.second.offset.count(), -5 * hour);
}

TEST(Zones, OneZonePerNameForTheProcess) {
  EXPECT_EQ(load::find_zone("Europe/Madrid"), load::find_zone("Europe/Madrid"));
  EXPECT_EQ(load::read_zone_file("Europe/Madrid", zone_dir()).zone, load::find_zone("Europe/Madrid"));
}

TEST(Zones, DirectNames) {
  for (const char* name : {"America/New_York", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Etc/GMT-14",
                           "US/Eastern", "UTC", "EST5EDT", "America/Port-au-Prince"})
    EXPECT_TRUE(load::direct_zone_name(name)) << name;
  for (const char* name :
       {"", "../../etc/passwd", "/etc/passwd", "America/../UTC", "./UTC", "America//New_York", "America/New_York/",
        "right/UTC", "posix/UTC", "posixrules", "Factory", "localtime", "leapseconds", "leap-seconds.list",
        "zone.tab", "zone1970.tab", "iso3166.tab", "tzdata.zi", "+VERSION", "version", "SECURITY",
        "America/New York", "America/New_York\n", "Europe/right", "America/posixrules"})
    EXPECT_FALSE(load::direct_zone_name(name)) << name;
  EXPECT_FALSE(load::direct_zone_name(std::string(300, 'A')));
}

TEST(Zones, OnlyRegularFilesAreRead) {
  const std::string dir = testing::make_temp_dir();
  ASSERT_EQ(::mkfifo((dir + "/fifo").c_str(), 0600), 0);
  EXPECT_FALSE(load::read_zone_file("fifo", dir).exists);  // and the open does not wait for a writer
  EXPECT_FALSE(load::read_zone_file("missing", dir).exists);
  EXPECT_FALSE(load::read_zone_file("America", zone_dir()).exists);  // a folder
  testing::write_file(dir + "/text", "# tzdb data for ...\n");
  const load::ZoneFile text = load::read_zone_file("text", dir);
  EXPECT_TRUE(text.exists);
  EXPECT_EQ(text.zone, nullptr);
  std::filesystem::remove_all(dir);
}

TEST(Zones, BrokenTzifDataIsRefusedNeverRead) {
  const std::string utc = testing::read_file(zone_dir() + "/UTC");
  const std::string ny = testing::read_file(zone_dir() + "/America/New_York");
  ASSERT_TRUE(load::parse_tzif("UTC", utc));
  ASSERT_TRUE(load::parse_tzif("America/New_York", ny));
  EXPECT_EQ(load::parse_tzif("America/New_York", ny)->rule(), "EST5EDT,M3.2.0,M11.1.0");  // tzfile(5)
  EXPECT_EQ(load::parse_tzif("UTC", utc)->rule(), "UTC0");
  EXPECT_FALSE(load::parse_tzif("x", ""));
  EXPECT_FALSE(load::parse_tzif("x", "TZi"));
  EXPECT_FALSE(load::parse_tzif("x", "Link America/New_York US/Eastern\n"));
  // Every cut of a real file inside its headers or data: refused, no read past the end.
  const std::size_t footer = ny.rfind('\n', ny.size() - 2);
  for (std::size_t size = 0; size < footer; ++size)
    EXPECT_FALSE(load::parse_tzif("x", std::string_view(ny).substr(0, size))) << size;
  // Counts far beyond the file (bytes 32..35 of the first header: the transition count).
  std::string huge = utc;
  huge[32] = '\x7f';
  EXPECT_FALSE(load::parse_tzif("x", huge));
  // A leap-second file (right/UTC lists them): refused.
  EXPECT_FALSE(load::parse_tzif("x", testing::read_file(zone_dir() + "/right/UTC")));
  // An unknown version byte.
  std::string version = utc;
  version[4] = '9';
  EXPECT_FALSE(load::parse_tzif("x", version));
}

TEST(Zones, BadNamesAreUnknownTimeZones) {
  for (const char* name : {"Foo/Bar", "../../etc/passwd", "/etc/passwd", "right/UTC", "posixrules", "zone.tab",
                           "leapseconds", "Factory", "America", "America/New_York/"}) {
    EXPECT_EQ(load::find_zone(name), nullptr) << name;
    EXPECT_THAT(errors_of(base_plan({{3, std::string("timezone: \"") + name + "\""}})),
                ::testing::ElementsAre("plan.yaml:3:11: error: unknown time zone '" + std::string(name) +
                                       "' (expected an IANA name like America/New_York)"))
        << name;
  }
  EXPECT_EQ(load::find_zone(""), nullptr);
  EXPECT_THAT(errors_of(base_plan({{3, "timezone: \"\""}})), ::testing::SizeIs(1));
}

TEST(Zones, BadNamesExit2FromTheCommandLine) {
  const std::string dir = testing::make_temp_dir();
  for (const char* name : {"../../etc/passwd", "/etc/passwd", "right/UTC", "zone.tab", ""}) {
    const std::string plan = dir + "/plan.yaml";
    testing::write_file(plan, base_plan({{3, std::string("timezone: \"") + name + "\""}}));
    const auto run = testing::run_staffplan({"validate", plan});
    EXPECT_EQ(run.exit_code, 2) << name << "\n" << run.err;
    EXPECT_EQ(run.out, "") << name;
    EXPECT_THAT(run.err, ::testing::StartsWith(plan + ":3:11: error: ")) << name;
    if (*name != '\0') {
      EXPECT_THAT(run.err, ::testing::HasSubstr("unknown time zone '" + std::string(name) + "'"));
    }
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace staffplan::test
