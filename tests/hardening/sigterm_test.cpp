// SIGTERM and signals while the result is written (issue 9, SPEC §6): cron and
// systemd time-outs send SIGTERM, which `plan` and `simulate` handle like Ctrl-C; an
// interrupted plan never replaces -o FILE but goes to FILE.interrupted; and a signal
// that arrives while the temporary output file exists removes it. The tests wait
// for the handler (SigCgt in /proc) or for the temporary file (inotify), never a
// fixed delay before the first signal.
#include <gtest/gtest.h>
#include <sys/inotify.h>
#include <poll.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "process.hpp"
#include "support/run_cli.hpp"

namespace fs = std::filesystem;
using namespace staffplan::testing;
using namespace std::chrono_literals;

namespace {

// True once `pid` catches SIGTERM (bit 15 of SigCgt in /proc/PID/status).
bool catches_sigterm(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("SigCgt:", 0) == 0) return (std::stoull(line.substr(7), nullptr, 16) & (1ull << 14)) != 0;
  return false;
}

bool wait_for_handler(Process& process) {
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (!process.running()) return false;
    if (catches_sigterm(process.pid())) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

std::vector<std::string> listing(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// follow-the-sun with --gap 0 is not closed within a minute: the signal lands mid-solve.
TEST(Sigterm, PlanStopsWithTheBestPlanBesideTheOutputFileWhichStaysUntouched) {
  const std::string dir = make_temp_dir();
  const std::string out = dir + "/plan.json";
  write_file(out, "yesterday's plan\n");
  Process process({"plan", source_path("configs/follow-the-sun.yaml"), "--gap", "0", "--time-limit", "120",
                   "-f", "json", "-o", out},
                  dir);
  ASSERT_TRUE(wait_for_handler(process));
  std::this_thread::sleep_for(4s);  // past the LP, as in sigint_test.cpp
  process.signal(SIGTERM);
  ASSERT_TRUE(process.wait_for(60s)) << "still running a minute after SIGTERM";
  EXPECT_EQ(process.signal_number, 0) << "killed by the signal";
  EXPECT_EQ(process.exit_code, 1);
  EXPECT_EQ(process.out(), "");
  EXPECT_EQ(process.err(), "staffplan: interrupted; the best plan found so far was written to " + out +
                               ".interrupted\n");
  EXPECT_EQ(read_file(out), "yesterday's plan\n");
  const std::string beside = read_file(out + ".interrupted");
  EXPECT_NE(beside.find("\"status\": \"interrupted\""), std::string::npos) << beside.substr(0, 300);
  EXPECT_NE(beside.find("\"shifts\": ["), std::string::npos);
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"plan.json", "plan.json.interrupted", "stderr", "stdout"}));
  fs::remove_all(dir);
}

// One day at 30 calls an hour, one agent per hour, 100000 replications: tens of
// seconds of simulation, ended by SIGTERM with exit 1 and no result.
TEST(Sigterm, SimulateStopsWithExitOneAndWritesNothing) {
  const std::string dir = make_temp_dir();
  std::string rows;
  for (int h = 0; h < 24; ++h)
    rows += (h ? ",\n" : "") + std::string("{\"start\": \"2026-11-23T") + (h < 10 ? "0" : "") +
            std::to_string(h) + ":00:00+00:00\", \"queue\": \"q\", \"productive\": 3}";
  write_file(dir + "/staffing.json", "{\"intervals\": [\n" + rows + "\n]}\n");
  write_file(dir + "/out.csv", "previous\n");
  Process process({"simulate", source_path("tests/data/simulate/one-day.yaml"), "--plan", dir + "/staffing.json",
                   "--replications", "100000", "--threads", "1", "-f", "csv", "-o", dir + "/out.csv"},
                  dir);
  ASSERT_TRUE(wait_for_handler(process));
  process.signal(SIGTERM);
  ASSERT_TRUE(process.wait_for(30s)) << "still running after SIGTERM";
  EXPECT_EQ(process.signal_number, 0) << "killed by the signal";
  EXPECT_EQ(process.exit_code, 1);
  EXPECT_EQ(process.out(), "");
  EXPECT_EQ(process.err().rfind("staffplan: simulate: interrupted by SIGTERM after ", 0), 0u) << process.err();
  EXPECT_NE(process.err().find(" of 100000 replications; no result was written\n"), std::string::npos)
      << process.err();
  EXPECT_EQ(read_file(dir + "/out.csv"), "previous\n");
  fs::remove_all(dir);
}

// A plan whose `require` CSV is about 30 MB (ten queues, a year of 15-minute
// intervals, no calls), so writing and fsyncing it takes a while.
std::string big_output_plan(const std::string& dir) {
  std::string queues;
  for (int q = 0; q < 10; ++q)
    queues += "  - { name: queue" + std::to_string(q) + ", aht: 180s, forecast: { rows: [] } }\n";
  const std::string plan = "version: 1\ntimezone: UTC\nstart: 2026-01-01\ndays: 365\ninterval: 15m\n"
                           "goal: { service_level: 80%, answer_within: 20s }\nqueues:\n" +
                           queues +
                           "sites:\n  - name: s\n    timezone: UTC\n    hourly_cost: 20\n"
                           "    shifts:\n      - { name: day, start: \"08:00\", length: 8h }\n";
  write_file(dir + "/year.yaml", plan);
  return dir + "/year.yaml";
}

// SIGTERM as soon as the temporary output file appears (inotify): the run ends
// with exit 143, the temporary file is gone and FILE keeps its old contents. When
// the run was faster than the signal (exit 0), try again.
TEST(Sigterm, SignalWhileWritingLeavesNoTemporaryFile) {
  const std::string dir = make_temp_dir();
  const std::string work = dir + "/work", out_dir = dir + "/out";
  fs::create_directory(work);
  fs::create_directory(out_dir);
  const std::string plan = big_output_plan(work);
  bool hit = false;
  for (int attempt = 0; attempt < 8 && !hit; ++attempt) {
    write_file(out_dir + "/result.csv", "old\n");
    const int watch_fd = inotify_init1(IN_CLOEXEC);
    ASSERT_GE(watch_fd, 0);
    ASSERT_GE(inotify_add_watch(watch_fd, out_dir.c_str(), IN_CREATE), 0);
    Process process({"require", plan, "-f", "csv", "-o", out_dir + "/result.csv"}, work);
    pollfd wait{watch_fd, POLLIN, 0};
    const int ready = ::poll(&wait, 1, 60000);
    if (ready == 1) process.signal(SIGTERM);  // the temporary file was just created
    ::close(watch_fd);
    ASSERT_TRUE(process.wait_for(60s));
    EXPECT_EQ(process.signal_number, 0) << "killed by the signal";
    if (process.exit_code == 0) continue;  // finished before the signal arrived
    hit = true;
    EXPECT_EQ(process.exit_code, 128 + SIGTERM) << process.err();
    EXPECT_EQ(process.err(), "staffplan: interrupted while writing the output; nothing was written\n");
    EXPECT_EQ(read_file(out_dir + "/result.csv"), "old\n");
  }
  EXPECT_TRUE(hit) << "the signal never arrived while the output was being written";
  EXPECT_EQ(listing(out_dir), std::vector<std::string>{"result.csv"}) << "a temporary file was left behind";
  fs::remove_all(dir);
}

}  // namespace
