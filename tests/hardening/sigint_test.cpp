// Ctrl-C during `plan` (issue 6): the first SIGINT stops CBC and the best plan so far
// is printed, marked `interrupted`, with exit 1; a second SIGINT ends the run at once.
// The instance is configs/follow-the-sun.yaml with --gap 0, which CBC cannot close
// within a minute on this machine, so the signal always arrives mid-solve.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "process.hpp"
#include "support/run_cli.hpp"

namespace fs = std::filesystem;
using namespace staffplan::testing;
using namespace std::chrono_literals;

namespace {

const std::vector<std::string> hard_plan = {"plan", source_path("configs/follow-the-sun.yaml"), "--gap", "0",
                                            "--time-limit", "120", "-f", "json"};

// True once `pid` catches SIGINT (bit 2 of SigCgt in /proc/PID/status): the plan
// command installs its handler only around the solver, after loading the plan.
bool catches_sigint(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("SigCgt:", 0) == 0) return (std::stoull(line.substr(7), nullptr, 16) & 0x2) != 0;
  return false;
}

bool wait_until_solving(Process& process) {
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (!process.running()) return false;
    if (catches_sigint(process.pid())) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

TEST(Sigint, FirstStopsTheSolverAndPrintsTheBestPlanMarkedInterrupted) {
  const std::string dir = make_temp_dir();
  Process process(hard_plan, dir);
  ASSERT_TRUE(wait_until_solving(process));
  std::this_thread::sleep_for(4s);  // past the LP (Clp catches SIGINT itself there)
  process.signal(SIGINT);
  ASSERT_TRUE(process.wait_for(60s)) << "still running a minute after SIGINT";
  EXPECT_EQ(process.signal_number, 0);
  EXPECT_EQ(process.exit_code, 1);
  EXPECT_NE(process.out().find("\"status\": \"interrupted\""), std::string::npos) << process.out().substr(0, 300);
  EXPECT_NE(process.out().find("\"shifts\": ["), std::string::npos);
  EXPECT_EQ(process.err(), "staffplan: interrupted; the best plan found so far was written\n");
  fs::remove_all(dir);
}

// The first SIGINT usually stops CBC within milliseconds, so whether the second one
// meets the handler (exit 130 at once) or the finished run (exit 1) is a race; either
// way two Ctrl-C end the run promptly, with an exit code and never by the signal.
TEST(Sigint, TwoEndTheRunPromptlyWithoutDyingBySignal) {
  const std::string dir = make_temp_dir();
  Process process(hard_plan, dir);
  ASSERT_TRUE(wait_until_solving(process));
  std::this_thread::sleep_for(4s);
  process.signal(SIGINT);
  // Two pending SIGINTs merge into one: let the first be handled before the second.
  std::this_thread::sleep_for(20ms);
  if (process.running()) process.signal(SIGINT);
  ASSERT_TRUE(process.wait_for(10s)) << "two SIGINTs must end the run at once";
  EXPECT_EQ(process.signal_number, 0);
  EXPECT_TRUE(process.exit_code == 130 || process.exit_code == 1) << process.exit_code;
  fs::remove_all(dir);
}

}  // namespace
